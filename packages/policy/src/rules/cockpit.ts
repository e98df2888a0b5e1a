// Cockpit: alert manager and tokens. Token inputs: @pulumiverse/scaleway 1.54.0 observability/token.d.ts
// (scopes: TokenScopes in types/input.d.ts). Semantics: terraform-provider-scaleway v2.79.0
// internal/services/cockpit/token.go (ResourceCockpitTokenCreate: without scopes the token gets the scopes
// whose default is true, write_metrics and write_logs).
import { asArray, asObject, asString, isSet, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface AlertManagerInputs {
  contactPoints: { email?: string }[];
  preconfiguredAlertIds: string[];
  enableManagedAlerts: boolean;
}

/**
 * An alert manager with no contact point holding an email: its alerts reach nobody. A list unknown
 * during a preview counts as holding some. The one statement of this check: the rule below and the
 * service goals (cross-product.ts, the plan's summary) both ask it.
 */
export function lacksEmailContact(inputs: Readonly<Record<string, unknown>>): boolean {
  const contactPoints = tryRead(() => inputs.contactPoints);
  if (isSet(inputs, "contactPoints") && contactPoints === undefined) return false;
  return asArray(contactPoints).filter((c) => (asString(asObject(c)?.email) ?? "") !== "").length === 0;
}

export const alertContactsInProduction = defineRule<AlertManagerInputs>({
  id: "scw-monitoring-alert-contacts-in-production",
  severity: "mandatory",
  description: "Production alert managers have at least one contact point.",
  why: "Alerts with no contact point fire into the void: production breaks and nobody is told.",
  remediation:
    "Add contactPoints [{ email }] (an on-call address or a mailing list) to the production alert manager.",
  resourceTypes: [T.alertManager],
  environmentAware: true,
  check: ({ inputs }, { production }) => {
    if (!production) return undefined;
    return lacksEmailContact(inputs)
      ? "no contact point with an email is set on a production alert manager."
      : undefined;
  },
});

export const alertsConfigured = defineRule<AlertManagerInputs>({
  id: "scw-monitoring-alerts-enabled",
  severity: "advisory",
  description: "Alert managers enable preconfigured alerts (preconfiguredAlertIds).",
  why: "An alert manager with no alert rules never notifies anyone, however many contacts it has.",
  remediation:
    "Set preconfiguredAlertIds from observability.getPreconfiguredAlert (e.g. the RDB and Serverless Containers alerts), or manage custom rules and document where.",
  resourceTypes: [T.alertManager],
  check: ({ inputs }) => {
    if (inputs.enableManagedAlerts === true) return undefined;
    if (isSet(inputs, "preconfiguredAlertIds")) {
      const ids = tryRead(() => inputs.preconfiguredAlertIds);
      // Unknown during preview (read from a data source): assume the program lists some.
      if (ids === undefined || asArray(ids).length > 0) return undefined;
    }
    return "no preconfigured alert is enabled.";
  },
});

/** Cockpit token scopes (types/input.d.ts TokenScopes), and the provider's default of each (token.go). */
const SCOPE_DEFAULTS: Readonly<Record<string, boolean>> = {
  queryMetrics: false,
  writeMetrics: true,
  setupMetricsRules: false,
  queryLogs: false,
  writeLogs: true,
  setupLogsRules: false,
  setupAlerts: false,
  queryTraces: false,
  writeTraces: false,
};

const WRITE_SCOPES = ["writeMetrics", "writeLogs", "writeTraces"];

export const cockpitTokenExplicitScopes = defineRule<{ scopes: object }>({
  id: "scw-cockpit-token-explicit-scopes",
  severity: "advisory",
  description:
    "Cockpit tokens list their scopes; without scopes the provider grants write_metrics and write_logs.",
  why: "A token created without scopes can push metrics and logs into the project: nobody decided it, and a leak lets anyone flood or forge your telemetry.",
  remediation:
    "Set scopes with only what the workload needs (e.g. { writeMetrics: true } for an exporter, { queryMetrics: true } for a dashboard).",
  resourceTypes: [T.cockpitToken],
  check: ({ inputs }) =>
    isSet(inputs, "scopes")
      ? undefined
      : "scopes is unset: the provider grants writeMetrics and writeLogs by default.",
});

export const cockpitTokenLeastPrivilege = defineRule<{ scopes: Record<string, boolean> }>({
  id: "scw-cockpit-token-least-privilege",
  severity: "mandatory",
  description:
    "Cockpit tokens do not write everywhere: no token holds every write scope (metrics, logs and traces) or every scope.",
  why: "One token that writes every data type, or holds every right, turns one leaked workload secret into control of all the project's observability.",
  remediation:
    "Give each workload its own token with the one or two scopes it uses (writeMetrics for an exporter, writeLogs for a log shipper).",
  resourceTypes: [T.cockpitToken],
  check: ({ inputs }) => {
    if (!isSet(inputs, "scopes")) return undefined; // scw-cockpit-token-explicit-scopes says it
    const scopes = asObject(tryRead(() => inputs.scopes));
    if (scopes === undefined) return undefined; // unknown during preview
    const granted = Object.keys(SCOPE_DEFAULTS).filter((scope) => {
      const value = tryRead(() => scopes[scope]);
      return value === undefined ? SCOPE_DEFAULTS[scope] : value === true;
    });
    if (granted.length === Object.keys(SCOPE_DEFAULTS).length) return "scopes grant every scope.";
    if (WRITE_SCOPES.every((s) => granted.includes(s)))
      return "scopes grant every write scope (writeMetrics, writeLogs and writeTraces).";
    return undefined;
  },
});
