import { moduleTypeOf } from "@scaleway-blocks/policy";
import { T } from "./tokens";

/** How a type is replaced: the inputs whose change makes the provider delete it and create it anew. */
export interface ReplacementRule {
  readonly label: string;
  /** Holds data that a delete or a replace destroys. */
  readonly stateful: boolean;
  /** Pulumi input names of the provider's ForceNew fields (locality and project included). */
  readonly replaceOn: readonly string[];
  /** Where the ForceNew flags are, in terraform-provider-scaleway v2.79.0. */
  readonly source: string;
}

/**
 * The replacement table, read from the ForceNew flags and CustomizeDiff functions of
 * terraform-provider-scaleway v2.79.0 (the provider @pulumiverse/scaleway 1.54 bridges). `region`
 * (internal/locality/regional/schemas.go) and `project_id` (internal/services/account/schemas.go)
 * are ForceNew on every type. Inputs not listed update in place; in particular:
 * - `databases.Instance` `isHaCluster` has no ForceNew: the provider sends UpgradeInstance with
 *   `enable_ha` (instance.go, ResourceRdbInstanceUpdate). `nodeType`, `volumeType`/`volumeSizeInGb`
 *   and `encryptionAtRest` upgrade in place too. `engine` has no ForceNew either, but a change runs a
 *   blue/green MajorUpgradeWorkflow that gives the instance a **new id** and deletes the old instance:
 *   see `engineUpgradeCascade` in diff.ts.
 * - `secrets.Secret` `name` and `path` update in place (secret.go: no ForceNew); only `type` replaces.
 * - `observability.Source` `retentionDays` updates in place (cockpit/source.go: no ForceNew); `name`
 *   and `type` replace.
 */
export const REPLACEMENT_TABLE: Readonly<Record<string, ReplacementRule>> = {
  [T.databaseInstance]: {
    label: "Managed Database instance",
    stateful: true,
    replaceOn: ["userName", "initSettings", "snapshotId", "region", "projectId"],
    source: "internal/services/rdb/instance.go (user_name, init_settings, snapshot_id: ForceNew)",
  },
  [T.database]: {
    label: "database",
    stateful: true,
    replaceOn: ["instanceId", "name", "region"],
    source: "internal/services/rdb/database.go (instance_id, name: ForceNew)",
  },
  [T.serverlessDatabase]: {
    label: "Serverless SQL database",
    stateful: true,
    replaceOn: ["name", "region", "projectId"],
    source: "internal/services/sdb/database.go (name: ForceNew)",
  },
  [T.bucket]: {
    label: "bucket",
    stateful: true,
    replaceOn: ["name", "objectLockEnabled", "region", "projectId"],
    source: "internal/services/object/bucket.go (name, object_lock_enabled: ForceNew)",
  },
  [T.secret]: {
    label: "secret",
    stateful: true,
    replaceOn: ["type", "region", "projectId"],
    source: "internal/services/secret/secret.go (type: ForceNew; name and path update in place)",
  },
  [T.cockpitSource]: {
    label: "Cockpit data source",
    stateful: true,
    replaceOn: ["name", "type", "region", "projectId"],
    source: "internal/services/cockpit/source.go (name, type: ForceNew; retention_days updates in place)",
  },
  [T.databaseUser]: {
    label: "database user",
    stateful: false,
    replaceOn: ["instanceId", "name", "region"],
    source: "internal/services/rdb/user.go (instance_id, name: ForceNew)",
  },
  [T.databasePrivilege]: {
    label: "database privilege",
    stateful: false,
    replaceOn: ["instanceId", "region"],
    source: "internal/services/rdb/privilege.go (instance_id: ForceNew)",
  },
  [T.databaseAcl]: {
    label: "database ACL",
    stateful: false,
    replaceOn: ["instanceId", "region"],
    source: "internal/services/rdb/acl.go (instance_id: ForceNew)",
  },
};

/**
 * The stateful resource types (they hold data that a delete or a replace destroys), with the inputs
 * whose change replaces them.
 */
export const STATEFUL_TYPES: Readonly<Record<string, { label: string; replaceOn: readonly string[] }>> =
  Object.fromEntries(
    Object.entries(REPLACEMENT_TABLE)
      .filter(([, rule]) => rule.stateful)
      .map(([type, rule]) => [type, { label: rule.label, replaceOn: rule.replaceOn }]),
  );

export function isStateful(type: string): boolean {
  return moduleTypeOf(type) in STATEFUL_TYPES;
}

/** The inputs of a type whose change replaces the resource (plus the resource's own replaceOnChanges). */
export function replacementInputs(type: string, replaceOnChanges: readonly string[] = []): string[] {
  const own = replaceOnChanges.includes("*") ? ["*"] : [...replaceOnChanges];
  return [...(REPLACEMENT_TABLE[moduleTypeOf(type)]?.replaceOn ?? []), ...own];
}
