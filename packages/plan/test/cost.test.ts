import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS, estimateCost, resolveAssumptions } from "../src/index";
import type { PlanResource } from "../src/index";
import { planResource, urn } from "./helpers";

const COMPONENT = "test:index:App";
const app = planResource({ type: COMPONENT, name: "app", custom: false });
const inApp = (type: string, name: string, inputs: PlanResource["inputs"]): PlanResource =>
  planResource({ type, name, urn: urn(type, name, [COMPONENT]), parent: app.urn, inputs });

/** A small stack: one component holding a container and an HA database, and a bucket beside it. */
const fixture: PlanResource[] = [
  app,
  inApp("scaleway:containers/container:Container", "api", {
    cpuLimit: 500, // mvCPU: 0.5 vCPU
    memoryLimitBytes: 1024 ** 3, // 1 GB
    minScale: 0,
  }),
  inApp("scaleway:databases/instance:Instance", "pg", { nodeType: "DB-DEV-S", isHaCluster: true }),
  planResource({ type: "scaleway:object/bucket:Bucket", name: "assets", inputs: { name: "assets" } }),
];

const estimate = (resources: PlanResource[], overrides: Record<string, number | boolean> = {}) =>
  estimateCost(resources, { assumptions: resolveAssumptions(overrides), defaultRegion: "fr-par" });

