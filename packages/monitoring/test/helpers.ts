import type { MonitoringArgs } from "../src/index";

export const ALERT_MANAGER = "scaleway:observability/alertManager:AlertManager";
export const TOKEN = "scaleway:observability/token:Token";
export const SOURCE = "scaleway:observability/source:Source";
export const EXPORTER = "scaleway:observability/exporter:Exporter";
export const BUDGET = "scaleway:billing/budget:Budget";
export const BUDGET_ALERT = "scaleway:billing/budgetAlert:BudgetAlert";
export const BUDGET_NOTIFICATION = "scaleway:billing/budgetAlertNotification:BudgetAlertNotification";
export const MONITORING = "scaleway-blocks:monitoring:Monitoring";
export const GET_PRECONFIGURED_ALERT = "scaleway:observability/getPreconfiguredAlert:getPreconfiguredAlert";
export const GET_GRAFANA = "scaleway:observability/getGrafana:getGrafana";
export const GET_SOURCES = "scaleway:observability/getSources:getSources";
export const GET_PROJECT = "scaleway:account/getProject:getProject";

export const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
export const ORGANIZATION_ID = "99999999-8888-4777-8666-555555555555";

/** The smallest valid args for an environment (production needs a contact point). */
export function minimalArgs(environment: "dev" | "staging" | "production" = "dev"): MonitoringArgs {
  return {
    project: "shop",
    environment,
    ...(environment === "production" ? { contactPoints: [{ email: "oncall@example.com" }] } : {}),
  };
}

/** A getSources answer listing Scaleway's own metrics and logs sources. */
export function scalewaySources(inputs: Record<string, unknown>): Record<string, unknown> {
  const region = typeof inputs.region === "string" ? inputs.region : "fr-par";
  const source = (type: string) => ({
    id: `${region}/scaleway-${type}-source`,
    name: `Scaleway ${type}`,
    origin: "scaleway",
    type,
    projectId: PROJECT_ID,
    region,
    pushUrl: "",
    url: "",
    retentionDays: type === "metrics" ? 31 : 7,
    synchronizedWithGrafana: true,
    createdAt: "",
    updatedAt: "",
  });
  const all = [source("metrics"), source("logs")];
  return { id: "sources", ...inputs, sources: all.filter((s) => !inputs.type || s.type === inputs.type) };
}
