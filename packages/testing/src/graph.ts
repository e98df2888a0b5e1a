import { ResourceRef, Secret } from "./values";

export interface RecordedOptions {
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  additionalSecretOutputs: string[];
  aliases: string[];
  provider?: string;
}

/** One resource as the Pulumi engine would have received it. */
export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  /** false for component resources and the stack. */
  custom: boolean;
  id?: string;
  /** The parent's URN (the stack for top-level resources). */
  parent?: string;
  /** Every resource this one waits for: explicit dependsOn and those its inputs came from. */
  dependencies: string[];
  /** Per input, the resources its value came from (implicit dependencies). */
  propertyDependencies: Record<string, string[]>;
  /** Resolved inputs; secrets stay wrapped in `Secret`. */
  inputs: Record<string, unknown>;
  /** Custom resources: the state the (mocked) provider returned. Components: what they registered. */
  outputs: Record<string, unknown>;
  options: RecordedOptions;
}

export interface RecordedCall {
  token: string;
  inputs: Record<string, unknown>;
}

/** A place in the graph where a secret value appears outside a Secret wrapper. */
export interface SecretLeak {
  urn: string;
  where: "inputs" | "outputs";
  path: string;
  /** The first two characters of the leaked secret, enough to tell which one. */
  secretPrefix: string;
}

/** Options of {@link ResourceGraph.secretLeaks}. */
export interface SecretLeaksOptions {
  /**
   * Values that are not secret even where the graph holds them inside a Secret, e.g. an access key
   * id or a URL kept next to the secret key in one secret object. They are left out of the values
   * found in the graph; `knownSecrets` still count, even when listed here too.
   */
  publicValues?: Iterable<string>;
}

const STACK_TYPE = "pulumi:pulumi:Stack";
const MIN_SECRET_LENGTH = 4;

function walk(
  value: unknown,
  path: string,
  visit: (leaf: unknown, path: string, inSecret: boolean) => void,
  inSecret = false,
): void {
  if (value instanceof Secret) return walk(value.value, path, visit, true);
  if (value instanceof ResourceRef) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, visit, inSecret));
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value))
      walk(child, path ? `${path}.${key}` : key, visit, inSecret);
    return;
  }
  visit(value, path, inSecret);
}

/** The resources a program registered, with queries that let tests read like specifications. */
export class ResourceGraph {
  constructor(
    readonly resources: readonly RecordedResource[],
    readonly calls: readonly RecordedCall[] = [],
  ) {}

  /** The stack resource, present when the program ran inside a stack. */
  get stack(): RecordedResource | undefined {
    return this.resources.find((r) => r.type === STACK_TYPE);
  }

  /** Outputs the program returned as stack outputs. */
  get stackOutputs(): Record<string, unknown> {
    return this.stack?.outputs ?? {};
  }

  /** Every resource except the stack itself. */
  get registered(): RecordedResource[] {
    return this.resources.filter((r) => r.type !== STACK_TYPE);
  }

  get customResources(): RecordedResource[] {
    return this.resources.filter((r) => r.custom);
  }

  get components(): RecordedResource[] {
    return this.resources.filter((r) => !r.custom && r.type !== STACK_TYPE);
  }

  byType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource of this type (and name, when given); throws when there are none or several. */
  one(type: string, name?: string): RecordedResource {
    const found = this.byType(type).filter((r) => name === undefined || r.name === name);
    if (found.length !== 1) {
      const names = this.byType(type).map((r) => r.name);
      throw new Error(
        `expected exactly one ${type}${name ? ` named "${name}"` : ""}, found ${found.length} (${type} names: ${names.join(", ") || "none"})`,
      );
    }
    return found[0]!;
  }

  /** The resource with this URN, or the one with this Pulumi name. */
  get(urnOrName: string): RecordedResource {
    const found = this.resources.filter((r) => r.urn === urnOrName || r.name === urnOrName);
    if (found.length !== 1)
      throw new Error(`expected exactly one resource "${urnOrName}", found ${found.length}`);
    return found[0]!;
  }

  /** Inputs of the one resource of this type (and name). */
  inputsOf(type: string, name?: string): Record<string, unknown> {
    return this.one(type, name).inputs;
  }

  childrenOf(parent: RecordedResource | string): RecordedResource[] {
    const urn = typeof parent === "string" ? parent : parent.urn;
    return this.resources.filter((r) => r.parent === urn);
  }

  /** Children, grandchildren and so on. */
  descendantsOf(parent: RecordedResource | string): RecordedResource[] {
    const out: RecordedResource[] = [];
    const queue = this.childrenOf(parent);
    while (queue.length > 0) {
      const next = queue.shift()!;
      out.push(next);
      queue.push(...this.childrenOf(next));
    }
    return out;
  }

  parentOf(resource: RecordedResource): RecordedResource | undefined {
    return this.resources.find((r) => r.urn === resource.parent);
  }

  /** The resources this one depends on. */
  dependenciesOf(resource: RecordedResource): RecordedResource[] {
    return this.resources.filter((r) => resource.dependencies.includes(r.urn));
  }

  /** Dependencies no input explains: the ones given with `dependsOn`. */
  explicitDependenciesOf(resource: RecordedResource): RecordedResource[] {
    const implicit = new Set(Object.values(resource.propertyDependencies).flat());
    return this.dependenciesOf(resource).filter((r) => !implicit.has(r.urn));
  }

  /** Number of resources of each type, e.g. for "creates one VPC and two private networks". */
  countByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.registered) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return counts;
  }

  /** Every string held inside a Secret anywhere in the graph. */
  secretValues(): Set<string> {
    const secrets = new Set<string>();
    for (const r of this.resources) {
      for (const part of [r.inputs, r.outputs]) {
        walk(part, "", (leaf, _path, inSecret) => {
          if (inSecret && typeof leaf === "string" && leaf.length >= MIN_SECRET_LENGTH) secrets.add(leaf);
        });
      }
    }
    return secrets;
  }

  /**
   * Every place where a secret value (any string the graph holds as a Secret, plus `knownSecrets`)
   * appears in plain text, whole or inside a longer string such as a connection URL.
   * `options.publicValues` are not secret even where a Secret holds them (see {@link SecretLeaksOptions}).
   */
  secretLeaks(knownSecrets: Iterable<string> = [], options: SecretLeaksOptions = {}): SecretLeak[] {
    const publicValues = new Set(options.publicValues ?? []);
    const found = [...this.secretValues()].filter((s) => !publicValues.has(s));
    const secrets = [...found, ...knownSecrets].filter((s) => s.length >= MIN_SECRET_LENGTH);
    const leaks: SecretLeak[] = [];
    for (const r of this.resources) {
      for (const where of ["inputs", "outputs"] as const) {
        walk(r[where], "", (leaf, path, inSecret) => {
          if (inSecret || typeof leaf !== "string") return;
          const secret = secrets.find((s) => leaf.includes(s));
          if (secret) leaks.push({ urn: r.urn, where, path, secretPrefix: `${secret.slice(0, 2)}…` });
        });
      }
    }
    return leaks;
  }
}
