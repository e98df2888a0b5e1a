import { describe, expect, it } from "vitest";
import { criticalPath, durationOf } from "../src/index";
import { resolveAssumptions } from "../src/assumptions";
import type { PathResource, TypeDuration } from "../src/index";
import { urn } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const COMPONENT = "test:index:Database";
const node = (name: string, opts: Partial<PathResource> = {}): PathResource => ({
  urn: urn(opts.custom === false ? COMPONENT : `test:index:${name}`, name),
  type: opts.custom === false ? COMPONENT : `test:index:${name}`,
  name,
  custom: true,
  dependencies: [],
  ...opts,
});

// vpc → pn → [db component: instance → database] → api (depends on the whole component); bucket alone.
const vpc = node("vpc");
const pn = node("pn", { dependencies: [vpc.urn] });
const db = node("db", { custom: false });
const instance = node("instance", { parent: db.urn, dependencies: [pn.urn] });
const database = node("database", { parent: db.urn, dependencies: [instance.urn] });
const api = node("api", { dependencies: [db.urn] });
const bucket = node("bucket");
const graph = [vpc, pn, db, instance, database, api, bucket];

const SECONDS: Record<string, number> = { vpc: 5, pn: 5, instance: 900, database: 5, api: 120, bucket: 10 };
const duration = (r: PathResource): TypeDuration => ({
  seconds: SECONDS[r.name] ?? 0,
  basis: "assumption",
  source: "test",
});

describe("criticalPath", () => {
  it("follows the longest chain of dependencies through a component", () => {
    const path = criticalPath(graph, duration);
    expect(path.steps.map((s) => s.name)).toEqual(["vpc", "pn", "instance", "database", "api"]);
    expect(path.totalSeconds).toBe(5 + 5 + 900 + 5 + 120);
  });

  it("makes a dependent of a component wait for the component's last child", () => {
    const path = criticalPath(graph, duration);
    const step = path.steps.find((s) => s.name === "api")!;
    expect(step.startSeconds).toBe(5 + 5 + 900 + 5);
  });

  it("starts the children of a component only when the component may start", () => {
    const late = node("late", { custom: false, dependencies: [bucket.urn] });
    const child = node("child", { parent: late.urn });
    const path = criticalPath([bucket, late, child], (r) => ({
      seconds: r.name === "bucket" ? 10 : 60,
      basis: "assumption",
      source: "test",
    }));
    expect(path.totalSeconds).toBe(70);
    expect(path.steps.map((s) => s.name)).toEqual(["bucket", "child"]);
  });

  it("compares the total with the target", () => {
    expect(criticalPath(graph, duration, 600).withinTarget).toBe(false);
    expect(criticalPath(graph, duration, 1200).withinTarget).toBe(true);
  });

  it("reports the upper bound when a type has a documented one", () => {
    const bounded = (r: PathResource): TypeDuration =>
      r.name === "instance" ? { ...duration(r), upperBoundSeconds: 1800 } : duration(r);
    const path = criticalPath(graph, bounded);
    expect(path.upperBoundSeconds).toBe(5 + 5 + 1800 + 5 + 120);
  });

  it("does not loop on a child that depends on its own parent", () => {
    const parent = node("parent", { custom: false });
    const child = node("child", { parent: parent.urn, dependencies: [parent.urn] });
    expect(
      criticalPath([parent, child], () => ({ seconds: 7, basis: "assumption", source: "test" })).totalSeconds,
    ).toBe(7);
  });

  it("uses the reference figures per type, and overrides from assumptions", () => {
    const defaults = resolveAssumptions();
    const rdb = durationOf(SCALEWAY_TYPES.databaseInstance, defaults);
    expect(rdb.upperBoundSeconds).toBe(30 * 60); // the Terraform provider's timeout
    expect(rdb).toMatchObject({ basis: "measured", seconds: 243, maxSeconds: 397 }); // p90 and max
    expect(durationOf(SCALEWAY_TYPES.bucket, defaults).basis).toBe("assumption");
    const overridden = durationOf(
      SCALEWAY_TYPES.databaseInstance,
      resolveAssumptions({ "deploy.databases.Instance": 420 }),
    );
    expect(overridden).toMatchObject({ seconds: 420, basis: "override" });
  });
});
