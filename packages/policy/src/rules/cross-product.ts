// Rules that span products: tags, regions and data residency, retired and deprecated classes and
// inputs, deletion protection of stateful resources, production service goals, TLS in connection
// strings, and credentials in plain inputs of triggers, crons, jobs and instances. Credential inputs:
// @pulumiverse/scaleway 1.54.0 containers/trigger.d.ts (cron { headers, body }), containers/cron.d.ts
// and functions/cron.d.ts (args), job/definition.d.ts (env, args, command, startupCommands) and
// instance/server.d.ts (userData, cloudInit).
import { REGIONS } from "@scaleway-blocks/core";
import { goDurationSeconds } from "@scaleway-blocks/core/internal";
import type { Environment } from "@scaleway-blocks/core";
import { credentialFormat, credentialsInMap } from "../internal/credentials";
import { environmentOfStack, environmentOfTags } from "../internal/environment";
import { placementOf } from "../internal/locality";
import { DEPRECATED_INPUTS, REPLACED_BY, RESOURCE_FACTS } from "../internal/provider-data";
import { asArray, asNumber, asObject, asString, isSet, tagsOf, tryRead } from "../internal/values";
import { looksSecret, plainValues } from "../internal/plain-text";
import { alertContactsInProduction, lacksEmailContact } from "./cockpit";
import { defineRule } from "./define";
import { T } from "./tokens";

/** "scaleway:databases/instance:Instance" → "scaleway.databases.Instance"; index tokens → "scaleway.X". */
export function className(token: string): string {
  const [, module = "", name = ""] = /^scaleway:([^/]+)\/[^:]+:(.+)$/.exec(token) ?? [];
  if (name === "") return token;
  return module === "index" ? `scaleway.${name}` : `scaleway.${module}.${name}`;
}

export const requiredTags = defineRule<{ tags: unknown }>({
  id: "scw-required-tags",
  severity: "advisory",
  description: "Taggable resources carry the required tags (managed-by, environment, component by default).",
  why: "Tags are how costs are split, owners found and production told apart; untagged resources are orphans nobody dares delete.",
  remediation:
    'Add the missing "key=value" tags (a map on buckets); scaleway-blocks components add them for you from project, environment and component.',
  resourceTypes: "all",
  settings: ["requiredTags"],
  check: ({ type, inputs }, { settings }) => {
    if (RESOURCE_FACTS[type]?.tags === undefined) return undefined;
    const tags = tagsOf(tryRead(() => inputs.tags));
    const missing = settings.requiredTags.filter((key) => (tags.get(key) ?? "") === "");
    return missing.length > 0
      ? `missing tag${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`
      : undefined;
  },
});

export const allowedRegions = defineRule<{ region: string; zone: string }>({
  id: "scw-allowed-regions",
  severity: "mandatory",
  description:
    "Resources live in the allowed regions (fr-par, nl-ams, pl-waw by default; zones count as their region).",
  why: "Data residency: contracts and the GDPR analysis name where data may be stored and processed.",
  remediation:
    "Set region (or zone) to an allowed one; moving a stateful resource recreates it, so migrate its data first.",
  resourceTypes: "all",
  settings: ["allowedRegions", "defaultRegion"],
  check: ({ type, inputs }, { settings }) => {
    const facts = RESOURCE_FACTS[type];
    const { where, locality, region } = placementOf(inputs, settings.defaultRegion);
    if (facts !== undefined && facts.locality === undefined && where === "the provider's default region")
      return undefined; // global resource (IAM, account…)
    if (locality === undefined || region === undefined) return undefined; // nothing says where: the provider decides
    if (settings.allowedRegions.includes(region)) return undefined;
    return `${where} ${locality} is outside the allowed regions (${settings.allowedRegions.join(", ")}).`;
  },
});

/** Classes that no longer work or are about to be removed, with what replaces them. */
export const RETIRED_RESOURCES: Readonly<Record<string, string>> = {
  [T.grafanaUser]:
    "Grafana users are deprecated (removal announced for 2026-01-01): read the URL with observability.getGrafana and sign in with Scaleway IAM.",
  [T.cockpit]:
    "the Cockpit resource is deprecated and plans no longer exist: use observability.Source, observability.Token and observability.AlertManager.",
  [T.publicGatewayDhcp]:
    "Public Gateway DHCP is no longer functional: DHCP moved to Private Networks; use ipamConfigs on network.GatewayNetwork.",
  [T.publicGatewayDhcpReservation]:
    "Public Gateway DHCP reservations are no longer functional: reserve addresses with ipam.Ip.",
};

