import { ConfigError } from "@scaleway-blocks/core";
import { Network } from "@scaleway-blocks/network";
import { record, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import type { DatabaseArgs } from "../src/index";
import { secretKeyFor } from "../src/internal/keys";
import { PN_ID, T, databaseResources, managed, serverless } from "./fixtures";

/** Builds a Database with bad args; returns the ConfigError's issue paths after checking nothing was registered. */
async function refused(args: DatabaseArgs | Record<string, unknown>) {
  const { error, graph } = await recordError(() => new Database("db", args as DatabaseArgs));
  expect(error).toBeInstanceOf(ConfigError);
  expect(graph.registered).toEqual([]);
  const configError = error as ConfigError;
  return { paths: configError.issues.map((i) => i.path), error: configError };
}

describe("Database: bad input is a ConfigError before any resource", () => {
  it("names the component and the field in the message", async () => {
    const { error } = await refused(managed({ engine: "PostgreSQL-14" as never }));
    expect(error.message).toContain(`${T.database} "db"`);
    expect(error.message).toContain("engine");
    expect(error.issues[0]?.received).toBe('"PostgreSQL-14"');
  });

  it("refuses a missing mode", async () => {
    const { paths } = await refused({ project: "shop", environment: "dev" });
    expect(paths).toEqual(["mode"]);
  });

  it("refuses an unknown mode", async () => {
    const { paths } = await refused({ project: "shop", environment: "dev", mode: "mysql" });
    expect(paths).toEqual(["mode"]);
  });

  it("refuses a managed database without a network", async () => {
    const { paths } = await refused(managed({ network: undefined as never }));
    expect(paths).toEqual(["network"]);
  });

  it("refuses a network that is neither a Network nor a private network id", async () => {
    const { paths } = await refused(managed({ network: "my-network" }));
    expect(paths).toEqual(["network"]);
  });

  it("refuses an unsupported engine", async () => {
    const { paths } = await refused(managed({ engine: "MySQL-8" as never }));
    expect(paths).toEqual(["engine"]);
  });

  it("refuses a node type that is not a Managed Database node type", async () => {
    const { paths } = await refused(managed({ nodeType: "large" }));
    expect(paths).toEqual(["nodeType"]);
  });

  it("refuses an admin user name PostgreSQL reserves", async () => {
    const { paths } = await refused(managed({ userName: "postgres" }));
    expect(paths).toEqual(["userName"]);
  });

  it("refuses a volume size with a local SSD volume", async () => {
    const { paths } = await refused(managed({ volumeType: "lssd", volumeSizeInGb: 20 }));
    expect(paths).toEqual(["volumeSizeInGb"]);
  });

  it("refuses a volume below 5 GB", async () => {
    const { paths } = await refused(managed({ volumeSizeInGb: 2 }));
    expect(paths).toEqual(["volumeSizeInGb"]);
  });

  it("refuses a backup frequency of zero hours and a retention above a year", async () => {
    const { paths } = await refused(managed({ backups: { frequencyHours: 0, retentionDays: 400 } }));
    expect(paths).toEqual(["backups.frequencyHours", "backups.retentionDays"]);
  });

  it("refuses a non-string engine setting", async () => {
    const { paths } = await refused(managed({ settings: { max_connections: 200 as never } }));
    expect(paths).toEqual(["settings.max_connections"]);
  });

  it("refuses 0.0.0.0/0 on the public endpoint without allowFromAnywhere", async () => {
    const { paths, error } = await refused(
      managed({ publicEndpoint: { allowedCidrs: ["10.0.0.0/8", "0.0.0.0/0"] } }),
    );
    expect(paths).toEqual(["publicEndpoint.allowedCidrs[1]"]);
    expect(error.message).toContain("allowFromAnywhere");
  });

  it("refuses an IPv6 CIDR on the public endpoint", async () => {
    const { paths } = await refused(managed({ publicEndpoint: { allowedCidrs: ["2001:db8::/32"] } }));
    expect(paths).toEqual(["publicEndpoint.allowedCidrs[0]"]);
  });

  it("refuses a CIDR with host bits set, suggesting the network address", async () => {
    const { paths, error } = await refused(managed({ publicEndpoint: { allowedCidrs: ["203.0.113.7/24"] } }));
    expect(paths).toEqual(["publicEndpoint.allowedCidrs[0]"]);
    expect(error.message).toContain("203.0.113.0/24");
  });

  it("refuses a public endpoint without any CIDR", async () => {
    const { paths } = await refused(managed({ publicEndpoint: { allowedCidrs: [] } }));
    expect(paths).toEqual(["publicEndpoint.allowedCidrs"]);
  });

  it("refuses a managed database without logical databases", async () => {
    const { paths } = await refused(managed({ databases: [] }));
    expect(paths).toEqual(["databases"]);
  });

  it("refuses a database name that does not fit unescaped in a connection string", async () => {
    const { paths } = await refused(managed({ databases: [{ name: "Shop DB" }] }));
    expect(paths).toEqual(["databases[0].name"]);
  });

  it("refuses the same database twice", async () => {
    const { paths } = await refused(managed({ databases: [{ name: "shop" }, { name: "shop" }] }));
    expect(paths).toContain("databases[1].name");
  });

  it("refuses an owner named like the admin user", async () => {
    const { paths } = await refused(managed({ databases: [{ name: "shop", owner: "admin" }] }));
    expect(paths).toEqual(["databases[0].owner"]);
  });

  it("refuses a read-only user shared by two databases", async () => {
    const { paths } = await refused(
      managed({
        databases: [
          { name: "shop", readOnlyUsers: ["reporting"] },
          { name: "audit", readOnlyUsers: ["reporting"] },
        ],
      }),
    );
    expect(paths).toEqual(["databases[1].readOnlyUsers[0]"]);
  });

  it("refuses an unknown owner permission", async () => {
    const { paths } = await refused(
      managed({ databases: [{ name: "shop", ownerPermission: "admin" as never }] }),
    );
    expect(paths).toEqual(["databases[0].ownerPermission"]);
  });

  it("refuses a private network name with a private network id", async () => {
    const { paths } = await refused(managed({ network: PN_ID, privateNetworkName: "data" }));
    expect(paths).toEqual(["privateNetworkName"]);
  });

  it("refuses an unknown key", async () => {
    const { error } = await refused({ ...managed(), minCpu: 1 });
    expect(error.message).toContain('"minCpu"');
  });

  it("refuses a serverless database outside fr-par", async () => {
    const { paths, error } = await refused(serverless({ region: "nl-ams" as never }));
    expect(paths).toEqual(["region"]);
    expect(error.message).toContain("fr-par");
  });

  it("refuses a serverless database with more than 15 vCPUs", async () => {
    const { paths } = await refused(serverless({ maxCpu: 16 }));
    expect(paths).toEqual(["maxCpu"]);
  });

  it("refuses a fractional vCPU count", async () => {
    const { paths } = await refused(serverless({ minCpu: 0.5 }));
    expect(paths).toEqual(["minCpu"]);
  });

  it("refuses minCpu above maxCpu", async () => {
    const { paths } = await refused(serverless({ minCpu: 8, maxCpu: 2 }));
    expect(paths).toEqual(["minCpu"]);
  });

  it("refuses managed-only inputs on a serverless database", async () => {
    const { error } = await refused({ ...serverless(), network: PN_ID });
    expect(error.message).toContain('"network"');
  });

  it("refuses an unknown IAM permission set", async () => {
    const { error } = await refused(
      serverless({ iamAccess: { permissionSet: "AllProductsFullAccess" as never } }),
    );
    expect(error.message).toContain("iamAccess");
  });
});

describe("Database: checks against a Network", () => {
  it("refuses a Network in another region, before any database resource", async () => {
    const { error, graph } = await recordError(() => {
      const network = new Network("net", { project: "shop", environment: "dev", region: "nl-ams" });
      return new Database("db", managed({ network }));
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["network"]);
    expect(databaseResources(graph)).toEqual([]);
  });

  it("refuses a private network name the Network does not have, naming the known ones", async () => {
    const { error, graph } = await recordError(() => {
      const network = new Network("net", { project: "shop", environment: "dev" });
      return new Database("db", managed({ network, privateNetworkName: "nope" }));
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["privateNetworkName"]);
    expect((error as Error).message).toContain("main");
    expect(databaseResources(graph)).toEqual([]);
  });
});

describe("Database: numbers stay within Scaleway's bounds", () => {
  it("refuses a volume size that is not a multiple of 5 GB", async () => {
    const { paths, error } = await refused(managed({ volumeSizeInGb: 12 }));
    expect(paths).toEqual(["volumeSizeInGb"]);
    expect(error.message).toContain("multiple of 5");
  });

  it("accepts a volume size that is a multiple of 5 GB", async () => {
    const { graph } = await record(() => new Database("db", managed({ volumeSizeInGb: 15 })));
    expect(graph.inputsOf(T.instance).volumeSizeInGb).toBe(15);
  });

  it("refuses a volume above 10000 GB, the block's ceiling", async () => {
    const { paths } = await refused(managed({ volumeSizeInGb: 10_005 }));
    expect(paths).toEqual(["volumeSizeInGb"]);
  });

  it("refuses a backup frequency above a week and a retention of zero days", async () => {
    const { paths } = await refused(managed({ backups: { frequencyHours: 169, retentionDays: 0 } }));
    expect(paths).toEqual(["backups.frequencyHours", "backups.retentionDays"]);
  });

  it("refuses an API key expiry in the past", async () => {
    const { paths, error } = await refused(
      serverless({ iamAccess: { apiKey: { expiresAt: "2020-01-01T00:00:00Z" } } }),
    );
    expect(paths).toEqual(["iamAccess.apiKey.expiresAt"]);
    expect(error.message).toContain("in the future");
  });

  it("refuses an API key expiry without a time zone", async () => {
    const { paths } = await refused(
      serverless({ iamAccess: { apiKey: { expiresAt: "2999-01-01T00:00:00" } } }),
    );
    expect(paths).toEqual(["iamAccess.apiKey.expiresAt"]);
  });

  it("refuses both an API key expiry and a rotation policy", async () => {
    const { paths } = await refused(
      serverless({
        iamAccess: {
          apiKey: {
            expiresAt: "2999-01-01T00:00:00Z",
            rotation: { lifetimeDays: 60, rotateEveryDays: 20 },
          },
        },
      }),
    );
    expect(paths).toEqual(["iamAccess.apiKey.rotation"]);
  });

  it("refuses a rotation policy that rotates no sooner than the key expires", async () => {
    const { paths } = await refused(
      serverless({ iamAccess: { apiKey: { rotation: { lifetimeDays: 30, rotateEveryDays: 30 } } } }),
    );
    expect(paths).toEqual(["iamAccess.apiKey.rotation.rotateEveryDays"]);
  });

  it("refuses the API key's expiry under its old name, apiKeyExpiresAt (now apiKey.expiresAt)", async () => {
    const { paths, error } = await refused({
      ...serverless(),
      iamAccess: { apiKeyExpiresAt: "2999-01-01T00:00:00Z" },
    });
    expect(paths).toEqual(["iamAccess"]);
    expect(error.message).toContain('received "apiKeyExpiresAt"');
  });
});

describe("Database: option objects given as a Promise are refused", () => {
  it.each([
    ["readReplica", managed({ readReplica: Promise.resolve(false) as never })],
    ["backups", managed({ backups: Promise.resolve({ enabled: false }) as never })],
    [
      "publicEndpoint",
      managed({ publicEndpoint: Promise.resolve({ allowedCidrs: ["203.0.113.0/24"] }) as never }),
    ],
    [
      "iamAccess",
      serverless({ iamAccess: Promise.resolve({ permissionSet: "ServerlessSQLDatabaseReadOnly" }) as never }),
    ],
    ["databases[0]", managed({ databases: [Promise.resolve({ name: "shop" }) as never] })],
  ])("refuses %s given as a Promise, creating nothing", async (path, args) => {
    const { paths } = await refused(args);
    expect(paths).toEqual([path]);
  });
});

describe("Database: ACL ranges that together open the endpoint to the world", () => {
  it("refuses 0.0.0.0/1 with 128.0.0.0/1 without allowFromAnywhere", async () => {
    const { paths, error } = await refused(
      managed({ publicEndpoint: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] } }),
    );
    expect(paths).toEqual(["publicEndpoint.allowedCidrs"]);
    expect(error.message).toContain("allowFromAnywhere");
  });

  it("accepts them with allowFromAnywhere", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({
            publicEndpoint: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"], allowFromAnywhere: true },
          }),
        ),
    );
    expect(graph.byType(T.acl)).toHaveLength(1);
  });

  it("accepts ranges that leave part of the public internet out", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ publicEndpoint: { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/2"] } })),
    );
    expect(graph.byType(T.acl)).toHaveLength(1);
  });
});

