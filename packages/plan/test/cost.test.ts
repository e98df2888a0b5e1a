import { describe, expect, it } from "vitest";
import { DEFAULT_ASSUMPTIONS, estimateCost } from "../src/index";
import { resolveAssumptions } from "../src/assumptions";
import type { PlanResource } from "../src/index";
import { planResource, urn } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const COMPONENT = "test:index:App";
const app = planResource({ type: COMPONENT, name: "app", custom: false });
const inApp = (type: string, name: string, inputs: PlanResource["inputs"]): PlanResource =>
  planResource({ type, name, urn: urn(type, name, [COMPONENT]), parent: app.urn, inputs });

/** A small stack: one component holding a container and an HA database, and a bucket beside it. */
const fixture: PlanResource[] = [
  app,
  inApp(SCALEWAY_TYPES.container, "api", {
    cpuLimit: 500, // mvCPU: 0.5 vCPU
    memoryLimitBytes: 1024 ** 3, // 1 GB
    minScale: 0,
  }),
  inApp(SCALEWAY_TYPES.databaseInstance, "pg", { nodeType: "DB-DEV-S", isHaCluster: true }),
  planResource({ type: SCALEWAY_TYPES.bucket, name: "assets", inputs: { name: "assets" } }),
];

const estimate = (resources: PlanResource[], overrides: Record<string, number | boolean> = {}) =>
  estimateCost(resources, { assumptions: resolveAssumptions(overrides), defaultRegion: "fr-par" });

