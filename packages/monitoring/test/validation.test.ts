import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError, SCALEWAY_TYPES } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import type { MonitoringArgs } from "../src/index";
import { minimalArgs } from "./helpers";

/** Builds the component with bad args and returns the ConfigError's field paths, after checking nothing was registered. */
async function rejectedPaths(args: unknown): Promise<string[]> {
  const { error, graph } = await recordError(() => new Monitoring("mon", args as MonitoringArgs));
  expect(error).toBeInstanceOf(ConfigError);
  expect(graph.registered).toEqual([]);
  return (error as ConfigError).issues.map((issue) => issue.path);
}

const otlp = { endpoint: "https://otlp.example.com" };

describe("Monitoring bad input", () => {
  it("leaves 'production has alert contacts' to the policy rule that states it: production without one is built", async () => {
    // scw-monitoring-alert-contacts-in-production (@scaleway-blocks/policy) refuses it in the plan and the pack.
    const { graph } = await record(
      () => new Monitoring("mon", { project: "shop", environment: "production" }),
    );
    expect(graph.inputsOf(SCALEWAY_TYPES.alertManager).contactPoints).toEqual([]);
  });

  it("refuses a contact point that is not an email address", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), contactPoints: [{ email: "not-an-email" }] })).toEqual([
      "contactPoints[0].email",
    ]);
  });

  it("refuses the same contact email twice", async () => {
    const contactPoints = [{ email: "ops@example.com" }, { email: "OPS@example.com" }];
    expect(await rejectedPaths({ ...minimalArgs(), contactPoints })).toEqual(["contactPoints"]);
  });

  it("refuses the deprecated enableManagedAlerts", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), enableManagedAlerts: true })).toEqual([""]);
  });

  it("refuses a malformed product name", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), products: ["Managed DB"] })).toEqual(["products[0]"]);
  });

  it("refuses a token without any scope", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), tokens: { app: {} } })).toEqual(["tokens.app"]);
  });

  it("refuses a token whose scopes are all false", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), tokens: { app: { writeLogs: false } } })).toEqual([
      "tokens.app",
    ]);
  });

  it("refuses an unknown token scope", async () => {
    const { error } = await recordError(
      () => new Monitoring("mon", { ...minimalArgs(), tokens: { app: { writeEverything: true } } } as never),
    );
    expect((error as ConfigError).issues).toContainEqual(
      expect.objectContaining({ path: "tokens.app", received: '"writeEverything"' }),
    );
  });

  it("refuses a token key that cannot be part of a Scaleway name", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), tokens: { App_1: { writeLogs: true } } })).toEqual([
      "tokens.App_1",
    ]);
  });

  it("refuses an unknown source type", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), sources: { app: { type: "events" } } })).toEqual([
      "sources.app.type",
    ]);
  });

  it.each([0, 366, 1825, 1.5])("refuses a source retention of %s days", async (retentionDays) => {
    expect(
      await rejectedPaths({ ...minimalArgs(), sources: { app: { type: "logs", retentionDays } } }),
    ).toEqual(["sources.app.retentionDays"]);
  });

  it("refuses an exporter endpoint over plain http", async () => {
    expect(
      await rejectedPaths({ ...minimalArgs(), exporter: { otlp: { endpoint: "http://otlp.example.com" } } }),
    ).toEqual(["exporter.otlp.endpoint"]);
  });

  it("refuses an exporter endpoint that is not a URL", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), exporter: { otlp: { endpoint: "otlp" } } })).toEqual([
      "exporter.otlp.endpoint",
    ]);
  });

  it("refuses an exporter of a source key the component does not define", async () => {
    const { error } = await recordError(
      () =>
        new Monitoring("mon", {
          ...minimalArgs(),
          sources: { app: { type: "logs" } },
          exporter: { otlp, from: { source: "other" } },
        }),
    );
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({ path: "exporter.from.source", expected: expect.stringContaining("app") }),
    ]);
  });

  it("refuses an exporter source that is neither Scaleway data, a source key nor an id", async () => {
    expect(
      await rejectedPaths({ ...minimalArgs(), exporter: { otlp, from: { scaleway: "traces" } } }),
    ).toEqual(["exporter.from"]);
  });

  it("refuses an exporter endpoint with credentials in the URL, which would sit in plain text", async () => {
    const { error } = await recordError(
      () =>
        new Monitoring("mon", {
          ...minimalArgs(),
          exporter: { otlp: { endpoint: "https://user:pass@otlp.example.com" } },
        }),
    );
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({
        path: "exporter.otlp.endpoint",
        expected: expect.stringContaining("without credentials"),
      }),
    ]);
  });

  it("refuses an exporter header name longer than 256 characters", async () => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        exporter: { otlp: { ...otlp, headers: { ["x".repeat(257)]: "x" } } },
      }),
    ).toEqual([`exporter.otlp.headers.${"x".repeat(257)}`]);
  });

  it("refuses renamed protectSources, naming protect", async () => {
    const { error } = await recordError(
      () => new Monitoring("mon", { ...minimalArgs(), protectSources: true } as unknown as MonitoringArgs),
    );
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({ path: "protectSources", expected: expect.stringContaining("protect") }),
    ]);
  });

  it.each([
    ["exporter", new Date()],
    ["exporter", Promise.resolve({ otlp })],
    ["budget", Promise.resolve({ monthlyLimitEur: 10, emails: ["finance@example.com"] })],
    ["sources", new Map([["app", { type: "logs" }]])],
  ])("refuses %s given as something other than an object literal (%s)", async (field, value) => {
    expect(await rejectedPaths({ ...minimalArgs(), [field]: value })).toEqual([field]);
  });

  it("refuses a malformed exporter header name", async () => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        exporter: { otlp: { ...otlp, headers: { "bad header": "x" } } },
      }),
    ).toEqual(["exporter.otlp.headers.bad header"]);
  });

  it("never quotes an exporter header value in the error", async () => {
    const { error, graph } = await recordError(
      () =>
        new Monitoring("mon", {
          ...minimalArgs(),
          exporter: { otlp: { ...otlp, headers: { "bad header": "sk-live-0123456789" } } },
        }),
    );
    expect(graph.registered).toEqual([]);
    expect((error as Error).message).not.toContain("sk-live-0123456789");
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({
        path: "exporter.otlp.headers.bad header",
        received: "a string of 18 characters (value redacted)",
      }),
    ]);
  });

  it("refuses a header value that is not a string or an Output, without quoting it", async () => {
    const { error } = await recordError(
      () =>
        new Monitoring("mon", {
          ...minimalArgs(),
          exporter: { otlp: { ...otlp, headers: { key: 4242424242 } } },
        } as never),
    );
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({ path: "exporter.otlp.headers.key", received: "a number (value redacted)" }),
    ]);
    expect((error as Error).message).not.toContain("4242424242");
  });

  it.each([0, -5, 10.555, 42_949_673])("refuses a budget limit of %s EUR", async (monthlyLimitEur) => {
    expect(
      await rejectedPaths({ ...minimalArgs(), budget: { monthlyLimitEur, emails: ["finance@example.com"] } }),
    ).toEqual(["budget.monthlyLimitEur"]);
  });

  it.each([0, 101, 50.5])("refuses a budget threshold of %s percent", async (threshold) => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        budget: { monthlyLimitEur: 10, thresholds: [threshold], emails: ["finance@example.com"] },
      }),
    ).toEqual(["budget.thresholds[0]"]);
  });

  it("refuses more than 10 budget thresholds, Scaleway's limit of alerts per budget", async () => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        budget: {
          monthlyLimitEur: 10,
          thresholds: [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100],
          emails: ["finance@example.com"],
        },
      }),
    ).toEqual(["budget.thresholds"]);
  });

  it("refuses the same budget threshold twice", async () => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        budget: { monthlyLimitEur: 10, thresholds: [80, 80], emails: ["finance@example.com"] },
      }),
    ).toEqual(["budget.thresholds"]);
  });

  it("refuses a budget recipient that is not an email address", async () => {
    expect(
      await rejectedPaths({ ...minimalArgs(), budget: { monthlyLimitEur: 10, emails: ["finance"] } }),
    ).toEqual(["budget.emails[0]"]);
  });

  it("refuses a budget with no recipient and no contact point to default to", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), budget: { monthlyLimitEur: 10 } })).toEqual([
      "budget.emails",
    ]);
  });

  it("refuses a budget organizationId that is not a UUID", async () => {
    expect(
      await rejectedPaths({
        ...minimalArgs(),
        budget: { monthlyLimitEur: 10, emails: ["finance@example.com"], organizationId: "acme" },
      }),
    ).toEqual(["budget.organizationId"]);
  });

  it("refuses an unknown environment without tripping over the profile lookup", async () => {
    expect(await rejectedPaths({ project: "shop", environment: "prod" })).toEqual(["environment"]);
  });

  it("refuses args of the wrong shape", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), sources: "app", contactPoints: 5 })).toEqual([
      "contactPoints",
      "sources",
    ]);
  });

  it("refuses an unknown region", async () => {
    expect(await rejectedPaths({ ...minimalArgs(), region: "us-east-1" })).toEqual(["region"]);
  });

  it("reports every bad field at once", async () => {
    const paths = await rejectedPaths({
      project: "shop",
      environment: "production",
      tokens: { app: {} },
      sources: { app: { type: "logs", retentionDays: 0 } },
      budget: { monthlyLimitEur: 100 },
    });
    expect(paths.sort()).toEqual(["budget.emails", "sources.app.retentionDays", "tokens.app"]);
  });

  it("accepts an Output as an exporter data source id", async () => {
    const { error } = await recordError(() => {
      new Monitoring("mon", {
        ...minimalArgs(),
        exporter: { otlp, from: { id: pulumi.output("fr-par/x") } },
      });
      throw new Error("built");
    });
    expect((error as Error).message).toBe("built");
  });
});
