export { rules, ruleById } from "./rules";
export { defineRule } from "./rules/define";
export { isStateBucket } from "./rules/object-storage";
export { dataLocations, DATA_HOLDERS } from "./rules/cross-product";
export type { DataLocation } from "./rules/cross-product";
export type { StateBucketCandidate } from "./rules/object-storage";
export { moduleTypeOf } from "./provider";
export {
  SERVICE_GOALS,
  SERVICE_GOAL_LIMITS,
  goalTitle,
  serviceGoalGaps,
  stackEnvironment,
} from "./rules/cross-product";
export type { ServiceGoalId, ServiceGoalGap } from "./rules/cross-product";
export type { RuleSpec } from "./rules/define";
export {
  evaluate,
  hasMandatoryFailures,
  formatFindings,
  parseEvaluateConfig,
  effectiveRule,
} from "./evaluate";
export type { EvaluateConfig, RuleOverride, GraphResource, ResourceGraphLike } from "./evaluate";
export { policyPackPolicies, policyPackArgs } from "./pack";
export type { PolicyPackOptions } from "./pack";
export { renderRuleSummary, renderRuleTable, renderSettingsTable } from "./table";
export {
  defaultSettings,
  resolveSettings,
  policySettingsSchema,
  settingsOverrideSchema,
  settingsJsonSchema,
  SETTING_JSON_SCHEMAS,
} from "./settings";
export type { PolicySettings, SettingName, JsonSchema } from "./settings";
export type { Rule, RuleResource, RuleContext, Finding, Severity, EnforcementLevel } from "./types";
