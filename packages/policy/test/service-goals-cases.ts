// Violating and compliant cases of scw-production-service-goals (issue 18: the seed's service goals).
// rules.test.ts runs them with the cases of the other rules.
import { DEV_TAGS, PROD_TAGS, resource } from "./fixtures";
import type { Cases } from "./scaleway-cases";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const CONTAINER = SCALEWAY_TYPES.container;
const ALERT_MANAGER = SCALEWAY_TYPES.alertManager;

/** A production container set for every goal, with `inputs` over it. */
export const goalContainer = (inputs: Record<string, unknown>, tags: string[] = PROD_TAGS) =>
  resource(CONTAINER, {
    namespaceId: "fr-par/ns",
    privacy: "private",
    httpsConnectionsOnly: true,
    minScale: 1,
    livenessProbe: { tcp: true, failureThreshold: 3, interval: "10s", timeout: "5s" },
    tags,
    ...inputs,
  });

/** A production alert manager set for the uptime goal, with `inputs` over it. */
export const goalAlertManager = (inputs: Record<string, unknown>) =>
  resource(
    ALERT_MANAGER,
    {
      region: "fr-par",
      contactPoints: [{ email: "oncall@example.com" }],
      preconfiguredAlertIds: ["rule-1"],
      ...inputs,
    },
    { stack: "production" },
  );

export const serviceGoalCases: Cases = {
  "scw-production-service-goals": {
    violating: [
      {
        title: "a production container scaled to zero",
        resource: goalContainer({ minScale: 0 }),
        message: /API responses under 5 s: minScale is 0: .*cold start \(median 18\.9 s/,
      },
      {
        title: "a production container that leaves minScale to Scaleway",
        resource: goalContainer({ minScale: undefined }),
        message: /minScale is unset \(Scaleway's default 0\)/,
      },
      {
        title: "a production container without a liveness probe",
        resource: goalContainer({ livenessProbe: undefined }),
        message: /99 % uptime: no livenessProbe: .*30 failures × 10 s/,
      },
      {
        title: "a production container whose liveness probe is slower than Scaleway's own",
        resource: goalContainer({
          livenessProbe: { http: { path: "/healthz" }, failureThreshold: 10, interval: "1m", timeout: "5s" },
        }),
        message: /restarts a stuck instance only after 600 s/,
      },
      {
        title: "a production container whose startup probe may hold a deployment past 10 minutes",
        resource: goalContainer({
          startupProbe: { tcp: true, failureThreshold: 100, interval: "10s", timeout: "5s" },
        }),
        message: /deploy in under 10 minutes: the startupProbe lets a deployment wait 1000 s/,
      },
      {
        title: "a production alert manager with no preconfigured alert",
        resource: goalAlertManager({ preconfiguredAlertIds: [] }),
        message: /99 % uptime: no preconfigured alert is enabled/,
      },
    ],
    compliant: [
      { title: "a production container kept warm with a quick liveness probe", resource: goalContainer({}) },
      {
        title: "a production container with a startup probe that gives up within 10 minutes",
        resource: goalContainer({
          startupProbe: { tcp: true, failureThreshold: 30, interval: "5s", timeout: "5s" },
        }),
      },
      {
        title: "a production alert manager with contacts and preconfigured alerts",
        resource: goalAlertManager({}),
      },
      {
        title:
          "a production alert manager without a contact point (scw-monitoring-alert-contacts-in-production reports it, once)",
        resource: goalAlertManager({ contactPoints: [] }),
      },
      {
        title: "a dev container scaled to zero without probes (dev may miss the goals)",
        resource: goalContainer({ minScale: 0, livenessProbe: undefined }, DEV_TAGS),
      },
    ],
  },
};
