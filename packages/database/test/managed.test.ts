import { Network } from "@scaleway-blocks/network";
import { isSecret, record, SCALEWAY_TYPES, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it, vi } from "vitest";
import { Database } from "../src/index";
import { PN_ID, PROJECT_ID, T, lazy, managed, storedValue } from "./fixtures";

describe("Database (managed): secure defaults", () => {
  const recording = lazy(() => record(() => new Database("db", managed())));

  it("creates one PostgreSQL 17 instance", async () => {
    const { graph } = await recording();
    expect(graph.byType(T.instance)).toHaveLength(1);
    expect(graph.inputsOf(T.instance).engine).toBe("PostgreSQL-17");
  });

  it("attaches the instance to the private network with IPAM", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).privateNetwork).toEqual({ pnId: PN_ID, enableIpam: true });
  });

  it("has no public endpoint and no ACL", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).loadBalancer).toBeUndefined();
    expect(graph.byType(T.acl)).toHaveLength(0);
  });

  it("encrypts the volume at rest", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).encryptionAtRest).toBe(true);
  });

  it("stores data on an sbs_5k volume", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).volumeType).toBe("sbs_5k");
  });

  it("keeps automatic backups on", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).disableBackup).toBe(false);
  });

  it("creates the instance with an admin user named admin", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).userName).toBe("admin");
  });

  it("gives the admin a generated DSN-safe password held as a secret and stored in Secret Manager", async () => {
    const { graph, result } = await recording();
    const password = graph.inputsOf(T.instance).password;
    expect(isSecret(password)).toBe(true);
    expect(unwrapSecrets(password)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(storedValue(graph, "shop-dev-db-credentials-admin")).toBe(unwrapSecrets(password));
    expect(await valueOf(result.adminSecret!.value)).toBe(unwrapSecrets(password));
  });

  it("creates no read replica", async () => {
    const { graph } = await recording();
    expect(graph.byType(T.replica)).toHaveLength(0);
  });

  it("names the instance after project, environment and component, and tags it", async () => {
    const { graph } = await recording();
    const inputs = graph.inputsOf(T.instance);
    expect(inputs.name).toBe("shop-dev-db");
    expect(inputs.tags).toEqual(
      expect.arrayContaining(["managed-by=pulumi", "environment=dev", "component=database", "project=shop"]),
    );
  });

  it("parents every resource under the component", async () => {
    const { graph } = await recording();
    const component = graph.one(T.database);
    const below = new Set(graph.descendantsOf(component).map((r) => r.urn));
    const all = graph.registered.filter((r) => r.urn !== component.urn);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((r) => !below.has(r.urn)).map((r) => r.name)).toEqual([]);
  });

  it("does not set engine settings nobody asked for", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).settings).toBeUndefined();
    expect(graph.inputsOf(T.instance).initSettings).toBeUndefined();
  });
});

describe.each([
  {
    environment: "dev",
    nodeType: "DB-DEV-S",
    ha: false,
    size: 10,
    frequency: 24,
    retention: 7,
    sameRegion: true,
    protect: false,
  },
  {
    environment: "staging",
    nodeType: "DB-DEV-M",
    ha: false,
    size: 20,
    frequency: 24,
    retention: 7,
    sameRegion: true,
    protect: false,
  },
  {
    environment: "production",
    nodeType: "DB-PRO2-XXS",
    ha: true,
    size: 50,
    frequency: 12,
    retention: 30,
    sameRegion: false,
    protect: true,
  },
] as const)("Database (managed) in $environment", (env) => {
  const recording = lazy(() => record(() => new Database("db", managed({ environment: env.environment }))));

  it("takes the node type from the environment profile", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).nodeType).toBe(env.nodeType);
  });

  it("turns high availability on only in production", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).isHaCluster).toBe(env.ha);
  });

  it("sizes the volume from the profile", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).volumeSizeInGb).toBe(env.size);
  });

  it("schedules backups with the profile's frequency and retention", async () => {
    const { graph } = await recording();
    const inputs = graph.inputsOf(T.instance);
    expect(inputs.backupScheduleFrequency).toBe(env.frequency);
    expect(inputs.backupScheduleRetention).toBe(env.retention);
  });

  it("keeps backups in another region only where the profile says so", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.instance).backupSameRegion).toBe(env.sameRegion);
  });

  it("protects the instance and the logical databases per the profile", async () => {
    const { graph } = await recording();
    expect(graph.one(T.instance).options.protect).toBe(env.protect);
    expect(graph.one(T.logical).options.protect).toBe(env.protect);
  });

  it("protects the password secrets in Secret Manager per the profile", async () => {
    const { graph } = await recording();
    const secrets = graph.byType(T.secret);
    expect(secrets.length).toBeGreaterThan(0);
    expect(new Set(secrets.map((s) => s.inputs.protected))).toEqual(new Set([env.protect]));
  });
});

