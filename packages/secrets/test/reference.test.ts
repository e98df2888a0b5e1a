import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets, secretReferenceSchema } from "../src/index";
import { SECRET, VERSION, argsWith } from "./helpers";

describe("secret references", () => {
  it("hands out the key, id, name, revision and value of a secret", async () => {
    const { result, graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: pulumi.secret("given-token-1") } })),
    );
    const ref = result.secret("token");
    expect(ref.key).toBe("token");
    expect(await valueOf(ref.secretId)).toBe(graph.one(SECRET).id);
    expect(await valueOf(ref.secretId)).toMatch(/^fr-par\/[0-9a-f-]{36}$/);
    expect(await valueOf(ref.secretName)).toBe("shop-dev-app-token");
    expect(await valueOf(ref.revision)).toBe(graph.one(VERSION).outputs.revision);
    expect(await valueOf(ref.value)).toBe("given-token-1");
  });

  it("exposes the same references by key", async () => {
    const { result } = await record(
      () => new Secrets("app", argsWith({ a: { value: "given-token-1" }, b: { generate: {} } })),
    );
    expect(Object.keys(result.references).sort()).toEqual(["a", "b"]);
    expect(result.references.a).toBe(result.secret("a"));
    expect(Object.isFrozen(result.references)).toBe(true);
  });

  it("makes a consumer of the secret id wait for the version holding the value", async () => {
    const { graph } = await record(() => {
      const secrets = new Secrets("app", argsWith({ token: { value: "given-token-1" } }));
      new scaleway.secrets.Secret("consumer", { description: secrets.secret("token").secretId });
    });
    const consumer = graph.one(SECRET, "consumer");
    expect(consumer.propertyDependencies.description).toEqual(
      expect.arrayContaining([graph.one(SECRET, "app-token").urn, graph.one(VERSION).urn]),
    );
  });

  it("throws an Error naming the known keys for an unknown key", async () => {
    const { result } = await record(
      () =>
        new Secrets(
          "app",
          argsWith({ "db-password": { generate: {} }, "api-key": { value: "given-token-1" } }),
        ),
    );
    expect(() => result.secret("db-pass")).toThrow(/no secret "db-pass"; known keys: db-password, api-key/);
  });

  it("does not treat inherited object properties as keys", async () => {
    const { result } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } })),
    );
    expect(() => result.secret("toString")).toThrow(/known keys: token/);
  });

  it("accepts a reference in secretReferenceSchema", async () => {
    const { result } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } })),
    );
    expect(secretReferenceSchema.safeParse(result.secret("token")).success).toBe(true);
  });

  it.each([
    ["a plain string", "given-token-1"],
    ["a key without outputs", { key: "token" }],
    [
      "a reference whose value is plain",
      {
        key: "t",
        secretId: pulumi.output("x"),
        secretName: pulumi.output("x"),
        revision: pulumi.output("1"),
        value: "plain",
      },
    ],
    ["null", null],
  ])("refuses %s in secretReferenceSchema", (_label, candidate) => {
    const parsed = secretReferenceSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/expected a SecretReference/);
  });
});
