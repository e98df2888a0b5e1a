import type { SettingName } from "../settings";
import type { Rule, RuleContext, RuleResource, Severity } from "../types";

/** What a rule file writes; `defineRule` turns it into a `Rule`. */
export interface RuleSpec<I> {
  id: string;
  severity: Severity;
  description: string;
  why: string;
  remediation: string;
  resourceTypes: readonly string[] | "all";
  settings?: readonly SettingName[];
  environmentAware?: boolean;
  /** Whether `check` reads other resources through `context.sourcesOf`. Default false. */
  readsRelatedResources?: boolean;
  /** Violation messages (or one, or none) for a resource whose inputs have the shape I. */
  check(resource: RuleResource<I>, context: RuleContext): string | readonly string[] | undefined;
}

const ID_PATTERN = /^scw(?:-[a-z0-9]+)+$/;

/** A typed rule over the inputs of the resource types it names. */
export function defineRule<I>(spec: RuleSpec<I>): Rule {
  if (!ID_PATTERN.test(spec.id))
    throw new Error(`rule id "${spec.id}" is not kebab-case starting with "scw-"`);
  const types = spec.resourceTypes;
  return Object.freeze({
    id: spec.id,
    severity: spec.severity,
    description: spec.description,
    why: spec.why,
    remediation: spec.remediation,
    resourceTypes: types === "all" ? "all" : Object.freeze([...types]),
    settings: Object.freeze([...(spec.settings ?? [])]),
    environmentAware: spec.environmentAware ?? false,
    readsRelatedResources: spec.readsRelatedResources ?? false,
    appliesTo: (type: string) => (types === "all" ? type.startsWith("scaleway:") : types.includes(type)),
    check: (resource: RuleResource, context: RuleContext): string[] => {
      const result = spec.check(resource as RuleResource<I>, context);
      if (result === undefined) return [];
      return typeof result === "string" ? [result] : [...result];
    },
  });
}
