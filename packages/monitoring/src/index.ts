export { Monitoring, validateMonitoringArgs } from "./monitoring";
export type { MonitoringArgs, TokenScopes, TokenScope, SourceType } from "./args";
export { COCKPIT_ALERT_PRODUCTS } from "./alert-products";
export type { CockpitAlertProduct } from "./alert-products";
