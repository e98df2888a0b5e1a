import { PULUMI_WIRE, STACK_TYPE } from "@scaleway-blocks/core/internal";
import { isStateBucket, moduleTypeOf } from "@scaleway-blocks/policy";
import { z } from "zod";
import { resolveAssumptions } from "./assumptions";
import { estimateCost } from "./cost";
import { diffCosts } from "./cost-diff";
import { criticalPath, DEFAULT_TARGET_SECONDS } from "./critical-path";
import type { ChangedResource, DataLossRisk, PlanDiff, ResourceSummary } from "./diff";
import type { TypeDuration } from "./durations";
import { durationOf } from "./durations";
import { planExitCode } from "./exit-codes";
import type { BuildPlanOptions } from "./plan";
import { buildPlan } from "./plan";
import { tablePriceBook } from "./prices";
import { isStateful, STATEFUL_TYPES } from "./replacement";
import type { GraphLike, GraphResource } from "./resources";
import { planResources } from "./resources";
import type { PlanDocument } from "./schema";
import { shortType } from "./tokens";
import { usageFor } from "./usage";

/**
 * Reads the document `pulumi preview --json` prints: the engine's own decisions (steps, ops,
 * replaceReasons, detailedDiff, old and new states). Its shape is Pulumi's `PreviewDigest` and
 * `PreviewStep` (pulumi/pulumi v3.248.0 pkg/display/json.go), written by `ShowPreviewDigest`
 * (pkg/backend/display/json.go); states are `apitype.ResourceV3` (sdk/go/common/apitype/core.go) with
 * secrets as "[secret]". What that function shows:
 * - `same` steps only with `--show-sames` (or when `protect` changes);
 * - the replacement steps `create-replacement` and `delete-replaced` only with
 *   `--show-replacement-steps`; the logical `replace` step always;
 * - the stack resource always.
 */
export const PREVIEW_FORMAT_SOURCE =
  "pulumi/pulumi v3.248.0 pkg/display/json.go (PreviewDigest, PreviewStep), pkg/backend/display/json.go (ShowPreviewDigest)";

/** What the plan shows in its place. */
export const UNKNOWN_VALUE = "[unknown until apply]";

export class PreviewError extends Error {
  override readonly name = "PreviewError";
}

const stateSchema = z.object({
  urn: z.string(),
  type: z.string(),
  custom: z.boolean().optional(),
  delete: z.boolean().optional(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  parent: z.string().optional(),
  protect: z.boolean().optional(),
  dependencies: z.array(z.string()).optional(),
  retainOnDelete: z.boolean().optional(),
  replaceOnChanges: z.array(z.string()).optional(),
  aliases: z.array(z.unknown()).optional(),
});

const stepSchema = z.object({
  op: z.string(),
  urn: z.string(),
  provider: z.string().optional(),
  oldState: stateSchema.optional(),
  newState: stateSchema.optional(),
  diffReasons: z.array(z.string()).optional(),
  replaceReasons: z.array(z.string()).optional(),
  detailedDiff: z
    .record(z.string(), z.object({ kind: z.string(), inputDiff: z.boolean().optional() }))
    .nullable()
    .optional(),
});

const digestSchema = z.object({
  config: z.record(z.string(), z.string()).optional(),
  steps: z.array(stepSchema).optional(),
  diagnostics: z
    .array(
      z.object({
        urn: z.string().optional(),
        message: z.string().optional(),
        severity: z.string().optional(),
      }),
    )
    .optional(),
  changeSummary: z.record(z.string(), z.number()).optional(),
  maybeCorrupt: z.boolean().optional(),
});

export type PreviewState = z.infer<typeof stateSchema>;
export type PreviewStep = z.infer<typeof stepSchema>;
export type PreviewDocument = z.infer<typeof digestSchema>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a JSON document that is not a preview looks like, to say so. */
function whatItIs(value: unknown): string {
  if (Array.isArray(value)) return "a JSON array (`pulumi preview --json` prints one object with `steps`)";
  if (!isObject(value)) return `a JSON ${value === null ? "null" : typeof value}`;
  if ("schemaVersion" in value && "mockRun" in value)
    return "a scaleway-blocks plan (--json output): compare with it through --baseline";
  if ("deployment" in value && "version" in value)
    return "a stack export (`pulumi stack export`), not a preview";
  if ("sequence" in value && "timestamp" in value)
    return "an engine event (`pulumi up --json` or --event-log), not the preview document";
  const keys = Object.keys(value).slice(0, 5);
  return keys.length === 0 ? "an empty object" : `an object with ${keys.join(", ")}`;
}

/**
 * Checks that a parsed JSON value is the document `pulumi preview --json` prints, and that the preview
 * succeeded. Throws a PreviewError that says what the value is otherwise.
 */
export function parsePreview(value: unknown): PreviewDocument {
  const looksLikePreview = isObject(value) && (Array.isArray(value.steps) || isObject(value.changeSummary));
  if (!looksLikePreview)
    throw new PreviewError(
      `not a \`pulumi preview --json\` document (no steps and no changeSummary): ${whatItIs(value)}`,
    );
  const parsed = digestSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new PreviewError(`not a \`pulumi preview --json\` document: ${issues.join("; ")}`);
  }
  const errors = (parsed.data.diagnostics ?? []).filter((d) => d.severity === "error");
  if (errors.length > 0)
    throw new PreviewError(
      `the preview failed, its steps are incomplete: ${errors.map((d) => (d.message ?? "").trim()).join("; ")}`,
    );
  return parsed.data;
}

