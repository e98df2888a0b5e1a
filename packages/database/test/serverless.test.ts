import { isSecretOutput, record, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import { rotatingExpiry } from "@scaleway-blocks/core/internal";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import { PROJECT_ID, T, lazy, serverless, storedValue } from "./fixtures";

describe("Database (serverless): defaults", () => {
  const recording = lazy(() => record(() => new Database("db", serverless())));

  it("creates one Serverless SQL Database and no instance", async () => {
    const { graph } = await recording();
    expect(graph.byType(T.serverless)).toHaveLength(1);
    expect(graph.byType(T.instance)).toHaveLength(0);
  });

  it("names the database after project, environment and component, in fr-par", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.serverless)).toMatchObject({ name: "shop-dev-db", region: "fr-par" });
  });

  it("scales from zero to at most 4 vCPUs", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.serverless)).toMatchObject({ minCpu: 0, maxCpu: 4 });
  });

  it("creates no IAM application, key or secret unless asked", async () => {
    const { graph } = await recording();
    expect(graph.byType(T.application)).toHaveLength(0);
    expect(graph.byType(T.apiKey)).toHaveLength(0);
    expect(graph.byType(T.secret)).toHaveLength(0);
  });

  it("outputs host, port and database name from the endpoint", async () => {
    const { graph, result } = await recording();
    const endpoint = new URL(graph.one(T.serverless).outputs.endpoint as string);
    expect(await valueOf(result.host)).toBe(endpoint.hostname);
    expect(await valueOf(result.port)).toBe(5432);
    expect(result.databaseNames).toEqual(["shop-dev-db"]);
    expect(await valueOf(result.instanceId)).toBe(graph.one(T.serverless).id);
  });

  it("explains that a connection string needs iamAccess", async () => {
    const { result } = await recording();
    expect(() => result.connectionSecret("shop-dev-db")).toThrow(/set iamAccess/);
    expect(() => result.credentialSecret("shop-dev-db")).toThrow(/set iamAccess/);
  });
});

describe("Database (serverless): options", () => {
  it("takes explicit CPU bounds", async () => {
    const { graph } = await record(() => new Database("db", serverless({ minCpu: 1, maxCpu: 8 })));
    expect(graph.inputsOf(T.serverless)).toMatchObject({ minCpu: 1, maxCpu: 8 });
  });

  it("takes an explicit database name", async () => {
    const { graph, result } = await record(() => new Database("db", serverless({ databaseName: "shop" })));
    expect(graph.inputsOf(T.serverless).name).toBe("shop");
    expect(result.databaseNames).toEqual(["shop"]);
  });

  it("creates the database in the given project", async () => {
    const { graph } = await record(() => new Database("db", serverless({ projectId: PROJECT_ID })));
    expect(graph.inputsOf(T.serverless).projectId).toBe(PROJECT_ID);
  });

  it.each([
    ["dev", false],
    ["staging", false],
    ["production", true],
  ] as const)("in %s, protects the database: %s", async (environment, protect) => {
    const { graph } = await record(() => new Database("db", serverless({ environment })));
    expect(graph.one(T.serverless).options.protect).toBe(protect);
  });

  it("lets an explicit protect override the profile", async () => {
    const { graph } = await record(
      () => new Database("db", serverless({ environment: "production", protect: false })),
    );
    expect(graph.one(T.serverless).options.protect).toBe(false);
  });
});

