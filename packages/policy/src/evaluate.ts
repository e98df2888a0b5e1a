import { parseArgs, STACK_TYPE, unwrapSecrets } from "@scaleway-blocks/core/internal";
import type { Environment } from "@scaleway-blocks/core";
import { z } from "zod";
import { environmentOfStack, environmentOfTags, stackOfUrn } from "./internal/environment";
import { dependentsFinder, NO_DEPENDENTS, NO_SOURCES, sourcesFinder } from "./internal/relations";
import type { Related } from "./internal/relations";
import { moduleTypeOf } from "./provider";
import { scrub, tagsOf } from "./internal/values";
import { rules } from "./rules";
import { resolveSettings, settingsOverrideSchema } from "./settings";
import type { PolicySettings } from "./settings";
import type { EnforcementLevel, Finding, Rule, RuleResource, Severity } from "./types";

/**
 * One resource of a recorded graph. `ResourceGraph` from @scaleway-blocks/testing satisfies it, and
 * so does any plain object of this shape.
 */
export interface GraphResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** Inputs as registered; secrets may be wrapped in secret markers (`{ value }` objects). */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly options: { readonly protect?: boolean };
  /** The parent's URN. */
  readonly parent?: string;
  /**
   * Per input, the URNs of the resources its value came from (recorded by @scaleway-blocks/testing).
   * Optional: without it, rules that look at related resources find them by name.
   */
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface ResourceGraphLike {
  readonly resources: readonly GraphResource[];
}

/** A rule's configuration: its level alone, or its level and settings that apply to it only. */
export type RuleOverride =
  EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Partial<PolicySettings>);

/** Settings for every rule, and per-rule overrides keyed by rule id. */
export interface EvaluateConfig extends Partial<PolicySettings> {
  rules?: Readonly<Record<string, RuleOverride>>;
}

const levelSchema = z.enum(["mandatory", "advisory", "disabled"]);
const ruleIds = new Set(rules.map((r) => r.id));

const ruleSettingsSchema = settingsOverrideSchema.extend({ enforcementLevel: levelSchema.optional() });

const evaluateConfigSchema = settingsOverrideSchema
  .extend({
    rules: z
      .record(z.string(), z.unknown())
      .superRefine((overrides, ctx) => {
        for (const [id, override] of Object.entries(overrides)) {
          if (!ruleIds.has(id)) {
            ctx.addIssue({
              code: "custom",
              path: [id],
              message: `expected a rule id (${[...ruleIds].join(", ")})`,
            });
            continue;
          }
          const schema = typeof override === "string" ? levelSchema : ruleSettingsSchema;
          const result = schema.safeParse(override);
          for (const issue of result.error?.issues ?? []) {
            ctx.addIssue({ code: "custom", message: issue.message, path: [id, ...issue.path] });
          }
        }
      })
      .optional(),
  })
  .strict();

/** Parses a configuration, or throws a ConfigError naming every bad field. */
export function parseEvaluateConfig(config: EvaluateConfig = {}): EvaluateConfig {
  return parseArgs(evaluateConfigSchema, config, {
    type: "@scaleway-blocks/policy",
    name: "evaluate",
  }) as EvaluateConfig;
}

/** The level and settings of one rule under a configuration. */
export function effectiveRule(
  rule: Rule,
  config: EvaluateConfig,
): { level: EnforcementLevel; settings: PolicySettings } {
  const { rules: overrides, ...global } = config;
  const override = overrides?.[rule.id];
  if (typeof override === "string") return { level: override, settings: resolveSettings(global) };
  const { enforcementLevel, ...own } = override ?? {};
  return { level: enforcementLevel ?? rule.severity, settings: resolveSettings(global, own) };
}

function ownEnvironment(inputs: Readonly<Record<string, unknown>>): Environment | undefined {
  return environmentOfTags(tagsOf(inputs.tags));
}

/**
 * The environment a resource's family says: the environment tag shared by every tagged resource
 * under its nearest ancestor component that has any (e.g. an AlertManager, which takes no tags,
 * inside a component whose other children are tagged environment=production).
 */