export const noRetiredResources = defineRule<Record<string, unknown>>({
  id: "scw-no-retired-resources",
  severity: "mandatory",
  description: "No resource of a retired class (Cockpit, GrafanaUser, Public Gateway DHCP).",
  why: "These classes no longer work or are being removed: the next provider release or API change breaks the stack.",
  remediation: "Replace the resource with what the message names, then remove it from the program.",
  resourceTypes: Object.keys(RETIRED_RESOURCES),
  check: ({ type, registeredType }) =>
    `${className(registeredType)}: ${RETIRED_RESOURCES[type] ?? "retired."}`,
});

export const noDeprecatedClasses = defineRule<Record<string, unknown>>({
  id: "scw-no-deprecated-classes",
  severity: "advisory",
  description:
    "Resources use the namespaced provider classes, not the deprecated top-level ones (scaleway:index/*).",
  why: "The top-level classes are deprecated and will be removed; they already log a warning on every run.",
  remediation:
    "Switch to the namespaced class the message names: it declares an alias to the old type, so the resource is kept, not replaced.",
  resourceTypes: "all",
  check: ({ type, registeredType }) => {
    const replacement = REPLACED_BY[registeredType];
    if (replacement === undefined || RETIRED_RESOURCES[type] !== undefined) return undefined;
    return `${className(registeredType)} is deprecated: use ${className(replacement)}.`;
  },
});

/** Replacement hints the provider's own deprecation notes lack. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "scaleway:containers/container:Container.memoryLimit": "use memoryLimitBytes (bytes, not MB)",
  "scaleway:containers/container:Container.httpOption": "use httpsConnectionsOnly: true",
  "scaleway:object/bucket:Bucket.acl": "use an object.BucketAcl resource",
  "scaleway:observability/alertManager:AlertManager.enableManagedAlerts":
    "use preconfiguredAlertIds from observability.getPreconfiguredAlert",
  "scaleway:network/privateNetwork:PrivateNetwork.zone": "Private Networks are regional: set region",
  "scaleway:network/privateNetwork:PrivateNetwork.isRegional": "Private Networks are all regional: remove it",
};

export const noDeprecatedInputs = defineRule<Record<string, unknown>>({
  id: "scw-no-deprecated-inputs",
  severity: "advisory",
  description:
    "Resources set no deprecated input (deploy, registryImage, memoryLimit, httpOption, healthChecks, DHCP on GatewayNetwork, acl on Bucket…).",
  why: "Deprecated inputs are ignored or about to be removed: the stack silently stops doing what it says, then fails to build.",
  remediation: "Use the replacement the message names and remove the deprecated input.",
  resourceTypes: "all",
  check: ({ type, inputs }) => {
    const deprecated = DEPRECATED_INPUTS[type];
    if (deprecated === undefined || RETIRED_RESOURCES[type] !== undefined) return undefined;
    return Object.entries(deprecated)
      .filter(([input]) => isSet(inputs, input))
      .map(([input, note]) => `${input} is deprecated: ${REPLACEMENTS[`${type}.${input}`] ?? note}`);
  },
});

export const statefulProtectedInProduction = defineRule<Record<string, unknown>>({
  id: "scw-stateful-protected-in-production",
  severity: "mandatory",
  description: "Production databases and buckets carry Pulumi's protect option.",
  why: "Without protect, a rename, a refactor that moves a resource or a stray `pulumi destroy` deletes production data.",
  remediation: "Pass { protect: true } in the resource options of production database instances and buckets.",
  resourceTypes: [T.databaseInstance, T.bucket],
  environmentAware: true,
  check: ({ protect }, { production }) =>
    production && !protect ? "the protect resource option is not set on a production resource." : undefined,
});

/**
 * The classes that store data, with what they hold. Each has a `region` (or `zone`) input in
 * @pulumiverse/scaleway 1.54.0 (checked in each class's .d.ts).
 */
