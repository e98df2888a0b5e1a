import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffCosts, estimateCost } from "../src/index";
import { resolveAssumptions } from "../src/assumptions";
import type { CostSection, PlanDocument, PlanResource } from "../src/index";
import { planResource, runCli, runCliShared, urn } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const estimate = (resources: PlanResource[], overrides: Record<string, number | boolean> = {}) =>
  estimateCost(resources, { assumptions: resolveAssumptions(overrides), defaultRegion: "fr-par" });

const CONTAINER = SCALEWAY_TYPES.container;
const BUCKET = SCALEWAY_TYPES.bucket;
const INSTANCE = SCALEWAY_TYPES.databaseInstance;

const api = (inputs: PlanResource["inputs"]) => planResource({ type: CONTAINER, name: "api", inputs });
const assets = planResource({ type: BUCKET, name: "assets", inputs: { name: "assets" } });
const pg = planResource({
  type: INSTANCE,
  name: "pg",
  inputs: { nodeType: "DB-DEV-S", volumeType: "sbs_5k" },
});
const logs = planResource({ type: BUCKET, name: "logs", inputs: { name: "logs" } });

// Hand-computed, from the shipped price table and the default assumptions (730 h, 100 active hours):
// api at 0.5 vCPU, 1 GB, min scale 0: 0.5 × 360 000 vCPU-s × €0.00001 + 1 × 360 000 GB-s × €0.000002.
const API_SMALL = 1.8 + 0.72; // €2.52
// api at 1 vCPU, 2 GB, min scale 1: (730 + 0) h × 3600 s = 2 628 000 s; 1 vCPU, 2 GB.
const API_BIG = 2_628_000 * 0.00001 + 2 * 2_628_000 * 0.000002; // €26.28 + €10.512 = €36.792
// a bucket: 10 GB × €0.01606 + 5 GB egress × €0.01
const BUCKET_COST = 10 * 0.01606 + 5 * 0.01; // €0.2106
// pg: DB-DEV-S €0.0156/h × 730 h + 10 GB sbs_5k × €0.0993 + 7 backups × 1 GB × €0.03
const PG = 0.0156 * 730 + 10 * 0.0993 + 7 * 0.03; // €11.388 + €0.993 + €0.21 = €12.591

const small = { cpuLimit: 500, memoryLimitBytes: 1024 ** 3, minScale: 0 };
const big = { cpuLimit: 1000, memoryLimitBytes: 2 * 1024 ** 3, minScale: 1 };

describe("diffCosts (the cost difference of two plans, as Infracost's diff)", () => {
  it("gives the monthly total before and after and their difference, to the hand-computed figures", () => {
    const before = estimate([api(small), assets, logs]);
    const after = estimate([api(big), assets, pg]);
    const diff = diffCosts(before, after);
    expect(diff.before.known).toBeCloseTo(API_SMALL + 2 * BUCKET_COST, 6); // €2.9412
    expect(diff.after.known).toBeCloseTo(API_BIG + BUCKET_COST + PG, 6); // €49.5936
    expect(diff.delta).toBeCloseTo(API_BIG + PG - API_SMALL - BUCKET_COST, 6); // +€46.6524
    expect(diff.unchangedCount).toBe(1); // assets
  });

  it("lists every resource whose cost changes, largest change first, with its before, after and delta", () => {
    const diff = diffCosts(estimate([api(small), assets, logs]), estimate([api(big), assets, pg]));
    expect(diff.resources.map((r) => [r.name, r.change])).toEqual([
      ["api", "changed"],
      ["pg", "added"],
      ["logs", "removed"],
    ]);
    const [resized, added, removed] = diff.resources;
    expect(resized!.before!.known).toBeCloseTo(API_SMALL, 6);
    expect(resized!.after!.known).toBeCloseTo(API_BIG, 6);
    expect(resized!.delta).toBeCloseTo(API_BIG - API_SMALL, 6); // +€34.272
    expect(added!.before).toBeNull();
    expect(added!.delta).toBeCloseTo(PG, 6);
    expect(removed!.after).toBeNull();
    expect(removed!.delta).toBeCloseTo(-BUCKET_COST, 6);
  });

  it("sums per-resource deltas and the stack-wide adjustments to the total delta", () => {
    const before = estimate([api(small), assets], { "account.applyFreeTiers": true });
    const after = estimate([api(big), assets], { "account.applyFreeTiers": true });
    const diff = diffCosts(before, after);
    // Free tiers: 200 000 vCPU-s (€2.00) and 400 000 GB-s (€0.80) per account; egress 75 GB (5 GB used).
    // Before: 180 000 vCPU-s and 360 000 GB-s used, so −€1.80 −€0.72 −€0.05; after: −€2.00 −€0.80 −€0.05.
    expect(diff.adjustments.before).toBeCloseTo(-1.8 - 0.72 - 0.05, 6);
    expect(diff.adjustments.after).toBeCloseTo(-2 - 0.8 - 0.05, 6);
    const perResource = diff.resources.reduce((s, r) => s + r.delta, 0);
    expect(perResource + diff.adjustments.delta).toBeCloseTo(diff.delta, 6);
    expect(diff.delta).toBeCloseTo(API_BIG - API_SMALL - 0.28, 6);
  });

  it("with no baseline, reads every resource as added", () => {
    const after = estimate([api(small), assets]);
    const diff = diffCosts(undefined, after);
    expect(diff.before).toEqual({ known: 0, unknownCount: 0 });
    expect(diff.delta).toBeCloseTo(API_SMALL + BUCKET_COST, 6);
    expect(diff.resources.every((r) => r.change === "added")).toBe(true);
  });

  it("is empty when nothing is priced differently", () => {
    const diff = diffCosts(estimate([api(small), assets]), estimate([api(small), assets]));
    expect(diff.delta).toBe(0);
    expect(diff.resources).toEqual([]);
    expect(diff.unchangedCount).toBe(2);
  });

  it("lists a resource whose count of unknown items changes even when its known cost does not", () => {
    const before: CostSection = {
      resources: [{ urn: "u1", name: "db", type: INSTANCE, known: 10, unknownCount: 0 }],
      total: { known: 10, unknownCount: 0 },
    };
    const after: CostSection = {
      resources: [{ urn: "u1", name: "db", type: INSTANCE, known: 10, unknownCount: 1 }],
      total: { known: 10, unknownCount: 1 },
    };
    const diff = diffCosts(before, after);
    expect(diff.resources).toEqual([
      {
        urn: "u1",
        name: "db",
        type: INSTANCE,
        change: "changed",
        before: { known: 10, unknownCount: 0 },
        after: { known: 10, unknownCount: 1 },
        delta: 0,
      },
    ]);
    expect(diff.after.unknownCount).toBe(1);
  });

  it("matches a resource whose type token moved from a deprecated one to its module token", () => {
    const old = planResource({ type: "scaleway:index/objectBucket:ObjectBucket", name: "assets" });
    const now = planResource({ type: BUCKET, name: "assets" });
    const at = (r: PlanResource, known: number) => ({
      resources: [{ urn: r.urn, name: r.name, type: r.type, known, unknownCount: 0 }],
      total: { known, unknownCount: 0 },
    });
    const diff = diffCosts(at(old, 1), at(now, 3));
    expect(diff.resources.map((r) => [r.change, r.delta])).toEqual([["changed", 2]]);
  });

  it("matches a renamed resource to its old URN through previousUrn (an alias)", () => {
    const oldUrn = urn(BUCKET, "assets");
    const newUrn = urn(BUCKET, "static");
    const before: CostSection = {
      resources: [{ urn: oldUrn, name: "assets", type: BUCKET, known: 1, unknownCount: 0 }],
      total: { known: 1, unknownCount: 0 },
    };
    const after: CostSection = {
      resources: [{ urn: newUrn, name: "static", type: BUCKET, known: 1.5, unknownCount: 0 }],
      total: { known: 1.5, unknownCount: 0 },
    };
    const unmatched = diffCosts(before, after);
    expect(unmatched.resources.map((r) => r.change).sort()).toEqual(["added", "removed"]);
    const matched = diffCosts(before, after, { previousUrn: (u) => (u === newUrn ? oldUrn : undefined) });
    expect(matched.resources).toEqual([
      expect.objectContaining({ name: "static", change: "changed", delta: 0.5, beforeUrn: oldUrn }),
    ]);
  });
});

