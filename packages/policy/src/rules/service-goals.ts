import { goDurationSeconds } from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { environmentOfStack, environmentOfTags } from "../internal/environment";
import { asArray, asNumber, asObject, asString, isSet, tagsOf, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

/**
 * The seed's three service goals (docs/service-goals.md maps each to the settings and alerts that
 * serve it). Dev and staging may miss them; production may not (rule scw-production-service-goals).
 */
export const SERVICE_GOALS = [
  { id: "deploy-under-10-minutes", title: "deploy in under 10 minutes" },
  { id: "api-responses-under-5-seconds", title: "API responses under 5 s" },
  { id: "uptime-99-percent", title: "99 % uptime" },
] as const;

export type ServiceGoalId = (typeof SERVICE_GOALS)[number]["id"];

/** The figures the goals are checked against, with where each comes from. */
export const SERVICE_GOAL_LIMITS = {
  /** The deploy goal. */
  deploySeconds: 600,
  /** The response goal. */
  responseSeconds: 5,
  /**
   * Median cold start of a Serverless Container scaled to zero, measured by a third party: the figure
   * issue 18 quotes, UNVERIFIED (no public source found). Scaleway's own advice against cold starts is
   * min-scale 1 (docs-content faq/serverless-containers.mdx, "How to reduce cold-start", PR #3477).
   */
  coldStartMedianSeconds: 18.9,
  /**
   * Scaleway's own liveness probe when a container sets none: TCP, 30 failures, 10 s apart, 1 s
   * timeout (API response in terraform-provider-scaleway v2.79.0
   * internal/services/container/testdata/container-health-check.cassette.yaml): a stuck instance is
   * restarted after about 300 s. A probe of the goals restarts one at least as fast.
   */
  livenessDetectionSeconds: 300,
} as const;

/** The title of a goal, e.g. "99 % uptime". */
export function goalTitle(id: ServiceGoalId): string {
  return SERVICE_GOALS.find((g) => g.id === id)!.title;
}

/** A setting of one resource that keeps the stack from a goal. */
export interface ServiceGoalGap {
  goal: ServiceGoalId;
  message: string;
}

/** failureThreshold × interval of a probe, in seconds; undefined when unknown (e.g. during preview). */
function probeBudgetSeconds(probe: Readonly<Record<string, unknown>>): number | undefined {
  const failures = asNumber(tryRead(() => probe.failureThreshold));
  const interval = asString(tryRead(() => probe.interval));
  const seconds = interval === undefined ? undefined : goDurationSeconds(interval);
  return failures === undefined || seconds === undefined ? undefined : failures * seconds;
}

function containerGaps(inputs: Readonly<Record<string, unknown>>): ServiceGoalGap[] {
  const gaps: ServiceGoalGap[] = [];
  const L = SERVICE_GOAL_LIMITS;
  const minScale = asNumber(tryRead(() => inputs.minScale));
  // A value unknown during preview counts as set.
  const minScaleUnknown = isSet(inputs, "minScale") && minScale === undefined;
  if (!minScaleUnknown && (minScale ?? 0) < 1) {
    gaps.push({
      goal: "api-responses-under-5-seconds",
      message: `minScale is ${minScale ?? "unset (Scaleway's default 0)"}: a request after an idle period waits for a cold start (median ${L.coldStartMedianSeconds} s, third-party figure), past ${L.responseSeconds} s.`,
    });
  }
  if (!isSet(inputs, "livenessProbe")) {
    gaps.push({
      goal: "uptime-99-percent",
      message: `no livenessProbe: a stuck instance waits for Scaleway's default probe (30 failures × 10 s, about ${L.livenessDetectionSeconds} s) to be restarted.`,
    });
  } else {
    const probe = asObject(tryRead(() => inputs.livenessProbe));
    const budget = probe && probeBudgetSeconds(probe);
    if (budget !== undefined && budget > L.livenessDetectionSeconds) {
      gaps.push({
        goal: "uptime-99-percent",
        message: `the livenessProbe restarts a stuck instance only after ${budget} s (failureThreshold × interval), slower than Scaleway's own ${L.livenessDetectionSeconds} s.`,
      });
    }
  }
  const startup = isSet(inputs, "startupProbe") ? asObject(tryRead(() => inputs.startupProbe)) : undefined;
  const startupBudget = startup && probeBudgetSeconds(startup);
  if (startupBudget !== undefined && startupBudget > L.deploySeconds) {
    gaps.push({
      goal: "deploy-under-10-minutes",
      message: `the startupProbe lets a deployment wait ${startupBudget} s for a new instance (failureThreshold × interval), past ${L.deploySeconds / 60} minutes.`,
    });
  }
  return gaps;
}

function alertManagerGaps(inputs: Readonly<Record<string, unknown>>): ServiceGoalGap[] {
  const gaps: ServiceGoalGap[] = [];
  const contactPoints = tryRead(() => inputs.contactPoints);
  const emails = asArray(contactPoints).filter((c) => (asString(asObject(c)?.email) ?? "") !== "");
  // A list unknown during preview counts as holding some.
  const contactsUnknown = isSet(inputs, "contactPoints") && contactPoints === undefined;
  if (!contactsUnknown && emails.length === 0) {
    gaps.push({
      goal: "uptime-99-percent",
      message: "no contact point with an email: an alert reaches nobody.",
    });
  }
  const ids = isSet(inputs, "preconfiguredAlertIds") ? tryRead(() => inputs.preconfiguredAlertIds) : [];
  if (inputs.enableManagedAlerts !== true && ids !== undefined && asArray(ids).length === 0) {
    gaps.push({
      goal: "uptime-99-percent",
      message: "no preconfigured alert is enabled: an outage is noticed by the users first.",
    });
  }
  return gaps;
}

/**
 * The settings of one resource that keep a stack from a service goal: on a Serverless Container
 * (kept warm, a liveness probe no slower than Scaleway's, a startup probe that gives up within the
 * deploy goal) and on a Cockpit alert manager (a contact point, preconfigured alerts). `type` is the
 * module type token; inputs are plain values. Values unknown during a preview count as set.
 */
export function serviceGoalGaps(resource: {
  type: string;
  inputs: Readonly<Record<string, unknown>>;
}): ServiceGoalGap[] {
  if (resource.type === T.container) return containerGaps(resource.inputs);
  if (resource.type === T.alertManager) return alertManagerGaps(resource.inputs);
  return [];
}

/**
 * The environment of a whole stack: the one environment its resources' tags name (policy's tag
 * reading: `environment`, `env`, `stage`, `tier`, any spelling of production/staging/dev), else what
 * the stack name says. Undefined when the tags disagree and the name says nothing.
 */
export function stackEnvironment(
  resources: readonly { readonly inputs?: Readonly<Record<string, unknown>> }[],
  stack: string | undefined,
): Environment | undefined {
  const tagged = new Set<Environment>();
  for (const r of resources) {
    const env = environmentOfTags(tagsOf(r.inputs?.tags));
    if (env) tagged.add(env);
  }
  if (tagged.size === 1) return [...tagged][0];
  return environmentOfStack(stack);
}

export const productionServiceGoals = defineRule({
  id: "scw-production-service-goals",
  severity: "mandatory",
  description:
    "Production containers and alert managers are set for the service goals: deploy in under 10 minutes, API responses under 5 s, 99 % uptime.",
  why: "A container scaled to zero answers its first request after a cold start (median 18.9 s), a stuck one without a quick probe stays down for minutes, and an alert manager without contacts or alerts tells nobody.",
  remediation:
    "On containers: minScale ≥ 1, a livenessProbe restarting within 300 s, a startupProbe giving up within 600 s; on the alert manager: contactPoints and preconfiguredAlertIds (Monitoring does both in production).",
  resourceTypes: [T.container, T.alertManager],
  environmentAware: true,
  check: ({ type, inputs }, { production }) => {
    if (!production) return undefined;
    return serviceGoalGaps({ type, inputs }).map((gap) => `${goalTitle(gap.goal)}: ${gap.message}`);
  },
});

export const serviceGoalRules = [productionServiceGoals];
