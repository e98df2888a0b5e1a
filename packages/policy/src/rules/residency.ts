import { REGIONS } from "@scaleway-blocks/core";
import { placementOf } from "../internal/locality";
import { asNumber, asObject, asString, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

/**
 * The classes that store data, with what they hold. Each has a `region` (or `zone`) input in
 * @pulumiverse/scaleway 1.54.0 (checked in each class's .d.ts).
 */
export const DATA_HOLDERS: Readonly<Record<string, string>> = {
  [T.databaseInstance]: "Managed Database",
  [T.databaseReadReplica]: "database read replica",
  "scaleway:databases/databaseBackup:DatabaseBackup": "database backup",
  "scaleway:databases/snapshot:Snapshot": "database snapshot",
  "scaleway:databases/serverlessDatabase:ServerlessDatabase": "Serverless SQL database",
  [T.bucket]: "bucket",
  [T.objectItem]: "object",
  [T.secret]: "secret",
  "scaleway:observability/source:Source": "Cockpit data source",
  [T.alertManager]: "alert contacts",
  [T.registryNamespace]: "container images",
  [T.redisCluster]: "Redis cluster",
  [T.mongodbInstance]: "MongoDB instance",
  "scaleway:mongodb/snapshot:Snapshot": "MongoDB snapshot",
  [T.kmsKey]: "encryption key",
  "scaleway:block/volume:Volume": "block volume",
  "scaleway:block/snapshot:Snapshot": "block snapshot",
  "scaleway:instance/volume:Volume": "instance volume",
  "scaleway:instance/snapshot:Snapshot": "instance snapshot",
};

/** Cockpit's data export to an OTLP or Datadog endpoint: a copy of the data outside Scaleway. */
const EXPORTER = "scaleway:observability/exporter:Exporter";

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
  if (type === "scaleway:observability/source:Source") return [{ what: cockpitWhat(inputs), region }];
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

export const residencyRules = [dataResidency];