/** What the engine does to one resource, merged from its steps (a replace has up to three). */
export type EngineAction = "create" | "update" | "replace" | "delete" | "same" | "import" | "read";

export interface EngineChange {
  urn: string;
  type: string;
  name: string;
  action: EngineAction;
  /** The ops of its steps, in the document's order. */
  ops: string[];
  /** The state the stack holds (absent for a create). */
  before?: PreviewState;
  /** The state the program asks for (absent for a delete). */
  after?: PreviewState;
  /** Top-level inputs the engine sees changed (detailedDiff, else diffReasons). */
  changedInputs: string[];
  /** Top-level inputs that make the provider replace it (replaceReasons). */
  replaceInputs: string[];
  /** The old resource goes before its replacement is created (delete-replaced before create-replacement). */
  deleteBeforeReplace: boolean;
}

export interface EnginePreview {
  project: string;
  stack: string;
  /** The stack's `scaleway:region` config, when the preview lists it. */
  defaultRegion?: string;
  /** One entry per resource URN (the stack and provider resources excluded), in the document's order. */
  changes: EngineChange[];
  /** The states before: everything the stack holds that the document shows. */
  before: GraphLike;
  /** The states after: everything the program asks for that the document shows. */
  after: GraphLike;
  /** Ops per count, from the preview's changeSummary. */
  changeSummary: Record<string, number>;
  warnings: string[];
}

const REPLACE_OPS = new Set(["replace", "create-replacement", "delete-replaced"]);
const READ_OPS = new Set(["read", "read-replacement", "refresh", "discard", "discard-replaced"]);
const KNOWN_OPS = new Set([
  "same",
  "create",
  "update",
  "delete",
  "import",
  "import-replacement",
  "remove-pending-replace",
  ...REPLACE_OPS,
  ...READ_OPS,
]);

function actionOf(ops: readonly string[]): EngineAction | undefined {
  if (ops.some((op) => op === "import" || op === "import-replacement")) return "import";
  if (ops.some((op) => REPLACE_OPS.has(op))) return "replace";
  if (ops.includes("create")) return "create";
  if (ops.includes("delete")) return "delete";
  if (ops.includes("update")) return "update";
  if (ops.includes("same")) return "same";
  if (ops.some((op) => READ_OPS.has(op))) return "read";
  return undefined;
}

/** "tags[0]" / "versioning.enabled" / "a\\.b" → the top-level input it is under. */
function topLevel(path: string): string {
  const match = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]+))/.exec(path);
  return match?.[1] ?? match?.[2] ?? path;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/**
 * Pulumi's unknown placeholder (how the engine serialises a value it will only know after the apply,
 * pkg/resource/stack/deployment.go) → UNKNOWN_VALUE, everywhere in a value.
 */
function known(value: unknown): unknown {
  if (value === PULUMI_WIRE.unknownValue) return UNKNOWN_VALUE;
  if (Array.isArray(value)) return value.map(known);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, known(v)]));
  return value;
}

/** The last segment of a URN: the resource's name. */
function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

function graphResource(state: PreviewState): GraphResource {
  const aliases = (state.aliases ?? []).filter((a): a is string => typeof a === "string");
  const resource: GraphResource = {
    urn: state.urn,
    type: state.type,
    name: nameOf(state.urn),
    custom: state.custom === true,
    ...(state.parent !== undefined ? { parent: state.parent } : {}),
    dependencies: state.dependencies ?? [],
    inputs: known(state.inputs ?? {}) as Record<string, unknown>,
    options: {
      protect: state.protect === true,
      retainOnDelete: state.retainOnDelete === true,
      replaceOnChanges: state.replaceOnChanges ?? [],
      aliases,
    },
    ...(state.id !== undefined && state.id !== "" ? { id: state.id } : {}),
    outputs: known(state.outputs ?? {}) as Record<string, unknown>,
  };
  return resource;
}

/** Provider resources (`pulumi:providers:scaleway`) configure the others; they are not planned. */
function isProvider(type: string): boolean {
  return type.startsWith("pulumi:providers:");
}

