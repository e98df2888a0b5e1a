import type { Json } from "./resources";
import { T, canonicalType } from "./tokens";

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
  return canonicalType(type) in STATEFUL_TYPES;
}

/** The inputs of a type whose change replaces the resource (plus the resource's own replaceOnChanges). */
export function replacementInputs(type: string, replaceOnChanges: readonly string[] = []): string[] {
  const own = replaceOnChanges.includes("*") ? ["*"] : [...replaceOnChanges];
  return [...(STATEFUL_TYPES[canonicalType(type)]?.replaceOn ?? []), ...own];
}

/** Names of buckets that hold Pulumi (or Terraform) state, as @scaleway-blocks/policy recognises them. */
const STATE_BUCKET_NAME = /(^|[-.])(pulumi-|tf-)?state([-.]|$)/;

/** Whether a bucket holds Pulumi state: tagged component=state-backend, or named like a state bucket. */
export function isStateBucket(type: string, inputs: Readonly<Record<string, Json>>): boolean {
  if (canonicalType(type) !== T.bucket) return false;
  const tags = inputs.tags;
  if (tags !== null && typeof tags === "object" && !Array.isArray(tags) && tags.component === "state-backend")
    return true;
  return typeof inputs.name === "string" && STATE_BUCKET_NAME.test(inputs.name);
}
