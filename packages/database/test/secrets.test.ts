import { isSecret, isSecretOutput, record, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import { secretKeyFor } from "../src/internal/keys";
import { T, lazy, managed } from "./fixtures";

describe("Database (managed): secrets", () => {
  const recording = lazy(() =>
    record(
      () =>
        new Database(
          "db",
          managed({
            environment: "production",
            databases: [{ name: "shop", readOnlyUsers: ["reporting"] }, { name: "audit" }],
            publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] },
            readReplica: true,
          }),
        ),
    ),
  );

  /** Every password and connection string the component produced, in plain text. */
  async function knownSecrets(result: Database): Promise<string[]> {
    const references = [
      result.adminSecret!,
      ...Object.values(result.userSecrets),
      ...["shop", "audit"].map((db) => result.connectionSecret(db)),
      result.connectionSecret("shop", "reporting"),
    ];
    return Promise.all(references.map((r) => valueOf(r.value)));
  }

  it("generates every password in one Secrets component, and the connection strings in another", async () => {
    const { graph } = await recording();
    const children = graph.childrenOf(graph.one(T.database)).filter((r) => r.type === T.secrets);
    expect(children.map((c) => c.name).sort()).toEqual(["db-connections", "db-credentials"]);
    // admin + shop + reporting + audit
    expect(graph.byType(T.password)).toHaveLength(4);
    for (const p of graph.byType(T.password)) expect(graph.parentOf(p)?.name).toBe("db-credentials");
  });

  it("generates passwords of 32 DSN-safe characters with every character class", async () => {
    const { result } = await recording();
    for (const reference of Object.values(result.userSecrets)) {
      const password = await valueOf(reference.value);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[-_]/);
    }
  });

  it("leaks no password or connection string anywhere in the graph", async () => {
    const { graph, result } = await recording();
    const known = await knownSecrets(result);
    expect(known).toHaveLength(7); // 4 passwords, 3 connection strings
    expect(graph.secretLeaks(known)).toEqual([]);
  });

  it("keeps every secret output a Pulumi secret", async () => {
    const { result } = await recording();
    const references = [
      result.adminSecret!,
      ...Object.values(result.userSecrets),
      ...Object.values(result.credentialSecrets),
      ...Object.values(result.connectionSecrets),
      result.connectionSecret("shop", "reporting"),
    ];
    for (const reference of references) expect(await isSecretOutput(reference.value)).toBe(true);
  });

  it("keeps the connection strings secret in Secret Manager versions", async () => {
    const { graph, result } = await recording();
    const name = await valueOf(result.connectionSecret("shop").secretName);
    const secret = graph.byType(T.secret).find((s) => s.inputs.name === name)!;
    const version = graph.byType(T.version).find((v) => v.inputs.secretId === secret.id)!;
    expect(isSecret(version.inputs.data)).toBe(true);
    expect(unwrapSecrets(version.inputs.data)).toMatch(/^postgres:\/\/shop:/);
  });

  it("passes user passwords to the provider as secrets", async () => {
    const { graph } = await recording();
    for (const user of graph.byType(T.user)) expect(isSecret(user.inputs.password)).toBe(true);
    expect(isSecret(graph.inputsOf(T.instance).password)).toBe(true);
  });

  it("registers only secret ids, never values, as component outputs", async () => {
    const { graph, result } = await recording();
    const outputs = JSON.stringify(graph.one(T.database).outputs);
    for (const secret of await knownSecrets(result)) expect(outputs).not.toContain(secret);
    expect(Object.keys(graph.one(T.database).outputs).sort()).toEqual([
      "databaseNames",
      "host",
      "hostname",
      "instanceId",
      "port",
      "publicEndpoint",
      "readReplica",
      "secretIds",
    ]);
  });
});

describe("secretKeyFor", () => {
  it("keeps a name that is already a valid secret key", () => {
    expect(secretKeyFor("shop")).toBe("shop");
    expect(secretKeyFor("shop-ro")).toBe("shop-ro");
  });

  it("gives names that sanitise alike different keys", () => {
    expect(secretKeyFor("shop_ro")).not.toBe(secretKeyFor("shop-ro"));
    expect(secretKeyFor("shop_ro")).toMatch(/^shop-ro-[0-9a-f]{6}$/);
  });

  it("shortens long names to 30 characters with a hash", () => {
    const key = secretKeyFor("a".repeat(63));
    expect(key.length).toBeLessThanOrEqual(30);
    expect(key).toMatch(/^a+-[0-9a-f]{6}$/);
    expect(secretKeyFor("a".repeat(62))).not.toBe(key);
  });

  it("turns trailing and doubled separators into a valid key", () => {
    expect(secretKeyFor("app__x_")).toMatch(/^app-x-[0-9a-f]{6}$/);
  });
});
