import * as pulumi from "@pulumi/pulumi";
import {
  BLOCK_TYPES,
  isSecret,
  isSecretOutput,
  record,
  unwrapSecrets,
  valueOf,
} from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import type { TokenScopes } from "../src/index";
import {
  ALERT_MANAGER,
  BUDGET,
  BUDGET_ALERT,
  BUDGET_NOTIFICATION,
  EXPORTER,
  GET_PRECONFIGURED_ALERT,
  GET_PROJECT,
  GET_SOURCES,
  ORGANIZATION_ID,
  PROJECT_ID,
  SOURCE,
  TOKEN,
  minimalArgs,
  scalewaySources,
} from "./helpers";

const ALL_SCOPES = [
  "queryMetrics",
  "writeMetrics",
  "setupMetricsRules",
  "queryLogs",
  "writeLogs",
  "setupLogsRules",
  "queryTraces",
  "writeTraces",
  "setupAlerts",
] as const;

const FIXTURE_ALERTS = [
  { preconfiguredRuleId: "rule-pg-cpu", productName: "PostgreSQL", name: "PostgreSQLHighCPULoad" },
  { preconfiguredRuleId: "rule-pg-storage", productName: "PostgreSQL", name: "PostgreSQLHighStorageUsage" },
  { preconfiguredRuleId: "rule-redis-cpu", productName: "Redis", name: "HighCpuUsage" },
  { preconfiguredRuleId: "rule-instance-cpu", productName: "Instance", name: "InstanceHighCPUUsage" },
];
const alertCalls = {
  [GET_PRECONFIGURED_ALERT]: (inputs: Record<string, unknown>) => ({
    id: "alerts",
    projectId: PROJECT_ID,
    ...inputs,
    alerts: FIXTURE_ALERTS,
  }),
};

describe("Monitoring contact points", () => {
  it("gives the alert manager one email contact point per address", async () => {
    const emails = ["oncall@example.com", "team@example.org"];
    const { graph } = await record(
      () =>
        new Monitoring("mon", { ...minimalArgs("dev"), contactPoints: emails.map((email) => ({ email })) }),
    );
    expect(graph.inputsOf(ALERT_MANAGER).contactPoints).toEqual(emails.map((email) => ({ email })));
  });
});

describe("Monitoring preconfigured alerts", () => {
  it("enables exactly the rules of the products asked for", async () => {
    const { graph, result } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), products: ["PostgreSQL", "Redis"] }),
      { calls: alertCalls },
    );
    const expected = FIXTURE_ALERTS.filter((a) => ["PostgreSQL", "Redis"].includes(a.productName))
      .map((a) => a.preconfiguredRuleId)
      .sort();
    expect(graph.inputsOf(ALERT_MANAGER).preconfiguredAlertIds).toEqual(expected);
    expect(await valueOf(result.enabledAlertRuleIds)).toEqual(expected);
  });

  it("leaves out the rules of products the stack does not use", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), products: ["PostgreSQL"] }),
      {
        calls: alertCalls,
      },
    );
    expect(graph.inputsOf(ALERT_MANAGER).preconfiguredAlertIds).not.toContain("rule-instance-cpu");
    expect(graph.inputsOf(ALERT_MANAGER).preconfiguredAlertIds).not.toContain("rule-redis-cpu");
  });

  it("enables nothing for a product that has no preconfigured alert", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), products: ["Kubernetes"] }),
      { calls: alertCalls },
    );
    expect(graph.inputsOf(ALERT_MANAGER).preconfiguredAlertIds).toEqual([]);
  });

  it("enables the mocked rules of the products the platform uses, with the project's region and id", async () => {
    const products = ["PostgreSQL", "SQL Databases", "Redis"] as const;
    const { graph, result } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), projectId: PROJECT_ID, products: [...products] }),
    );
    const call = graph.calls.find((c) => c.token === GET_PRECONFIGURED_ALERT);
    expect(call?.inputs).toMatchObject({ region: "fr-par", projectId: PROJECT_ID });
    const ids = await valueOf(result.enabledAlertRuleIds);
    expect(ids.length).toBeGreaterThanOrEqual(products.length);
    expect(graph.inputsOf(ALERT_MANAGER).preconfiguredAlertIds).toEqual(ids);
    expect(graph.inputsOf(ALERT_MANAGER).projectId).toBe(PROJECT_ID);
  });
});

