import { describe, expect, it } from "vitest";
import { buildPlan, planDocumentSchema, renderHuman } from "../src/index";
import { serviceGoals } from "../src/service-goals";
import { resource } from "./helpers";
import type { ServiceGoalsInput } from "../src/service-goals";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

// The resources below stand for a mock run's graph: what the program asks for, not a deployment.

const CONTAINER = SCALEWAY_TYPES.container;
const ALERT_MANAGER = SCALEWAY_TYPES.alertManager;
const PROD_TAGS = ["environment=production", "project=shop"];
const DEV_TAGS = ["environment=dev", "project=shop"];
const PROBE = { tcp: true, failureThreshold: 3, interval: "10s", timeout: "5s" };

const container = (inputs: Record<string, unknown>, tags = PROD_TAGS) => ({
  type: CONTAINER,
  name: "api-web",
  inputs: { minScale: 1, livenessProbe: PROBE, tags, ...inputs },
});
const alertManager = (inputs: Record<string, unknown> = {}) => ({
  type: ALERT_MANAGER,
  name: "mon-alert-manager",
  inputs: { contactPoints: [{ email: "oncall@example.com" }], preconfiguredAlertIds: ["a", "b"], ...inputs },
});
const input = (
  resources: ServiceGoalsInput["resources"],
  totalSeconds = 420,
  stack = "production",
): ServiceGoalsInput => ({ stack, resources, deployTime: { totalSeconds, scope: "create" } });

const byId = (report: ReturnType<typeof serviceGoals>) =>
  Object.fromEntries(report.goals.map((g) => [g.id, g]));

describe("the plan's service goals", () => {
  it("supports all three goals for a warm, probed container, an alert manager and a 7-minute deploy", () => {
    const report = serviceGoals(input([container({}), alertManager()]));
    expect(report).toMatchObject({ environment: "production", required: true, supportsAll: true });
    expect(report.goals.map((g) => [g.title, g.supported])).toEqual([
      ["deploy in under 10 minutes", true],
      ["API responses under 5 s", true],
      ["99 % uptime", true],
    ]);
    expect(byId(report)["deploy-under-10-minutes"]!.reasons).toEqual([
      "estimated 7m along the critical path, within 10m.",
    ]);
  });

  it("misses the response goal for a container that scales to zero, and says why", () => {
    const goal = byId(serviceGoals(input([container({ minScale: 0 }), alertManager()])))[
      "api-responses-under-5-seconds"
    ]!;
    expect(goal.supported).toBe(false);
    expect(goal.reasons).toEqual([expect.stringMatching(/^api-web: minScale is 0: .*median 18\.9 s/)]);
  });

  it("misses the uptime goal without a liveness probe or without an alert manager", () => {
    const noProbe = byId(serviceGoals(input([container({ livenessProbe: undefined }), alertManager()])));
    expect(noProbe["uptime-99-percent"]!.reasons).toEqual([
      expect.stringMatching(/^api-web: no livenessProbe/),
    ]);
    const noAlerts = byId(serviceGoals(input([container({})])));
    expect(noAlerts["uptime-99-percent"]!.reasons).toEqual([
      "no Cockpit alert manager: nobody is told of an outage.",
    ]);
  });

  it("misses the uptime goal with an alert manager that tells nobody", () => {
    const goal = byId(serviceGoals(input([container({}), alertManager({ contactPoints: [] })])))[
      "uptime-99-percent"
    ]!;
    expect(goal.reasons).toEqual([
      "mon-alert-manager: no contact point with an email: an alert reaches nobody.",
    ]);
  });

  it("misses the deploy goal when the estimate is over 10 minutes", () => {
    const goal = byId(serviceGoals(input([container({}), alertManager()], 750)))["deploy-under-10-minutes"]!;
    expect(goal).toMatchObject({
      supported: false,
      reasons: ["estimated 12m 30s along the critical path, over 10m."],
    });
  });

  it("does not require the goals of a dev stack, but still reports them", () => {
    const report = serviceGoals(input([container({ minScale: 0 }, DEV_TAGS)], 420, "dev"));
    expect(report).toMatchObject({ environment: "dev", required: false, supportsAll: false });
  });

  it("reads the environment from the stack name when no tag names one", () => {
    expect(serviceGoals(input([alertManager()], 60, "shop-prod")).environment).toBe("production");
    expect(serviceGoals(input([alertManager()], 60, "sandbox")).environment).toBeNull();
  });

  it("has nothing to keep warm in a stack without containers", () => {
    const goal = byId(serviceGoals(input([alertManager()])))["api-responses-under-5-seconds"]!;
    expect(goal).toEqual({
      id: "api-responses-under-5-seconds",
      title: "API responses under 5 s",
      supported: true,
      reasons: ["no Serverless Container: nothing scales to zero."],
    });
  });
});

describe("service goals in the plan", () => {
  const plan = (minScale: number) =>
    buildPlan(
      {
        resources: [
          resource({ type: CONTAINER, name: "api-web", inputs: container({ minScale }).inputs }),
          resource({ type: ALERT_MANAGER, name: "mon-alert-manager", inputs: alertManager().inputs }),
        ],
      },
      { project: "shop", stack: "production" },
    );

  it("carries the report in the JSON document, valid against the schema", () => {
    const doc = plan(1);
    expect(planDocumentSchema.parse(JSON.parse(JSON.stringify(doc))).serviceGoals).toMatchObject({
      environment: "production",
      required: true,
      supportsAll: true,
    });
  });

  it("prints a section saying which goals a production stack misses and why", () => {
    const text = renderHuman(plan(0));
    expect(text).toContain("Service goals (production: all three required)");
    expect(text).toContain("API responses under 5 s: NOT supported");
    expect(text).toMatch(/api-web: minScale is 0: a request after an idle period waits for a cold start/);
  });
});
