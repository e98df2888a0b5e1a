import * as pulumi from "@pulumi/pulumi";
import { Service, validateServiceArgs } from "@scaleway-blocks/container";
import type { ServiceArgs, ServiceContainerArgs } from "@scaleway-blocks/container";
import { Database, validateDatabaseArgs } from "@scaleway-blocks/database";
import type { DatabaseArgs, ServerlessDatabaseArgs } from "@scaleway-blocks/database";
import { Monitoring, validateMonitoringArgs } from "@scaleway-blocks/monitoring";
import type { MonitoringArgs } from "@scaleway-blocks/monitoring";
import { Network, validateNetworkArgs } from "@scaleway-blocks/network";
import type { NetworkArgs, PrivateNetworkInput } from "@scaleway-blocks/network";
import { Secrets, validateSecretsArgs } from "@scaleway-blocks/secrets";
import type { SecretReference, SecretsArgs } from "@scaleway-blocks/secrets";
import { Bucket, validateBucketArgs } from "@scaleway-blocks/storage";
import type { BucketArgs } from "@scaleway-blocks/storage";
import type { PlatformConfig, StackContainer } from "./config";

/**
 * Environment variables the platform sets itself on its containers; a container's `environment` may not
 * use them. The containers' S3 credentials come from their service's own identity: the container block
 * sets and reserves those variables (its IDENTITY_VARIABLES).
 */
export const PLATFORM_ENVIRONMENT_VARIABLES = [
  "APP_ENV",
  "DATABASE_URL",
  "SESSION_SECRET",
  "S3_ENDPOINT",
  "S3_REGION",
] as const;
/** Plain variables `BUCKET_<NAME>` carry each bucket's name. */
export const BUCKET_VARIABLE_PREFIX = "BUCKET_";
/** The logical database of a managed instance when `platform:database` names none. */
export const APP_DATABASE = "app";
/** The private network of the stack when `platform:network` names none. */
export const MAIN_PRIVATE_NETWORK = "main";

/** What the stack exports. No value here is a secret but `apiInvokeToken`, which is a Pulumi secret. */
export interface PlatformOutputs {
  environment: string;
  region: string;
  /** https://… of the API container. */
  apiUrl: pulumi.Output<string>;
  /** The X-Auth-Token that calls a private API (secret). Only when `api.public` is false. */
  apiInvokeToken?: pulumi.Output<string>;
  workerUrl?: pulumi.Output<string>;
  /** Where to `docker push` the images; absent when every image comes from elsewhere. */
  registryEndpoint?: pulumi.Output<string>;
  databaseMode: string;
  /** Managed: the private IP on the private network. Serverless: the public endpoint's hostname. */
  databaseHost: pulumi.Output<string>;
  databasePort: pulumi.Output<number>;
  /** Secret Manager id of the connection string the containers get as DATABASE_URL. */
  databaseConnectionSecretId: pulumi.Output<string>;
  /** Bucket names by short name. */
  bucketNames: pulumi.Output<Record<string, string>>;
  s3Endpoint: string;
  grafanaUrl: pulumi.Output<string>;
  /** Every Secret Manager id the stack created, by secret name (ids only, never values). */
  secretIds: pulumi.Output<Record<string, string>>;
  vpcId: pulumi.Output<string>;
  privateNetworkId: pulumi.Output<string>;
  /** The Public Gateway's IPv4 address, when the stack has a gateway. */
  publicGatewayIp?: pulumi.Output<string>;
}

function bucketVariable(name: string): string {
  return `${BUCKET_VARIABLE_PREFIX}${name.toUpperCase().replace(/-/g, "_")}`;
}

/** Every Secret Manager id of a Secrets component, by Scaleway name. */
function idsByName(secrets: Secrets): pulumi.Output<Record<string, string>> {
  return pulumi
    .all([secrets.names, secrets.ids])
    .apply(([names, ids]) => Object.fromEntries(Object.keys(ids).map((key) => [names[key]!, ids[key]!])));
}

/** A service's own identity, which the platform grants the buckets; the platform never turns it off. */
function serviceIdentity(name: string, service: Service): NonNullable<Service["identity"]> {
  if (service.identity === undefined) {
    throw new Error(`service "${name}" has no identity of its own: the platform grants the buckets to it`);
  }
  return service.identity;
}

/** Whether an image lives in the stack's private registry (`{ repository, tag }`) rather than elsewhere. */
export function isRegistryImage(
  image: ServiceContainerArgs["image"],
): image is Extract<ServiceContainerArgs["image"], { repository: unknown }> {
  return typeof image === "object" && !pulumi.Output.isInstance(image);
}

// Each builder gives a block the stack file's own settings for it (they ARE the block's args) plus
// what only the platform decides: the common args, the links between blocks, and its defaults.

const commonArgs = (config: PlatformConfig) => ({
  project: config.project,
  environment: config.environment,
  region: config.region,
  tags: config.tags,
});