/**
 * The engine's changes in a preview document, one per resource, with the states before and after:
 * what the cost, policy and data-loss steps of the plan read. Pure: no I/O.
 */
export function readPreview(doc: PreviewDocument): EnginePreview {
  const steps = doc.steps ?? [];
  const warnings: string[] = [];
  const byUrn = new Map<string, PreviewStep[]>();
  const unknownOps = new Set<string>();
  for (const step of steps) {
    if (!KNOWN_OPS.has(step.op)) unknownOps.add(step.op);
    const list = byUrn.get(step.urn) ?? [];
    list.push(step);
    byUrn.set(step.urn, list);
  }
  if (unknownOps.size > 0)
    warnings.push(`the preview has steps this plan does not know, ignored: ${[...unknownOps].join(", ")}`);

  const first = steps[0]?.urn ?? "";
  const [, stack = "", project = ""] = /^urn:pulumi:([^:]*)::([^:]*)::/.exec(first) ?? [];
  const changes: EngineChange[] = [];
  const before: GraphResource[] = [];
  const after: GraphResource[] = [];
  for (const [urn, list] of byUrn) {
    const ops = list.map((s) => s.op);
    const action = actionOf(ops);
    const state = list.find((s) => s.newState ?? s.oldState);
    const type = state?.newState?.type ?? state?.oldState?.type ?? urn.split("::")[2]?.split("$").pop() ?? "";
    // The logical step (replace) carries the reasons; create-replacement repeats them.
    const main =
      list.find((s) => s.op === "replace") ??
      list.find((s) => s.op !== "delete-replaced" && s.op !== "same") ??
      list[0]!;
    const oldState = list.find((s) => s.oldState !== undefined)?.oldState;
    const newState = list.find((s) => s.newState !== undefined && s.op !== "delete-replaced")?.newState;
    if (type === STACK_TYPE) {
      // The stack resource: kept as the parent the others hang from.
      if (newState) after.push(graphResource(newState));
      if (oldState) before.push(graphResource(oldState));
      continue;
    }
    if (isProvider(type) || action === undefined || action === "read") continue;
    const detailed = main.detailedDiff ? Object.keys(main.detailedDiff) : [];
    const changedInputs = unique((detailed.length > 0 ? detailed : (main.diffReasons ?? [])).map(topLevel));
    const replaceInputs = unique((main.replaceReasons ?? []).map(topLevel));
    const deleteReplaced = ops.indexOf("delete-replaced");
    const createReplacement = ops.indexOf("create-replacement");
    const change: EngineChange = {
      urn,
      type,
      name: nameOf(urn),
      action,
      ops,
      changedInputs: action === "update" || action === "replace" ? changedInputs : [],
      replaceInputs: action === "replace" ? replaceInputs : [],
      deleteBeforeReplace:
        deleteReplaced >= 0 && createReplacement >= 0 && deleteReplaced < createReplacement,
    };
    if (oldState && action !== "create" && action !== "import") change.before = oldState;
    if (newState && action !== "delete") change.after = newState;
    changes.push(change);
    if (change.before) before.push(graphResource(change.before));
    if (change.after) after.push(graphResource(change.after));
  }

  const changeSummary = { ...(doc.changeSummary ?? {}) };
  // The stack resource's own step is always shown, same or not; other `same` steps only with --show-sames.
  const sames = changeSummary.same ?? 0;
  const shownSames = [...byUrn.values()].filter((list) => list.some((s) => s.op === "same")).length;
  if (sames > shownSames)
    warnings.push(
      `the preview lists only what changes (${sames - shownSames} unchanged resource${sames - shownSames === 1 ? "" : "s"} not in it): cost totals and policy cover the resources in the document; run \`pulumi preview --json --show-sames\` for the whole stack`,
    );
  const region = doc.config?.["scaleway:region"];
  return {
    project,
    stack,
    ...(region !== undefined && region !== "" ? { defaultRegion: region } : {}),
    changes,
    before: { resources: before },
    after: { resources: after },
    changeSummary,
    warnings,
  };
}