describe("Database: names Scaleway or PostgreSQL refuse, and names that collide", () => {
  it("refuses a database whose default owner would be a pg_ role", async () => {
    const { paths, error } = await refused(managed({ databases: [{ name: "pg_stats" }] }));
    expect(paths).toEqual(["databases[0].name"]);
    expect(error.message).toContain("owner");
  });

  it("accepts a pg_-prefixed database with an explicit owner", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ databases: [{ name: "pg_stats", owner: "stats" }] })),
    );
    expect(graph.byType(T.user).map((u) => u.inputs.name)).toEqual(["stats"]);
  });

  it.each(["public", "none"])("refuses the role name %s, which PostgreSQL reserves", async (user) => {
    const { paths } = await refused(managed({ databases: [{ name: "shop", owner: user }] }));
    expect(paths).toEqual(["databases[0].owner"]);
  });

  it("refuses owners whose credential secrets would share one key", async () => {
    const clash = secretKeyFor("a_b");
    expect(clash).toBe("a-b-648fa9");
    const { paths, error } = await refused(managed({ databases: [{ name: "a_b" }, { name: clash }] }));
    expect(paths).toEqual(["databases[1].name"]);
    expect(error.message).toContain('"a_b"');
  });

  it("refuses a read-only user whose secret key is that of the admin", async () => {
    const { paths } = await refused(
      managed({
        userName: "ops_admin",
        databases: [{ name: "shop", readOnlyUsers: [secretKeyFor("ops_admin")] }],
      }),
    );
    expect(paths).toEqual(["databases[0].readOnlyUsers[0]"]);
  });

  it("refuses a default Serverless SQL database name that starts with template", async () => {
    const { paths, error } = await refused(serverless({ project: "template" }));
    expect(paths).toEqual(["databaseName"]);
    expect(error.message).toContain("template-dev-db");
  });

  it("refuses a default Serverless SQL database name that starts with rdb", async () => {
    const { paths } = await refused(serverless({ project: "rdbms" }));
    expect(paths).toEqual(["databaseName"]);
  });

  it("accepts an explicit databaseName when the default would be refused", async () => {
    const { graph } = await record(
      () => new Database("db", serverless({ project: "template", databaseName: "shop" })),
    );
    expect(graph.inputsOf(T.serverless).name).toBe("shop");
  });
});