function networkArgs(config: PlatformConfig): NetworkArgs {
  return { privateNetworks: [{ name: MAIN_PRIVATE_NETWORK }], ...config.network, ...commonArgs(config) };
}

function databaseArgs(config: PlatformConfig, network: PrivateNetworkInput): DatabaseArgs {
  const db = config.database;
  return db.mode === "serverless"
    ? {
        iamAccess: true, // the IAM application, policy and API key behind the connection string
        ...db,
        ...commonArgs(config),
        // Serverless SQL is offered in fr-par only: the block's validator refuses any other region.
        region: config.region as ServerlessDatabaseArgs["region"],
      }
    : { databases: [{ name: APP_DATABASE }], ...db, ...commonArgs(config), network };
}

function bucketArgs(config: PlatformConfig, name: string): BucketArgs {
  return { ...config.buckets[name], ...commonArgs(config) };
}

function appSecretsArgs(config: PlatformConfig): SecretsArgs {
  return {
    ...commonArgs(config),
    secrets: {
      "session-key": {
        generate: { length: 64, alphabet: "alphanumeric" },
        description: "Signs the API's sessions",
      },
    },
  };
}

function monitoringArgs(config: PlatformConfig): MonitoringArgs {
  return {
    // Cockpit's names; containers and Object Storage have no preconfigured alerts (docs/service-goals.md).
    products: [config.database.mode === "serverless" ? "SQL Databases" : "PostgreSQL"],
    ...config.monitoring,
    ...commonArgs(config),
  };
}

function apiServiceArgs(config: PlatformConfig, api: ServiceContainerArgs): ServiceArgs {
  return {
    ...commonArgs(config),
    // A public API says so with the public=true tag (policy scw-container-public-opt-in).
    tags: config.api.public === true ? { ...config.tags, public: "true" } : config.tags,
    containers: { api },
    // The stack's private registry holds the API's and the worker's images.
    registry: [config.api.image, ...(config.worker ? [config.worker.image] : [])].some(isRegistryImage),
    ...(config.api.public === true ? {} : { invoker: {} }),
  };
}

/** The worker pulls its image from the API's registry, or from the full reference it was given. */
function workerImage(
  image: StackContainer["image"],
  registryEndpoint: pulumi.Input<string>,
): ServiceContainerArgs["image"] {
  return isRegistryImage(image)
    ? pulumi.interpolate`${registryEndpoint}/${image.repository}:${image.tag}`
    : image;
}

function workerServiceArgs(config: PlatformConfig, worker: ServiceContainerArgs): ServiceArgs {
  return {
    ...commonArgs(config),
    tags: worker.public === true ? { ...config.tags, public: "true" } : config.tags,
    registry: false, // pulls from the API's registry
    containers: { worker },
  };
}

/** One block's validator, run on the args the platform will give it. */
export interface BlockCheck {
  /** Where the stack file holds the block's own settings: ["database"], ["buckets", "uploads"], [] for none. */
  readonly section: readonly string[];
  /** Where that section sits in the block's args: "" (the args themselves) or e.g. "containers.api". */
  readonly argsPath: string;
  /** The args type the section holds, as errors name it, e.g. "DatabaseArgs of @scaleway-blocks/database". */
  readonly argsType: string;
  /** Throws the block's ConfigError. */
  readonly validate: () => void;
}

/**
 * Every block's own checks on the args the platform will give it, in the order `platform()` creates
 * the blocks. What only exists later (the network, secret references, the registry) stands in as an Output.
 */
export function blockChecks(config: PlatformConfig): BlockCheck[] {
  const pendingNetwork = pulumi.output("fr-par/00000000-0000-4000-8000-000000000000");
  const worker = config.worker;
  return [
    {
      section: ["network"],
      argsPath: "",
      argsType: "NetworkArgs of @scaleway-blocks/network",
      validate: () => validateNetworkArgs("network", networkArgs(config)),
    },
    {
      section: ["database"],
      argsPath: "",
      argsType: "DatabaseArgs of @scaleway-blocks/database",
      validate: () => validateDatabaseArgs("database", databaseArgs(config, pendingNetwork)),
    },
    ...Object.keys(config.buckets).map((name) => ({
      section: ["buckets", name],
      argsPath: "",
      argsType: "BucketArgs of @scaleway-blocks/storage",
      validate: () => validateBucketArgs(name, bucketArgs(config, name)),
    })),
    {
      section: [],
      argsPath: "",
      argsType: "SecretsArgs of @scaleway-blocks/secrets",
      validate: () => validateSecretsArgs("app-secrets", appSecretsArgs(config)),
    },
    {
      section: ["api"],
      argsPath: "containers.api",
      argsType: "ServiceContainerArgs of @scaleway-blocks/container",
      validate: () => validateServiceArgs("api", apiServiceArgs(config, config.api)),
    },
    ...(worker
      ? [
          {
            section: ["worker"],
            argsPath: "containers.worker",
            argsType: "ServiceContainerArgs of @scaleway-blocks/container",
            validate: () => {
              const image = workerImage(worker.image, pulumi.output(`rg.${config.region}.scw.cloud/pending`));
              validateServiceArgs("worker", workerServiceArgs(config, { ...worker, image }));
            },
          },
        ]
      : []),
    {
      section: ["monitoring"],
      argsPath: "",
      argsType: "MonitoringArgs of @scaleway-blocks/monitoring",
      validate: () => validateMonitoringArgs("monitoring", monitoringArgs(config)),
    },
  ];
}

