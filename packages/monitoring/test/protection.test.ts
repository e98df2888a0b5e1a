import { record } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import type { MonitoringArgs } from "../src/index";
import {
  ALERT_MANAGER,
  BUDGET,
  BUDGET_ALERT,
  BUDGET_NOTIFICATION,
  EXPORTER,
  GET_SOURCES,
  SOURCE,
  TOKEN,
  minimalArgs,
  scalewaySources,
} from "./helpers";

/** Every kind of child: a source (stateful: it holds data) and the rest. */
function everything(environment: "dev" | "production"): MonitoringArgs {
  return {
    ...minimalArgs(environment),
    tokens: { app: { writeMetrics: true } },
    sources: { app: { type: "metrics" } },
    exporter: { otlp: { endpoint: "https://otlp.example.com" } },
    budget: { monthlyLimitEur: 100, thresholds: [80], emails: ["finance@example.com"] },
  };
}
const OTHERS = [ALERT_MANAGER, TOKEN, EXPORTER, BUDGET, BUDGET_ALERT, BUDGET_NOTIFICATION];
const ALL = [SOURCE, ...OTHERS];
const calls = { calls: { [GET_SOURCES]: scalewaySources } };

function protectOf(graph: ResourceGraph, types: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(types.map((type) => [type, graph.one(type).options.protect]));
}
const all = (types: readonly string[], value: boolean) =>
  Object.fromEntries(types.map((type) => [type, value]));

describe("Monitoring protection", () => {
  it("protects only the sources in production, which hold data", async () => {
    const { graph } = await record(() => new Monitoring("mon", everything("production")), calls);
    expect(protectOf(graph, ALL)).toEqual({ ...all(OTHERS, false), [SOURCE]: true });
  });

  it("protects every child with the protect arg", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...everything("dev"), protect: true }),
      calls,
    );
    expect(protectOf(graph, ALL)).toEqual(all(ALL, true));
  });

  it("protects every child with the component's protect option, as with the arg", async () => {
    const { graph } = await record(() => new Monitoring("mon", everything("dev"), { protect: true }), calls);
    expect(protectOf(graph, ALL)).toEqual(all(ALL, true));
  });

  it("lets protect: false in the args win over the component's protect option", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...everything("production"), protect: false }, { protect: true }),
      calls,
    );
    expect(protectOf(graph, ALL)).toEqual(all(ALL, false));
  });

  it("forwards the component's retainOnDelete option to every child", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", everything("dev"), { retainOnDelete: true }),
      calls,
    );
    expect(graph.customResources.map((r) => [r.type, r.options.retainOnDelete])).toEqual(
      graph.customResources.map((r) => [r.type, true]),
    );
    expect(graph.customResources).toHaveLength(ALL.length);
  });
});
