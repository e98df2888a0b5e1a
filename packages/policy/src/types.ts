import type { Environment } from "@scaleway-blocks/core";
import type { PolicySettings, SettingName } from "./settings";

/**
 * How hard a rule bites. `mandatory` findings fail `hasMandatoryFailures` and block `pulumi up`
 * under CrossGuard; `advisory` findings are reported and let the deployment go on.
 */
export type Severity = "mandatory" | "advisory";

/** A rule's level once configuration is applied: its severity, or switched off. */
export type EnforcementLevel = Severity | "disabled";

/** One resource as a rule sees it: its type token, its inputs and the options that matter. */
export interface RuleResource<I = Record<string, unknown>> {
  /**
   * The module type token (`scaleway:databases/instance:Instance`). A deprecated top-level token
   * (`scaleway:index/databaseInstance:DatabaseInstance`) is given here as the module token that replaced it.
   */
  readonly type: string;
  /** The token the program registered, deprecated or not. */
  readonly registeredType: string;
  /** The Pulumi name. */
  readonly name: string;
  readonly urn: string;
  /** Inputs with secret markers removed (plain values). Never print them whole in a message. */
  readonly inputs: Readonly<Partial<I>>;
  /** The Pulumi `protect` resource option. */
  readonly protect: boolean;
}

/** What a rule knows beyond the resource. */
export interface RuleContext {
  readonly settings: Readonly<PolicySettings>;
  /**
   * The resource's environment: its `environment=…` tag, else the configured environment, else the
   * stack name when it names one (…production, …staging, …dev). Undefined when nothing says.
   */
  readonly environment: Environment | undefined;
  /** environment === "production". */
  readonly production: boolean;
  /**
   * The resources the value of one of this resource's inputs came from: Pulumi's property
   * dependencies where the graph records them, else the resources whose `name` input the value
   * names (`"<name>"` or `"<region>/<name>"`), e.g. the Bucket of a BucketAcl's `bucket`. Empty when
   * none is known, and always empty for rules that do not set `readsRelatedResources`.
   */
  sourcesOf(input: string): readonly RuleResource[];
  /**
   * The resources of module type `type` whose input `input` came from this resource (the reverse of
   * `sourcesOf`), e.g. the `kubernetes.Acl`s whose `clusterId` is this cluster's id. Always empty for
   * rules that do not set `readsRelatedResources`.
   */
  referencedBy(type: string, input: string): readonly RuleResource[];
}

/** A rule: plain data plus a check function over one resource. */
export interface Rule {
  /** Kebab-case, unique, stable: the CrossGuard policy name and the key in every configuration. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule asks for. */
  readonly description: string;
  /** Why it matters. */
  readonly why: string;
  /** How to comply. */
  readonly remediation: string;
  /** The module type tokens the rule looks at, or "all" for every Scaleway resource. */
  readonly resourceTypes: readonly string[] | "all";
  /** The settings the rule reads (each becomes a property of its CrossGuard config schema). */
  readonly settings: readonly SettingName[];
  /** Whether the outcome depends on the environment (production-only rules). */
  readonly environmentAware: boolean;
  /**
   * Whether the rule reads other resources through `context.sourcesOf` (the bucket of an ACL). The
   * CrossGuard pack runs such a rule as a stack policy, the only kind that sees other resources.
   */
  readonly readsRelatedResources: boolean;
  /** Whether the rule looks at this resource at all. */
  appliesTo(type: string): boolean;
  /** Violation messages for one resource; empty when it complies. */
  check(resource: RuleResource, context: RuleContext): string[];
}

/** One violation found by `evaluate`. */
export interface Finding {
  readonly ruleId: string;
  /** The rule's enforcement level after configuration. */
  readonly severity: Severity;
  readonly urn: string;
  /** The Pulumi name. */
  readonly name: string;
  /** The type token as registered. */
  readonly type: string;
  /** What is wrong with this resource. Never contains a secret value. */
  readonly message: string;
  /** How to fix it (the rule's remediation). */
  readonly remediation: string;
}
