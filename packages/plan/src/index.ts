export { buildPlan } from "./plan";
export type { BuildPlanOptions } from "./plan";
export { diffPlans } from "./diff";
export type { DiffResource, PlanDiff, ChangedResource, DataLossRisk, ResourceSummary } from "./diff";
export { criticalPath, DEFAULT_TARGET_SECONDS } from "./critical-path";
export type { CriticalPath, PathResource, PathStep } from "./critical-path";
export { estimateCost } from "./cost";
export type { CostEstimate, CostLine, CostTotal, CostOptions, ResourceCost, ComponentCost } from "./cost";
export { diffCosts, baselineCostDiff } from "./cost-diff";
export { FREE_TIERS } from "./cost";
export type { FreeTier } from "./cost";
export { parseUsageFile, readUsageFile, usageFileSchema, usageJsonSchema, UsageFileError } from "./usage";
export type { UsageFile } from "./usage";
export type {
  CostDiff,
  CostChange,
  CostDiffOptions,
  CostSection,
  CostSum,
  CostedResource,
} from "./cost-diff";
export { TYPE_DURATIONS, durationOf } from "./durations";
export type { TypeDuration, DurationBasis } from "./durations";
export { PRICE_TABLE, PRICE_TABLE_DATE, tablePriceBook, skuFor } from "./prices";
export type { PriceEntry, PriceBook, PriceQuote, PriceStatus } from "./prices";
export { livePriceBook, fetchPublicCatalog, catalogPrice } from "./live-prices";
export type { CatalogFetcher, CatalogProduct, LivePriceResult } from "./live-prices";
export {
  ASSUMPTION_SPECS,
  DEFAULT_ASSUMPTIONS,
  resolveAssumptions,
  parseAssumeFlag,
  parseAssumptionsJson,
  AssumptionError,
} from "./assumptions";
export type { Assumptions, Assumption } from "./assumptions";
export { STATEFUL_TYPES, isStateful, replacementInputs } from "./replacement";
export { runPolicy, scalewayBlocksPolicy } from "./policy-step";
export type { PolicyEngine, PolicyFinding, PolicyReport, PolicySeverity } from "./policy-step";
export { planResources, REDACTED } from "./resources";
export type { GraphLike, GraphResource, PlanResource, Json } from "./resources";
export { buildTree } from "./tree";
export type { TreeNode } from "./tree";
export {
  planDocumentSchema,
  planJsonSchema,
  parseBaseline,
  PLAN_SCHEMA_VERSION,
  BaselineError,
} from "./schema";
export type { PlanDocument, Baseline } from "./schema";
export {
  parsePreview,
  readPreview,
  planFromPreview,
  engineDiff,
  PreviewError,
  PREVIEW_FORMAT_SOURCE,
  UNKNOWN_VALUE,
} from "./from-preview";
export type {
  EngineAction,
  EngineChange,
  EnginePreview,
  PreviewDocument,
  PreviewPlanOptions,
} from "./from-preview";
export { renderHuman } from "./render-human";
export { renderJson } from "./render-json";
export { renderMarkdown, collapseTree } from "./render-markdown";
export type { MarkdownOptions } from "./render-markdown";
export { componentDiagram, toMermaid } from "./mermaid";
export type { Diagram, DiagramUnit, DiagramEdge, DiagramOptions, UnitStatus } from "./mermaid";
export { loadProject, resolveProgram, ProjectError, SECRET_PLACEHOLDER } from "./load-project";
export type { LoadedProject } from "./load-project";
export { runProgram, ProgramError, DEFAULT_TIMEOUT_MS } from "./run-program";
export type { ProgramRun, RunProgramOptions } from "./run-program";
export { main } from "./main";
export type { CliIo } from "./main";
export { EXIT, planExitCode } from "./exit-codes";
export type { PlanExitCode } from "./exit-codes";
