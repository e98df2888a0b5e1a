import { ConfigError } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  DEFAULT_KEY_ROTATION,
  rotatingExpiry,
  unwrapSecrets,
} from "@scaleway-blocks/core/internal";
import { Identity } from "@scaleway-blocks/identity";
import { record, recordError, recordingGrantee, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import type { ConnectAccess } from "../src/index";
import { PROJECT_ID, T, managed, serverless } from "./fixtures";

const IDENTITY = BLOCK_TYPES.identity;

describe("Serverless SQL iamAccess: an Identity child", () => {
  it("creates the application, the connect policy and the API key under an Identity child of the database", async () => {
    const { graph, result } = await record(() => new Database("db", serverless({ iamAccess: true })));
    const identity = graph.one(IDENTITY);
    expect(identity.name).toBe("db-sql-access");
    expect(identity.parent).toBe(graph.one(T.database).urn);
    expect(
      graph
        .childrenOf(identity)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["db-sql-access-app", "db-sql-access-connect", "db-sql-access-key"]);
    expect(await valueOf(result.identity!.urn)).toBe(identity.urn);
  });

  it("grants the permission set on the database's project, and creates the key after it", async () => {
    const { graph } = await record(() => new Database("db", serverless({ iamAccess: true })));
    const sdb = graph.one(T.serverless);
    expect(graph.inputsOf(T.policy).rules).toEqual([
      { permissionSetNames: ["ServerlessSQLDatabaseReadWrite"], projectIds: [sdb.outputs.projectId] },
    ]);
    expect(graph.explicitDependenciesOf(graph.one(T.apiKey)).map((r) => r.type)).toEqual([T.policy]);
  });

  it("makes the key expire with the current window of core's default rotation", async () => {
    const { graph } = await record(() => new Database("db", serverless({ iamAccess: true })));
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe(rotatingExpiry(DEFAULT_KEY_ROTATION));
  });

  it("keeps the identity's secret key a secret everywhere in the graph", async () => {
    const { graph, result } = await record(() => new Database("db", serverless({ iamAccess: true })));
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string;
    expect(graph.secretLeaks([secretKey])).toEqual([]);
    expect(await valueOf(result.iamApplicationId!)).toBe(graph.one(T.application).id);
  });

  it("creates no identity without iamAccess, nor in managed mode", async () => {
    for (const args of [serverless(), managed()]) {
      const { graph, result } = await record(() => new Database("db", args));
      expect(graph.byType(IDENTITY)).toEqual([]);
      expect(result.identity).toBeUndefined();
    }
  });
});

describe("grantConnect", () => {
  it("serverless: asks the grantee for ServerlessSQLDatabaseReadWrite on the database's project", async () => {
    const grantee = recordingGrantee();
    const { graph } = await record(() => new Database("db", serverless()).grantConnect(grantee));
    expect(grantee.grants).toHaveLength(1);
    const grant = grantee.grants[0]!;
    expect(grant.name).toBe("db-connect");
    expect(grant.permissionSets).toEqual(["ServerlessSQLDatabaseReadWrite"]);
    expect(await valueOf(grant.projectId)).toBe(graph.one(T.serverless).outputs.projectId);
  });

  it("serverless: asks for ServerlessSQLDatabaseReadOnly with access readonly", async () => {
    const grantee = recordingGrantee();
    await record(() => new Database("db", serverless()).grantConnect(grantee, { access: "readonly" }));
    expect(grantee.grants.map((g) => [g.name, g.permissionSets])).toEqual([
      ["db-connect-read", ["ServerlessSQLDatabaseReadOnly"]],
    ]);
  });

  it("serverless: with an Identity, adds the policy to it, on the project given", async () => {
    const { graph } = await record(() => {
      const worker = new Identity("worker", { project: "shop", environment: "dev", description: "Worker" });
      new Database("db", serverless({ projectId: PROJECT_ID })).grantConnect(worker);
    });
    const policy = graph.one(T.policy);
    expect(policy.name).toBe("worker-db-connect");
    expect(policy.parent).toBe(graph.one(IDENTITY).urn);
    expect(policy.inputs.rules).toEqual([
      { permissionSetNames: ["ServerlessSQLDatabaseReadWrite"], projectIds: [PROJECT_ID] },
    ]);
  });

  it("managed: asks the grantee for read access to the connection-string secrets (IAM does not log in to RDB)", async () => {
    const grantee = recordingGrantee();
    await record(() => new Database("db", managed({ projectId: PROJECT_ID })).grantConnect(grantee));
    expect(grantee.grants).toHaveLength(1);
    expect(grantee.grants[0]!.permissionSets).toEqual(["SecretManagerSecretAccess"]);
    expect(await valueOf(grantee.grants[0]!.projectId)).toBe(PROJECT_ID);
  });

  it("returns the id of the policy the grantee created", async () => {
    const grantee = recordingGrantee();
    const { result } = await record(() => new Database("db", serverless()).grantConnect(grantee));
    expect(await valueOf(result)).toBe(await valueOf(grantee.allow(grantee.grants[0]!)));
  });

  it("refuses an unknown access, naming it", async () => {
    const { error } = await recordError(() =>
      new Database("db", serverless()).grantConnect(recordingGrantee(), {
        access: "admin" as ConnectAccess,
      }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["grantConnect.access"]);
  });
});