describe("scaleway-blocks plan --baseline: the cost difference", () => {
  const tmp = mkdtempSync(join(tmpdir(), "scaleway-blocks-cost-diff-"));
  const baselinePath = join(tmp, "baseline.json");

  beforeAll(async () => {
    const run = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    expect(run.code).toBe(0);
    writeFileSync(baselinePath, run.stdout);
  });

  /** The fixture with one more container (platform-grown), against the baseline. */
  const planGrown = (...flags: string[]) =>
    runCli(["plan", "--stack", "dev", "--cwd", "platform-grown", "--baseline", baselinePath, ...flags]);

  // worker (added by platform-grown): 0.5 vCPU, 1 GB, min scale 0, 100 active hours:
  // 180 000 vCPU-s × €0.00001 + 360 000 GB-s × €0.000002 = €1.80 + €0.72.
  const WORKER = 1.8 + 0.72;
  // the fixture's total (test/cli.test.ts): €48.7014 + 1 unknown
  const BASE = 26.28 + 10.512 + 11.388 + 0.21 + 0.2106 + 0.054 + 0.0468;

  it("puts the before, after and per-resource difference in the JSON document", async () => {
    const { stdout, code } = await planGrown("--json");
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as PlanDocument;
    const diff = plan.cost.diff!;
    expect(diff.before.known).toBeCloseTo(BASE, 6);
    expect(diff.after.known).toBeCloseTo(BASE + WORKER, 6);
    expect(diff.delta).toBeCloseTo(WORKER, 6);
    expect(diff.resources).toEqual([
      expect.objectContaining({ name: "worker", change: "added", before: null, delta: WORKER }),
    ]);
    expect(diff.basis).toMatch(/priced with this plan's prices and usage/);
  });

  it("prices the baseline with this plan's usage, so a usage change moves both sides alike", async () => {
    const { stdout } = await planGrown("--json", "--assume", "storage.gbPerBucket=110");
    const diff = (JSON.parse(stdout) as PlanDocument).cost.diff!;
    expect(diff.before.known).toBeCloseTo(BASE + 100 * 0.01606, 6);
    expect(diff.delta).toBeCloseTo(WORKER, 6);
  });

  it("prints the change in the text form: direction, total before → after, and each resource", async () => {
    const { stdout } = await planGrown();
    expect(stdout).toContain(
      "Monthly cost change since the baseline: increases by €2.52 (€48.70 + 1 unknown → €51.22 + 1 unknown)",
    );
    expect(stdout).toMatch(/\n {2}\+ \+€2\.52 {2}worker containers\.Container \(new\)\n/);
  });

  it("has no cost difference without a baseline", async () => {
    const { stdout } = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    expect((JSON.parse(stdout) as PlanDocument).cost.diff).toBeUndefined();
  });
});