export const DATA_HOLDERS: Readonly<Record<string, string>> = {
  [T.databaseInstance]: "Managed Database",
  [T.databaseReadReplica]: "database read replica",
  [T.databaseBackup]: "database backup",
  [T.databaseSnapshot]: "database snapshot",
  [T.serverlessDatabase]: "Serverless SQL database",
  [T.bucket]: "bucket",
  [T.objectItem]: "object",
  [T.secret]: "secret",
  [T.cockpitSource]: "Cockpit data source",
  [T.alertManager]: "alert contacts",
  [T.registryNamespace]: "container images",
  [T.redisCluster]: "Redis cluster",
  [T.mongodbInstance]: "MongoDB instance",
  [T.mongodbSnapshot]: "MongoDB snapshot",
  [T.kmsKey]: "encryption key",
  [T.blockVolume]: "block volume",
  [T.blockSnapshot]: "block snapshot",
  [T.instanceVolume]: "instance volume",
  [T.instanceSnapshot]: "instance snapshot",
};

/** Cockpit's data export to an OTLP or Datadog endpoint: a copy of the data outside Scaleway. */
const EXPORTER = T.exporter;

/** One place a resource keeps data (or a copy of it). */
export interface DataLocation {
  /** What is stored there, e.g. "Managed Database", "automatic backups", "Cockpit logs (31 days)". */
  readonly what: string;
  /** The region, when the program says it (region, zone or the default region). */
  readonly region: string | undefined;
  /**
   * For copies Scaleway places itself (automatic database backups kept off-site): the regions the copy
   * may be in. Scaleway names no region; it says only "a different region than your database".
   */
  readonly anyOf?: readonly string[];
  /** For data sent out of Scaleway (Cockpit exports): where it goes (host, or "Datadog"). */
  readonly external?: string;
}

/** Cockpit source label: "Cockpit logs (31 days)", from its type and retentionDays. */
function cockpitWhat(inputs: Readonly<Record<string, unknown>>): string {
  const type = asString(tryRead(() => inputs.type)) ?? "data";
  const days = asNumber(tryRead(() => inputs.retentionDays));
  return `Cockpit ${type}${days === undefined ? "" : ` (${days} days)`}`;
}

/** Where an exporter sends data: the OTLP endpoint's host, or "Datadog". */
function exportTarget(inputs: Readonly<Record<string, unknown>>): string {
  const otlp = asObject(tryRead(() => inputs.otlpDestination));
  const endpoint = asString(tryRead(() => otlp?.endpoint));
  if (endpoint !== undefined) {
    try {
      return new URL(endpoint).host;
    } catch {
      return endpoint;
    }
  }
  return asObject(tryRead(() => inputs.datadogDestination)) ? "Datadog" : "an external endpoint";
}

/**
 * Where a resource keeps data: its own region and, for Managed Databases, its automatic backups
 * ("stored on an offsite backend located in a different region than your database, by default":
 * https://www.scaleway.com/en/developers/api/managed-database-postgre-mysql/backups; the provider's
 * backupSameRegion keeps them in the instance's region). Empty for resources that hold no data.
 */
export function dataLocations(
  resource: { readonly type: string; readonly inputs: Readonly<Record<string, unknown>> },
  defaultRegion?: string,
): DataLocation[] {
  const { type, inputs } = resource;
  if (type === EXPORTER) {
    const region = placementOf(inputs, defaultRegion).region;
    return [{ what: "copy of Cockpit data (export)", region, external: exportTarget(inputs) }];
  }
  const what = DATA_HOLDERS[type];
  if (what === undefined) return [];
  const region = placementOf(inputs, defaultRegion).region;
  if (type === T.cockpitSource) return [{ what: cockpitWhat(inputs), region }];
  const locations: DataLocation[] = [{ what, region }];
  if (type === T.databaseInstance && tryRead(() => inputs.disableBackup) !== true) {
    if (tryRead(() => inputs.backupSameRegion) === true)
      locations.push({ what: "automatic backups", region });
    else
      locations.push({
        what: "automatic backups (off-site)",
        region: undefined,
        anyOf: REGIONS.filter((r) => r !== region),
      });
  }
  return locations;
}

