import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../src/index";
import { runCli, runCliShared } from "./helpers";

const tmp = mkdtempSync(join(tmpdir(), "scaleway-blocks-plan-"));
const baselinePath = join(tmp, "baseline.json");
let baseline: PlanDocument;

beforeAll(async () => {
  const run = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
  expect(run.code).toBe(0);
  writeFileSync(baselinePath, run.stdout);
  baseline = JSON.parse(run.stdout) as PlanDocument;
});

describe("scaleway-blocks plan on the fixture project", () => {
  it("exits 0 on a compliant stack and prints every section", async () => {
    const { code, stdout } = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform"]);
    expect(code).toBe(0);
    for (const heading of [
      "Resources:",
      "Estimated monthly cost",
      "Policy",
      "Estimated deployment time",
      "Result: exit 0",
    ])
      expect(stdout).toContain(heading);
  });

  it("prints the fixture's hand-computed total with its unknowns", async () => {
    // api container: 1 vCPU × 730 h × 3600 s × €0.00001 = €26.28, 2 GB × 2 628 000 s × €0.000002 = €10.512
    // db: DB-DEV-S €0.0156 × 730 = €11.388; backups: 7 kept (every 24 h, 7 days) × 1 GB × €0.03 = €0.21
    // bucket: 10 × €0.01606 + 5 × €0.01 = €0.2106; registry: 2 × €0.027 = €0.054
    // secret version: 730 h × €0.00006 + 1 000 requests × €0.000003 = €0.0468
    const known = 26.28 + 10.512 + 11.388 + 0.21 + 0.2106 + 0.054 + 0.0468; // €48.7014
    expect(baseline.cost.total.known).toBeCloseTo(known, 6);
    // unknown: the database's local (lssd) storage
    expect(baseline.cost.total.unknownCount).toBe(1);
    const { stdout } = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform"]);
    expect(stdout).toContain("Total: €48.70 + 1 unknown per month");
  });

  it("never prints the secure config value nor the placeholder as plain input", async () => {
    const human = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform"]);
    for (const text of [human.stdout, JSON.stringify(baseline)]) {
      expect(text).not.toContain("v1:8Rz0i3Jb9Y3nGxkS");
      expect(text).not.toContain("[secret placeholder]");
    }
    const version = baseline.resources.find((r) => r.name === "db-password-v1")!;
    expect(version.inputs.data).toBe("[secret]");
  });

  it("exits 1 when a mandatory policy rule fails", async () => {
    const { code, stdout } = await runCli(["plan", "--stack", "public", "--cwd", "platform"]);
    expect(code).toBe(1);
    expect(stdout).toContain("scw-database-no-public-endpoint");
  });

  it("exits 2 when a renamed database component would replace the database", async () => {
    const { code, stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform-renamed",
      "--baseline",
      baselinePath,
    ]);
    expect(code).toBe(2);
    expect(stdout).toContain("DATA-LOSS RISK");
    expect(stdout).toMatch(/REPLACE db-instance databases\.Instance/);
  });

  it("reports the renamed database's risks in the JSON diff", async () => {
    const { stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform-renamed",
      "--baseline",
      baselinePath,
      "--json",
    ]);
    const plan = JSON.parse(stdout) as PlanDocument;
    expect(plan.exitCode).toBe(2);
    expect(plan.diff!.dataLossRisks.map((r) => [r.name, r.action])).toEqual([
      ["db-instance", "replace"],
      ["db-db", "replace"],
    ]);
  });

  it("exits 0 when the only change is an added container", async () => {
    const { code, stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform-grown",
      "--baseline",
      baselinePath,
      "--json",
    ]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as PlanDocument;
    expect(plan.diff!.added.map((r) => r.name)).toEqual(["worker"]);
    expect(plan.diff!.dataLossRisks).toEqual([]);
  });

  it("prices from an assumption given on the command line", async () => {
    const { stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform",
      "--json",
      "--assume",
      "storage.gbPerBucket=110",
    ]);
    const plan = JSON.parse(stdout) as PlanDocument;
    // 100 GB more than the default 10, at €0.01606
    expect(plan.cost.total.known - baseline.cost.total.known).toBeCloseTo(100 * 0.01606, 6);
  });

  it("reads assumptions from a JSON file, with flags winning", async () => {
    const file = join(tmp, "assumptions.json");
    writeFileSync(file, JSON.stringify({ storage: { gbPerBucket: 1000, egressGbPerBucket: 0 } }));
    const { stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform",
      "--json",
      "--assumptions",
      file,
      "--assume",
      "storage.gbPerBucket=10",
    ]);
    const plan = JSON.parse(stdout) as PlanDocument;
    // egress 0 instead of 5 GB × €0.01; storage back to 10 GB by the flag
    expect(plan.cost.total.known).toBeCloseTo(baseline.cost.total.known - 0.05, 6);
  });

  it("falls back to the price table with a warning when live prices cannot be fetched", async () => {
    const run = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--live-prices", "--json"], {
      fetchCatalog: () => Promise.reject(new Error("network unreachable")),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("network unreachable");
    const plan = JSON.parse(run.stdout) as PlanDocument;
    expect(plan.cost.priceOrigin).toBe("table");
    expect(plan.warnings).toEqual([expect.stringContaining("using the price table")]);
  });

  it("shows the critical path through the database to the container", () => {
    expect(baseline.deployTime.steps.map((s) => s.name)).toEqual([
      "vpc",
      "pn",
      "db-instance",
      "db-db",
      "api",
    ]);
    // 1 + 1 + 243 (RDB p90) + 5 + 21 (container p90) s: measured figures, well within 10 minutes
    expect(baseline.deployTime.totalSeconds).toBe(271);
    expect(baseline.deployTime.withinTarget).toBe(true);
  });

  it("colours the output only on a TTY without NO_COLOR", async () => {
    const esc = "\u001b[";
    let colored = "";
    await runCli(["plan", "--stack", "dev", "--cwd", "platform"], {
      stdout: { write: (t: string) => (colored += t), isTTY: true },
    });
    let noColor = "";
    await runCli(["plan", "--stack", "dev", "--cwd", "platform"], {
      env: { NO_COLOR: "1" },
      stdout: { write: (t: string) => (noColor += t), isTTY: true },
    });
    const piped = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform"]);
    expect(colored).toContain(esc);
    expect(noColor).not.toContain(esc);
    expect(piped.stdout).not.toContain(esc);
  });

  it("exits 3 with a clear message when the program is not built", async () => {
    const { code, stderr } = await runCli(["plan", "--stack", "dev", "--cwd", "unbuilt"]);
    expect(code).toBe(3);
    expect(stderr).toContain("Build the project first");
  });

  it("exits 3 on an unknown flag", async () => {
    const { code, stderr } = await runCli(["plan", "--stack", "dev", "--colour"]);
    expect(code).toBe(3);
    expect(stderr).toContain("unknown flag --colour");
    expect(stderr).toContain("--help");
  });

  it("says which flag a mistyped one meant", async () => {
    const { code, stderr } = await runCli(["plan", "--stack", "dev", "--jsn"]);
    expect(code).toBe(3);
    expect(stderr).toContain("unknown flag --jsn; did you mean --json?");
    const swapped = await runCli(["plan", "--stack", "dev", "--basline", "x.json"]);
    expect(swapped.stderr).toContain("unknown flag --basline; did you mean --baseline?");
  });

  it("exits 3 without --stack", async () => {
    const { code, stderr } = await runCli(["plan"]);
    expect(code).toBe(3);
    expect(stderr).toContain("--stack <name> is required");
  });

  it("prints every flag in --help", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--stack",
      "--cwd",
      "--json",
      "--baseline",
      "--assume",
      "--assumptions",
      "--live-prices",
      "--policy-config",
    ])
      expect(stdout).toContain(flag);
  });
});

