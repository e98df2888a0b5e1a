import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan, parseBaseline } from "../src/index";
import { TYPE_DURATIONS } from "../src/durations";
import type { GraphResource } from "../src/index";
import { resource, runCli, runCliShared } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const CONTAINER = SCALEWAY_TYPES.container;
const NAMESPACE = SCALEWAY_TYPES.containerNamespace;

const namespace = resource({ type: NAMESPACE, name: "ns", id: "ns_id" });
const instance = resource({ type: INSTANCE, name: "pg", id: "pg_id", inputs: { nodeType: "DB-DEV-S" } });
const container = (image: string): GraphResource =>
  resource({
    type: CONTAINER,
    name: "api",
    dependencies: [namespace.urn, instance.urn],
    inputs: { namespaceId: "ns_id", registryImage: image },
  });
const graph = (image: string) => ({ resources: [namespace, instance, container(image)] });
const plan = (image: string, baselineImage?: string) =>
  buildPlan(graph(image), {
    project: "proj",
    stack: "test",
    ...(baselineImage === undefined
      ? {}
      : {
          baseline: parseBaseline(
            JSON.parse(JSON.stringify(buildPlan(graph(baselineImage), { project: "proj", stack: "test" }))),
          ),
        }),
  });

const seconds = (type: string) => TYPE_DURATIONS[type]!.seconds;

describe("the deployment time with --baseline", () => {
  it("is the time of a fresh deploy without a baseline", () => {
    const fresh = plan("api:1");
    expect(fresh.deployTime.totalSeconds).toBe(seconds(INSTANCE) + seconds(CONTAINER));
    expect(fresh.deployTime.scope).toBe("create");
  });

  it("takes no time when nothing changes", () => {
    const same = plan("api:1", "api:1");
    expect(same.deployTime).toMatchObject({
      totalSeconds: 0,
      upperBoundSeconds: 0,
      scope: "changes",
      steps: [],
    });
  });

  it("times only what changes: a new image redeploys the container, not the database", () => {
    const update = plan("api:2", "api:1");
    expect(update.deployTime.totalSeconds).toBe(seconds(CONTAINER));
    expect(update.deployTime.steps.map((s) => s.name)).toEqual(["api"]);
  });
});

describe("the deployment time on the CLI", () => {
  it("is zero against a baseline of the same program", async () => {
    const first = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    const file = join(mkdtempSync(join(tmpdir(), "plan-")), "baseline.json");
    writeFileSync(file, first.stdout);
    const run = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--baseline", file]);
    expect(run.stdout).toMatch(/Estimated deployment time of the changes: 0s/);
  });
});