export const dataResidency = defineRule<Record<string, unknown>>({
  id: "scw-data-residency",
  severity: "mandatory",
  description:
    "Data and its copies stay in the allowed regions: databases and their replicas, backups (off-site ones too), buckets, secrets, Serverless SQL, Cockpit data; no Cockpit export out of Scaleway.",
  why: "Data residency (GDPR transfers, contracts): a database's off-site backups land in another Scaleway region of Scaleway's choosing, and a Cockpit export copies logs and metrics to a third party.",
  remediation:
    "Keep the resource in an allowed region; set backupSameRegion: true (database block: backups.inAnotherRegion: false) when not every other Scaleway region is allowed; remove Cockpit exporters, or set this rule to advisory for a reviewed export.",
  resourceTypes: [...Object.keys(DATA_HOLDERS), EXPORTER],
  settings: ["allowedRegions", "defaultRegion"],
  check: (resource, { settings }) =>
    dataLocations(resource, settings.defaultRegion).flatMap((location) => {
      const allowed = settings.allowedRegions;
      if (location.external !== undefined)
        return [`sends a ${location.what} to ${location.external}, outside Scaleway's allowed regions.`];
      if (location.anyOf !== undefined) {
        const outside = location.anyOf.filter((r) => !allowed.includes(r));
        return outside.length === 0
          ? []
          : [
              `${location.what} go to another Scaleway region than the instance's, which may be ${outside.join(" or ")}: not allowed (${allowed.join(", ")}).`,
            ];
      }
      return location.region !== undefined && !allowed.includes(location.region)
        ? [
            `the ${location.what} is stored in ${location.region}, outside the allowed regions (${allowed.join(", ")}).`,
          ]
        : [];
    }),
});

/**
 * The seed's three service goals (docs/service-goals.md maps each to the settings and alerts that
 * serve it). Dev and staging may miss them; production may not (rule scw-production-service-goals).
 */
export const SERVICE_GOALS = [
  { id: "deploy-under-10-minutes", title: "deploy in under 10 minutes" },
  { id: "api-responses-under-5-seconds", title: "API responses under 5 s" },
  { id: "uptime-99-percent", title: "99 % uptime" },
] as const;

export type ServiceGoalId = (typeof SERVICE_GOALS)[number]["id"];

/** The figures the goals are checked against, with where each comes from. */
export const SERVICE_GOAL_LIMITS = {
  /** The deploy goal. */
  deploySeconds: 600,
  /** The response goal. */
  responseSeconds: 5,
  /**
   * Median cold start of a Serverless Container scaled to zero, measured by a third party: the figure
   * issue 18 quotes, UNVERIFIED (no public source found). Scaleway's own advice against cold starts is
   * min-scale 1 (docs-content faq/serverless-containers.mdx, "How to reduce cold-start", PR #3477).
   */
  coldStartMedianSeconds: 18.9,
  /**
   * Scaleway's own liveness probe when a container sets none: TCP, 30 failures, 10 s apart, 1 s
   * timeout (API response in terraform-provider-scaleway v2.79.0
   * internal/services/container/testdata/container-health-check.cassette.yaml): a stuck instance is
   * restarted after about 300 s. A probe of the goals restarts one at least as fast.
   */
  livenessDetectionSeconds: 300,
} as const;

/** The title of a goal, e.g. "99 % uptime". */
export function goalTitle(id: ServiceGoalId): string {
  return SERVICE_GOALS.find((g) => g.id === id)!.title;
}

/** A setting of one resource that keeps the stack from a goal. */
export interface ServiceGoalGap {
  goal: ServiceGoalId;
  message: string;
  /** The rule that already reports this gap as a finding of its own, so the service-goals rule does not repeat it. */
  reportedBy?: string;
}

/** failureThreshold × interval of a probe, in seconds; undefined when unknown (e.g. during preview). */
function probeBudgetSeconds(probe: Readonly<Record<string, unknown>>): number | undefined {
  const failures = asNumber(tryRead(() => probe.failureThreshold));
  const interval = asString(tryRead(() => probe.interval));
  const seconds = interval === undefined ? undefined : goDurationSeconds(interval);
  return failures === undefined || seconds === undefined ? undefined : failures * seconds;
}

