// Violating and compliant cases of the compliance rules (issue 20): data residency and encryption in
// transit. rules.test.ts runs them with the cases of the other rules.
import { PROD_TAGS, PROD_TAG_MAP, resource } from "./fixtures";
import type { Cases } from "./scaleway-cases";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
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
  resource(SCALEWAY_TYPES.exporter, {
    datasourceId: "fr-par/ds",
    region: "fr-par",
    ...destination,
  });

const CONTAINER = SCALEWAY_TYPES.container;
const container = (inputs: Record<string, unknown>) =>
  resource(CONTAINER, {
    privacy: "private",
    httpsConnectionsOnly: true,
    region: "fr-par",
    tags: PROD_TAGS,
    ...inputs,
  });
const version = (data: string) => resource(SCALEWAY_TYPES.secretVersion, { secretId: "fr-par/s", data });
const PG = "postgres://app:hunter2-hunter2@10.0.0.4:5432/shop";

export const complianceCases: Cases = {
  "scw-container-plain-http-on-purpose": {
    violating: [
      {
        title: "a container tagged plain-http=true that serves plain HTTP",
        resource: container({ httpsConnectionsOnly: false, tags: [...PROD_TAGS, "plain-http=true"] }),
        message: /on purpose \(tagged "plain-http=true"\)/,
      },
    ],
    compliant: [
      { title: "an HTTPS-only container", resource: container({}) },
      {
        title: "a tagged container that is HTTPS-only after all",
        resource: container({ tags: [...PROD_TAGS, "plain-http=true"] }),
      },
    ],
  },
  "scw-connection-strings-require-tls": {
    violating: [
      {
        title: "a PostgreSQL URL without sslmode in a secret environment variable",
        resource: container({ secretEnvironmentVariables: { DATABASE_URL: PG } }),
        message: /secretEnvironmentVariables\.DATABASE_URL is a PostgreSQL connection string without sslmode/,
      },
      {
        title: "a PostgreSQL URL with sslmode=disable in a secret version",
        resource: version(`${PG}?sslmode=disable`),
        message: /data is a PostgreSQL connection string with sslmode=disable/,
      },
      {
        title: "sslmode=prefer, which falls back to clear text",
        resource: container({ secretEnvironmentVariables: { DATABASE_URL: `${PG}?sslmode=prefer` } }),
      },
      {
        title: "a redis:// URL in a job's environment",
        resource: resource(SCALEWAY_TYPES.jobDefinition, { env: { CACHE: "redis://10.0.0.5:6379" } }),
        message: /env\.CACHE is a redis:\/\/ URL/,
      },
      {
        title: "Object Storage over http://",
        resource: container({ environmentVariables: { S3_ENDPOINT: "http://s3.fr-par.scw.cloud" } }),
        message: /http:\/\/ URL to s3\.fr-par\.scw\.cloud/,
      },
    ],
    compliant: [
      {
        title: "what the database block writes (sslmode=require)",
        resource: version(`${PG}?sslmode=require`),
      },
      {
        title: "verify-full with a root certificate, rediss:// and https:// Object Storage",
        resource: container({
          environmentVariables: {
            S3_ENDPOINT: "https://s3.fr-par.scw.cloud",
            CACHE: "rediss://10.0.0.5:6379",
          },
          secretEnvironmentVariables: { DATABASE_URL: `${PG}?sslmode=verify-full&sslrootcert=/etc/rdb.pem` },
        }),
      },
      {
        title: "an http:// URL outside Scaleway (a sidecar on localhost)",
        resource: container({ environmentVariables: { OTEL_ENDPOINT: "http://localhost:4318" } }),
      },
      { title: "a secret version that is not a URL", resource: version("hunter2-hunter2") },
    ],
  },
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
        resource: resource(SCALEWAY_TYPES.databaseReadReplica, {
          instanceId: "i",
          region: "pl-waw",
        }),
        config: { allowedRegions: ["fr-par", "nl-ams"] },
        message: /database read replica is stored in pl-waw/,
      },
      {
        title: "a Serverless SQL database in the default region when it is not allowed",
        resource: resource(SCALEWAY_TYPES.serverlessDatabase, { name: "db" }),
        config: { defaultRegion: "nl-ams", allowedRegions: ["fr-par"] },
        message: /Serverless SQL database is stored in nl-ams/,
      },
      {
        title: "a bucket in a region not allowed",
        resource: resource(SCALEWAY_TYPES.bucket, {
          name: "b",
          region: "nl-ams",
          tags: PROD_TAG_MAP,
        }),
        config: { allowedRegions: ["fr-par"] },
        message: /bucket is stored in nl-ams/,
      },
      {
        title: "a secret in a region not allowed",
        resource: resource(SCALEWAY_TYPES.secret, { name: "s", region: "pl-waw" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "Cockpit logs kept in a region not allowed",
        resource: resource(SCALEWAY_TYPES.cockpitSource, {
          type: "logs",
          retentionDays: 31,
          region: "nl-ams",
        }),
        config: { allowedRegions: ["fr-par"] },
        message: /Cockpit logs \(31 days\) is stored in nl-ams/,
      },
      {
        title: "a manual database backup in a region not allowed",
        resource: resource(SCALEWAY_TYPES.databaseBackup, {
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
        resource: resource(SCALEWAY_TYPES.cockpitSource, { type: "metrics", region: "fr-par" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a resource that holds no data (a container) outside the list: scw-allowed-regions judges it",
        resource: resource(SCALEWAY_TYPES.container, { region: "nl-ams" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a bucket whose region nothing says (the provider decides)",
        resource: resource(SCALEWAY_TYPES.bucket, { name: "b", tags: PROD_TAG_MAP }),
        config: { allowedRegions: ["fr-par"] },
      },
    ],
  },
};
