import type { RuleResource } from "../types";
import { asString, tryRead } from "./values";

/** A resource with the property dependencies its graph recorded (input name → source URNs). */
export interface Related {
  readonly subject: RuleResource;
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Whether `value` names `candidate`: its `name` input, or `<region>/<name>` in its region. */
function names(value: string, candidate: RuleResource): boolean {
  const name = asString(tryRead(() => candidate.inputs.name));
  if (name === undefined || name === "") return false;
  if (value === name) return true;
  const slash = value.indexOf("/");
  if (slash <= 0 || value.slice(slash + 1) !== name) return false;
  const region = asString(tryRead(() => candidate.inputs.region));
  return region === undefined || region === value.slice(0, slash);
}

/**
 * `RuleContext.sourcesOf` over a set of resources: for one resource and one of its inputs, the
 * resources its property dependencies name; when none are recorded (a plain graph, a name given
 * as text), the other resources whose name the input's value holds.
 */
export function sourcesFinder(
  resources: readonly Related[],
): (of: RuleResource, input: string) => readonly RuleResource[] {
  const byUrn = new Map(resources.map((r) => [r.subject.urn, r]));
  return (of, input) => {
    const recorded = byUrn.get(of.urn)?.propertyDependencies?.[input] ?? [];
    const found = recorded
      .map((urn) => byUrn.get(urn)?.subject)
      .filter((r): r is RuleResource => r !== undefined);
    if (found.length > 0) return found;
    const value = asString(tryRead(() => of.inputs[input]));
    if (value === undefined || value === "") return [];
    return resources.map((r) => r.subject).filter((r) => r.urn !== of.urn && names(value, r));
  };
}

/** `sourcesOf` for a rule that reads no other resource. */
export const NO_SOURCES = (): readonly RuleResource[] => [];

/**
 * `RuleContext.referencedBy` over a set of resources: for one resource, the resources of a type
 * whose input came from it (by `sourcesFinder`), e.g. the Kubernetes ACLs whose `clusterId` is a
 * cluster's id. A value given as text (an id) matches only by name, as in `sourcesFinder`.
 */
export function dependentsFinder(
  resources: readonly Related[],
): (of: RuleResource, type: string, input: string) => readonly RuleResource[] {
  const sourcesOf = sourcesFinder(resources);
  return (of, type, input) =>
    resources
      .map((r) => r.subject)
      .filter((r) => r.type === type && r.urn !== of.urn)
      .filter((r) => sourcesOf(r, input).some((source) => source.urn === of.urn));
}

/** `referencedBy` for a rule that reads no other resource. */
export const NO_DEPENDENTS = (): readonly RuleResource[] => [];