describe("Monitoring tokens", () => {
  const tokens: Record<string, TokenScopes> = {
    app: { writeMetrics: true, writeLogs: true },
    grafana: { queryMetrics: true },
  };
  const recording = record(() => new Monitoring("mon", { ...minimalArgs("dev"), tokens }));

  it("creates one token per key", async () => {
    const { graph } = await recording;
    expect(
      graph
        .byType(TOKEN)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["mon-token-app", "mon-token-grafana"]);
  });

  it("grants a token only the scopes asked for and sets every other scope to false", async () => {
    const { graph } = await recording;
    for (const [key, asked] of Object.entries(tokens)) {
      const scopes = graph.inputsOf(TOKEN, `mon-token-${key}`).scopes as Record<string, boolean>;
      expect(Object.keys(scopes).sort()).toEqual([...ALL_SCOPES].sort());
      for (const scope of ALL_SCOPES) expect(scopes[scope]).toBe(asked[scope] === true);
    }
  });

  it("never grants a write scope to a query-only token", async () => {
    const { graph } = await recording;
    const scopes = graph.inputsOf(TOKEN, "mon-token-grafana").scopes as Record<string, boolean>;
    expect(Object.entries(scopes).filter(([k, v]) => k.startsWith("write") && v)).toEqual([]);
  });

  it("creates tokens in the component's region", async () => {
    const { graph } = await recording;
    expect(graph.byType(TOKEN).map((t) => t.inputs.region)).toEqual(["fr-par", "fr-par"]);
  });

  it("exposes token secret keys as a secret map", async () => {
    const { graph, result } = await recording;
    expect(await isSecretOutput(result.tokenSecretKeys)).toBe(true);
    const keys = await valueOf(result.tokenSecretKeys);
    expect(keys.app).toBe(unwrapSecrets(graph.one(TOKEN, "mon-token-app").outputs.secretKey));
  });

  it("exposes one token's secret key as a secret", async () => {
    const { graph, result } = await recording;
    const key = result.tokenSecretKey("grafana");
    expect(await isSecretOutput(key)).toBe(true);
    expect(await valueOf(key)).toBe(unwrapSecrets(graph.one(TOKEN, "mon-token-grafana").outputs.secretKey));
  });

  it("refuses an unknown token key and names the known ones", async () => {
    const { result } = await recording;
    expect(() => result.tokenSecretKey("api")).toThrow(/no token "api"; known tokens: app, grafana/);
  });

  it("exposes token ids by key", async () => {
    const { graph, result } = await recording;
    expect(await valueOf(result.tokenIds)).toEqual({
      app: graph.one(TOKEN, "mon-token-app").id,
      grafana: graph.one(TOKEN, "mon-token-grafana").id,
    });
  });

  it("registers the token secret keys as a secret component output", async () => {
    const { graph } = await recording;
    expect(isSecret(graph.one(BLOCK_TYPES.monitoring).outputs.tokenSecretKeys)).toBe(true);
  });
});

