import { ResourceRef, STACK_TYPE, unwrapSecrets } from "@scaleway-blocks/core/internal";
import { ResourceGraph } from "@scaleway-blocks/recorder";
import type { RecordedResource } from "@scaleway-blocks/recorder";

/** A JSON value (what the plan document holds). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What the plan text shows in place of a secret value. */
export const REDACTED = "[secret]";

/**
 * One resource of a recorded graph, as `ResourceGraph` from @scaleway-blocks/recorder holds it
 * (any object of this shape will do, e.g. for tests).
 */
export interface GraphResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** false for component resources and the stack. */
  readonly custom: boolean;
  readonly parent?: string;
  readonly dependencies?: readonly string[];
  /** Inputs; secrets wrapped in core's `Secret` (or Pulumi's serialized form), references to resources in `ResourceRef`. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly options?: {
    readonly protect?: boolean;
    readonly retainOnDelete?: boolean;
    readonly replaceOnChanges?: readonly string[];
    readonly aliases?: readonly string[];
  };
  /** The provider id the mocks gave (custom resources). */
  readonly id?: string;
  /** Custom resources: the mocked provider state. */
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** A recorded graph: `ResourceGraph` from @scaleway-blocks/recorder, or any object with its resources. */
export interface GraphLike {
  readonly resources: readonly GraphResource[];
}

/** One resource as the plan document carries it: secrets redacted, links as URNs. */
export interface PlanResource {
  urn: string;
  /** The registered type token. */
  type: string;
  name: string;
  /** true for provider resources, false for components. */
  custom: boolean;
  /** The parent's URN; absent for resources directly under the stack. */
  parent?: string;
  /** URNs this resource waits for (explicit dependsOn and the resources its inputs come from). */
  dependencies: string[];
  /** Inputs with every secret replaced by "[secret]" and resource references by { "$resource": urn }. */
  inputs: Record<string, Json>;
  protect: boolean;
  retainOnDelete: boolean;
  replaceOnChanges: string[];
  aliases: string[];
  /** The provider id under mocks (stable: derived from type and name); used to link ids to resources. */
  mockId?: string;
}

/**
 * A value with its secrets already redacted as plain JSON: references to resources become
 * `{ "$resource": urn }`, undefined entries are dropped, what JSON cannot hold becomes null.
 */
function toJson(value: unknown): Json {
  if (value instanceof ResourceRef) return { $resource: value.urn };
  if (value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (child !== undefined) out[key] = toJson(child);
    }
    return out;
  }
  return null;
}

/**
 * Inputs as the plan document carries them: every secret, and every plain string containing a string
 * the graph holds as a secret (`secretValues`), redacted by core's `unwrapSecrets`; then plain JSON.
 */
function planInputs(inputs: unknown, secretValues: ReadonlySet<string>): Record<string, Json> {
  return toJson(unwrapSecrets(inputs, { redact: REDACTED, knownSecrets: secretValues })) as Record<
    string,
    Json
  >;
}

/** Every string the graph holds as a secret, in inputs or outputs: the recorder's `ResourceGraph.secretValues`. */
function secretStrings(graph: GraphLike): Set<string> {
  if (graph instanceof ResourceGraph) return graph.secretValues();
  // secretValues reads only each resource's inputs and outputs, which a GraphResource has.
  return new ResourceGraph(graph.resources as readonly RecordedResource[]).secretValues();
}

/** The graph's resources (without the stack) as the plan carries them, in registration order. */
export function planResources(graph: GraphLike): PlanResource[] {
  const secrets = secretStrings(graph);
  const stackUrns = new Set(graph.resources.filter((r) => r.type === STACK_TYPE).map((r) => r.urn));
  return graph.resources
    .filter((r) => r.type !== STACK_TYPE)
    .map((r) => {
      const inputs = planInputs(r.inputs ?? {}, secrets);
      const resource: PlanResource = {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        dependencies: [...new Set(r.dependencies ?? [])].filter((d) => !stackUrns.has(d)),
        inputs,
        protect: r.options?.protect === true,
        retainOnDelete: r.options?.retainOnDelete === true,
        replaceOnChanges: [...(r.options?.replaceOnChanges ?? [])],
        aliases: [...(r.options?.aliases ?? [])].filter((a) => a !== ""),
      };
      if (r.parent !== undefined && !stackUrns.has(r.parent)) resource.parent = r.parent;
      const mockId = r.id ?? r.outputs?.id;
      if (typeof mockId === "string" && mockId !== "") resource.mockId = mockId;
      return resource;
    });
}