describe("scaleway-blocks plan options", () => {
  it("applies a policy configuration file", async () => {
    const file = join(tmp, "policy.json");
    writeFileSync(file, JSON.stringify({ rules: { "scw-database-no-public-endpoint": "advisory" } }));
    const { code } = await runCli([
      "plan",
      "--stack",
      "public",
      "--cwd",
      "platform",
      "--policy-config",
      file,
    ]);
    expect(code).toBe(0);
  });

  it("exits 3 naming the bad field of a policy configuration", async () => {
    const file = join(tmp, "bad-policy.json");
    writeFileSync(file, JSON.stringify({ rules: { "no-such-rule": "advisory" } }));
    const { code, stderr } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform",
      "--policy-config",
      file,
    ]);
    expect(code).toBe(3);
    expect(stderr).toContain("no-such-rule");
  });

  it("checks the deployment time against --target-minutes", async () => {
    const { stdout } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "platform",
      "--json",
      "--target-minutes",
      "4",
    ]);
    const plan = JSON.parse(stdout) as PlanDocument;
    expect(plan.deployTime).toMatchObject({ targetSeconds: 240, withinTarget: false });
  });

  it("plans the same resources from a Pulumi entry that is itself the program function", async () => {
    const { code, stdout } = await runCli(["plan", "--stack", "dev", "--cwd", "pulumi-entry", "--json"]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as PlanDocument;
    expect(plan.resources.map((r) => r.name).sort()).toEqual(baseline.resources.map((r) => r.name).sort());
  });

  it("sends what the program prints to stderr, keeping stdout for the plan", async () => {
    const { code, stdout, stderr } = await runCli(["plan", "--stack", "dev", "--cwd", "noisy", "--json"]);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
    expect(stdout).not.toContain("noise from the program");
    expect(stderr).toContain("noise from the program");
  });
});