describe("estimateCost", () => {
  it("prices the small fixture to the hand-computed monthly total", () => {
    // Container api, min scale 0: 100 active hours (default assumption) = 360 000 s.
    const containerCpu = 0.5 * 100 * 3600 * 0.00001; // 180 000 vCPU-s × €0.00001 = €1.80
    const containerMemory = 1 * 100 * 3600 * 0.000002; // 360 000 GB-s × €0.000002 (catalog) = €0.72
    // Database pg: DB-DEV-S €0.0156/h × 730 h (a total: node and management together).
    const databaseNode = 0.0156 * 730;
    // Backups on by default, the API's default schedule (every 24 h, kept 7 days): 7 × 1 GB × €0.03.
    const backups = 7 * 1 * 0.03;
    // Bucket assets: 10 GB × €0.01606 + 5 GB egress × €0.01.
    const bucket = 10 * 0.01606 + 5 * 0.01;
    const cost = estimate(fixture);
    expect(cost.total.known).toBeCloseTo(containerCpu + containerMemory + databaseNode + backups + bucket, 6);
    // The HA standby (the node part of DB-DEV-S's total is not known) and local (lssd) storage.
    expect(cost.total.unknownCount).toBe(2);
  });

  it("sums a component's descendants into the component's cost", () => {
    const cost = estimate(fixture);
    const component = cost.components.find((c) => c.name === "app")!;
    expect(component.known).toBeCloseTo(1.8 + 0.72 + 0.0156 * 730 + 0.21, 6);
    expect(component.unknownCount).toBe(2);
  });

  it("keeps an unknown node price out of the total and counts it as unknown", () => {
    const withUnknown = [
      ...fixture,
      planResource({
        type: SCALEWAY_TYPES.databaseInstance,
        name: "gp",
        inputs: { nodeType: "DB-GP-XS", disableBackup: true },
      }),
    ];
    const before = estimate(fixture);
    const after = estimate(withUnknown);
    const node = after.resources.find((r) => r.name === "gp")!.lines[0]!;
    expect(node.monthly).toBeNull();
    expect(node.status).toBe("unknown");
    expect(after.total.known).toBeCloseTo(before.total.known, 6);
    // node, Database management and (lssd) storage of the new instance
    expect(after.total.unknownCount).toBe(before.total.unknownCount + 3);
  });

  it("counts a resource type with no price entry as unknown, never as zero", () => {
    const cost = estimate([planResource({ type: SCALEWAY_TYPES.mnqSqs, name: "queue" })]);
    expect(cost.resources[0]!.lines[0]!.monthly).toBeNull();
    expect(cost.total).toEqual({ known: 0, unknownCount: 1 });
  });

  it("leaves a container's vCPU cost unknown when cpuLimit is not set", () => {
    const cost = estimate([planResource({ type: SCALEWAY_TYPES.container, name: "c", inputs: {} })]);
    expect(cost.resources[0]!.lines.map((l) => l.monthly)).toEqual([null, null]);
    expect(cost.total.unknownCount).toBe(2);
  });

  it("runs a min-scale container all month whatever the active-hours assumption", () => {
    const always = [
      planResource({
        type: SCALEWAY_TYPES.container,
        name: "c",
        inputs: { cpuLimit: 1000, memoryLimitBytes: 2 * 1024 ** 3, minScale: 1 },
      }),
    ];
    // 1 vCPU × 730 h × 3600 s × €0.00001 = €26.28; 2 GB × 730 h × 3600 s × €0.000002 = €10.512
    expect(estimate(always).total.known).toBeCloseTo(26.28 + 10.512, 6);
    expect(estimate(always, { "containers.activeHoursPerMonth": 5 }).total.known).toBeCloseTo(
      26.28 + 10.512,
      6,
    );
  });

  it("prices usage from overridden assumptions", () => {
    const cost = estimate(fixture, { "containers.activeHoursPerMonth": 200, "storage.gbPerBucket": 100 });
    // container: twice the default 100 h → (€1.80 + €0.72) × 2; bucket: 100 GB × €0.01606 + €0.05
    const expected = (1.8 + 0.72) * 2 + 0.0156 * 730 + 0.21 + 100 * 0.01606 + 0.05;
    expect(cost.total.known).toBeCloseTo(expected, 6);
  });

  it("subtracts the per-account free tiers only when asked to", () => {
    const container = [
      planResource({
        type: SCALEWAY_TYPES.container,
        name: "c",
        inputs: { cpuLimit: 1000, memoryLimitBytes: 1024 ** 3, minScale: 0 },
      }),
    ];
    // 100 h × 3600 s = 360 000 vCPU-s and 360 000 GB-s; free tiers 200 000 vCPU-s and 400 000 GB-s.
    const off = estimate(container);
    const on = estimate(container, { "account.applyFreeTiers": true });
    expect(off.adjustments).toEqual([]);
    expect(off.total.known).toBeCloseTo(3.6 + 0.72, 6);
    expect(on.total.known).toBeCloseTo((360_000 - 200_000) * 0.00001 + 0, 6);
  });

  it("prices a public registry namespace at zero and a private one per stored GB", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.registryNamespace,
        name: "pub",
        inputs: { isPublic: true },
      }),
      planResource({
        type: SCALEWAY_TYPES.registryNamespace,
        name: "priv",
        inputs: { isPublic: false },
      }),
    ]);
    expect(cost.resources.map((r) => r.known)).toEqual([0, 2 * 0.027]);
  });

  it("prices Cockpit log retention beyond the free 7 days from the assumed volume", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.cockpitSource,
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

  it("prices an HA instance as one more node, not twice the node and its management", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.databaseInstance,
        name: "pg",
        inputs: { nodeType: "DB-PRO2-XXS", isHaCluster: true, disableBackup: true, volumeType: "sbs_5k" },
      }),
    ]);
    const lines = cost.resources[0]!.lines;
    expect(lines.slice(0, 3).map((l) => [l.priceKey, l.status, l.monthly])).toEqual([
      ["rdb.node.db-pro2-xxs", "third-party", 42.559], // €0.0583 × 730 h
      ["rdb.management.db-pro2-xxs", "third-party", 37.741], // €0.0517 × 730 h
      ["rdb.node.db-pro2-xxs", "third-party", 42.559], // the standby: one more node
    ]);
    expect(lines[2]!.item).toMatch(/standby/);
  });

  it("leaves the standby unknown when only the node type's total price is known", () => {
    const lines = estimate(fixture).resources.find((r) => r.name === "pg")!.lines;
    const standby = lines.find((l) => l.item.includes("standby"))!;
    expect(standby).toMatchObject({ monthly: null, status: "unknown" });
  });

  it("counts the standby of an HA instance with an unknown node price as unknown too", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.databaseInstance,
        name: "gp",
        inputs: { nodeType: "DB-GP-XS", isHaCluster: true, disableBackup: true },
      }),
    ]);
    // node, Database management, standby and storage
    expect(cost.total).toEqual({ known: 0, unknownCount: 4 });
  });

  it("prices RDB block storage by its volume type", () => {
    const instance = (volumeType: string) =>
      planResource({
        type: SCALEWAY_TYPES.databaseInstance,
        name: volumeType,
        inputs: { nodeType: "DB-PRO2-XXS", volumeType, volumeSizeInGb: 50, disableBackup: true },
      });
    const cost = estimate([instance("sbs_5k"), instance("sbs_15k")]);
    const storage = cost.resources.map(
      (r) => r.lines.find((l) => l.priceKey.startsWith("rdb.storage"))!.monthly,
    );
    expect(storage[0]).toBeCloseTo(50 * 0.0993, 6);
    expect(storage[1]).toBeCloseTo(50 * 0.000204 * 730, 6);
  });

  it("prices automatic backups as the backups kept by the schedule", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.databaseInstance,
        name: "pg",
        inputs: { nodeType: "DB-PRO2-XXS", backupScheduleFrequency: 12, backupScheduleRetention: 30 },
      }),
    ]);
    const backup = cost.resources[0]!.lines.find((l) => l.priceKey === "rdb.backup")!;
    // every 12 h for 30 days: 60 backups × 1 GB (database.gbPerBackup) × €0.03
    expect(backup).toMatchObject({ quantity: 60, assumptions: ["database.gbPerBackup"] });
    expect(backup.monthly).toBeCloseTo(60 * 0.03, 6);
  });

  it("prices a Public Gateway by its type and its IP by the hour", () => {
    const cost = estimate([
      planResource({
        type: SCALEWAY_TYPES.publicGateway,
        name: "gw",
        inputs: { type: "VPC-GW-M" },
      }),
      planResource({ type: SCALEWAY_TYPES.publicGatewayIp, name: "ip" }),
    ]);
    expect(cost.resources.map((r) => r.known)).toEqual([0.095 * 730, 0.005 * 730]);
  });

  it("prices a secret version by the hour and its requests", () => {
    const cost = estimate([planResource({ type: SCALEWAY_TYPES.secretVersion, name: "v" })]);
    // 730 version-hours × €0.00006 + 1 000 requests (secrets.requestsPerVersionPerMonth) × €0.000003
    expect(cost.total.known).toBeCloseTo(730 * 0.00006 + 1000 * 0.000003, 6);
    expect(cost.total.unknownCount).toBe(0);
  });
});
