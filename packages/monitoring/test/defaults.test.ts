import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import {
  ALERT_MANAGER,
  BUDGET,
  EXPORTER,
  GET_GRAFANA,
  GET_PRECONFIGURED_ALERT,
  MONITORING,
  SOURCE,
  TOKEN,
  minimalArgs,
} from "./helpers";

describe("Monitoring secure defaults", () => {
  const recording = record(() => new Monitoring("mon", minimalArgs("dev")));

  it("creates only an alert manager when nothing else is asked for", async () => {
    const { graph } = await recording;
    expect(graph.countByType()).toEqual({ [MONITORING]: 1, [ALERT_MANAGER]: 1 });
  });

  it("creates no token, source, exporter or budget by default", async () => {
    const { graph } = await recording;
    for (const type of [TOKEN, SOURCE, EXPORTER, BUDGET]) expect(graph.byType(type)).toEqual([]);
  });

  it("places the alert manager in the component's region", async () => {
    const { graph } = await recording;
    expect(graph.inputsOf(ALERT_MANAGER).region).toBe("fr-par");
  });

  it("never sets the deprecated enableManagedAlerts input", async () => {
    const { graph } = await recording;
    expect(graph.inputsOf(ALERT_MANAGER)).not.toHaveProperty("enableManagedAlerts");
  });

  it("enables no preconfigured alert and skips the lookup when no product is given", async () => {
    const { graph, result } = await recording;
    expect(await valueOf(result.enabledAlertRuleIds)).toEqual([]);
    expect(graph.calls.map((c) => c.token)).not.toContain(GET_PRECONFIGURED_ALERT);
  });

  it("reads the Grafana URL from getGrafana", async () => {
    const { graph, result } = await recording;
    expect(graph.calls.map((c) => c.token)).toContain(GET_GRAFANA);
    expect(await valueOf(result.grafanaUrl)).toMatch(/^https:\/\/.+\.dashboard\.obs\.fr-par\.scw\.cloud$/);
  });

  it("uses neither the deprecated Cockpit nor the GrafanaUser resource", async () => {
    const { graph } = await recording;
    const types = graph.registered.map((r) => r.type);
    expect(types.filter((t) => /cockpit:Cockpit|grafanaUser|index\//i.test(t))).toEqual([]);
  });

  it("parents every resource to the component", async () => {
    const { graph } = await recording;
    const component = graph.one(MONITORING);
    expect(graph.customResources.every((r) => r.parent === component.urn)).toBe(true);
  });

  it("exposes the alert manager id", async () => {
    const { graph, result } = await recording;
    expect(await valueOf(result.alertManagerId)).toBe(graph.one(ALERT_MANAGER).id);
  });

  it("exposes empty token and source maps", async () => {
    const { result } = await recording;
    expect(await valueOf(result.tokenIds)).toEqual({});
    expect(await valueOf(result.sourceUrls)).toEqual({});
    expect(result.exporterId).toBeUndefined();
    expect(result.budgetId).toBeUndefined();
  });

  it("follows the region arg", async () => {
    const { graph, result } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), region: "nl-ams", products: ["PostgreSQL"] }),
    );
    expect(result.region).toBe("nl-ams");
    expect(graph.inputsOf(ALERT_MANAGER).region).toBe("nl-ams");
    expect(graph.calls.find((c) => c.token === GET_PRECONFIGURED_ALERT)?.inputs.region).toBe("nl-ams");
  });
});

describe("Monitoring per environment", () => {
  const sources = {
    app: { type: "metrics" as const },
    logs: { type: "logs" as const },
    traces: { type: "traces" as const },
  };

  it("in dev keeps custom metrics 31 days and logs and traces 7 days, unprotected", async () => {
    const { graph } = await record(() => new Monitoring("mon", { ...minimalArgs("dev"), sources }));
    expect(graph.inputsOf(SOURCE, "mon-source-app").retentionDays).toBe(31);
    expect(graph.inputsOf(SOURCE, "mon-source-logs").retentionDays).toBe(7);
    expect(graph.inputsOf(SOURCE, "mon-source-traces").retentionDays).toBe(7);
    expect(graph.byType(SOURCE).every((s) => !s.options.protect)).toBe(true);
  });

  it("in dev accepts an alert manager without contact points", async () => {
    const { graph } = await record(() => new Monitoring("mon", minimalArgs("dev")));
    expect(graph.inputsOf(ALERT_MANAGER).contactPoints).toEqual([]);
  });

  it("in staging keeps logs 14 days and accepts no contact points", async () => {
    const { graph } = await record(() => new Monitoring("mon", { ...minimalArgs("staging"), sources }));
    expect(graph.inputsOf(SOURCE, "mon-source-logs").retentionDays).toBe(14);
    expect(graph.inputsOf(SOURCE, "mon-source-app").retentionDays).toBe(31);
    expect(graph.inputsOf(ALERT_MANAGER).contactPoints).toEqual([]);
    expect(graph.byType(SOURCE).every((s) => !s.options.protect)).toBe(true);
  });

  it("in production keeps metrics 90 days and logs 31 days", async () => {
    const { graph } = await record(() => new Monitoring("mon", { ...minimalArgs("production"), sources }));
    expect(graph.inputsOf(SOURCE, "mon-source-app").retentionDays).toBe(90);
    expect(graph.inputsOf(SOURCE, "mon-source-logs").retentionDays).toBe(31);
  });

  it("in production protects custom sources from deletion", async () => {
    const { graph } = await record(() => new Monitoring("mon", { ...minimalArgs("production"), sources }));
    expect(graph.byType(SOURCE).map((s) => s.options.protect)).toEqual([true, true, true]);
  });

  it("in production sends alerts to the contact points", async () => {
    const { graph } = await record(() => new Monitoring("mon", minimalArgs("production")));
    expect(graph.inputsOf(ALERT_MANAGER).contactPoints).toEqual([{ email: "oncall@example.com" }]);
  });

  it("names resources after project, environment and component", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...minimalArgs("staging"), tokens: { app: { writeLogs: true } } }),
    );
    expect(graph.inputsOf(TOKEN).name).toBe("shop-staging-mon-token-app");
  });
});
