import * as pulumi from "@pulumi/pulumi";
import { isSecret, record, unwrapSecrets } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import { EXPORTER, GET_SOURCES, TOKEN, scalewaySources } from "./helpers";

const HEADER_SECRET = "otlp-api-key-0123456789";
const BEARER_SECRET = "Bearer eyJhbGciOi-secret";

describe("Monitoring secrets", () => {
  const recording = record(
    () => {
      const monitoring = new Monitoring("mon", {
        project: "shop",
        environment: "production",
        contactPoints: [{ email: "oncall@example.com" }],
        products: ["PostgreSQL", "SQL Databases"],
        tokens: { app: { writeMetrics: true, writeLogs: true }, ci: { queryLogs: true } },
        sources: { app: { type: "metrics" }, logs: { type: "logs", retentionDays: 14 } },
        exporter: {
          otlp: {
            endpoint: "https://otlp.example.com",
            headers: { "x-api-key": HEADER_SECRET, authorization: pulumi.secret(BEARER_SECRET) },
          },
        },
        budget: { monthlyLimitEur: 250 },
      });
      return {
        grafanaUrl: monitoring.grafanaUrl,
        tokenSecretKeys: monitoring.tokenSecretKeys,
        appToken: monitoring.tokenSecretKey("app"),
        sourcePushUrls: monitoring.sourcePushUrls,
      };
    },
    { calls: { [GET_SOURCES]: scalewaySources } },
  );

  it("leaks no token key or exporter header anywhere in the graph", async () => {
    const { graph } = await recording;
    const tokenKeys = graph.byType(TOKEN).map((t) => String(unwrapSecrets(t.outputs.secretKey)));
    expect(tokenKeys).toHaveLength(2);
    expect(graph.secretLeaks([...tokenKeys, HEADER_SECRET, BEARER_SECRET])).toEqual([]);
  });

  it("keeps token secret keys secret in the stack outputs", async () => {
    const { graph } = await recording;
    expect(isSecret(graph.stackOutputs.tokenSecretKeys)).toBe(true);
    expect(isSecret(graph.stackOutputs.appToken)).toBe(true);
    expect(isSecret(graph.stackOutputs.grafanaUrl)).toBe(false);
  });

  it("keeps the exporter headers secret in its inputs and state", async () => {
    const { graph } = await recording;
    const exporter = graph.one(EXPORTER);
    expect(isSecret(exporter.inputs.otlpDestination)).toBe(true);
    expect(isSecret(exporter.outputs.otlpDestination)).toBe(true);
    expect(JSON.stringify(exporter)).not.toContain(HEADER_SECRET);
  });

  it("marks token secret keys secret on the token resources", async () => {
    const { graph } = await recording;
    for (const token of graph.byType(TOKEN)) expect(isSecret(token.outputs.secretKey)).toBe(true);
  });
});