describe("Monitoring sources", () => {
  it("creates a source with the given type and retention", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          sources: { app: { type: "traces", retentionDays: 3 } },
        }),
    );
    expect(graph.inputsOf(SOURCE)).toMatchObject({
      type: "traces",
      retentionDays: 3,
      name: "shop-dev-mon-source-app",
      region: "fr-par",
    });
  });

  it("exposes source ids, URLs and push URLs by key", async () => {
    const { graph, result } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), sources: { app: { type: "metrics" } } }),
    );
    const source = graph.one(SOURCE);
    expect(await valueOf(result.sourceIds)).toEqual({ app: source.id });
    expect(await valueOf(result.sourceUrls)).toEqual({ app: source.outputs.url });
    expect(await valueOf(result.sourcePushUrls)).toEqual({ app: source.outputs.pushUrl });
  });

  it("lets protect: false override the environment's protection of sources", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("production"),
          sources: { app: { type: "logs" } },
          protect: false,
        }),
    );
    expect(graph.one(SOURCE).options.protect).toBe(false);
  });

  it("protects sources in dev when asked with protect: true", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          sources: { app: { type: "logs" } },
          protect: true,
        }),
    );
    expect(graph.one(SOURCE).options.protect).toBe(true);
  });

  it("accepts a retention of 365 days, the provider's maximum", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          sources: { app: { type: "logs", retentionDays: 365 } },
        }),
    );
    expect(graph.inputsOf(SOURCE).retentionDays).toBe(365);
  });
});

describe("Monitoring exporter", () => {
  const otlp = { endpoint: "https://otlp.example.com/v1", headers: { "x-api-key": "otlp-header-secret" } };

  it("exports Scaleway's metrics by default, found with getSources", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp } }),
      {
        calls: { [GET_SOURCES]: scalewaySources },
      },
    );
    const call = graph.calls.find((c) => c.token === GET_SOURCES);
    expect(call?.inputs).toMatchObject({ origin: "scaleway", type: "metrics", region: "fr-par" });
    expect(graph.inputsOf(EXPORTER).datasourceId).toBe("fr-par/scaleway-metrics-source");
  });

  it("fails the deployment with a clear message when the region has no Scaleway source to export", async () => {
    await expect(
      record(() => new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp } }), {
        calls: { [GET_SOURCES]: () => ({ id: "none", sources: [] }) },
      }),
    ).rejects.toThrow(
      "Monitoring: no Scaleway metrics data source found in fr-par to export; pass exporter.from.id instead",
    );
  });

  it("exports Scaleway's logs when asked", async () => {
    const { graph } = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp, from: { scaleway: "logs" } } }),
      { calls: { [GET_SOURCES]: scalewaySources } },
    );
    expect(graph.inputsOf(EXPORTER).datasourceId).toBe("fr-par/scaleway-logs-source");
  });

  it("exports one of the component's own sources", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          sources: { app: { type: "metrics" } },
          exporter: { otlp, from: { source: "app" } },
        }),
    );
    const source = graph.one(SOURCE);
    const exporter = graph.one(EXPORTER);
    expect(exporter.inputs.datasourceId).toBe(source.id);
    expect(exporter.propertyDependencies.datasourceId).toEqual([source.urn]);
  });

  it("exports an existing data source given by id", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp, from: { id: "fr-par/existing" } } }),
    );
    expect(graph.inputsOf(EXPORTER).datasourceId).toBe("fr-par/existing");
    expect(graph.calls.map((c) => c.token)).not.toContain(GET_SOURCES);
  });

  it("sends to the OTLP endpoint with the headers kept secret", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp, from: { id: "fr-par/existing" } } }),
    );
    const destination = graph.inputsOf(EXPORTER).otlpDestination;
    expect(unwrapSecrets(destination)).toEqual(otlp);
    expect(JSON.stringify(destination)).not.toContain("otlp-header-secret");
  });

  it("keeps the exporter's destination secret in its state", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp, from: { id: "fr-par/existing" } } }),
    );
    const exporter = graph.one(EXPORTER);
    expect(exporter.options.additionalSecretOutputs).toContain("otlpDestination");
    expect(isSecret(exporter.outputs.otlpDestination)).toBe(true);
  });

  it("exports all products by default and the listed ones when given", async () => {
    const all = await record(
      () => new Monitoring("mon", { ...minimalArgs("dev"), exporter: { otlp, from: { id: "fr-par/x" } } }),
    );
    expect(all.graph.inputsOf(EXPORTER).exportedProducts).toEqual(["all"]);
    const some = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          exporter: { otlp, from: { id: "fr-par/x" }, products: ["rdb", "serverless-containers"] },
        }),
    );
    expect(some.graph.inputsOf(EXPORTER).exportedProducts).toEqual(["rdb", "serverless-containers"]);
  });

  it("accepts header values that are already secret Outputs", async () => {
    const { graph, result } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          exporter: {
            otlp: { endpoint: otlp.endpoint, headers: { authorization: pulumi.secret("Bearer tok-123456") } },
            from: { id: "fr-par/x" },
          },
        }),
    );
    expect(unwrapSecrets(graph.inputsOf(EXPORTER).otlpDestination)).toMatchObject({
      headers: { authorization: "Bearer tok-123456" },
    });
    expect(await valueOf(result.exporterId!)).toBe(graph.one(EXPORTER).id);
  });
});

