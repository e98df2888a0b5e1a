import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../src/index";
import { runCli, runCliShared } from "./helpers";

// A component moved under a new parent gets new URNs for itself and everything under it (the engine's
// URNs carry the whole chain of parent types): without an alias, Pulumi deletes and recreates them.
const baselinePath = join(mkdtempSync(join(tmpdir(), "scaleway-blocks-plan-move-")), "baseline.json");

beforeAll(async () => {
  const run = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
  expect(run.code).toBe(0);
  writeFileSync(baselinePath, run.stdout);
});

async function planAgainstBaseline(cwd: string): Promise<PlanDocument> {
  const { stdout } = await runCli([
    "plan",
    "--stack",
    "dev",
    "--cwd",
    cwd,
    "--baseline",
    baselinePath,
    "--json",
  ]);
  return JSON.parse(stdout) as PlanDocument;
}

describe("scaleway-blocks plan --baseline, a component moved under a new parent", () => {
  it("exits 2 when the database component moves under a new parent without an alias", async () => {
    const { code, stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform-moved",
      "--baseline",
      baselinePath,
    ]);
    expect(code).toBe(2);
    expect(stdout).toContain("DATA-LOSS RISK");
    expect(stdout).toMatch(/REPLACE db-instance databases\.Instance/);
  });

  it("reports the moved database and its logical database as replaced, under their new engine URNs", async () => {
    const plan = await planAgainstBaseline("platform-moved");
    expect(plan.diff!.dataLossRisks.map((r) => [r.name, r.action, r.newUrn])).toEqual([
      [
        "db-instance",
        "replace",
        "urn:pulumi:dev::fixture-platform::fixture:platform:Data$fixture:platform:Database$scaleway:databases/instance:Instance::db-instance",
      ],
      [
        "db-db",
        "replace",
        "urn:pulumi:dev::fixture-platform::fixture:platform:Data$fixture:platform:Database$scaleway:databases/database:Database::db-db",
      ],
    ]);
  });

  it("exits 0 when the moved component has an alias to its old place: what is under it inherits the alias", async () => {
    const plan = await planAgainstBaseline("platform-moved-aliased");
    expect(plan.diff!.dataLossRisks).toEqual([]);
    expect(plan.diff!.removed).toEqual([]);
    expect(plan.diff!.added.map((r) => r.name)).toEqual(["data"]);
    expect(plan.exitCode).toBe(0);
  });
});
