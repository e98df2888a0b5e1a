import { isStateBucket, moduleTypeOf } from "@scaleway-blocks/policy";
import { isStateful, replacementInputs } from "./replacement";
import type { Json } from "./resources";
import { T, canonicalUrn, shortType } from "./tokens";

/** What the diff needs of a resource: the plan document's resource entries satisfy it. */
export interface DiffResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent?: string;
  readonly inputs: Readonly<Record<string, Json>>;
  readonly protect?: boolean;
  readonly retainOnDelete?: boolean;
  readonly replaceOnChanges?: readonly string[];
  readonly aliases?: readonly string[];
  /** The id the mocks gave: links an `instanceId` input to its instance. */
  readonly mockId?: string;
}

export interface ResourceSummary {
  urn: string;
  type: string;
  name: string;
}

export interface ChangedResource extends ResourceSummary {
  /** Top-level inputs whose value differs. */
  changedInputs: string[];
  /** Of those, the ones that make the provider replace the resource. */
  replaceInputs: string[];
  /** Why it is replaced when no input of its own says so (e.g. its instance gets a new id). */
  reason?: string;
}

export interface DataLossRisk extends ResourceSummary {
  /** "delete": gone from the program; "replace": deleted and created anew (new URN or a replacing input). */
  action: "delete" | "replace";
  reason: string;
  /** The URN it would come back under (replace by URN change), when one is recognisable. */
  newUrn?: string;
  /** `protect` was on in the baseline: `pulumi up` would stop instead of deleting. */
  protect: boolean;
  /** `retainOnDelete` was on in the baseline: the cloud resource would be left, orphaned, not deleted. */
  retainOnDelete: boolean;
}

export interface PlanDiff {
  added: ResourceSummary[];
  removed: ResourceSummary[];
  changed: ChangedResource[];
  dataLossRisks: DataLossRisk[];
}

/** "the Pulumi state bucket: " for the bucket that holds state, so nobody reads past it. */
function what(r: DiffResource): string {
  return isStateBucket(r) ? "the Pulumi state bucket: " : "";
}

function summary(r: DiffResource): ResourceSummary {
  return { urn: r.urn, type: r.type, name: r.name };
}

function equal(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Canonical JSON: object keys sorted, so that key order never reads as a change.
 */
function canonical(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return value.map((v) => canonical(v) ?? null);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k]) ?? null]),
    );
  }
  return value;
}

function changedKeys(
  before: Readonly<Record<string, Json>>,
  after: Readonly<Record<string, Json>>,
): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => !equal(canonical(before[k]), canonical(after[k])));
}

