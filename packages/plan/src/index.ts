// The library API of @scaleway-blocks/plan: what a tool needs to build a plan (from a mock run or a
// `pulumi preview --json`), read and check the document, render it, and run the CLI in-process.
// Everything else in src/ is the CLI's own machinery and is not exported (the tests import it from
// its module).

// Building a plan
export { buildPlan } from "./plan";
export type { BuildPlanOptions } from "./plan";
export { parsePreview, readPreview, planFromPreview, engineDiff, PreviewError } from "./from-preview";
export type {
  EngineAction,
  EngineChange,
  EnginePreview,
  PreviewDocument,
  PreviewPlanOptions,
} from "./from-preview";
export { loadProject, resolveProgram, ProjectError } from "./load-project";
export type { LoadedProject } from "./load-project";
export { runProgram, ProgramError } from "./run-program";
export type { ProgramRun, RunProgramOptions } from "./run-program";

// The document
export {
  planDocumentSchema,
  planJsonSchema,
  parseBaseline,
  PLAN_SCHEMA_VERSION,
  BaselineError,
} from "./schema";
export type { PlanDocument, Baseline } from "./schema";
export { REDACTED } from "./resources";
export { UNKNOWN_VALUE } from "./from-preview";
export { renderHuman } from "./render-human";
export { renderJson } from "./render-json";
export { renderMarkdown } from "./render-markdown";
export type { MarkdownOptions } from "./render-markdown";

// Its parts, for tools that compose their own
export { planResources } from "./resources";
export type { GraphLike, GraphResource, PlanResource, Json } from "./resources";
export { buildTree } from "./tree";
export type { TreeNode } from "./tree";
export { diffPlans } from "./diff";
export type { DiffResource, PlanDiff, ChangedResource, DataLossRisk, ResourceSummary } from "./diff";
export { STATEFUL_TYPES, isStateful, replacementInputs } from "./replacement";
export { criticalPath, DEFAULT_TARGET_SECONDS } from "./critical-path";
export type { CriticalPath, PathResource, PathStep } from "./critical-path";
export { durationOf } from "./durations";
export type { TypeDuration, DurationBasis } from "./durations";
export { estimateCost } from "./cost";
export type { CostEstimate, CostLine, CostTotal, CostOptions, ResourceCost, ComponentCost } from "./cost";
export { diffCosts } from "./cost-diff";
export type {
  CostDiff,
  CostChange,
  CostDiffOptions,
  CostSection,
  CostSum,
  CostedResource,
} from "./cost-diff";
export { PRICE_TABLE, PRICE_TABLE_DATE, tablePriceBook } from "./prices";
export type { PriceEntry, PriceBook, PriceQuote, PriceStatus } from "./prices";
export { livePriceBook } from "./live-prices";
export type { CatalogFetcher, LivePriceResult } from "./live-prices";
export { parseUsageFile, readUsageFile, UsageFileError } from "./usage";
export type { UsageFile } from "./usage";
export { DEFAULT_ASSUMPTIONS, AssumptionError } from "./assumptions";
export type { Assumptions, Assumption } from "./assumptions";
export type { PolicyEngine, PolicyFinding, PolicyReport, PolicySeverity } from "./policy-step";

// The CLI, in-process
export { main } from "./main";
export type { CliIo } from "./main";
export { EXIT, planExitCode } from "./exit-codes";
export type { PlanExitCode } from "./exit-codes";