describe("estimateCost", () => {
  it("prices the small fixture to the hand-computed monthly total", () => {
    // Container api, min scale 0: 100 active hours (default assumption) = 360 000 s.
    const containerCpu = 0.5 * 100 * 3600 * 0.00001; // 180 000 vCPU-s × €0.00001 = €1.80
    const containerMemory = 1 * 100 * 3600 * 0.000001; // 360 000 GB-s × €0.000001 = €0.36
    // Database pg: DB-DEV-S €0.0156/h × 730 h, × 2 for HA (inferred multiplier) = €22.776.
    const databaseNode = 0.0156 * 730 * 2;
    // Bucket assets: 10 GB × €0.0146 + 5 GB egress × €0.01 = €0.196.
    const bucket = 10 * 0.0146 + 5 * 0.01;
    const cost = estimate(fixture);
    expect(cost.total.known).toBeCloseTo(containerCpu + containerMemory + databaseNode + bucket, 6); // €25.132
    // The database's storage and backups have no known price.
    expect(cost.total.unknownCount).toBe(2);
  });

  it("sums a component's descendants into the component's cost", () => {
    const cost = estimate(fixture);
    const component = cost.components.find((c) => c.name === "app")!;
    expect(component.known).toBeCloseTo(0.5 * 360_000 * 0.00001 + 360_000 * 0.000001 + 0.0156 * 730 * 2, 6);
    expect(component.unknownCount).toBe(2);
  });

  it("keeps an unknown node price out of the total and counts it as unknown", () => {
    const withUnknown = [
      ...fixture,
      planResource({
        type: "scaleway:databases/instance:Instance",
        name: "gp",
        inputs: { nodeType: "DB-GP-XS" },
      }),
    ];
    const before = estimate(fixture);
    const after = estimate(withUnknown);
    const node = after.resources.find((r) => r.name === "gp")!.lines[0]!;
    expect(node.monthly).toBeNull();
    expect(node.status).toBe("unknown");
    expect(after.total.known).toBeCloseTo(before.total.known, 6);
    // node + storage + backups of the new instance
    expect(after.total.unknownCount).toBe(before.total.unknownCount + 3);
  });

  it("counts a resource type with no price entry as unknown, never as zero", () => {
    const cost = estimate([planResource({ type: "scaleway:mnq/sqs:Sqs", name: "queue" })]);
    expect(cost.resources[0]!.lines[0]!.monthly).toBeNull();
    expect(cost.total).toEqual({ known: 0, unknownCount: 1 });
  });

  it("leaves a container's vCPU cost unknown when cpuLimit is not set", () => {
    const cost = estimate([
      planResource({ type: "scaleway:containers/container:Container", name: "c", inputs: {} }),
    ]);
    expect(cost.resources[0]!.lines.map((l) => l.monthly)).toEqual([null, null]);
    expect(cost.total.unknownCount).toBe(2);
  });

  it("runs a min-scale container all month whatever the active-hours assumption", () => {
    const always = [
      planResource({
        type: "scaleway:containers/container:Container",
        name: "c",
        inputs: { cpuLimit: 1000, memoryLimitBytes: 2 * 1024 ** 3, minScale: 1 },
      }),
    ];
    // 1 vCPU × 730 h × 3600 s × €0.00001 = €26.28; 2 GB × 730 h × 3600 s × €0.000001 = €5.256
    expect(estimate(always).total.known).toBeCloseTo(26.28 + 5.256, 6);
    expect(estimate(always, { "containers.activeHoursPerMonth": 5 }).total.known).toBeCloseTo(
      26.28 + 5.256,
      6,
    );
  });

  it("prices usage from overridden assumptions", () => {
    const cost = estimate(fixture, { "containers.activeHoursPerMonth": 200, "storage.gbPerBucket": 100 });
    // container: twice the default 100 h → (€1.80 + €0.36) × 2; bucket: 100 GB × €0.0146 + €0.05
    const expected = (1.8 + 0.36) * 2 + 0.0156 * 730 * 2 + 100 * 0.0146 + 0.05;
    expect(cost.total.known).toBeCloseTo(expected, 6);
  });

  it("subtracts the per-account free tiers only when asked to", () => {
    const container = [
      planResource({
        type: "scaleway:containers/container:Container",
        name: "c",
        inputs: { cpuLimit: 1000, memoryLimitBytes: 1024 ** 3, minScale: 0 },
      }),
    ];
    // 100 h × 3600 s = 360 000 vCPU-s and 360 000 GB-s; free tiers 200 000 vCPU-s and 400 000 GB-s.
    const off = estimate(container);
    const on = estimate(container, { "account.applyFreeTiers": true });
    expect(off.adjustments).toEqual([]);
    expect(off.total.known).toBeCloseTo(3.6 + 0.36, 6);
    expect(on.total.known).toBeCloseTo((360_000 - 200_000) * 0.00001 + 0, 6);
  });

  it("prices a public registry namespace at zero and a private one per stored GB", () => {
    const cost = estimate([
      planResource({
        type: "scaleway:registry/namespace:Namespace",
        name: "pub",
        inputs: { isPublic: true },
      }),
      planResource({
        type: "scaleway:registry/namespace:Namespace",
        name: "priv",
        inputs: { isPublic: false },
      }),
    ]);
    expect(cost.resources.map((r) => r.known)).toEqual([0, 2 * 0.027]);
  });

  it("prices Cockpit log retention beyond the free 7 days from the assumed volume", () => {
    const cost = estimate([
      planResource({
        type: "scaleway:observability/source:Source",
        name: "logs",
        inputs: { type: "logs", retentionDays: 37 },
      }),
    ]);
    // 1 GB/month ingested × €0.35 + 1 GB × 30 extra days × €0.002 per GB-day
    expect(cost.total.known).toBeCloseTo(0.35 + 30 * 0.002, 6);
  });

  it("names the assumptions each usage-based line depends on", () => {
    const bucket = estimate(fixture).resources.find((r) => r.name === "assets")!;
    expect(bucket.lines.flatMap((l) => l.assumptions)).toEqual([
      "storage.gbPerBucket",
      "storage.egressGbPerBucket",
    ]);
    expect(DEFAULT_ASSUMPTIONS["storage.gbPerBucket"]).toBe(10);
  });

  it("prices an HA standby node as its own, inferred line", () => {
    const lines = estimate(fixture).resources.find((r) => r.name === "pg")!.lines;
    expect(lines.slice(0, 2).map((l) => [l.priceKey, l.status, l.monthly])).toEqual([
      ["rdb.node.db-dev-s", "third-party", 11.388], // €0.0156 × 730 h
      ["rdb.ha-multiplier", "inferred", 11.388], // × (2 − 1) more node
    ]);
  });

  it("counts the standby of an HA instance with an unknown node price as unknown too", () => {
    const cost = estimate([
      planResource({
        type: "scaleway:databases/instance:Instance",
        name: "gp",
        inputs: { nodeType: "DB-GP-XS", isHaCluster: true, disableBackup: true },
      }),
    ]);
    // node, standby and storage
    expect(cost.total).toEqual({ known: 0, unknownCount: 3 });
  });
});
