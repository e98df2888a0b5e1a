import type {
  PolicyConfigSchema,
  PolicyPackArgs,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
} from "@pulumi/policy";
import { environmentOfStack, normalizeEnvironment, stackOfUrn } from "./internal/environment";
import { moduleTypeOf } from "./provider";
import { asObject, asString, tagsOf, tryRead } from "./internal/values";
import { rules } from "./rules";
import { resolveSettings, SETTING_JSON_SCHEMAS, settingsOverrideSchema } from "./settings";
import type { PolicySettings, SettingName } from "./settings";
import type { EnforcementLevel, Rule } from "./types";
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
function readConfig(rule: Rule, args: ResourceValidationArgs): Partial<PolicySettings> {
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

/** The region of the provider the resource uses (the default provider reads scaleway:region). */
function providerRegion(args: ResourceValidationArgs): string | undefined {
  return tryRead(() => asString(asObject(args.provider?.props)?.region));
}

/** A CrossGuard validation running one rule. Exported for tests; use `policyPackPolicies`. */
export function validationFor(
  rule: Rule,
  defaults: PolicySettings,
): (args: ResourceValidationArgs, reportViolation: ReportViolation) => void {
  return (args, reportViolation) => {
    const type = moduleTypeOf(args.type);
    if (!rule.appliesTo(type)) return;
    const settings = resolveSettings(defaults, readConfig(rule, args));
    settings.defaultRegion ??= providerRegion(args);
    const props = args.props as Record<string, unknown>;
    const tagged = normalizeEnvironment(tagsOf(tryRead(() => props.tags)).get("environment"));
    const environment = tagged ?? settings.environment ?? environmentOfStack(stackOfUrn(args.urn));
    const messages = rule.check(
      {
        type,
        registeredType: args.type,
        name: args.name,
        urn: args.urn,
        inputs: props,
        protect: args.opts?.protect === true,
      },
      { settings, environment, production: environment === "production" },
    );
    for (const message of messages) reportViolation(`${message}\nFix: ${rule.remediation}`);
  };
}

/**
 * The CrossGuard policies, one per rule: name = rule id, enforcement level = the rule's severity
 * (or `options.enforcementLevels`), and a config schema for the settings the rule reads, so that
 * `pulumi preview --policy-pack … --policy-pack-config config.json` can change both.
 */
export function policyPackPolicies(options: PolicyPackOptions = {}): ResourceValidationPolicy[] {
  const defaults = resolveSettings(options.settings);
  for (const id of Object.keys(options.enforcementLevels ?? {})) {
    if (!rules.some((r) => r.id === id))
      throw new Error(
        `unknown rule "${id}" in enforcementLevels; known rules: ${rules.map((r) => r.id).join(", ")}`,
      );
  }
  return rules.map((rule) => {
    const schema = configSchema(rule, defaults);
    return {
      name: rule.id,
      description: rule.description,
      enforcementLevel: options.enforcementLevels?.[rule.id] ?? rule.severity,
      remediationSteps: rule.remediation,
      tags: ["scaleway", rule.severity],
      ...(schema ? { configSchema: schema } : {}),
      validateResource: validationFor(rule, defaults),
    };
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
