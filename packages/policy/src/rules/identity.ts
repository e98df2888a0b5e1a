// IAM principals, Cockpit tokens and credentials written in plain inputs. Inputs: @pulumiverse/scaleway
// 1.54.0 iam/apiKey.d.ts (applicationId, userId), iam/policy.d.ts (userId, groupId, applicationId),
// observability/token.d.ts (scopes: TokenScopes in types/input.d.ts), containers/trigger.d.ts
// (cron { headers, body }), containers/cron.d.ts and functions/cron.d.ts (args), job/definition.d.ts
// (env, args, command, startupCommands) and instance/server.d.ts (userData, cloudInit). Semantics:
// terraform-provider-scaleway v2.79.0 internal/services/cockpit/token.go (ResourceCockpitTokenCreate:
// without scopes the token gets the scopes whose default is true, write_metrics and write_logs).
import { credentialFormat, credentialsInMap } from "../internal/credentials";
import { asArray, asObject, asString, isSet, tryRead } from "../internal/values";
import { looksSecret, plainValues } from "./container";
import { defineRule } from "./define";
import { T } from "./tokens";

export const iamApiKeyOnApplication = defineRule<{ userId: string; applicationId: string }>({
  id: "scw-iam-api-key-on-application",
  severity: "mandatory",
  description: "IAM API keys belong to applications (applicationId), not to users (userId).",
  why: "A key on a user carries all that person's rights, across every project, and outlives their role; an application holds only the policies given to it.",
  remediation:
    "Create an iam.Application for the workload or pipeline, grant it a narrow iam.Policy, and set applicationId on the key instead of userId.",
  resourceTypes: [T.iamApiKey],
  check: ({ inputs }) =>
    isSet(inputs, "userId")
      ? "userId is set: the key acts with a person's rights instead of an application's."
      : undefined,
});

export const iamPolicyNotOnUser = defineRule<{ userId: string }>({
  id: "scw-iam-policy-not-on-user",
  severity: "advisory",
  description: "IAM policies are attached to groups or applications, not to single users (userId).",
  why: "Rights given person by person are forgotten when people change roles or leave; groups are reviewed in one place.",
  remediation:
    "Attach the policy to an iam.Group (groupId) and add the user to the group with iam.GroupMembership.",
  resourceTypes: [T.iamPolicy],
  check: ({ inputs }) =>
    isSet(inputs, "userId") ? "userId is set: the policy grants rights to one person directly." : undefined,
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

/** The places of each resource type where text is stored and shown in clear, and how to read them. */
function plainTexts(
  type: string,
  inputs: Readonly<Record<string, unknown>>,
): [string, Map<string, string>][] {
  const map = (value: unknown) => plainValues(asObject(value) ?? {});
  const list = (value: unknown) =>
    new Map(
      asArray(value).flatMap((v, i) => (typeof v === "string" ? [[String(i), v] as [string, string]] : [])),
    );
  const one = (value: unknown) => {
    const text = asString(value);
    return new Map(text === undefined ? [] : [["", text]]);
  };
  const read = (key: string) => tryRead(() => inputs[key]);
  switch (type) {
    case T.containerTrigger: {
      const cron = asObject(read("cron"));
      return [
        ["cron.headers", map(tryRead(() => cron?.headers))],
        ["cron.body", one(tryRead(() => cron?.body))],
      ];
    }
    case T.containerCron:
    case T.functionCron:
      return [["args", one(read("args"))]];
    case T.jobDefinition:
      return [
        ["env", map(read("env"))],
        ["args", list(read("args"))],
        ["command", one(read("command"))],
        ["startupCommands", list(read("startupCommands"))],
      ];
    case T.instanceServer:
      return [
        ["userData", map(read("userData"))],
        ["cloudInit", one(read("cloudInit"))],
      ];
    default:
      return [];
  }
}

/** Header names whose value is a credential, whatever its form. */
const CREDENTIAL_HEADERS = /^(?:proxy-)?authorization$|^cookie$/i;

/** Inputs whose keys are names a secret could be recognised by (variables and headers). */
const NAMED = ["cron.headers", "env"];

export const noPlainCredentials = defineRule<Record<string, unknown>>({
  id: "scw-no-plain-credentials",
  severity: "mandatory",
  description:
    "Trigger headers and bodies, cron arguments, job environments and commands, and instance user data hold no credential: none named like one (PASSWORD, TOKEN, Authorization…) and no known format (sk_live_, ghp_, SCW…, AKIA…, a URL with a password, a private key).",
  why: "These inputs are stored and shown in clear text in the console, the API and the Pulumi state: anyone with read access to the project has the credential.",
  remediation:
    "Keep credentials in Secret Manager: job secretReferences, container secretEnvironmentVariables, or a token the workload fetches at start-up; rotate any credential already written here.",
  resourceTypes: [T.containerTrigger, T.containerCron, T.functionCron, T.jobDefinition, T.instanceServer],
  settings: ["ignoredEnvironmentVariables"],
  check: ({ type, inputs }, { settings }) =>
    plainTexts(type, inputs).flatMap(([where, values]) => {
      const checked = new Map(
        [...values].filter(([key]) => !settings.ignoredEnvironmentVariables.includes(key)),
      );
      const byValue = new Map(credentialsInMap(checked));
      return [...checked.keys()].flatMap((key) => {
        const at = key === "" ? where : NAMED.includes(where) ? `${where}.${key}` : `${where}[${key}]`;
        if (NAMED.includes(where) && (looksSecret(key) || CREDENTIAL_HEADERS.test(key)))
          return [`${at} looks like a secret (by its name).`];
        const what = byValue.get(key) ?? credentialFormat(checked.get(key) ?? "");
        return what === undefined ? [] : [`${at} holds ${what}.`];
      });
    }),
});

export const identityRules = [
  iamApiKeyOnApplication,
  iamPolicyNotOnUser,
  cockpitTokenExplicitScopes,
  cockpitTokenLeastPrivilege,
  noPlainCredentials,
];
