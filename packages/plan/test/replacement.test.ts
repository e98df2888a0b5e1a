import { describe, expect, it } from "vitest";
import { buildPlan, diffPlans, parseBaseline, replacementInputs } from "../src/index";
import type { PlanResource } from "../src/index";
import { planResource, resource } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const DATABASE = SCALEWAY_TYPES.database;
const USER = SCALEWAY_TYPES.databaseUser;
const PRIVILEGE = SCALEWAY_TYPES.databasePrivilege;
const ACL = SCALEWAY_TYPES.databaseAcl;
const SECRET = SCALEWAY_TYPES.secret;
const SOURCE = SCALEWAY_TYPES.cockpitSource;
const SERVERLESS = SCALEWAY_TYPES.serverlessDatabase;

/** The one resource changed: what the diff says of it. */
function change(before: PlanResource, inputs: PlanResource["inputs"]) {
  const after = { ...before, inputs: { ...before.inputs, ...inputs } };
  return diffPlans([before], [after]);
}

describe("the replacement table (terraform-provider-scaleway v2.79.0)", () => {
  const instance = planResource({
    type: INSTANCE,
    name: "pg",
    mockId: "pg_id",
    inputs: { nodeType: "DB-DEV-S", engine: "PostgreSQL-15", isHaCluster: false, userName: "admin" },
  });

  it("updates a database instance in place when high availability is switched on", () => {
    const diff = change(instance, { isHaCluster: true });
    expect(diff.changed).toEqual([
      expect.objectContaining({ changedInputs: ["isHaCluster"], replaceInputs: [] }),
    ]);
    expect(diff.dataLossRisks).toEqual([]);
  });

  it("replaces a database instance whose initSettings change", () => {
    const diff = change(instance, { initSettings: { lc_collate: "fr_FR.UTF-8" } });
    expect(diff.changed[0]!.replaceInputs).toEqual(["initSettings"]);
    expect(diff.dataLossRisks).toEqual([expect.objectContaining({ name: "pg", action: "replace" })]);
  });

  it("replaces a secret whose type changes", () => {
    const secret = planResource({
      type: SECRET,
      name: "s",
      inputs: { name: "db", path: "/", type: "opaque" },
    });
    expect(change(secret, { type: "key_value" }).dataLossRisks).toEqual([
      expect.objectContaining({ name: "s", action: "replace" }),
    ]);
  });

  it("renames and moves a secret in place", () => {
    const secret = planResource({
      type: SECRET,
      name: "s",
      inputs: { name: "db", path: "/", type: "opaque" },
    });
    const diff = change(secret, { name: "database", path: "/platform" });
    expect(diff.changed[0]!.replaceInputs).toEqual([]);
    expect(diff.dataLossRisks).toEqual([]);
  });

  it("replaces a Cockpit source whose name or type changes", () => {
    const source = planResource({ type: SOURCE, name: "logs", inputs: { name: "logs", type: "logs" } });
    expect(change(source, { name: "app-logs" }).dataLossRisks).toHaveLength(1);
    expect(change(source, { type: "traces" }).dataLossRisks).toHaveLength(1);
  });

  it("changes a Cockpit source's retention in place", () => {
    const source = planResource({
      type: SOURCE,
      name: "logs",
      inputs: { name: "logs", type: "logs", retentionDays: 7 },
    });
    const diff = change(source, { retentionDays: 31 });
    expect(diff.changed[0]!.replaceInputs).toEqual([]);
    expect(diff.dataLossRisks).toEqual([]);
  });

  it("replaces a Serverless SQL database whose name changes", () => {
    const sdb = planResource({ type: SERVERLESS, name: "sdb", inputs: { name: "app" } });
    expect(change(sdb, { name: "app2" }).dataLossRisks).toEqual([
      expect.objectContaining({ name: "sdb", action: "replace" }),
    ]);
  });

  it("lists the inputs that replace a database user, privilege and ACL", () => {
    expect(replacementInputs(USER)).toEqual(expect.arrayContaining(["instanceId", "name"]));
    expect(replacementInputs(PRIVILEGE)).toContain("instanceId");
    expect(replacementInputs(ACL)).toContain("instanceId");
  });
});

describe("an engine major upgrade", () => {
  const instance = planResource({
    type: INSTANCE,
    name: "pg",
    mockId: "pg_id",
    inputs: { nodeType: "DB-DEV-S", engine: "PostgreSQL-15" },
  });
  const onInstance = (type: string, name: string, inputs: PlanResource["inputs"] = {}) =>
    planResource({ type, name, dependencies: [instance.urn], inputs: { instanceId: "pg_id", ...inputs } });
  const database = onInstance(DATABASE, "app-db", { name: "app" });
  const user = onInstance(USER, "app-user", { name: "app" });
  const privilege = onInstance(PRIVILEGE, "app-privilege", { userName: "app", databaseName: "app" });
  const acl = onInstance(ACL, "acl");
  const before = [instance, database, user, privilege, acl];
  const upgraded = { ...instance, inputs: { ...instance.inputs, engine: "PostgreSQL-16" } };
  const diff = diffPlans(before, [upgraded, database, user, privilege, acl]);

  it("flags every database on the instance as a data-loss risk", () => {
    expect(diff.dataLossRisks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "app-db",
          action: "replace",
          reason: expect.stringMatching(/PostgreSQL-15 → PostgreSQL-16.*new id.*instanceId/),
        }),
      ]),
    );
  });

  it("flags the instance itself: the upgrade creates a new instance and deletes the old one", () => {
    expect(diff.dataLossRisks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "pg", reason: expect.stringContaining("new id") }),
      ]),
    );
  });

  it("lists the users, privileges and ACLs of the instance as replaced", () => {
    const replaced = diff.changed.filter((c) => c.replaceInputs.includes("instanceId")).map((c) => c.name);
    expect(replaced.sort()).toEqual(["acl", "app-db", "app-privilege", "app-user"]);
  });

  it("does not flag a change of the engine name's case (the provider ignores it)", () => {
    const sameEngine = { ...instance, inputs: { ...instance.inputs, engine: "postgresql-15" } };
    expect(diffPlans(before, [sameEngine, database, user, privilege, acl]).dataLossRisks).toEqual([]);
  });
});

describe("an engine major upgrade against a --json baseline", () => {
  const graph = (engine: string) => ({
    resources: [
      resource({ type: INSTANCE, name: "pg", id: "pg_id", inputs: { nodeType: "DB-DEV-S", engine } }),
      resource({ type: DATABASE, name: "app-db", inputs: { instanceId: "pg_id", name: "app" } }),
    ],
  });

  it("exits 2 with the database flagged", () => {
    const before = buildPlan(graph("PostgreSQL-15"), { project: "proj", stack: "test" });
    const baseline = parseBaseline(JSON.parse(JSON.stringify(before)));
    const plan = buildPlan(graph("PostgreSQL-16"), { project: "proj", stack: "test", baseline });
    expect(plan.exitCode).toBe(2);
    expect(plan.diff!.dataLossRisks.map((r) => r.name).sort()).toEqual(["app-db", "pg"]);
  });
});