function familyEnvironments(graph: ResourceGraphLike): (resource: GraphResource) => Environment | undefined {
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const children = new Map<string, GraphResource[]>();
  for (const r of graph.resources) {
    if (r.parent === undefined) continue;
    children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const cache = new Map<string, Set<Environment>>();
  const tagged = (urn: string): Set<Environment> => {
    const known = cache.get(urn);
    if (known) return known;
    const found = new Set<Environment>();
    cache.set(urn, found);
    for (const child of children.get(urn) ?? []) {
      const own = ownEnvironment(unwrapSecrets(child.inputs) as Record<string, unknown>);
      if (own) found.add(own);
      for (const env of tagged(child.urn)) found.add(env);
    }
    return found;
  };
  return (resource) => {
    let parent = resource.parent === undefined ? undefined : byUrn.get(resource.parent);
    while (parent !== undefined && parent.type !== STACK_TYPE) {
      const environments = tagged(parent.urn);
      if (environments.size === 1) return [...environments][0];
      if (environments.size > 1) return undefined; // the family disagrees: let configuration decide
      parent = parent.parent === undefined ? undefined : byUrn.get(parent.parent);
    }
    return undefined;
  };
}

/**
 * Runs every rule over every Scaleway resource of a recorded graph.
 * A resource's environment is its `environment=…` tag, else the one its component's other resources
 * carry, else `config.environment`, else the stack name in its URN when that names an environment.
 * Messages never contain a value the graph holds as a secret.
 */
export function evaluate(graph: ResourceGraphLike, config: EvaluateConfig = {}): Finding[] {
  const parsed = parseEvaluateConfig(config);
  const resolved = rules.map((rule) => ({ rule, ...effectiveRule(rule, parsed) }));
  const familyEnvironment = familyEnvironments(graph);
  const findings: Finding[] = [];
  const related: (Related & { resource: GraphResource; secrets: Set<string> })[] = [];
  for (const resource of graph.resources) {
    const type = moduleTypeOf(resource.type);
    if (!type.startsWith("scaleway:")) continue;
    const secrets = new Set<string>();
    const inputs = unwrapSecrets(resource.inputs ?? {}, { found: secrets }) as Record<string, unknown>;
    const subject: RuleResource = {
      type,
      registeredType: resource.type,
      name: resource.name,
      urn: resource.urn,
      inputs,
      protect: resource.options?.protect === true,
    };
    related.push({
      subject,
      resource,
      secrets,
      ...(resource.propertyDependencies ? { propertyDependencies: resource.propertyDependencies } : {}),
    });
  }
  const sourcesOf = sourcesFinder(related);
  const dependentsOf = dependentsFinder(related);
  for (const { subject, resource, secrets } of related) {
    const { type, inputs } = subject;
    const tagged = ownEnvironment(inputs) ?? familyEnvironment(resource);
    for (const { rule, level, settings } of resolved) {
      if (level === "disabled" || !rule.appliesTo(type)) continue;
      const environment = tagged ?? settings.environment ?? environmentOfStack(stackOfUrn(resource.urn));
      for (const message of rule.check(subject, {
        settings,
        environment,
        production: environment === "production",
        // Only rules that say they read other resources see them, as under CrossGuard.
        sourcesOf: rule.readsRelatedResources ? (input) => sourcesOf(subject, input) : NO_SOURCES,
        referencedBy: rule.readsRelatedResources
          ? (of, input) => dependentsOf(subject, of, input)
          : NO_DEPENDENTS,
      })) {
        findings.push({
          ruleId: rule.id,
          severity: level,
          urn: resource.urn,
          name: resource.name,
          type: resource.type,
          message: scrub(message, secrets),
          remediation: rule.remediation,
        });
      }
    }
  }
  return findings;
}

/** Whether any finding is mandatory (what should fail a pipeline). */
export function hasMandatoryFailures(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "mandatory");
}

/** Findings as text, one per line: "[mandatory] scw-… name (type): message". */
export function formatFindings(findings: readonly Finding[]): string {
  const order: Record<Severity, number> = { mandatory: 0, advisory: 1 };
  return [...findings]
    .sort((a, b) => order[a.severity] - order[b.severity] || a.ruleId.localeCompare(b.ruleId))
    .map((f) => `[${f.severity}] ${f.ruleId} ${f.name} (${f.type}): ${f.message}`)
    .join("\n");
}