describe("Database (managed): instance options", () => {
  it.each(["PostgreSQL-15", "PostgreSQL-16"] as const)("runs engine %s when asked", async (engine) => {
    const { graph } = await record(() => new Database("db", managed({ engine })));
    expect(graph.inputsOf(T.instance).engine).toBe(engine);
  });

  it("takes an explicit node type over the profile", async () => {
    const { graph } = await record(() => new Database("db", managed({ nodeType: "DB-GP-XS" })));
    expect(graph.inputsOf(T.instance).nodeType).toBe("DB-GP-XS");
  });

  it("warns that Scaleway cannot turn high availability off when it is off in production", async () => {
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
      await record(() => new Database("db", managed({ environment: "production", highAvailability: false })));
      const messages = warn.mock.calls.map(([message]) => message);
      expect(messages).toEqual([expect.stringMatching(/cannot turn high availability off/)]);
    } finally {
      warn.mockRestore();
    }
  });

  it("does not warn about high availability where the profile has none", async () => {
    const warn = vi.spyOn(pulumi.log, "warn").mockImplementation(() => Promise.resolve());
    try {
      await record(() => new Database("db", managed({ environment: "dev", highAvailability: false })));
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it("turns high availability off in production when asked", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ environment: "production", highAvailability: false })),
    );
    expect(graph.inputsOf(T.instance).isHaCluster).toBe(false);
  });

  it("names the admin user as given", async () => {
    const { graph } = await record(() => new Database("db", managed({ userName: "root_admin" })));
    expect(graph.inputsOf(T.instance).userName).toBe("root_admin");
  });

  it("uses an sbs_15k volume of the given size", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ volumeType: "sbs_15k", volumeSizeInGb: 100 })),
    );
    expect(graph.inputsOf(T.instance)).toMatchObject({ volumeType: "sbs_15k", volumeSizeInGb: 100 });
  });

  it("sends no volume size with a local SSD volume", async () => {
    const { graph } = await record(() => new Database("db", managed({ volumeType: "lssd" })));
    expect(graph.inputsOf(T.instance).volumeType).toBe("lssd");
    expect(graph.inputsOf(T.instance).volumeSizeInGb).toBeUndefined();
  });

  it("disables automatic backups only when asked, without a schedule", async () => {
    const { graph } = await record(() => new Database("db", managed({ backups: { enabled: false } })));
    const inputs = graph.inputsOf(T.instance);
    expect(inputs.disableBackup).toBe(true);
    expect(inputs.backupScheduleFrequency).toBeUndefined();
    expect(inputs.backupScheduleRetention).toBeUndefined();
  });

  it("takes explicit backup frequency, retention and region over the profile", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({
            environment: "production",
            backups: { frequencyHours: 6, retentionDays: 90, inAnotherRegion: false },
          }),
        ),
    );
    expect(graph.inputsOf(T.instance)).toMatchObject({
      backupScheduleFrequency: 6,
      backupScheduleRetention: 90,
      backupSameRegion: true,
    });
  });

  it("passes engine settings and init settings through", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({
            settings: { max_connections: "200", work_mem: "8MB" },
            initSettings: { shared_preload_libraries: "pg_stat_statements" },
          }),
        ),
    );
    expect(graph.inputsOf(T.instance).settings).toEqual({ max_connections: "200", work_mem: "8MB" });
    expect(graph.inputsOf(T.instance).initSettings).toEqual({
      shared_preload_libraries: "pg_stat_statements",
    });
  });

  it("creates the instance and its secrets in the given region and project", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({
            region: "nl-ams",
            projectId: PROJECT_ID,
            network: "nl-ams/11111111-2222-4333-8444-555555555555",
          }),
        ),
    );
    expect(graph.inputsOf(T.instance)).toMatchObject({ region: "nl-ams", projectId: PROJECT_ID });
    for (const secret of graph.byType(T.secret)) {
      expect(secret.inputs).toMatchObject({ region: "nl-ams", projectId: PROJECT_ID });
    }
    expect(new Set(graph.byType(T.user).map((u) => u.inputs.region))).toEqual(new Set(["nl-ams"]));
  });

  it("adds extra tags to the instance", async () => {
    const { graph } = await record(() => new Database("db", managed({ tags: { team: "payments" } })));
    expect(graph.inputsOf(T.instance).tags).toContain("team=payments");
  });

  it("lets an explicit protect override the production profile", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ environment: "production", protect: false })),
    );
    expect(graph.one(T.instance).options.protect).toBe(false);
    expect(graph.one(T.logical).options.protect).toBe(false);
  });

  it("takes the component's own protect option over the profile", async () => {
    const { graph } = await record(() => new Database("db", managed(), { protect: true }));
    expect(graph.one(T.instance).options.protect).toBe(true);
    expect(graph.one(T.logical).options.protect).toBe(true);
  });

  it("lets an explicit protect guard a dev instance", async () => {
    const { graph } = await record(() => new Database("db", managed({ protect: true })));
    expect(graph.one(T.instance).options.protect).toBe(true);
  });
});

