import {
  SERVICE_GOALS,
  SERVICE_GOAL_LIMITS,
  moduleTypeOf,
  serviceGoalGaps,
  stackEnvironment,
} from "@scaleway-blocks/policy";
import type { ServiceGoalGap, ServiceGoalId } from "@scaleway-blocks/policy";
import { z } from "zod";
import { formatDuration } from "./render-human";
import { T } from "./tokens";

const goalIds = SERVICE_GOALS.map((g) => g.id) as [ServiceGoalId, ...ServiceGoalId[]];

/** What the plan says of one service goal. */
const serviceGoalStatusSchema = z.object({
  id: z.enum(goalIds),
  title: z.string(),
  supported: z.boolean().describe("Whether the stack's configuration supports the goal."),
  reasons: z
    .array(z.string())
    .describe("Why: what serves the goal, or each setting that keeps the stack from it."),
});

/** Which of the seed's three service goals a stack's configuration supports, and why (plan document field). */
export const serviceGoalsSchema = z
  .object({
    environment: z
      .enum(["dev", "staging", "production"])
      .nullable()
      .describe("The stack's environment, from its resources' tags or its name; null when neither says."),
    required: z
      .boolean()
      .describe(
        "Production must support every goal (policy rule scw-production-service-goals); dev and staging may miss them.",
      ),
    supportsAll: z.boolean(),
    goals: z.array(serviceGoalStatusSchema),
  })
  .describe(
    "The seed's service goals (deploy in under 10 minutes, API responses under 5 s, 99 % uptime): which the configuration supports, and why (docs/service-goals.md).",
  );

export type ServiceGoalStatus = z.infer<typeof serviceGoalStatusSchema>;
export type ServiceGoalsReport = z.infer<typeof serviceGoalsSchema>;

/** The resources and deploy-time estimate the report reads: a plan document's own. */
export interface ServiceGoalsInput {
  stack: string;
  resources: readonly {
    readonly type: string;
    readonly name: string;
    readonly inputs?: Readonly<Record<string, unknown>>;
  }[];
  deployTime: { totalSeconds: number; scope: "create" | "changes" };
}

/** The goal `id`, from the gaps found and the reasons it holds otherwise. */
function status(id: ServiceGoalId, gaps: readonly string[], otherwise: readonly string[]): ServiceGoalStatus {
  const title = SERVICE_GOALS.find((g) => g.id === id)!.title;
  return gaps.length > 0
    ? { id, title, supported: false, reasons: [...gaps] }
    : { id, title, supported: true, reasons: [...otherwise] };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * Which of the three goals (deploy in under 10 minutes, API responses under 5 s, 99 % uptime) the
 * stack's configuration supports, from the planned resources (a mock run: what the program asks
 * for, not a measurement) and the plan's deploy-time estimate:
 * - deploy: the critical-path estimate is within 10 minutes and no startup probe can hold a deployment longer;
 * - API responses: every Serverless Container keeps an instance warm (minScale ≥ 1), no cold start;
 * - uptime: every container has a liveness probe at least as quick as Scaleway's, and a Cockpit alert
 *   manager has a contact point and preconfigured alerts.
 * The per-resource checks are the policy's (`serviceGoalGaps`), so the plan and rule
 * scw-production-service-goals agree.
 */
export function serviceGoals(input: ServiceGoalsInput): ServiceGoalsReport {
  const L = SERVICE_GOAL_LIMITS;
  const gaps = new Map<ServiceGoalId, string[]>(SERVICE_GOALS.map((g) => [g.id, []]));
  const add = (gap: ServiceGoalGap, name: string) => gaps.get(gap.goal)!.push(`${name}: ${gap.message}`);
  const containers = input.resources.filter((r) => moduleTypeOf(r.type) === T.container);
  const alertManagers = input.resources.filter((r) => moduleTypeOf(r.type) === T.alertManager);
  for (const r of [...containers, ...alertManagers]) {
    for (const gap of serviceGoalGaps({ type: moduleTypeOf(r.type), inputs: r.inputs ?? {} }))
      add(gap, r.name);
  }

  const { totalSeconds, scope } = input.deployTime;
  const estimate = `estimated ${formatDuration(totalSeconds)} along the critical path${scope === "changes" ? " for the changes" : ""}`;
  if (totalSeconds > L.deploySeconds)
    gaps.get("deploy-under-10-minutes")!.unshift(`${estimate}, over ${formatDuration(L.deploySeconds)}.`);
  if (alertManagers.length === 0)
    gaps.get("uptime-99-percent")!.push("no Cockpit alert manager: nobody is told of an outage.");

  const containerCount = count(containers.length, "container");
  const goals = [
    status("deploy-under-10-minutes", gaps.get("deploy-under-10-minutes")!, [
      `${estimate}, within ${formatDuration(L.deploySeconds)}.`,
    ]),
    status(
      "api-responses-under-5-seconds",
      gaps.get("api-responses-under-5-seconds")!,
      containers.length === 0
        ? ["no Serverless Container: nothing scales to zero."]
        : [`${containerCount} keep an instance warm (minScale ≥ 1): no cold start on a request.`],
    ),
    status("uptime-99-percent", gaps.get("uptime-99-percent")!, [
      ...(containers.length > 0
        ? [
            `${containerCount} with a liveness probe restarting a stuck instance within ${formatDuration(L.livenessDetectionSeconds)}.`,
          ]
        : []),
      `${count(alertManagers.length, "alert manager")} with contact points and preconfigured alerts.`,
    ]),
  ];
  const environment = stackEnvironment(input.resources, input.stack) ?? null;
  return {
    environment,
    required: environment === "production",
    supportsAll: goals.every((g) => g.supported),
    goals,
  };
}