/**
 * Runs every block's own checks on the args the platform will give it, before any resource exists: a
 * bad value in the last block (say a Monitoring contact) must not surface after the database is
 * registered. Throws the first block's ConfigError.
 */
export function validateBlocks(config: PlatformConfig): void {
  for (const check of blockChecks(config)) check.validate();
}

/**
 * Builds the platform from a validated configuration: network, database, buckets, the application's
 * identity and secrets, the API (and worker) containers, and Cockpit monitoring. Returns the stack outputs.
 */
export function platform(config: PlatformConfig): PlatformOutputs {
  validateBlocks(config);
  const { environment, region } = config;
  const managedDatabase = config.database.mode === "managed";

  // One regional private network (free). A managed database lives on it and the containers join it to
  // reach the database; a Public Gateway only where the stack asks for one (egress for machines on it).
  const network = new Network("network", networkArgs(config));
  const database = new Database("database", databaseArgs(config, network));
  const connection: SecretReference = database.connectionSecret(database.databaseNames[0]!);

  const buckets = Object.fromEntries(
    Object.keys(config.buckets).map((name) => [name, new Bucket(name, bucketArgs(config, name))]),
  );
  const s3Endpoint = `https://s3.${region}.scw.cloud`;

  const appSecrets = new Secrets("app-secrets", appSecretsArgs(config));

  const environmentVariables: Record<string, pulumi.Input<string>> = {
    APP_ENV: environment,
    S3_ENDPOINT: s3Endpoint,
    S3_REGION: region,
    ...Object.fromEntries(
      Object.entries(buckets).map(([name, bucket]) => [bucketVariable(name), bucket.bucketName]),
    ),
  };
  const secretEnvironment = {
    DATABASE_URL: connection,
    SESSION_SECRET: appSecrets.secret("session-key"),
  };

  // A managed database is reachable only on the private network, so the containers join it (egress to
  // that network only; their internet traffic keeps using their own public interface). Serverless SQL has
  // no private endpoint: the containers reach it over TLS on its public hostname, with IAM credentials.
  const containerNetwork = managedDatabase ? { network } : {};

  const worker = config.worker;
  const apiSpec: ServiceContainerArgs = {
    ...config.api,
    ...containerNetwork,
    environment: { ...environmentVariables, ...config.api.environment },
    secretEnvironment,
  };
  const api = new Service("api", apiServiceArgs(config, apiSpec));

  let workerService: Service | undefined;
  if (worker) {
    const image = workerImage(worker.image, api.registryEndpoint!);
    workerService = new Service(
      "worker",
      workerServiceArgs(config, {
        ...worker,
        image,
        ...containerNetwork,
        environment: { ...environmentVariables, ...worker.environment },
        secretEnvironment,
      }),
    );
  }

  // Object Storage: each service's own identity (its API key reaches the service's containers as secret
  // variables, the container block's IDENTITY_VARIABLES) reads and writes every bucket of the stack. Granted
  // here, in the same synchronous code that created the buckets, so a bucket with a policy lists them too.
  const services: Array<[string, Service]> = [
    ["api", api],
    ...(workerService ? [["worker", workerService] as [string, Service]] : []),
  ];
  for (const [name, service] of services) {
    const identity = serviceIdentity(name, service);
    for (const bucket of Object.values(buckets)) bucket.grantReadWrite(identity);
  }

  const monitoring = new Monitoring("monitoring", monitoringArgs(config));

  const invokeToken = api.invokeCredentials?.apply((credentials) => credentials.api!);
  return {
    environment,
    region,
    apiUrl: api.url,
    ...(invokeToken ? { apiInvokeToken: pulumi.secret(invokeToken) } : {}),
    ...(workerService ? { workerUrl: workerService.url } : {}),
    ...(api.registryEndpoint ? { registryEndpoint: api.registryEndpoint } : {}),
    databaseMode: database.mode,
    databaseHost: database.host,
    databasePort: database.port,
    databaseConnectionSecretId: connection.secretId,
    bucketNames: pulumi.all(
      Object.fromEntries(Object.entries(buckets).map(([name, b]) => [name, b.bucketName])),
    ),
    s3Endpoint,
    grafanaUrl: monitoring.grafanaUrl,
    secretIds: pulumi
      .all([database.secretIds, idsByName(appSecrets)])
      .apply(([fromDatabase, fromApp]) => ({ ...fromDatabase, ...fromApp })),
    vpcId: network.vpcId,
    privateNetworkId: network.privateNetworkId(),
    ...(network.publicGatewayIp ? { publicGatewayIp: network.publicGatewayIp } : {}),
  };
}