/** The part of a URN after its type chain: parent types are in the chain, so this is the name. */
function urnName(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/** "urn:pulumi:<stack>::<project>::<a>$<b>$<type>::<name>" → "<a>$<b>$<type>" (the engine's `QualifiedType`). */
function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/**
 * The engine's `inheritedChildAlias` (pulumi/pulumi v3.248.0 pkg/resource/deploy/step_generator.go): when
 * a parent took over an old resource through an alias, each child is also looked for under that old
 * parent, with the parent's old name in place of its new one where the child's name starts with it.
 */
function inheritedChildAlias(childUrn: string, parentName: string, parentOldUrn: string): string {
  const childName = urnName(childUrn);
  const childType = qualifiedType(childUrn).split("$").pop()!;
  const name = childName.startsWith(parentName)
    ? urnName(parentOldUrn) + childName.slice(parentName.length)
    : childName;
  const stackAndProject = childUrn.split("::").slice(0, 2).join("::"); // "urn:pulumi:<stack>::<project>"
  return `${stackAndProject}::${qualifiedType(parentOldUrn)}$${childType}::${name}`;
}

/**
 * Every URN under which the engine looks for a current resource's old state, as its step generator
 * does (`generateAliases`, `getOldResource`): its own aliases and, when its parent took over an old
 * resource through an alias, the children's aliases inherited from that (so moving a component with
 * an alias keeps what is under it). A current resource whose URN is in the baseline takes no alias.
 */
function engineAliases(
  baseline: readonly DiffResource[],
  current: readonly DiffResource[],
): Map<DiffResource, string[]> {
  const old = new Map(baseline.map((r) => [canonicalUrn(r.urn), r.urn]));
  const byUrn = new Map(current.map((r) => [r.urn, r]));
  const aliases = new Map<DiffResource, string[]>();
  /** The old URN a current resource took over through an alias, if any. */
  const takenOver = new Map<DiffResource, string | undefined>();
  const visit = (r: DiffResource, depth = 0): string | undefined => {
    if (takenOver.has(r)) return takenOver.get(r);
    takenOver.set(r, undefined); // a parent cycle (impossible in Pulumi) ends here
    const own = [...(r.aliases ?? [])];
    const parent = r.parent === undefined ? undefined : byUrn.get(r.parent);
    const parentOld = parent && depth < 1000 ? visit(parent, depth + 1) : undefined;
    if (parent && parentOld !== undefined) {
      const parentName = urnName(parent.urn);
      own.push(...[r.urn, ...(r.aliases ?? [])].map((a) => inheritedChildAlias(a, parentName, parentOld)));
    }
    aliases.set(r, own);
    const hit = old.has(canonicalUrn(r.urn)) ? undefined : own.find((a) => old.has(canonicalUrn(a)));
    const result = hit === undefined ? undefined : old.get(canonicalUrn(hit));
    takenOver.set(r, result);
    return result;
  };
  for (const r of current) visit(r);
  return aliases;
}

/**
 * Compares an earlier plan (the baseline) with the current one: added, removed and changed
 * resources, and every stateful resource (database instance, database, bucket, secret, Cockpit
 * source; the state bucket is a bucket) that would be deleted or replaced — a data-loss risk.
 * A resource matches across plans by URN (engine form: the whole chain of parent types, so a resource
 * moved under a new parent, or below a moved component, is a new resource), with deprecated type tokens
 * read as the module tokens that alias them, and through the `aliases` the current resource declares
 * and those it inherits from an aliased parent, as the engine does.
 */
export function diffPlans(baseline: readonly DiffResource[], current: readonly DiffResource[]): PlanDiff {
  const currentByKey = new Map<string, DiffResource>();
  const aliasesOf = engineAliases(baseline, current);
  for (const r of current) currentByKey.set(canonicalUrn(r.urn), r);
  for (const r of current)
    for (const alias of aliasesOf.get(r) ?? [])
      if (!currentByKey.has(canonicalUrn(alias))) currentByKey.set(canonicalUrn(alias), r);
  const matched = new Set<string>();
  const removed: DiffResource[] = [];
  const changed: ChangedResource[] = [];
  const dataLossRisks: DataLossRisk[] = [];

  for (const before of baseline) {
    const after = currentByKey.get(canonicalUrn(before.urn));
    if (!after) {
      removed.push(before);
      continue;
    }
    matched.add(after.urn);
    const keys = changedKeys(before.inputs, after.inputs);
    if (keys.length === 0) continue;
    const forcing = replacementInputs(after.type, after.replaceOnChanges);
    const replaceInputs = forcing.includes("*") ? keys : keys.filter((k) => forcing.includes(k));
    changed.push({ ...summary(after), changedInputs: keys, replaceInputs });
    if (isStateful(after.type) && replaceInputs.length > 0) {
      dataLossRisks.push({
        ...summary(before),
        action: "replace",
        reason: `${what(before)}${replaceInputs.join(", ")} changed: the provider replaces a ${shortType(after.type)} when ${replaceInputs.length > 1 ? "these change" : "this changes"}`,
        protect: before.protect === true,
        retainOnDelete: before.retainOnDelete === true,
      });
    }
  }

  engineUpgradeCascade(baseline, currentByKey, changed, dataLossRisks);

  const added = current.filter((r) => !matched.has(r.urn));
  for (const before of removed) {
    if (!isStateful(before.type)) continue;
    // The same type under a new URN (same name, same parent, or the only new one): a rename or re-parent.
    const sameType = added.filter(
      (r) => canonicalUrn(r.urn) !== canonicalUrn(before.urn) && r.type === before.type,
    );
    const successor =
      sameType.find((r) => urnName(r.urn) === urnName(before.urn)) ??
      sameType.find((r) => r.parent !== undefined && r.parent === before.parent) ??
      (sameType.length === 1 ? sameType[0] : undefined);
    dataLossRisks.push({
      ...summary(before),
      action: successor ? "replace" : "delete",
      reason: successor
        ? `${what(before)}its URN changes (rename, new parent or new type): Pulumi deletes it and creates ${successor.name} anew. Add an alias to keep it`
        : `${what(before)}it is no longer in the program: Pulumi deletes it`,
      ...(successor ? { newUrn: successor.urn } : {}),
      protect: before.protect === true,
      retainOnDelete: before.retainOnDelete === true,
    });
  }

  return {
    added: added.map(summary),
    removed: removed.map(summary),
    changed,
    dataLossRisks,
  };
}

function engineOf(r: DiffResource): string | undefined {
  const engine = r.inputs.engine;
  return typeof engine === "string" && engine !== "" ? engine : undefined;
}

/** Does this resource's `instanceId` input point at the instance (its mock id, regional id or URN)? */
function onInstance(r: DiffResource, instance: DiffResource): boolean {
  const ref = r.inputs.instanceId;
  if (typeof ref === "string")
    return instance.mockId !== undefined && (ref === instance.mockId || ref.endsWith(`/${instance.mockId}`));
  return ref !== null && typeof ref === "object" && !Array.isArray(ref) && ref.$resource === instance.urn;
}

/**
 * A change of a database instance's `engine` (PostgreSQL-15 → PostgreSQL-16) is no ForceNew, but the
 * provider runs Scaleway's blue/green MajorUpgradeWorkflow: the data is copied to a new instance with
 * a **new id**, the provider moves its state to it and deletes the old instance
 * (terraform-provider-scaleway v2.79.0 internal/services/rdb/instance.go, ResourceRdbInstanceUpdate).
 * Every `databases.Database`, `User`, `Privilege` and `Acl` on the instance forces replacement on
 * `instance_id` (database.go, user.go, privilege.go, acl.go): they are replaced on the next apply.
 * The provider ignores the engine name's case (DiffSuppressFunc IgnoreCase). The mocks keep the id,
 * so the diff infers the new one.
 */
function engineUpgradeCascade(
  baseline: readonly DiffResource[],
  currentByKey: ReadonlyMap<string, DiffResource>,
  changed: ChangedResource[],
  dataLossRisks: DataLossRisk[],
): void {
  for (const before of baseline) {
    if (moduleTypeOf(before.type) !== T.databaseInstance) continue;
    const after = currentByKey.get(canonicalUrn(before.urn));
    if (after === undefined || moduleTypeOf(after.type) !== T.databaseInstance) continue;
    const [from, to] = [engineOf(before), engineOf(after)];
    if (from === undefined || to === undefined || from.toLowerCase() === to.toLowerCase()) continue;
    const upgrade = `its instance ${after.name}'s engine changes ${from} → ${to}: the provider's blue/green major upgrade gives the instance a new id`;
    if (!dataLossRisks.some((r) => r.urn === before.urn))
      dataLossRisks.push({
        ...summary(before),
        action: "replace",
        reason: `engine ${from} → ${to}: the provider's blue/green major upgrade copies the data to a new instance (new id) and deletes this one; the databases, users, privileges and ACLs on it are replaced. Take a backup first`,
        protect: before.protect === true,
        retainOnDelete: before.retainOnDelete === true,
      });
    for (const old of baseline) {
      const dependant = currentByKey.get(canonicalUrn(old.urn));
      if (dependant === undefined || dependant.urn === after.urn || !onInstance(dependant, after)) continue;
      if (!replacementInputs(dependant.type).includes("instanceId")) continue;
      const reason = `${upgrade}, and a ${shortType(dependant.type)} is replaced when instanceId changes`;
      const entry = changed.find((c) => c.urn === dependant.urn);
      if (entry) {
        if (!entry.changedInputs.includes("instanceId")) entry.changedInputs.push("instanceId");
        if (!entry.replaceInputs.includes("instanceId")) entry.replaceInputs.push("instanceId");
        entry.reason = reason;
      } else
        changed.push({
          ...summary(dependant),
          changedInputs: ["instanceId"],
          replaceInputs: ["instanceId"],
          reason,
        });
      if (isStateful(dependant.type) && !dataLossRisks.some((r) => r.urn === old.urn)) {
        dataLossRisks.push({
          ...summary(old),
          action: "replace",
          reason: `${what(old)}${reason}`,
          protect: old.protect === true,
          retainOnDelete: old.retainOnDelete === true,
        });
      }
    }
  }
}
