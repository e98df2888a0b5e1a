export { Monitoring, validateMonitoringArgs } from "./monitoring";
export { ScalewayDataType, SourceType, TokenScope } from "./args";
export type {
  BudgetArgs,
  ContactPointArgs,
  ExportComponentSource,
  ExportExistingSource,
  ExportScalewayData,
  ExporterArgs,
  ExporterSource,
  MonitoringArgs,
  OtlpDestinationArgs,
  SourceArgs,
  TokenScopes,
} from "./args";
export { COCKPIT_ALERT_PRODUCTS, CockpitAlertProduct } from "./alert-products";
