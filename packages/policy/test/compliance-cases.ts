// Violating and compliant cases of the compliance rules (issue 20): data residency and encryption in
// transit. rules.test.ts runs them with the cases of the other rules.
import { PROD_TAGS, PROD_TAG_MAP, resource } from "./fixtures";
import type { Cases } from "./scaleway-cases";

const INSTANCE = "scaleway:databases/instance:Instance";
const PN = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const instance = (inputs: Record<string, unknown>) =>
  resource(
    INSTANCE,
    {
      engine: "PostgreSQL-16",
      nodeType: "DB-PRO2-XXS",
      privateNetwork: { pnId: PN },
      region: "fr-par",
      tags: PROD_TAGS,
      ...inputs,
    },
    { protect: true },
  );
const exporter = (destination: Record<string, unknown>) =>
  resource("scaleway:observability/exporter:Exporter", {
    datasourceId: "fr-par/ds",
    region: "fr-par",
    ...destination,
  });

export const complianceCases: Cases = {
  "scw-data-residency": {
    violating: [
      {
        title: "a database whose off-site backups may land in a region not allowed",
        resource: instance({}),
        config: { allowedRegions: ["fr-par", "nl-ams"] },
        message: /automatic backups \(off-site\) go to another Scaleway region .* may be pl-waw/,
      },
      {
        title: "a database with backups elsewhere when only its own region is allowed",
        resource: instance({ backupSameRegion: false }),
        config: { allowedRegions: ["fr-par"] },
        message: /may be nl-ams or pl-waw/,
      },
      {
        title: "a read replica outside the allowed regions",
        resource: resource("scaleway:databases/readReplica:ReadReplica", {
          instanceId: "i",
          region: "pl-waw",
        }),
        config: { allowedRegions: ["fr-par", "nl-ams"] },
        message: /database read replica is stored in pl-waw/,
      },
      {
        title: "a Serverless SQL database in the default region when it is not allowed",
        resource: resource("scaleway:databases/serverlessDatabase:ServerlessDatabase", { name: "db" }),
        config: { defaultRegion: "nl-ams", allowedRegions: ["fr-par"] },
        message: /Serverless SQL database is stored in nl-ams/,
      },
      {
        title: "a bucket in a region not allowed",
        resource: resource("scaleway:object/bucket:Bucket", {
          name: "b",
          region: "nl-ams",
          tags: PROD_TAG_MAP,
        }),
        config: { allowedRegions: ["fr-par"] },
        message: /bucket is stored in nl-ams/,
      },
      {
        title: "a secret in a region not allowed",
        resource: resource("scaleway:secrets/secret:Secret", { name: "s", region: "pl-waw" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "Cockpit logs kept in a region not allowed",
        resource: resource("scaleway:observability/source:Source", {
          type: "logs",
          retentionDays: 31,
          region: "nl-ams",
        }),
        config: { allowedRegions: ["fr-par"] },
        message: /Cockpit logs \(31 days\) is stored in nl-ams/,
      },
      {
        title: "a manual database backup in a region not allowed",
        resource: resource("scaleway:databases/databaseBackup:DatabaseBackup", {
          instanceId: "i",
          databaseName: "d",
          region: "pl-waw",
        }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a Cockpit export to an OTLP endpoint",
        resource: exporter({ otlpDestination: { endpoint: "https://otlp.example.com/v1" } }),
        message: /to otlp\.example\.com, outside Scaleway/,
      },
      {
        title: "a Cockpit export to Datadog",
        resource: exporter({ datadogDestination: { apiKey: "k", endpoint: "https://api.datadoghq.eu" } }),
      },
    ],
    compliant: [
      {
        title: "a database with off-site backups when every Scaleway region is allowed (the default)",
        resource: instance({}),
      },
      {
        title: "a database keeping its backups in its own region when only that region is allowed",
        resource: instance({ backupSameRegion: true }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a database without automatic backups when only its region is allowed",
        resource: instance({ disableBackup: true }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a Cockpit source in an allowed region",
        resource: resource("scaleway:observability/source:Source", { type: "metrics", region: "fr-par" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a resource that holds no data (a container) outside the list: scw-allowed-regions judges it",
        resource: resource("scaleway:containers/container:Container", { region: "nl-ams" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a bucket whose region nothing says (the provider decides)",
        resource: resource("scaleway:object/bucket:Bucket", { name: "b", tags: PROD_TAG_MAP }),
        config: { allowedRegions: ["fr-par"] },
      },
    ],
  },
};