function containerGaps(inputs: Readonly<Record<string, unknown>>): ServiceGoalGap[] {
  const gaps: ServiceGoalGap[] = [];
  const L = SERVICE_GOAL_LIMITS;
  const minScale = asNumber(tryRead(() => inputs.minScale));
  // A value unknown during preview counts as set.
  const minScaleUnknown = isSet(inputs, "minScale") && minScale === undefined;
  if (!minScaleUnknown && (minScale ?? 0) < 1) {
    gaps.push({
      goal: "api-responses-under-5-seconds",
      message: `minScale is ${minScale ?? "unset (Scaleway's default 0)"}: a request after an idle period waits for a cold start (median ${L.coldStartMedianSeconds} s, third-party figure), past ${L.responseSeconds} s.`,
    });
  }
  if (!isSet(inputs, "livenessProbe")) {
    gaps.push({
      goal: "uptime-99-percent",
      message: `no livenessProbe: a stuck instance waits for Scaleway's default probe (30 failures × 10 s, about ${L.livenessDetectionSeconds} s) to be restarted.`,
    });
  } else {
    const probe = asObject(tryRead(() => inputs.livenessProbe));
    const budget = probe && probeBudgetSeconds(probe);
    if (budget !== undefined && budget > L.livenessDetectionSeconds) {
      gaps.push({
        goal: "uptime-99-percent",
        message: `the livenessProbe restarts a stuck instance only after ${budget} s (failureThreshold × interval), slower than Scaleway's own ${L.livenessDetectionSeconds} s.`,
      });
    }
  }
  const startup = isSet(inputs, "startupProbe") ? asObject(tryRead(() => inputs.startupProbe)) : undefined;
  const startupBudget = startup && probeBudgetSeconds(startup);
  if (startupBudget !== undefined && startupBudget > L.deploySeconds) {
    gaps.push({
      goal: "deploy-under-10-minutes",
      message: `the startupProbe lets a deployment wait ${startupBudget} s for a new instance (failureThreshold × interval), past ${L.deploySeconds / 60} minutes.`,
    });
  }
  return gaps;
}

function alertManagerGaps(inputs: Readonly<Record<string, unknown>>): ServiceGoalGap[] {
  const gaps: ServiceGoalGap[] = [];
  if (lacksEmailContact(inputs)) {
    gaps.push({
      goal: "uptime-99-percent",
      message: "no contact point with an email: an alert reaches nobody.",
      reportedBy: alertContactsInProduction.id,
    });
  }
  const ids = isSet(inputs, "preconfiguredAlertIds") ? tryRead(() => inputs.preconfiguredAlertIds) : [];
  if (inputs.enableManagedAlerts !== true && ids !== undefined && asArray(ids).length === 0) {
    gaps.push({
      goal: "uptime-99-percent",
      message: "no preconfigured alert is enabled: an outage is noticed by the users first.",
    });
  }
  return gaps;
}

/**
 * The settings of one resource that keep a stack from a service goal: on a Serverless Container
 * (kept warm, a liveness probe no slower than Scaleway's, a startup probe that gives up within the
 * deploy goal) and on a Cockpit alert manager (a contact point, preconfigured alerts). `type` is the
 * module type token; inputs are plain values. Values unknown during a preview count as set.
 */
export function serviceGoalGaps(resource: {
  type: string;
  inputs: Readonly<Record<string, unknown>>;
}): ServiceGoalGap[] {
  if (resource.type === T.container) return containerGaps(resource.inputs);
  if (resource.type === T.alertManager) return alertManagerGaps(resource.inputs);
  return [];
}

/**
 * The environment of a whole stack: the one environment its resources' tags name (policy's tag
 * reading: `environment`, `env`, `stage`, `tier`, any spelling of production/staging/dev), else what
 * the stack name says. Undefined when the tags disagree and the name says nothing.
 */
export function stackEnvironment(
  resources: readonly { readonly inputs?: Readonly<Record<string, unknown>> }[],
  stack: string | undefined,
): Environment | undefined {
  const tagged = new Set<Environment>();
  for (const r of resources) {
    const env = environmentOfTags(tagsOf(r.inputs?.tags));
    if (env) tagged.add(env);
  }
  if (tagged.size === 1) return [...tagged][0];
  return environmentOfStack(stack);
}

export const productionServiceGoals = defineRule({
  id: "scw-production-service-goals",
  severity: "mandatory",
  description:
    "Production containers and alert managers are set for the service goals: deploy in under 10 minutes, API responses under 5 s, 99 % uptime.",
  why: "A container scaled to zero answers its first request after a cold start (median 18.9 s), a stuck one without a quick probe stays down for minutes, and an alert manager without contacts or alerts tells nobody.",
  remediation:
    "On containers: minScale ≥ 1, a livenessProbe restarting within 300 s, a startupProbe giving up within 600 s; on the alert manager: preconfiguredAlertIds (Monitoring sets them in production; its contacts are scw-monitoring-alert-contacts-in-production's).",
  resourceTypes: [T.container, T.alertManager],
  environmentAware: true,
  check: ({ type, inputs }, { production }) => {
    if (!production) return undefined;
    return serviceGoalGaps({ type, inputs })
      .filter((gap) => gap.reportedBy === undefined)
      .map((gap) => `${goalTitle(gap.goal)}: ${gap.message}`);
  },
});

