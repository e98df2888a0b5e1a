import type * as pulumi from "@pulumi/pulumi";
import { IDENTITY_VARIABLES } from "@scaleway-blocks/container";
import { DEFAULT_KEY_ROTATION, rotatingExpiry } from "@scaleway-blocks/core/internal";
import {
  BLOCK_TYPES,
  isSecret,
  isSecretOutput,
  RANDOM_TYPES,
  SCALEWAY_TYPES,
  unwrapSecrets,
} from "@scaleway-blocks/testing";
import type { RecordedResource, ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { recordStack, stackYaml } from "./stacks";

const T = {
  instance: SCALEWAY_TYPES.databaseInstance,
  serverless: SCALEWAY_TYPES.serverlessDatabase,
  logicalDatabase: SCALEWAY_TYPES.database,
  container: SCALEWAY_TYPES.container,
  gateway: SCALEWAY_TYPES.publicGateway,
  privateNetwork: SCALEWAY_TYPES.privateNetwork,
  bucket: SCALEWAY_TYPES.bucket,
  registry: SCALEWAY_TYPES.registryNamespace,
  secret: SCALEWAY_TYPES.secret,
  alertManager: SCALEWAY_TYPES.alertManager,
  randomPassword: RANDOM_TYPES.password,
  apiKey: SCALEWAY_TYPES.iamApiKey,
  application: SCALEWAY_TYPES.iamApplication,
  iamPolicy: SCALEWAY_TYPES.iamPolicy,
  bucketPolicy: SCALEWAY_TYPES.bucketPolicy,
} as const;

/** Resources every stack has, whatever its size. */
const COMMON_COUNTS = {
  [BLOCK_TYPES.network]: 1,
  [BLOCK_TYPES.database]: 1,
  [BLOCK_TYPES.secrets]: 3,
  [BLOCK_TYPES.monitoring]: 1,
  [SCALEWAY_TYPES.vpc]: 1,
  [SCALEWAY_TYPES.privateNetwork]: 1,
  [SCALEWAY_TYPES.registryNamespace]: 1,
  [SCALEWAY_TYPES.alertManager]: 1,
};

// Staging and production run the same services, database and buckets; production adds encryption and a budget.
const STAGING_COUNTS: Record<string, number> = {
  ...COMMON_COUNTS,
  [BLOCK_TYPES.storage]: 2,
  [BLOCK_TYPES.container]: 2,
  [SCALEWAY_TYPES.publicGateway]: 1,
  [SCALEWAY_TYPES.publicGatewayIp]: 1,
  [SCALEWAY_TYPES.gatewayNetwork]: 1,
  [SCALEWAY_TYPES.databaseInstance]: 1,
  [SCALEWAY_TYPES.database]: 1,
  [SCALEWAY_TYPES.databaseUser]: 1,
  [SCALEWAY_TYPES.databasePrivilege]: 1,
  [SCALEWAY_TYPES.containerNamespace]: 2,
  [SCALEWAY_TYPES.container]: 2,
  [SCALEWAY_TYPES.containerTrigger]: 1,
  // the API's and the worker's own identities, each granted both buckets (a policy per grant)
  [BLOCK_TYPES.identity]: 2,
  [SCALEWAY_TYPES.iamApplication]: 2,
  [SCALEWAY_TYPES.iamPolicy]: 4,
  [SCALEWAY_TYPES.iamApiKey]: 2,
  [RANDOM_TYPES.password]: 3,
  [SCALEWAY_TYPES.secret]: 4,
  [SCALEWAY_TYPES.secretVersion]: 4,
  [SCALEWAY_TYPES.bucket]: 2,
  [SCALEWAY_TYPES.bucketAcl]: 2,
};

const EXPECTED_COUNTS: Record<"dev" | "staging" | "production", Record<string, number>> = {
  dev: {
    ...COMMON_COUNTS,
    [BLOCK_TYPES.storage]: 1,
    [BLOCK_TYPES.container]: 1,
    [SCALEWAY_TYPES.serverlessDatabase]: 1,
    [SCALEWAY_TYPES.containerNamespace]: 1,
    [SCALEWAY_TYPES.container]: 1,
    // identities: the database's SQL login, the API's own (one policy: its bucket grant), the API's invoker
    [BLOCK_TYPES.identity]: 3,
    [SCALEWAY_TYPES.iamApplication]: 3,
    [SCALEWAY_TYPES.iamPolicy]: 3,
    [SCALEWAY_TYPES.iamApiKey]: 3,
    [RANDOM_TYPES.password]: 1,
    [SCALEWAY_TYPES.secret]: 3,
    [SCALEWAY_TYPES.secretVersion]: 3,
    [SCALEWAY_TYPES.bucket]: 1,
    [SCALEWAY_TYPES.bucketAcl]: 1,
  },
  staging: STAGING_COUNTS,
  production: {
    ...STAGING_COUNTS,
    [SCALEWAY_TYPES.kmsKey]: 2,
    [SCALEWAY_TYPES.bucketEncryption]: 2,
    [SCALEWAY_TYPES.budget]: 1,
    [SCALEWAY_TYPES.budgetAlert]: 3,
    [SCALEWAY_TYPES.budgetAlertNotification]: 3,
  },
};

const dev = recordStack("dev");
const staging = recordStack("staging");
const production = recordStack("production");
const recordings = { dev, staging, production };

function container(graph: ResourceGraph, key: "api" | "worker"): RecordedResource {
  return graph.one(T.container, `${key}-${key}`);
}

/**
 * The identities' access keys: the public half of each key pair, which the container block hands over
 * next to the secret key, inside the containers' secret variables (so not a leak where it shows plain).
 */
function accessKeys(graph: ResourceGraph): string[] {
  return graph.byType(T.apiKey).map((key) => unwrapSecrets(key.outputs.accessKey) as string);
}

/** The container's secret environment variables: the map reaches the provider as one Secret. */
function secretEnv(resource: RecordedResource): Record<string, string> {
  const variables = resource.inputs.secretEnvironmentVariables;
  if (!isSecret(variables)) throw new Error(`${resource.name}: secretEnvironmentVariables is not a Secret`);
  return unwrapSecrets(variables) as Record<string, string>;
}

describe.each(["dev", "staging", "production"] as const)(
  "the %s stack, from its Pulumi.<stack>.yaml",
  (stack) => {
    it("creates exactly the expected resources, counted by type", async () => {
      const { graph } = await recordings[stack];
      expect(graph.countByType()).toEqual(EXPECTED_COUNTS[stack]);
    });

    it("leaves no secret value in plain text anywhere in the recorded graph", async () => {
      const { graph } = await recordings[stack];
      expect(graph.secretValues().size).toBeGreaterThan(0);
      expect(graph.secretLeaks([], { publicValues: accessKeys(graph) })).toEqual([]);
    });

    it("gives the API the database connection string as a secret environment variable", async () => {
      const { graph } = await recordings[stack];
      const api = container(graph, "api");
      expect(isSecret(api.inputs.secretEnvironmentVariables)).toBe(true);
      expect(api.inputs.environmentVariables).not.toHaveProperty("DATABASE_URL");
      expect(secretEnv(api).DATABASE_URL).toMatch(
        /^postgres:\/\/[^:]+:[^@]+@[^/]+:5432\/[a-z0-9_-]+\?sslmode=require$/,
      );
    });

    it("stores the connection string in Secret Manager and exports only its id", async () => {
      const { graph } = await recordings[stack];
      const connectionSecretId = graph.stackOutputs.databaseConnectionSecretId;
      const secret = graph.byType(T.secret).find((s) => s.id === connectionSecretId);
      expect(secret?.inputs.name).toMatch(/-database-connections-/);
      expect(Object.values(graph.stackOutputs.secretIds as Record<string, string>)).toContain(
        connectionSecretId,
      );
    });

    it("exports the API URL, database host, bucket names, Grafana URL and secret ids", async () => {
      const { graph } = await recordings[stack];
      const outputs = graph.stackOutputs;
      expect(outputs.apiUrl).toMatch(
        /^https:\/\/platform-[a-z]+-api-api-[0-9a-f]{8}\.functions\.fnc\.fr-par\.scw\.cloud$/,
      );
      expect(outputs.databaseHost).toEqual(expect.any(String));
      expect(outputs.databaseHost).not.toBe("");
      expect(Object.keys(outputs.bucketNames as object).sort()).toEqual(
        graph
          .byType(BLOCK_TYPES.storage)
          .map((b) => b.name)
          .sort(),
      );
      expect(outputs.grafanaUrl).toMatch(/^https:\/\/.+\.dashboard\.obs\.fr-par\.scw\.cloud$/);
      expect(Object.keys(outputs.secretIds as object)).toHaveLength(graph.byType(T.secret).length);
    });

    it("runs every container private or tagged public=true, and HTTPS only", async () => {
      const { graph } = await recordings[stack];
      for (const c of graph.byType(T.container)) {
        expect(c.inputs.httpsConnectionsOnly).toBe(true);
        if (c.inputs.privacy === "public") expect(c.inputs.tags).toContain("public=true");
        else expect(c.inputs.tags).not.toContain("public=true");
      }
    });
  },
);

describe("the DB connection secret, traced through the graph", () => {
  it.each(["staging", "production"] as const)(
    "carries the owner's generated password into the %s API container and nowhere in plain",
    async (stack) => {
      const { graph } = await recordings[stack];
      const password = unwrapSecrets(
        graph.one(T.randomPassword, "database-credentials-app-value").outputs.result,
      );
      expect(password).toEqual(expect.any(String));
      expect(secretEnv(container(graph, "api")).DATABASE_URL).toContain(`:${password as string}@`);
      expect(unwrapSecrets(graph.one(T.instance).inputs.privateNetwork)).toBeDefined();
      expect(graph.secretLeaks([password as string], { publicValues: accessKeys(graph) })).toEqual([]);
    },
  );

  it("carries the IAM API secret key (Serverless SQL's password) into the dev API container and nowhere in plain", async () => {
    const { graph } = await dev;
    const secretKey = unwrapSecrets(
      graph.one(T.apiKey, "database-sql-access-key").outputs.secretKey,
    ) as string;
    expect(secretEnv(container(graph, "api")).DATABASE_URL).toContain(`:${secretKey}@`);
    expect(graph.secretLeaks([secretKey], { publicValues: accessKeys(graph) })).toEqual([]);
  });

  it("hands the worker the same connection secret as the API", async () => {
    const { graph } = await production;
    expect(secretEnv(container(graph, "worker")).DATABASE_URL).toBe(
      secretEnv(container(graph, "api")).DATABASE_URL,
    );
  });
});

describe("secret outputs", () => {
  it("exports the dev API's invoke token as a secret, and nothing else secret", async () => {
    const { graph, result } = await dev;
    const secretKeys = Object.entries(graph.stackOutputs)
      .filter(([, v]) => isSecret(v))
      .map(([k]) => k);
    expect(secretKeys).toEqual(["apiInvokeToken"]);
    expect(await isSecretOutput(result.apiInvokeToken as pulumi.Output<unknown>)).toBe(true);
  });

  it.each(["staging", "production"] as const)(
    "exports no invoke token for the public %s API",
    async (stack) => {
      const { graph } = await recordings[stack];
      expect(graph.stackOutputs).not.toHaveProperty("apiInvokeToken");
      expect(Object.values(graph.stackOutputs).filter(isSecret)).toEqual([]);
    },
  );

  it.each(["dev", "staging", "production"] as const)(
    "gives the %s services' own keys, their S3 credentials, an expiry from core's rotation (90-day keys, a new one every 30 days)",
    async (stack) => {
      const rotation = DEFAULT_KEY_ROTATION;
      const before = rotatingExpiry(rotation);
      const { graph } = await recordStack(stack);
      const services = stack === "dev" ? ["api"] : ["api", "worker"];
      for (const service of services) {
        const expiresAt = graph.one(T.apiKey, `${service}-identity-key`).inputs.expiresAt;
        expect([before, rotatingExpiry(rotation)]).toContain(expiresAt);
      }
    },
  );

  it("hands each container its own service identity's S3 credentials as secret variables, never as outputs", async () => {
    const { graph } = await production;
    for (const service of ["api", "worker"] as const) {
      const resource = container(graph, service);
      const env = secretEnv(resource);
      const key = graph.one(T.apiKey, `${service}-identity-key`);
      expect(env[IDENTITY_VARIABLES.accessKey]).toBe(unwrapSecrets(key.outputs.accessKey));
      expect(env[IDENTITY_VARIABLES.secretKey]).toBe(unwrapSecrets(key.outputs.secretKey));
      expect(
        Object.keys(resource.inputs.environmentVariables as object).filter((k) => k.startsWith("S3_")),
      ).toEqual(["S3_ENDPOINT", "S3_REGION"]);
      expect(JSON.stringify(graph.stackOutputs)).not.toContain(env[IDENTITY_VARIABLES.accessKey]);
      expect(JSON.stringify(graph.stackOutputs)).not.toContain(env[IDENTITY_VARIABLES.secretKey]);
    }
  });
});

describe("bucket access: one grantReadWrite per bucket and service", () => {
  /** The permission sets of the IAM policies of a service's own identity, by policy name. */
  function grantsOf(graph: ResourceGraph, service: string): Record<string, unknown> {
    const applicationId = graph.one(T.application, `${service}-identity-app`).id;
    return Object.fromEntries(
      graph
        .byType(T.iamPolicy)
        .filter((policy) => policy.inputs.applicationId === applicationId)
        .map((policy) => [
          policy.name,
          (policy.inputs.rules as Array<Record<string, unknown>>)[0]!.permissionSetNames,
        ]),
    );
  }

  it("lets the dev API's own identity read and write the dev bucket, and nothing else", async () => {
    const { graph } = await dev;
    expect(grantsOf(graph, "api")).toEqual({
      "api-identity-uploads-bucket-read-write": [
        "ObjectStorageBucketsRead",
        "ObjectStorageObjectsRead",
        "ObjectStorageObjectsWrite",
        "ObjectStorageObjectsDelete",
      ],
    });
  });

  it.each(["api", "worker"] as const)(
    "lets the production %s's own identity read and write both encrypted buckets, with the Key Manager sets",
    async (service) => {
      const { graph } = await production;
      const grants = grantsOf(graph, service);
      expect(Object.keys(grants).sort()).toEqual([
        `${service}-identity-exports-bucket-read-write`,
        `${service}-identity-uploads-bucket-read-write`,
      ]);
      for (const sets of Object.values(grants)) {
        expect(sets).toEqual(
          expect.arrayContaining([
            "ObjectStorageObjectsWrite",
            "KeyManagerKeyEncrypt",
            "KeyManagerKeyDecrypt",
          ]),
        );
      }
    },
  );

  it("lists both services' identities among the writers of a bucket that has a bucket policy", async () => {
    const owner = "aaaaaaaa-0000-4000-8000-0000000000c1";
    const { graph } = await recordStack("production", {
      ...stackYaml("production"),
      "platform:buckets": {
        uploads: { encryption: { createKey: true }, access: { owners: [{ applicationId: owner }] } },
      },
    });
    const policy = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as {
      Statement: Array<{ Sid: string; Principal: { SCW: string[] } }>;
    };
    const writers = policy.Statement.find((s) => s.Sid === "ApplicationsReadWrite")?.Principal.SCW;
    const principal = (name: string) => "application_id:" + String(graph.one(T.application, name).id);
    expect(writers).toEqual([principal("api-identity-app"), principal("worker-identity-app")]);
  });
});

describe("environment differences", () => {
  it("uses Serverless SQL in dev and a managed instance in staging and production", async () => {
    expect((await dev).graph.byType(T.serverless)).toHaveLength(1);
    expect((await dev).graph.byType(T.instance)).toHaveLength(0);
    expect((await staging).graph.inputsOf(T.instance).nodeType).toBe("DB-DEV-M");
    expect((await production).graph.inputsOf(T.instance).nodeType).toBe("DB-PRO2-XXS");
  });

  it("runs the production database highly available, the staging one on a single node", async () => {
    expect((await production).graph.inputsOf(T.instance).isHaCluster).toBe(true);
    expect((await staging).graph.inputsOf(T.instance).isHaCluster).toBe(false);
  });

  it("keeps production backups in another region, staging backups in the same one", async () => {
    expect((await production).graph.inputsOf(T.instance)).toMatchObject({
      backupSameRegion: false,
      backupScheduleRetention: 30,
      backupScheduleFrequency: 12,
    });
    expect((await staging).graph.inputsOf(T.instance).backupSameRegion).toBe(true);
  });

  it("keeps at least one warm instance of every production container and scales dev and staging to zero", async () => {
    for (const c of (await production).graph.byType(T.container)) {
      expect(c.inputs.minScale as number).toBeGreaterThanOrEqual(1);
    }
    for (const c of [
      ...(await dev).graph.byType(T.container),
      ...(await staging).graph.byType(T.container),
    ]) {
      expect(c.inputs.minScale).toBe(0);
    }
  });

  it("protects the production database, buckets, registry and secrets", async () => {
    const { graph } = await production;
    const stateful = [
      graph.one(T.instance),
      graph.one(T.logicalDatabase),
      ...graph.byType(T.bucket),
      graph.one(T.registry),
      ...graph.byType(T.secret),
    ];
    expect(stateful.filter((r) => !r.options.protect).map((r) => r.name)).toEqual([]);
    expect(graph.byType(T.secret).every((s) => s.inputs.protected === true)).toBe(true);
  });

  it("protects nothing in dev and staging", async () => {
    for (const { graph } of [await dev, await staging]) {
      expect(graph.registered.filter((r) => r.options.protect).map((r) => r.name)).toEqual([]);
    }
  });

  it("has no Public Gateway in dev, and one in staging and production", async () => {
    expect((await dev).graph.byType(T.gateway)).toHaveLength(0);
    expect((await dev).graph.stackOutputs).not.toHaveProperty("publicGatewayIp");
    expect((await staging).graph.byType(T.gateway)).toHaveLength(1);
    expect((await production).graph.inputsOf(T.gateway).type).toBe("VPC-GW-S");
  });

  it("sends production alerts to the on-call contacts", async () => {
    const { graph } = await production;
    expect(graph.inputsOf(T.alertManager).contactPoints).toEqual([
      { email: "oncall@example.com" },
      { email: "platform-team@example.com" },
    ]);
    expect(graph.inputsOf(T.alertManager).preconfiguredAlertIds).not.toEqual([]);
  });

  it("attaches the containers to the managed database's private network, and not in dev", async () => {
    const { graph } = await staging;
    const pnId = graph.one(T.privateNetwork).id;
    expect(graph.byType(T.container).map((c) => c.inputs.privateNetworkId)).toEqual([pnId, pnId]);
    expect(unwrapSecrets(graph.inputsOf(T.instance).privateNetwork)).toMatchObject({ pnId });
    expect((await dev).graph.inputsOf(T.container).privateNetworkId).toBeUndefined();
  });

  it("keeps the dev API private, with an invoke key, and makes the staging and production APIs public", async () => {
    expect((await dev).graph.inputsOf(T.container).privacy).toBe("private");
    expect((await dev).graph.byType(T.apiKey).map((k) => k.name)).toContain("api-invoker-key");
    for (const { graph } of [await staging, await production]) {
      expect(container(graph, "api").inputs.privacy).toBe("public");
      expect(container(graph, "worker").inputs.privacy).toBe("private");
    }
  });

  it("encrypts the production buckets with their own keys, and not the dev and staging ones", async () => {
    expect((await production).graph.byType(SCALEWAY_TYPES.kmsKey)).toHaveLength(2);
    expect((await staging).graph.byType(SCALEWAY_TYPES.kmsKey)).toHaveLength(0);
  });

  it("sizes the containers per environment from the stack files", async () => {
    const sizes = async (stack: keyof typeof recordings) =>
      (await recordings[stack]).graph
        .byType(T.container)
        // Scaleway MB are decimal: 1 MB = 1,000,000 bytes.
        .map((c) => [c.name, c.inputs.cpuLimit, (c.inputs.memoryLimitBytes as number) / 1000 ** 2])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await sizes("dev")).toEqual([["api-api", 280, 512]]);
    expect(await sizes("production")).toEqual([
      ["api-api", 1120, 2048],
      ["worker-worker", 560, 1024],
    ]);
  });

  it("gives a managed database the platform's logical database, app, when the stack file names none", async () => {
    const yaml = stackYaml("staging");
    const { graph } = await recordStack("staging", {
      ...yaml,
      "platform:database": { ...(yaml["platform:database"] as object), databases: undefined },
    });
    expect(graph.inputsOf(T.logicalDatabase).name).toBe("app");
  });

  it("pulls the worker's image from the API's private registry", async () => {
    const { graph } = await production;
    const endpoint = graph.stackOutputs.registryEndpoint as string;
    expect(container(graph, "worker").inputs.image).toBe(`${endpoint}/worker:1.3.1`);
    expect(container(graph, "api").inputs.image).toBe(`${endpoint}/api:1.3.1`);
  });
});