describe("Database (managed): public endpoint", () => {
  it("adds a load-balancer endpoint and exactly one ACL holding every allowed CIDR", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({ publicEndpoint: { allowedCidrs: ["203.0.113.0/24", "198.51.100.7/32"] } }),
        ),
    );
    expect(graph.inputsOf(T.instance).loadBalancer).toEqual({});
    expect(graph.byType(T.acl)).toHaveLength(1);
    const acl = graph.one(T.acl);
    expect(acl.inputs.instanceId).toBe(graph.one(T.instance).id);
    expect((acl.inputs.aclRules as Array<{ ip: string }>).map((r) => r.ip)).toEqual([
      "203.0.113.0/24",
      "198.51.100.7/32",
    ]);
  });

  it("opens the endpoint to 0.0.0.0/0 only with allowFromAnywhere", async () => {
    const { graph } = await record(
      () =>
        new Database(
          "db",
          managed({ publicEndpoint: { allowedCidrs: ["0.0.0.0/0"], allowFromAnywhere: true } }),
        ),
    );
    expect(graph.inputsOf(T.acl).aclRules).toEqual([expect.objectContaining({ ip: "0.0.0.0/0" })]);
  });

  it("outputs the public endpoint's address", async () => {
    const { graph, result } = await record(
      () => new Database("db", managed({ publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] } })),
    );
    const lb = graph.one(T.instance).outputs.loadBalancer as { ip: string; port: number };
    expect(await valueOf(result.publicEndpoint!)).toEqual({ host: lb.ip, port: lb.port });
  });

  it("tags the instance public=true, so the policy sees a deliberate opt-in", async () => {
    const { graph } = await record(
      () => new Database("db", managed({ publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] } })),
    );
    expect(graph.inputsOf(T.instance).tags).toContain("public=true");
  });

  it("does not tag a private instance public", async () => {
    const { graph } = await record(() => new Database("db", managed()));
    expect(graph.inputsOf(T.instance).tags).not.toContain("public=true");
  });

  it("has no public endpoint output without a public endpoint", async () => {
    const { result } = await record(() => new Database("db", managed()));
    expect(result.publicEndpoint).toBeUndefined();
  });
});

