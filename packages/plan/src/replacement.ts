import { moduleTypeOf } from "@scaleway-blocks/policy";
import { T } from "./tokens";

/**
 * The stateful resource types (they hold data that a delete or a replace destroys), and for each
 * the inputs whose change makes the provider replace it (delete + create) instead of updating it.
 * Sources: the provider's ForceNew fields as documented in the Scaleway resource reference
 * (`isHaCluster` and `userName` recreate an instance; `retentionDays` recreates a Cockpit source),
 * and the identity of the object (name, region, parent instance).
 */
export const STATEFUL_TYPES: Readonly<Record<string, { label: string; replaceOn: readonly string[] }>> = {
  [T.databaseInstance]: {
    label: "Managed Database instance",
    replaceOn: ["isHaCluster", "userName", "region", "projectId"],
  },
  [T.database]: { label: "database", replaceOn: ["name", "instanceId", "region"] },
  [T.bucket]: { label: "bucket", replaceOn: ["name", "region", "objectLockEnabled", "projectId"] },
  [T.secret]: { label: "secret", replaceOn: ["name", "path", "region", "projectId"] },
  [T.cockpitSource]: {
    label: "Cockpit data source",
    replaceOn: ["retentionDays", "type", "region", "projectId"],
  },
};

export function isStateful(type: string): boolean {
  return moduleTypeOf(type) in STATEFUL_TYPES;
}

/** The inputs of a type whose change replaces the resource (plus the resource's own replaceOnChanges). */
export function replacementInputs(type: string, replaceOnChanges: readonly string[] = []): string[] {
  const own = replaceOnChanges.includes("*") ? ["*"] : [...replaceOnChanges];
  return [...(STATEFUL_TYPES[moduleTypeOf(type)]?.replaceOn ?? []), ...own];
}
