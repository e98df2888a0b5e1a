import type { Assumptions } from "./assumptions";
import { describeAssumptions, resolveAssumptions } from "./assumptions";
import { estimateCost } from "./cost";
import { baselineCostDiff } from "./cost-diff";
import { criticalPath, DEFAULT_TARGET_SECONDS } from "./critical-path";
import { diffPlans } from "./diff";
import type { TypeDuration } from "./durations";
import { durationOf } from "./durations";
import { planExitCode } from "./exit-codes";
import { keySettings } from "./key-settings";
import type { PolicyEngine } from "./policy-step";
import { runPolicy, scalewayBlocksPolicy } from "./policy-step";
import { secureConfigFindings } from "./secure-config";
import type { PriceBook } from "./prices";
import { tablePriceBook } from "./prices";
import type { UsageFile } from "./usage";
import { unmatchedUsage, usageFor } from "./usage";
import { isStateful } from "./replacement";
import type { GraphLike } from "./resources";
import { planResources } from "./resources";
import { stackDataLocations } from "./data-locations";
import type { Baseline, PlanDocument } from "./schema";
import { PLAN_SCHEMA_VERSION } from "./schema-version";
import { serviceGoals } from "./service-goals";
import { shortType } from "./tokens";
import { PACKAGE_NAME, packageVersion } from "./version";

/** A resource the baseline already has, unchanged: nothing to do. */
const UNCHANGED: TypeDuration = { seconds: 0, basis: "assumption", source: "unchanged since the baseline" };

export interface BuildPlanOptions {
  /** Pulumi project name (Pulumi.yaml `name`). */
  project: string;
  stack: string;
  /** The provider's default region: stack config scaleway:region. Default fr-par. */
  defaultRegion?: string;
  /** Prices: the shipped table unless given (e.g. a live catalog book). */
  prices?: PriceBook;
  /** Assumption overrides (merged over the defaults and the usage file's defaults, and validated). */
  assumptions?: Readonly<Record<string, number | boolean>>;
  /**
   * The usage file (--usage-file): its `defaults` are assumptions under `assumptions`; its `resources`
   * win over both for the resource they name.
   */
  usage?: UsageFile;
  /** The policy engine: @scaleway-blocks/policy unless given. */
  policy?: PolicyEngine;
  /** The engine's configuration (for @scaleway-blocks/policy: its EvaluateConfig). */
  policyConfig?: unknown;
  /** An earlier plan to compare with. */
  baseline?: Baseline;
  /**
   * The stack config keys whose values were `secure:` (the program got a placeholder): one that lands in
   * an input the provider keeps in plain text is a mandatory finding (plan-secure-config-in-plain-input).
   */
  secretConfigKeys?: readonly string[];
  /** Deploy-time target; default 600 s. */
  targetSeconds?: number;
  /** The plan's timestamp; default now. */
  now?: Date;
  /** Warnings to carry in the document (e.g. a live-price fallback). */
  warnings?: readonly string[];
}

/**
 * The whole plan of a recorded graph: resources and tree settings, monthly cost, policy findings,
 * deploy time along the critical path, and the diff against a baseline. Pure: no I/O.
 */
export function buildPlan(graph: GraphLike, options: BuildPlanOptions): PlanDocument {
  const defaultRegion = options.defaultRegion ?? "fr-par";
  const assumptions: Assumptions = resolveAssumptions(options.usage?.defaults, options.assumptions);
  const resources = planResources(graph);
  const prices = options.prices ?? tablePriceBook;
  const usage = options.usage;
  const costOptions = {
    prices,
    assumptions,
    defaultRegion,
    ...(usage ? { usageOf: (r: { urn: string; name: string }) => usageFor(usage, r) } : {}),
  };
  const cost = estimateCost(resources, costOptions);
  const policy = runPolicy(graph, options.policy ?? scalewayBlocksPolicy, options.policyConfig);
  const secureFindings = secureConfigFindings(graph, options.secretConfigKeys ?? []);
  if (secureFindings.length > 0) {
    policy.findings.unshift(...secureFindings);
    policy.mandatory += secureFindings.length;
    policy.failed = true;
  }
  const diff = options.baseline
    ? {
        baseline: {
          project: options.baseline.project,
          stack: options.baseline.stack,
          generatedAt: options.baseline.generatedAt,
        },
        ...diffPlans(options.baseline.resources, resources),
      }
    : undefined;
  // With a baseline, only what changes takes time: added resources are created, changed ones updated
  // or replaced (estimated like a create: the recordings time creations). Deletions are not timed.
  const changing = diff ? new Set([...diff.added, ...diff.changed].map((r) => r.urn)) : undefined;
  const path = criticalPath(
    resources,
    (r) => (changing && !changing.has(r.urn) ? UNCHANGED : durationOf(r.type, assumptions)),
    options.targetSeconds ?? DEFAULT_TARGET_SECONDS,
  );
  const deployTime = {
    ...path,
    scope: changing ? ("changes" as const) : ("create" as const),
    steps: changing ? path.steps.filter((s) => changing.has(s.urn)) : path.steps,
  };
  const warnings = [...(options.warnings ?? [])];
  for (const key of unmatchedUsage(usage, resources))
    warnings.push(
      `the usage file sets the usage of "${key}", which names no resource of the plan (its name or URN)`,
    );
  if (
    options.baseline &&
    (options.baseline.project !== options.project || options.baseline.stack !== options.stack)
  )
    warnings.push(
      `the baseline is a plan of ${options.baseline.project}/${options.baseline.stack}, not ${options.project}/${options.stack}: every URN differs`,
    );

  const document: PlanDocument = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    generator: { name: PACKAGE_NAME, version: packageVersion() },
    project: options.project,
    stack: options.stack,
    generatedAt: (options.now ?? new Date()).toISOString(),
    mockRun: true,
    origin: "mock-run",
    defaultRegion,
    resources: resources.map((r) => ({
      ...r,
      displayType: shortType(r.type),
      settings: keySettings(r, defaultRegion),
      stateful: isStateful(r.type),
    })),
    cost: {
      ...cost,
      assumptions: describeAssumptions(assumptions),
      ...(options.baseline
        ? {
            diff: baselineCostDiff(options.baseline, resources, cost, costOptions),
          }
        : {}),
    },
    dataLocations: stackDataLocations(resources, defaultRegion),
    policy,
    deployTime,
    serviceGoals: serviceGoals({ stack: options.stack, resources, deployTime }),
    warnings,
    exitCode: planExitCode({ policyFailed: policy.failed, dataLossRisks: diff?.dataLossRisks.length ?? 0 }),
  };
  if (diff) document.diff = diff;
  return document;
}