describe("Database (managed): logical databases and users", () => {
  const recording = lazy(() =>
    record(
      () =>
        new Database(
          "db",
          managed({
            databases: [
              { name: "shop", readOnlyUsers: ["reporting", "bi_ro"] },
              { name: "audit", owner: "auditor", ownerPermission: "readwrite" },
            ],
          }),
        ),
    ),
  );

  it("creates each logical database on the instance", async () => {
    const { graph } = await recording();
    const instance = graph.one(T.instance);
    const dbs = graph.byType(T.logical);
    expect(dbs.map((d) => d.inputs.name)).toEqual(["shop", "audit"]);
    for (const db of dbs) expect(db.inputs.instanceId).toBe(instance.id);
  });

  it("creates one non-admin user per owner and read-only user", async () => {
    const { graph } = await recording();
    const users = graph.byType(T.user);
    expect(users.map((u) => u.inputs.name).sort()).toEqual(["auditor", "bi_ro", "reporting", "shop"]);
    expect(new Set(users.map((u) => u.inputs.isAdmin))).toEqual(new Set([false]));
  });

  it("names a database's owner after the database unless told otherwise", async () => {
    const { graph } = await recording();
    const privileges = graph.byType(T.privilege);
    expect(privileges.find((p) => p.inputs.userName === "shop")?.inputs.databaseName).toBe("shop");
    expect(privileges.find((p) => p.inputs.userName === "auditor")?.inputs.databaseName).toBe("audit");
  });

  it('grants an owner "all" on its database by default, so migrations can create tables', async () => {
    const { graph } = await recording();
    const owner = graph.byType(T.privilege).find((p) => p.inputs.userName === "shop");
    expect(owner?.inputs.permission).toBe("all");
  });

  it('grants "readwrite" to an owner when ownerPermission says so', async () => {
    const { graph } = await recording();
    const owner = graph.byType(T.privilege).find((p) => p.inputs.userName === "auditor");
    expect(owner?.inputs.permission).toBe("readwrite");
  });

  it("grants read-only users readonly on their database only", async () => {
    const { graph } = await recording();
    const readOnly = graph
      .byType(T.privilege)
      .filter((p) => ["reporting", "bi_ro"].includes(p.inputs.userName as string));
    expect(readOnly).toHaveLength(2);
    for (const p of readOnly)
      expect(p.inputs).toMatchObject({ databaseName: "shop", permission: "readonly" });
  });

  it("makes each privilege wait for its user and its database", async () => {
    const { graph } = await recording();
    const privilege = graph.byType(T.privilege).find((p) => p.inputs.userName === "shop")!;
    const user = graph.byType(T.user).find((u) => u.inputs.name === "shop")!;
    const db = graph.byType(T.logical).find((d) => d.inputs.name === "shop")!;
    expect(privilege.propertyDependencies.userName).toEqual([user.urn]);
    expect(privilege.propertyDependencies.databaseName).toEqual([db.urn]);
  });

  it("gives every user its own generated password, stored in Secret Manager", async () => {
    const { graph, result } = await recording();
    const passwords = new Set<unknown>();
    for (const user of graph.byType(T.user)) {
      const name = user.inputs.name as string;
      expect(isSecret(user.inputs.password)).toBe(true);
      const stored = await valueOf(result.userSecrets[name]!.value);
      expect(unwrapSecrets(user.inputs.password)).toBe(stored);
      passwords.add(stored);
    }
    expect(passwords.size).toBe(4);
  });

  it("keys secrets of names with underscores by a sanitised, hashed key", async () => {
    const { result } = await recording();
    expect(result.userSecrets.bi_ro!.key).toMatch(/^bi-ro-[0-9a-f]{6}$/);
    expect(await valueOf(result.userSecrets.bi_ro!.secretName)).toMatch(
      /^shop-dev-db-credentials-bi-ro-[0-9a-f]{6}$/,
    );
  });

  it("outputs the database names in the order given", async () => {
    const { result, graph } = await recording();
    expect(result.databaseNames).toEqual(["shop", "audit"]);
    expect(graph.one(T.database).outputs.databaseNames).toEqual(["shop", "audit"]);
  });

  it("outputs each database's owner password secret as its credential secret", async () => {
    const { result } = await recording();
    expect(result.credentialSecret("shop")).toBe(result.userSecrets.shop);
    expect(result.credentialSecrets.audit).toBe(result.userSecrets.auditor);
  });

  it("throws an Error naming the known databases for an unknown credential secret", async () => {
    const { result } = await recording();
    expect(() => result.credentialSecret("nope")).toThrow(/known: shop, audit/);
  });
});

