import { describe, expect, it } from "vitest";
import { diffPlans } from "../src/index";
import { planResource, urn } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const BUCKET = SCALEWAY_TYPES.bucket;
const CONTAINER = SCALEWAY_TYPES.container;

const instance = planResource({
  type: INSTANCE,
  name: "pg",
  inputs: { nodeType: "DB-DEV-S", isHaCluster: false },
});
const bucket = planResource({ type: BUCKET, name: "assets", inputs: { name: "assets", region: "fr-par" } });
const baseline = [instance, bucket];

describe("diffPlans", () => {
  it("finds nothing between identical plans", () => {
    expect(diffPlans(baseline, baseline)).toEqual({ added: [], removed: [], changed: [], dataLossRisks: [] });
  });

  it("flags a renamed database instance as replaced", () => {
    const renamed = { ...instance, name: "postgres", urn: urn(INSTANCE, "postgres") };
    const diff = diffPlans(baseline, [renamed, bucket]);
    expect(diff.dataLossRisks).toEqual([
      expect.objectContaining({ urn: instance.urn, action: "replace", newUrn: renamed.urn }),
    ]);
  });

  it("does not flag an added container", () => {
    const container = planResource({ type: CONTAINER, name: "worker" });
    const diff = diffPlans(baseline, [...baseline, container]);
    expect(diff.added.map((r) => r.name)).toEqual(["worker"]);
    expect(diff.dataLossRisks).toEqual([]);
  });

  it("flags a change of a replacement-forcing input of a stateful resource", () => {
    const renamedAdmin = { ...instance, inputs: { ...instance.inputs, userName: "root" } };
    const diff = diffPlans(baseline, [renamedAdmin, bucket]);
    expect(diff.changed).toEqual([
      expect.objectContaining({ changedInputs: ["userName"], replaceInputs: ["userName"] }),
    ]);
    expect(diff.dataLossRisks).toEqual([expect.objectContaining({ action: "replace", name: "pg" })]);
  });

  it("lists an in-place change without flagging it", () => {
    const bigger = { ...instance, inputs: { ...instance.inputs, nodeType: "DB-PRO2-XXS" } };
    const diff = diffPlans(baseline, [bigger, bucket]);
    expect(diff.changed).toEqual([
      expect.objectContaining({ changedInputs: ["nodeType"], replaceInputs: [] }),
    ]);
    expect(diff.dataLossRisks).toEqual([]);
  });

  it("flags a bucket that is no longer in the program as deleted", () => {
    const diff = diffPlans(baseline, [instance]);
    expect(diff.dataLossRisks).toEqual([expect.objectContaining({ name: "assets", action: "delete" })]);
  });

  it("says when the deleted resource was protected", () => {
    const diff = diffPlans([instance, { ...bucket, protect: true }], [instance]);
    expect(diff.dataLossRisks[0]!.protect).toBe(true);
  });

  it("honours an alias to the old URN", () => {
    const moved = { ...instance, name: "postgres", urn: urn(INSTANCE, "postgres"), aliases: [instance.urn] };
    const diff = diffPlans(baseline, [moved, bucket]);
    expect(diff.dataLossRisks).toEqual([]);
    expect(diff.added).toEqual([]);
  });

  it("reads a switch from a deprecated class to its module class as the same resource", () => {
    const old = planResource({
      type: "scaleway:index/databaseInstance:DatabaseInstance",
      name: "pg",
      inputs: instance.inputs,
    });
    const diff = diffPlans([old], [instance]);
    expect(diff).toEqual({ added: [], removed: [], changed: [], dataLossRisks: [] });
  });

  it("flags a stateful resource whose replaceOnChanges input changed", () => {
    const before = planResource({
      type: BUCKET,
      name: "b",
      inputs: { tags: { a: "1" } },
      replaceOnChanges: ["tags"],
    });
    const after = { ...before, inputs: { tags: { a: "2" } } };
    expect(diffPlans([before], [after]).dataLossRisks).toHaveLength(1);
  });

  it("ignores the order of keys inside an input", () => {
    const a = planResource({
      type: BUCKET,
      name: "b",
      inputs: { versioning: { enabled: true, mfa: false } },
    });
    const b = { ...a, inputs: { versioning: { mfa: false, enabled: true } } };
    expect(diffPlans([a], [b]).changed).toEqual([]);
  });
});

describe("diffPlans on engine-form URNs (the whole chain of parent types)", () => {
  const DATABASE = "fixture:platform:Database";
  const DATA = "fixture:platform:Data";
  const component = planResource({ type: DATABASE, name: "db", custom: false });
  const pg = planResource({
    type: INSTANCE,
    name: "db-instance",
    urn: urn(INSTANCE, "db-instance", [DATABASE]),
    parent: component.urn,
    inputs: { nodeType: "DB-DEV-S" },
  });
  const before = [component, pg];
  /** The same database component, created under a new "data" component. */
  function movedUnderData(componentOptions: { name?: string; aliases?: string[] } = {}) {
    const data = planResource({ type: DATA, name: "data", custom: false });
    const name = componentOptions.name ?? "db";
    const db = planResource({
      type: DATABASE,
      name,
      custom: false,
      urn: urn(DATABASE, name, [DATA]),
      parent: data.urn,
      aliases: componentOptions.aliases ?? [],
    });
    const instance = planResource({
      type: INSTANCE,
      name: `${name}-instance`,
      urn: urn(INSTANCE, `${name}-instance`, [DATA, DATABASE]),
      parent: db.urn,
      inputs: pg.inputs,
    });
    return [data, db, instance];
  }

  it("flags a database moved under a new parent without an alias as deleted and created anew", () => {
    const after = movedUnderData();
    const diff = diffPlans(before, after);
    expect(diff.dataLossRisks).toMatchObject([
      { name: "db-instance", action: "replace", newUrn: after[2]!.urn },
    ]);
    expect(diff.removed.map((r) => r.urn)).toEqual([component.urn, pg.urn]);
  });

  it("keeps the database when the moved component has an alias to its old parent: its children inherit it", () => {
    const diff = diffPlans(before, movedUnderData({ aliases: [component.urn] }));
    expect(diff.dataLossRisks).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.added.map((r) => r.name)).toEqual(["data"]);
  });

  it("keeps a child named after its parent when the parent is renamed and moved with an alias", () => {
    const diff = diffPlans(before, movedUnderData({ name: "database", aliases: [component.urn] }));
    expect(diff.dataLossRisks).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it("does not let a child inherit an alias its parent did not use", () => {
    // The component keeps its URN (no move), so its alias to an unknown URN takes over nothing.
    const stay = [{ ...component, aliases: [urn(DATABASE, "elsewhere")] }, pg];
    expect(diffPlans(before, stay)).toEqual({ added: [], removed: [], changed: [], dataLossRisks: [] });
  });
});

describe("diffPlans and the state bucket", () => {
  it("names the Pulumi state bucket in its data-loss risk", () => {
    const state = planResource({
      type: BUCKET,
      name: "state",
      inputs: { name: "acme-pulumi-state", tags: { component: "state-backend" } },
    });
    const diff = diffPlans([state], []);
    expect(diff.dataLossRisks[0]!.reason).toMatch(/^the Pulumi state bucket: /);
  });
});
