export { Monitoring, validateMonitoringArgs } from "./monitoring";
export type { MonitoringArgs, TokenScopes, TokenScope, SourceType } from "./args";