const SECRET_VERSION = T.secretVersion;

/**
 * libpq `sslmode` values that encrypt (https://www.postgresql.org/docs/current/libpq-ssl.html, "SSL Mode
 * Descriptions"); disable, allow and prefer may connect in clear text.
 */
const ENCRYPTING_SSLMODES = ["require", "verify-ca", "verify-full"];

/**
 * Why a connection string or endpoint URL may travel in clear text, or undefined when it requires TLS
 * (or is not a URL this rule knows). Never returns the value itself: it may hold a password.
 */
export function cleartextReason(value: string): string | undefined {
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === "postgres" || scheme === "postgresql") {
    const query = text.slice(text.indexOf("?", text.lastIndexOf("@") + 1) + 1 || text.length);
    const mode = /(?:^|&)sslmode=([^&]*)/.exec(query)?.[1];
    if (mode === undefined)
      return "a PostgreSQL connection string without sslmode (libpq's default, prefer, falls back to clear text)";
    return ENCRYPTING_SSLMODES.includes(mode)
      ? undefined
      : `a PostgreSQL connection string with sslmode=${mode}`;
  }
  if (scheme === "redis") return "a redis:// URL (clear text; rediss:// uses TLS)";
  if (scheme === "http") {
    let host: string;
    try {
      host = new URL(text).hostname;
    } catch {
      return undefined;
    }
    // Scaleway's endpoints (Object Storage s3.<region>.scw.cloud, containers, Cockpit…) all answer HTTPS.
    if (host === "scw.cloud" || host.endsWith(".scw.cloud"))
      return `an http:// URL to ${host} (use https://)`;
  }
  return undefined;
}

/** name → value of a map input (environment variables), read one by one; unknowns skipped. */
function mapValues(inputs: Readonly<Record<string, unknown>>, input: string): Map<string, string> {
  const map = asObject(tryRead(() => inputs[input]));
  return map ? plainValues(map) : new Map<string, string>();
}

export const connectionStringsRequireTls = defineRule<Record<string, unknown>>({
  id: "scw-connection-strings-require-tls",
  severity: "mandatory",
  description:
    "Connection strings and endpoint URLs handed to workloads require TLS: PostgreSQL URLs with sslmode=require or stricter, rediss:// not redis://, https:// to Scaleway endpoints (Object Storage included).",
  why: "Without TLS, passwords and data cross the network in clear text: anyone on the path (or on a shared Private Network) can read or change them.",
  remediation:
    "Add sslmode=require (or verify-full with the instance certificate) to PostgreSQL URLs, use rediss://, and https://s3.<region>.scw.cloud for Object Storage; the database block writes such strings for you.",
  resourceTypes: [
    T.container,
    T.containerNamespace,
    T.function,
    T.functionNamespace,
    T.jobDefinition,
    SECRET_VERSION,
  ],
  check: ({ type, inputs }) => {
    const messages: string[] = [];
    if (type === SECRET_VERSION) {
      const data = asString(tryRead(() => inputs.data));
      const reason = data === undefined ? undefined : cleartextReason(data);
      if (reason !== undefined) messages.push(`data is ${reason}.`);
      return messages;
    }
    const inputsToRead =
      type === T.jobDefinition ? ["env"] : ["environmentVariables", "secretEnvironmentVariables"];
    for (const input of inputsToRead)
      for (const [name, value] of mapValues(inputs, input)) {
        const reason = cleartextReason(value);
        if (reason !== undefined) messages.push(`${input}.${name} is ${reason}.`);
      }
    return messages;
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
    "Trigger headers and bodies, cron arguments, job environments and commands, and instance user data hold no credential: none named like one (PASSWORD, TOKEN, Authorization…) and no known format (sk_live_, ghp_, a Scaleway access key with its secret key, AKIA…, a URL with a password, a private key).",
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