/** What the engine's changes mean for the plan's diff: added, removed, changed, data-loss risks. */
export function engineDiff(preview: EnginePreview): PlanDiff {
  const added: ResourceSummary[] = [];
  const removed: ResourceSummary[] = [];
  const changed: ChangedResource[] = [];
  const dataLossRisks: DataLossRisk[] = [];
  for (const c of preview.changes) {
    const summary = { urn: c.urn, type: c.type, name: c.name };
    if (c.action === "create" || c.action === "import") added.push(summary);
    if (c.action === "delete") removed.push(summary);
    if (c.action === "update" || c.action === "replace") {
      const entry: ChangedResource = {
        ...summary,
        changedInputs: c.changedInputs,
        replaceInputs: c.replaceInputs,
      };
      if (c.action === "replace" && c.replaceInputs.length === 0)
        entry.reason = "the engine replaces it (no replaceReasons given)";
      changed.push(entry);
    }
    if (!isStateful(c.type) || (c.action !== "delete" && c.action !== "replace")) continue;
    const label = STATEFUL_TYPES[moduleTypeOf(c.type)]?.label ?? shortType(c.type);
    const state = c.before;
    const reason =
      c.action === "delete"
        ? `pulumi preview deletes this ${label} (op delete): it is no longer in the program`
        : `pulumi preview replaces this ${label} (op ${c.ops.join(", ")})${
            c.replaceInputs.length > 0
              ? `: ${c.replaceInputs.join(", ")} changed and the provider replaces it when ${c.replaceInputs.length > 1 ? "these change" : "this changes"}`
              : ""
          }${c.deleteBeforeReplace ? "; the old one is deleted before the new one is created" : ""}`;
    dataLossRisks.push({
      ...summary,
      action: c.action,
      reason: `${state && isStateBucket({ type: c.type, name: c.name, inputs: state.inputs ?? {} }) ? "the Pulumi state bucket: " : ""}${reason}`,
      protect: state?.protect === true,
      retainOnDelete: state?.retainOnDelete === true,
    });
  }
  return { added, removed, changed, dataLossRisks };
}

export interface PreviewPlanOptions extends Omit<BuildPlanOptions, "baseline" | "project" | "stack"> {
  /** Expected project and stack (e.g. --stack): a mismatch with the document's URNs is a warning. */
  project?: string;
  stack?: string;
  /** Where the document came from, for the warnings. */
  file?: string;
}

/** The basis of the cost diff of a preview: the old states priced like the new ones. */
export const PREVIEW_COST_BASIS =
  "the stack's current states in the preview (oldState) priced with this plan's prices and usage";

/**
 * The plan of a `pulumi preview --json` document: the resource tree and monthly cost of the new states,
 * policy over them, the engine's own diff (its ops and replaceReasons, not the plan's tables) with the
 * data-loss risks, the cost before and after, and the deploy time of what changes. Pure: no I/O.
 */
export function planFromPreview(preview: EnginePreview, options: PreviewPlanOptions = {}): PlanDocument {
  const warnings = [...(options.warnings ?? []), ...preview.warnings];
  for (const key of ["project", "stack"] as const) {
    const expected = options[key];
    if (expected !== undefined && preview[key] !== "" && expected !== preview[key])
      warnings.push(`the preview is of ${key} ${preview[key]}, not ${expected}`);
  }
  const defaultRegion = options.defaultRegion ?? preview.defaultRegion ?? "fr-par";
  // The old states are priced as buildPlan prices the new ones: same prices, assumptions and usage file.
  const assumptions = resolveAssumptions(options.usage?.defaults, options.assumptions);
  const prices = options.prices ?? tablePriceBook;
  const usage = options.usage;
  const { project: _p, stack: _s, file: _f, ...rest } = options;
  const document = buildPlan(preview.after, {
    ...rest,
    project: preview.project || (options.project ?? ""),
    stack: preview.stack || (options.stack ?? ""),
    defaultRegion,
    warnings,
  });
  const diff = engineDiff(preview);
  const beforeCost = estimateCost(planResources(preview.before), {
    prices,
    assumptions,
    defaultRegion,
    ...(usage ? { usageOf: (r: { urn: string; name: string }) => usageFor(usage, r) } : {}),
  });
  const costDiff = diffCosts(beforeCost, document.cost, { basis: PREVIEW_COST_BASIS });

  // Only what the engine creates, updates or replaces takes time.
  const changing = new Set(
    preview.changes
      .filter(
        (c) =>
          c.action === "create" || c.action === "update" || c.action === "replace" || c.action === "import",
      )
      .map((c) => c.urn),
  );
  const path = criticalPath(
    document.resources,
    (r) => (changing.has(r.urn) ? durationOf(r.type, assumptions) : UNCHANGED),
    options.targetSeconds ?? DEFAULT_TARGET_SECONDS,
  );
  return {
    ...document,
    mockRun: false,
    origin: "pulumi-preview",
    cost: { ...document.cost, diff: costDiff },
    deployTime: {
      ...path,
      scope: "changes",
      steps: path.steps.filter((s) => changing.has(s.urn)),
    },
    diff: {
      baseline: { project: document.project, stack: document.stack, generatedAt: document.generatedAt },
      ...diff,
    },
    exitCode: planExitCode({
      policyFailed: document.policy.failed,
      dataLossRisks: diff.dataLossRisks.length,
    }),
  };
}

const UNCHANGED: TypeDuration = { seconds: 0, basis: "assumption", source: "unchanged in the preview" };
