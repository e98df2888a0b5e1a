import type { MonitoringArgs } from "../src/index";
import { BLOCK_TYPES, SCALEWAY_INVOKES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export const ALERT_MANAGER = SCALEWAY_TYPES.alertManager;
export const TOKEN = SCALEWAY_TYPES.cockpitToken;
export const SOURCE = SCALEWAY_TYPES.cockpitSource;
export const EXPORTER = SCALEWAY_TYPES.exporter;
export const BUDGET = SCALEWAY_TYPES.budget;
export const BUDGET_ALERT = SCALEWAY_TYPES.budgetAlert;
export const BUDGET_NOTIFICATION = SCALEWAY_TYPES.budgetAlertNotification;
export const MONITORING = BLOCK_TYPES.monitoring;
export const GET_PRECONFIGURED_ALERT = SCALEWAY_INVOKES.getPreconfiguredAlert;
export const GET_GRAFANA = SCALEWAY_INVOKES.getGrafana;
export const GET_SOURCES = SCALEWAY_INVOKES.getSources;
export const GET_PROJECT = SCALEWAY_INVOKES.getProject;

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
