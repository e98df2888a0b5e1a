import type {
  Policies,
  PolicyConfigSchema,
  PolicyPackArgs,
  PolicyResource,
  ReportViolation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { environmentOfStack, environmentOfTags, stackOfUrn } from "./internal/environment";
import { dependentsFinder, NO_DEPENDENTS, NO_SOURCES, sourcesFinder } from "./internal/relations";
import type { Related } from "./internal/relations";
import { moduleTypeOf } from "./provider";
import { asObject, asString, tagsOf, tryRead } from "./internal/values";
import { rules } from "./rules";
import { resolveSettings, SETTING_JSON_SCHEMAS, settingsOverrideSchema } from "./settings";
import type { PolicySettings, SettingName } from "./settings";
import type { EnforcementLevel, Rule, RuleResource } from "./types";
import { renderRuleTable } from "./table";

export interface PolicyPackOptions {
  /** Settings for every rule (each policy's pack config can still override them). */
  settings?: Partial<PolicySettings>;
  /** Enforcement level per rule id, instead of the rule's severity. */
  enforcementLevels?: Readonly<Record<string, EnforcementLevel>>;
}

/** The settings a rule's CrossGuard config schema exposes. */
function settingNames(rule: Rule): SettingName[] {
  return [...(rule.environmentAware ? (["environment"] as const) : []), ...rule.settings];
}

function configSchema(rule: Rule, defaults: PolicySettings): PolicyConfigSchema | undefined {
  const names = settingNames(rule);
  if (names.length === 0) return undefined;
  const properties = Object.fromEntries(
    names.map((name) => {
      const value = defaults[name];
      return [
        name,
        value === undefined
          ? { ...SETTING_JSON_SCHEMAS[name] }
          : { ...SETTING_JSON_SCHEMAS[name], default: value },
      ];
    }),
  );
  return { properties } as PolicyConfigSchema;
}

/** A rule's pack config, validated: only its own settings, each checked like `evaluate` checks them. */
function readConfig(rule: Rule, args: Pick<ResourceValidationArgs, "getConfig">): Partial<PolicySettings> {
  const raw = args.getConfig<Record<string, unknown>>();
  const names = new Set<string>(settingNames(rule));
  const own = Object.fromEntries(Object.entries(raw).filter(([key]) => names.has(key)));
  const parsed = settingsOverrideSchema.safeParse(own);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration for policy ${rule.id}: ${problems}`);
  }
  return parsed.data;
}

/** What a rule needs of one resource, from a resource validation or a stack validation alike. */
type PackResource = Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "provider">;

/** The region of the provider the resource uses (the default provider reads scaleway:region). */
function providerRegion(resource: PackResource): string | undefined {
  return tryRead(() => asString(asObject(resource.provider?.props)?.region));
}

function subjectOf(resource: PackResource): RuleResource {
  return {
    type: moduleTypeOf(resource.type),
    registeredType: resource.type,
    name: resource.name,
    urn: resource.urn,
    inputs: resource.props as Record<string, unknown>,
    protect: resource.opts?.protect === true,
  };
}

/** Runs one rule over one resource; the messages carry the fix. */
function check(
  rule: Rule,
  settings: PolicySettings,
  resource: PackResource,
  sourcesOf: (input: string) => readonly RuleResource[],
  subject: RuleResource = subjectOf(resource),
  referencedBy: (type: string, input: string) => readonly RuleResource[] = NO_DEPENDENTS,
): string[] {
  const own = { ...settings, defaultRegion: settings.defaultRegion ?? providerRegion(resource) };
  const tagged = environmentOfTags(tagsOf(tryRead(() => subject.inputs.tags)));
  const environment = tagged ?? own.environment ?? environmentOfStack(stackOfUrn(resource.urn));
  return rule
    .check(subject, {
      settings: own,
      environment,
      production: environment === "production",
      sourcesOf,
      referencedBy,
    })
    .map((message) => `${message}\nFix: ${rule.remediation}`);
}

/** A CrossGuard resource validation running one rule. Exported for tests; use `policyPackPolicies`. */
export function validationFor(
  rule: Rule,
  defaults: PolicySettings,
): (args: ResourceValidationArgs, reportViolation: ReportViolation) => void {
  return (args, reportViolation) => {
    if (!rule.appliesTo(moduleTypeOf(args.type))) return;
    const settings = resolveSettings(defaults, readConfig(rule, args));
    for (const message of check(rule, settings, args, NO_SOURCES)) reportViolation(message);
  };
}

/**
 * A CrossGuard stack validation running one rule that reads related resources (the bucket of an
 * ACL) over every resource of the stack, each violation reported on its resource's URN. A value
 * unknown during preview stops only the resource that needs it: the others are still checked, then
 * CrossGuard reports the rule as one that cannot fully run during preview.
 */
export function stackValidationFor(
  rule: Rule,
  defaults: PolicySettings,
): (args: StackValidationArgs, reportViolation: ReportViolation) => void {
  return (args, reportViolation) => {
    const settings = resolveSettings(defaults, readConfig(rule, args));
    const urnsOf = (sources: readonly PolicyResource[]) => sources.map((s) => s.urn);
    const related = args.resources.map((resource) => ({
      resource,
      subject: subjectOf(resource),
      propertyDependencies: Object.fromEntries(
        Object.entries(resource.propertyDependencies ?? {}).map(([input, s]) => [input, urnsOf(s)]),
      ),
    })) satisfies (Related & { resource: PolicyResource })[];
    const sourcesOf = sourcesFinder(related);
    const dependentsOf = dependentsFinder(related);
    let firstError: Error | undefined;
    for (const { resource, subject } of related) {
      if (!rule.appliesTo(subject.type)) continue;
      try {
        const messages = check(
          rule,
          settings,
          resource,
          (input) => sourcesOf(subject, input),
          subject,
          (type, input) => dependentsOf(subject, type, input),
        );
        for (const message of messages) reportViolation(message, resource.urn);
      } catch (error) {
        firstError ??= error instanceof Error ? error : new Error(String(error));
      }
    }
    if (firstError !== undefined) throw firstError;
  };
}

/**
 * The CrossGuard policies, one per rule: name = rule id, enforcement level = the rule's severity
 * (or `options.enforcementLevels`), and a config schema for the settings the rule reads, so that
 * `pulumi preview --policy-pack … --policy-pack-config config.json` can change both. A rule that
 * reads related resources (`readsRelatedResources`) is a stack policy (`validateStack`), every other
 * rule a resource policy (`validateResource`).
 */
export function policyPackPolicies(options: PolicyPackOptions = {}): Policies {
  const defaults = resolveSettings(options.settings);
  for (const id of Object.keys(options.enforcementLevels ?? {})) {
    if (!rules.some((r) => r.id === id))
      throw new Error(
        `unknown rule "${id}" in enforcementLevels; known rules: ${rules.map((r) => r.id).join(", ")}`,
      );
  }
  return rules.map((rule) => {
    const schema = configSchema(rule, defaults);
    const common = {
      name: rule.id,
      description: rule.description,
      enforcementLevel: options.enforcementLevels?.[rule.id] ?? rule.severity,
      remediationSteps: rule.remediation,
      tags: ["scaleway", rule.severity],
      ...(schema ? { configSchema: schema } : {}),
    };
    return rule.readsRelatedResources
      ? { ...common, validateStack: stackValidationFor(rule, defaults) }
      : { ...common, validateResource: validationFor(rule, defaults) };
  });
}

/** Everything `new PolicyPack(name, args)` takes: the policies plus the pack's description and README. */
export function policyPackArgs(options: PolicyPackOptions = {}): PolicyPackArgs {
  return {
    policies: policyPackPolicies(options),
    enforcementLevel: "advisory",
    displayName: "Scaleway blocks",
    description: "Security and compliance rules for Scaleway resources managed with Pulumi.",
    provider: "scaleway",
    tags: ["scaleway", "security", "compliance"],
    readme: `# Scaleway blocks policy pack\n\n${renderRuleTable()}\n`,
  };
}