describe("Database (managed): endpoints and connection strings", () => {
  const recording = lazy(() =>
    record(
      () => new Database("db", managed({ databases: [{ name: "shop", readOnlyUsers: ["reporting"] }] })),
    ),
  );

  it("outputs host and port of the private network endpoint", async () => {
    const { graph, result } = await recording();
    const pn = graph.one(T.instance).outputs.privateNetwork as { ip: string; port: number; hostname: string };
    expect(await valueOf(result.host)).toBe(pn.ip);
    expect(await valueOf(result.port)).toBe(pn.port);
    expect(await valueOf(result.hostname)).toBe(pn.hostname);
  });

  it("stores the owner's connection string as its own secret", async () => {
    const { graph, result } = await recording();
    const reference = result.connectionSecret("shop");
    const password = await valueOf(result.userSecrets.shop!.value);
    const host = await valueOf(result.host);
    const url = `postgres://shop:${password}@${host}:5432/shop?sslmode=require`;
    expect(await valueOf(reference.value)).toBe(url);
    expect(storedValue(graph, await valueOf(reference.secretName))).toBe(url);
    expect(await valueOf(reference.secretId)).toMatch(/^fr-par\/[0-9a-f-]{36}$/);
  });

  it("offers a read-only user's connection string on request", async () => {
    const { result } = await recording();
    const password = await valueOf(result.userSecrets.reporting!.value);
    expect(await valueOf(result.connectionSecret("shop", "reporting").value)).toContain(
      `reporting:${password}@`,
    );
  });

  it("lists each database's owner connection secret", async () => {
    const { result } = await recording();
    expect(Object.keys(result.connectionSecrets)).toEqual(["shop"]);
    expect(result.connectionSecrets.shop).toBe(result.connectionSecret("shop"));
  });

  it("makes the connection string secret wait for the user's privilege", async () => {
    const { graph, result } = await recording();
    const name = await valueOf(result.connectionSecret("shop").secretName);
    const secret = graph.byType(T.secret).find((s) => s.inputs.name === name)!;
    const version = graph.byType(T.version).find((v) => v.inputs.secretId === secret.id)!;
    const privilege = graph.byType(T.privilege).find((p) => p.inputs.userName === "shop")!;
    expect(version.propertyDependencies.data).toContain(privilege.urn);
  });

  it("throws an Error naming the known databases for an unknown database", async () => {
    const { result } = await recording();
    expect(() => result.connectionSecret("nope")).toThrow(/no database "nope"; its databases are: shop/);
  });

  it("throws an Error naming the database's users for an unknown user", async () => {
    const { result } = await recording();
    expect(() => result.connectionSecret("shop", "admin")).toThrow(/its users are: shop, reporting/);
  });

  it("outputs the id of every secret it created, by name", async () => {
    const { graph, result } = await recording();
    const ids = await valueOf(result.secretIds);
    const secrets = graph.byType(T.secret);
    expect(Object.keys(ids).sort()).toEqual(secrets.map((s) => s.inputs.name as string).sort());
    for (const s of secrets) expect(ids[s.inputs.name as string]).toBe(s.id);
  });
});

describe("Database (managed): network input", () => {
  it("joins the first private network of a Network", async () => {
    const { graph } = await record(() => {
      const network = new Network("net", { project: "shop", environment: "dev" });
      return new Database("db", managed({ network }));
    });
    const pn = graph.one(SCALEWAY_TYPES.privateNetwork);
    expect(graph.inputsOf(T.instance).privateNetwork).toEqual({ pnId: pn.id, enableIpam: true });
    expect(graph.one(T.instance).propertyDependencies.privateNetwork).toContain(pn.urn);
  });

  it("joins the named private network of a Network", async () => {
    const { graph } = await record(() => {
      const network = new Network("net", {
        project: "shop",
        environment: "dev",
        privateNetworks: [{ name: "app" }, { name: "data" }],
      });
      return new Database("db", managed({ network, privateNetworkName: "data" }));
    });
    const data = graph.one(SCALEWAY_TYPES.privateNetwork, "net-pn-data");
    expect(graph.inputsOf(T.instance).privateNetwork).toMatchObject({ pnId: data.id });
  });
});

describe("Database (managed): read replica", () => {
  it("creates a read replica on the same private network with IPAM", async () => {
    const { graph } = await record(() => new Database("db", managed({ readReplica: true })));
    const replica = graph.one(T.replica);
    expect(replica.inputs).toMatchObject({
      instanceId: graph.one(T.instance).id,
      privateNetwork: { privateNetworkId: PN_ID, enableIpam: true },
      sameZone: false,
    });
  });

  it("puts the replica in the main node's zone when asked", async () => {
    const { graph } = await record(() => new Database("db", managed({ readReplica: { sameZone: true } })));
    expect(graph.inputsOf(T.replica).sameZone).toBe(true);
  });

  it("outputs the replica's private endpoint", async () => {
    const { graph, result } = await record(() => new Database("db", managed({ readReplica: true })));
    const pn = graph.one(T.replica).outputs.privateNetwork as { ip: string; port: number };
    expect(await valueOf(result.readReplica!)).toEqual({ host: pn.ip, port: pn.port });
  });
});
