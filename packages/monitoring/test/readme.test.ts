import * as pulumi from "@pulumi/pulumi";
import { ScalewayMocks, record, recordError, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import { BUDGET_ALERT, EXPORTER, GET_SOURCES, SOURCE, TOKEN, scalewaySources } from "./helpers";

/** The id the test kit gives Scaleway's own metrics source in fr-par, read from its getSources answer. */
function scalewayMetricsSourceId(): string {
  const mocks = new ScalewayMocks();
  const answer = mocks.call({ token: GET_SOURCES, inputs: { origin: "scaleway", type: "metrics" } });
  return (answer.sources as Array<{ id: string }>)[0]!.id;
}

describe("README", () => {
  it("builds the usage example", async () => {
    const { graph, result } = await record(
      () => {
        const monitoring = new Monitoring("obs", {
          project: "shop",
          environment: "production",
          contactPoints: [{ email: "oncall@example.com" }],
          products: ["PostgreSQL", "SQL Databases"],
          tokens: {
            app: { writeMetrics: true, writeLogs: true },
            dashboards: { queryMetrics: true, queryLogs: true },
          },
          sources: {
            app: { type: "metrics" },
            "app-logs": { type: "logs", retentionDays: 14 },
          },
          exporter: {
            from: { scaleway: "metrics" },
            otlp: {
              endpoint: "https://otlp.example.com",
              headers: { authorization: pulumi.secret("Bearer example-token") },
            },
          },
          budget: { monthlyLimitEur: 300, thresholds: [50, 80, 100], emails: ["finance@example.com"] },
        });
        return monitoring;
      },
      { calls: { [GET_SOURCES]: scalewaySources } },
    );
    expect(graph.byType(TOKEN)).toHaveLength(2);
    expect(graph.byType(SOURCE)).toHaveLength(2);
    expect(graph.byType(EXPORTER)).toHaveLength(1);
    expect(graph.byType(BUDGET_ALERT)).toHaveLength(3);
    expect(Object.keys(await valueOf(result.sourcePushUrls))).toEqual(["app", "app-logs"]);
  });

  it("records the usage example's exporter of Scaleway metrics with the test kit's own getSources answer", async () => {
    // No `calls` override: the kit answers getSources as the Cockpit API does, so `scaleway-blocks plan`
    // on a program like this one records it too.
    const { graph } = await record(
      () => {
        const config = new pulumi.Config();
        return new Monitoring("obs", {
          project: "shop",
          environment: "production",
          contactPoints: [{ email: "oncall@example.com" }],
          exporter: {
            from: { scaleway: "metrics" },
            otlp: {
              endpoint: "https://otlp.example.com",
              headers: { authorization: config.requireSecret("otlpAuthorization") },
            },
          },
        });
      },
      {
        config: { "project:otlpAuthorization": "Bearer example-token" },
        secretConfigKeys: ["project:otlpAuthorization"],
      },
    );
    expect(graph.inputsOf(EXPORTER).datasourceId).toBe(scalewayMetricsSourceId());
  });

  it("shows the ConfigError the README quotes", async () => {
    const { error } = await recordError(
      () =>
        new Monitoring("obs", {
          project: "shop",
          environment: "production",
          tokens: { app: {} },
          budget: { monthlyLimitEur: 100 },
        }),
    );
    const message = (error as Error).message;
    expect(message).toContain('scaleway-blocks:monitoring:Monitoring "obs": 2 invalid arguments');
    expect(message).toContain(
      "  - budget.emails: expected at least one email address (or contactPoints to default to); received nothing",
    );
    expect(message).toContain(
      "  - tokens.app: expected at least one scope set to true (queryMetrics, writeMetrics,",
    );
    expect(message).toContain("received an object with keys (none)");
  });
});