describe("Monitoring budget", () => {
  const contacts = [{ email: "oncall@example.com" }];

  it("creates a budget with the monthly limit in cents", async () => {
    const { graph, result } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          contactPoints: contacts,
          budget: { monthlyLimitEur: 150.25 },
        }),
    );
    expect(graph.inputsOf(BUDGET)).toMatchObject({ consumptionLimit: 15025, enabled: true });
    expect(await valueOf(result.budgetId!)).toBe(graph.one(BUDGET).id);
  });

  it("alerts at 50, 80 and 100 percent by default, mailing the contact points", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          contactPoints: contacts,
          budget: { monthlyLimitEur: 100 },
        }),
    );
    const budget = graph.one(BUDGET);
    const alerts = graph.byType(BUDGET_ALERT);
    expect(alerts.map((a) => a.inputs.threshold)).toEqual([50, 80, 100]);
    expect(alerts.every((a) => a.inputs.budgetId === budget.id)).toBe(true);
    const notifications = graph.byType(BUDGET_NOTIFICATION);
    expect(notifications.map((n) => n.inputs.budgetAlertId).sort()).toEqual(alerts.map((a) => a.id).sort());
    for (const n of notifications) expect(n.inputs.emailAddresses).toEqual(["oncall@example.com"]);
  });

  it("sets exactly one kind of recipient on each notification", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          contactPoints: contacts,
          budget: { monthlyLimitEur: 100 },
        }),
    );
    for (const n of graph.byType(BUDGET_NOTIFICATION)) {
      expect(n.inputs).not.toHaveProperty("smsPhoneNumbers");
      expect(n.inputs).not.toHaveProperty("webhookUrls");
    }
  });

  it("uses the given thresholds and recipients", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          budget: { monthlyLimitEur: 20, thresholds: [90], emails: ["finance@example.com"] },
        }),
    );
    expect(graph.byType(BUDGET_ALERT).map((a) => a.inputs.threshold)).toEqual([90]);
    expect(graph.inputsOf(BUDGET_NOTIFICATION).emailAddresses).toEqual(["finance@example.com"]);
  });

  it("puts the budget in the organization of projectId", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          projectId: PROJECT_ID,
          contactPoints: contacts,
          budget: { monthlyLimitEur: 100 },
        }),
      { organizationId: ORGANIZATION_ID },
    );
    expect(graph.calls.find((c) => c.token === GET_PROJECT)?.inputs.projectId).toBe(PROJECT_ID);
    expect(graph.inputsOf(BUDGET).organizationId).toBe(ORGANIZATION_ID);
  });

  it("uses an explicit organizationId without looking the project up", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          projectId: PROJECT_ID,
          contactPoints: contacts,
          budget: { monthlyLimitEur: 100, organizationId: ORGANIZATION_ID },
        }),
    );
    expect(graph.inputsOf(BUDGET).organizationId).toBe(ORGANIZATION_ID);
    expect(graph.calls.map((c) => c.token)).not.toContain(GET_PROJECT);
  });

  it("leaves the organization to the provider when neither projectId nor organizationId is set", async () => {
    const { graph } = await record(
      () =>
        new Monitoring("mon", {
          ...minimalArgs("dev"),
          contactPoints: contacts,
          budget: { monthlyLimitEur: 100 },
        }),
    );
    expect(graph.inputsOf(BUDGET)).not.toHaveProperty("organizationId");
  });
});