describe("Database (serverless): IAM access", () => {
  const recording = lazy(() => record(() => new Database("db", serverless({ iamAccess: true }))));

  it("creates an IAM application for the database", async () => {
    const { graph, result } = await recording();
    const app = graph.one(T.application);
    expect(app.inputs.name).toBe("shop-dev-db-sql-access");
    expect(await valueOf(result.iamApplicationId!)).toBe(app.id);
  });

  it("grants it ServerlessSQLDatabaseReadWrite on the database's project", async () => {
    const { graph } = await recording();
    const policy = graph.one(T.policy);
    expect(policy.inputs.applicationId).toBe(graph.one(T.application).id);
    expect(policy.inputs.rules).toEqual([
      {
        permissionSetNames: ["ServerlessSQLDatabaseReadWrite"],
        projectIds: [graph.one(T.serverless).outputs.projectId],
      },
    ]);
  });

  it("creates an API key for the application", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.apiKey).applicationId).toBe(graph.one(T.application).id);
  });

  it("stores the API secret key as the database's credential secret", async () => {
    const { graph, result } = await recording();
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey);
    const reference = result.credentialSecret("shop-dev-db");
    expect(await valueOf(reference.value)).toBe(secretKey);
    expect(storedValue(graph, await valueOf(reference.secretName))).toBe(secretKey);
  });

  it("stores a connection string with the application id as user and the API key as password", async () => {
    const { graph, result } = await recording();
    const appId = graph.one(T.application).id!;
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string;
    const host = await valueOf(result.host);
    const url = `postgres://${appId}:${secretKey}@${host}:5432/shop-dev-db?sslmode=require`;
    const reference = result.connectionSecret("shop-dev-db");
    expect(await valueOf(reference.value)).toBe(url);
    expect(storedValue(graph, await valueOf(reference.secretName))).toBe(url);
  });

  it("keeps the connection string secret", async () => {
    const { result } = await recording();
    expect(await isSecretOutput(result.connectionSecret("shop-dev-db").value)).toBe(true);
  });

  it("makes the connection string wait for the IAM policy", async () => {
    const { graph, result } = await recording();
    const name = await valueOf(result.connectionSecret("shop-dev-db").secretName);
    const secret = graph.byType(T.secret).find((s) => s.inputs.name === name)!;
    const version = graph.byType(T.version).find((v) => v.inputs.secretId === secret.id)!;
    expect(version.propertyDependencies.data).toContain(graph.one(T.policy).urn);
  });

  it("leaks neither the API key nor the connection string", async () => {
    const { graph, result } = await recording();
    const known = [
      unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string,
      await valueOf(result.connectionSecret("shop-dev-db").value),
    ];
    expect(graph.secretLeaks(known)).toEqual([]);
  });

  it("grants the read-only permission set when asked, with an expiring key", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          serverless({
            iamAccess: {
              permissionSet: "ServerlessSQLDatabaseReadOnly",
              apiKey: { expiresAt: "2999-01-01T00:00:00Z" },
            },
          }),
        ),
    );
    expect(graph.inputsOf(T.policy).rules).toEqual([
      expect.objectContaining({ permissionSetNames: ["ServerlessSQLDatabaseReadOnly"] }),
    ]);
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe("2999-01-01T00:00:00Z");
  });
});

describe("Database (serverless): the API key expires and rotates", () => {
  const DAY_MS = 24 * 60 * 60 * 1000;

  it("gives the API key an expiry from the default rotation (90-day keys, a new one every 30 days)", async () => {
    const { graph } = await record(() => new Database("db", serverless({ iamAccess: true })));
    const expiresAt = graph.inputsOf(T.apiKey).expiresAt as string;
    expect(expiresAt).toBe(rotatingExpiry({ lifetimeDays: 90, rotateEveryDays: 30 }));
    const daysLeft = (Date.parse(expiresAt) - Date.now()) / DAY_MS;
    expect(daysLeft).toBeGreaterThan(90 - 30);
    expect(daysLeft).toBeLessThanOrEqual(90);
  });

  it("takes the expiry from a rotation policy when given one", async () => {
    const rotation = { lifetimeDays: 14, rotateEveryDays: 7 };
    const { graph } = await record(
      () => new Database("db", serverless({ iamAccess: { apiKey: { rotation } } })),
    );
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe(rotatingExpiry(rotation));
  });

  it("replaces the key by creating the new one before deleting the old one", async () => {
    const { graph } = await record(() => new Database("db", serverless({ iamAccess: true })));
    expect(graph.one(T.apiKey).options.deleteBeforeReplace).toBe(false);
  });
});
