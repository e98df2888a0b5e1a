import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import type { SecretsArgs } from "../src/index";

const base = { project: "shop", environment: "dev" } as const;

/** Builds the component with args the types would refuse, as a JavaScript user or a YAML config could. */
async function failWith(args: unknown) {
  const { error, graph } = await recordError(() => new Secrets("app", args as SecretsArgs));
  return { error: error as ConfigError, graph };
}

describe("bad input", () => {
  it.each([
    ["no secrets at all", { ...base }, "secrets"],
    ["an empty secrets object", { ...base, secrets: {} }, "secrets"],
    [
      "both value and generate",
      { ...base, secrets: { token: { value: "given-token-1", generate: {} } } },
      "secrets.token.generate",
    ],
    ["neither value nor generate", { ...base, secrets: { token: { path: "/" } } }, "secrets.token.value"],
    ["an empty value", { ...base, secrets: { token: { value: "" } } }, "secrets.token.value"],
    ["a number as value", { ...base, secrets: { token: { value: 1234 } } }, "secrets.token.value"],
    [
      "a value over 64 KiB",
      { ...base, secrets: { token: { value: "x".repeat(64 * 1024 + 1) } } },
      "secrets.token.value",
    ],
    [
      "a length under 16",
      { ...base, secrets: { token: { generate: { length: 15 } } } },
      "secrets.token.generate.length",
    ],
    [
      "a length over 128",
      { ...base, secrets: { token: { generate: { length: 129 } } } },
      "secrets.token.generate.length",
    ],
    [
      "a fractional length",
      { ...base, secrets: { token: { generate: { length: 32.5 } } } },
      "secrets.token.generate.length",
    ],
    [
      "an unknown alphabet",
      { ...base, secrets: { token: { generate: { alphabet: "hex" } } } },
      "secrets.token.generate.alphabet",
    ],
    ["an uppercase key", { ...base, secrets: { DbPassword: { generate: {} } } }, "secrets.DbPassword"],
    [
      "a key with an underscore",
      { ...base, secrets: { db_password: { generate: {} } } },
      "secrets.db_password",
    ],
    [
      "a key starting with a digit",
      { ...base, secrets: { "1password": { generate: {} } } },
      "secrets.1password",
    ],
    [
      "a key over 30 characters",
      { ...base, secrets: { ["a".repeat(31)]: { generate: {} } } },
      `secrets.${"a".repeat(31)}`,
    ],
    [
      "a relative path",
      { ...base, secrets: { token: { generate: {}, path: "app/db" } } },
      "secrets.token.path",
    ],
    [
      "a path with a trailing slash",
      { ...base, secrets: { token: { generate: {}, path: "/app/" } } },
      "secrets.token.path",
    ],
    [
      "a path with an empty segment",
      { ...base, secrets: { token: { generate: {}, path: "/app//db" } } },
      "secrets.token.path",
    ],
    [
      "an unknown type",
      { ...base, secrets: { token: { value: "given-token-1", type: "password" } } },
      "secrets.token.type",
    ],
    [
      "a generated value of a typed secret",
      { ...base, secrets: { token: { generate: {}, type: "key_value" } } },
      "secrets.token.type",
    ],
    [
      "a non-JSON value for a JSON type",
      { ...base, secrets: { creds: { value: "user:pass-word", type: "basic_credentials" } } },
      "secrets.creds.value",
    ],
    [
      "an unknown secret setting",
      { ...base, secrets: { token: { generate: {}, rotate: true } } },
      "secrets.token",
    ],
    [
      "a reserved tag on a secret",
      { ...base, secrets: { token: { generate: {}, tags: { environment: "prod" } } } },
      "secrets.token.tags",
    ],
    [
      "a non-boolean protect",
      { ...base, secrets: { token: { generate: {}, protect: "yes" } } },
      "secrets.token.protect",
    ],
    [
      "a non-boolean protect on the component",
      { ...base, protect: "yes", secrets: { token: { generate: {} } } },
      "protect",
    ],
    [
      "a bad environment",
      { ...base, environment: "prod", secrets: { token: { generate: {} } } },
      "environment",
    ],
    ["a bad region", { ...base, region: "us-east-1", secrets: { token: { generate: {} } } }, "region"],
  ])(
    "refuses %s with a ConfigError naming the field, before registering anything",
    async (_label, args, path) => {
      const { error, graph } = await failWith(args);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.issues.map((i) => i.path)).toContain(path);
      expect(error.message).toContain(`scaleway-blocks:secrets:Secrets "app"`);
      expect(graph.registered).toEqual([]);
    },
  );

  it("refuses the former protected arg and setting (now protect), naming them", async () => {
    const { error } = await failWith({
      ...base,
      protected: true,
      secrets: { token: { generate: {}, protected: true } },
    });
    expect(error.issues).toEqual([
      { path: "secrets.token", expected: "no unknown keys", received: '"protected"' },
      { path: "", expected: "no unknown keys", received: '"protected"' },
    ]);
  });

  it("refuses an empty plain-text value, asking for a non-empty one", async () => {
    const { error } = await failWith({ ...base, secrets: { token: { value: "" } } });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      path: "secrets.token.value",
      received: "a string of 0 characters (value redacted)",
    });
    expect(error.issues[0]!.expected).toContain("a non-empty string");
  });

  it("reports every bad secret at once", async () => {
    const { error } = await failWith({
      ...base,
      secrets: { a: { generate: { length: 8 } }, b: { path: "nope", value: "given-token-1" } },
    });
    expect(error.issues.map((i) => i.path).sort()).toEqual(["secrets.a.generate.length", "secrets.b.path"]);
  });

  it("names the bad key itself as what was received", async () => {
    const { error } = await failWith({ ...base, secrets: { DbPassword: { generate: {} } } });
    expect(error.issues[0]).toMatchObject({ path: "secrets.DbPassword", received: '"DbPassword"' });
  });

  it("never quotes a secret value in the error", async () => {
    const value = `Leaky-${"s".repeat(64 * 1024)}`;
    const { error } = await failWith({ ...base, secrets: { token: { value } } });
    expect(error.message).not.toContain("Leaky-");
    expect(error.issues[0]!.received).toBe(`a string of ${value.length} characters (value redacted)`);
  });

  it("never quotes a value given where a secret's settings were expected", async () => {
    const { error } = await failWith({ ...base, secrets: { token: "Plain-Secret-Value-9" } });
    expect(error.issues[0]!.path).toBe("secrets.token");
    expect(error.message).not.toContain("Plain-Secret-Value-9");
  });

  it("never quotes a non-JSON value given for a JSON type", async () => {
    const { error } = await failWith({
      ...base,
      secrets: { creds: { value: "user:Hidden-Pass-7", type: "database_credentials" } },
    });
    expect(error.message).toContain('expected a JSON object for type "database_credentials"');
    expect(error.message).not.toContain("Hidden-Pass-7");
  });
});

describe("objects of options given as something else", () => {
  it.each([
    ["a secret's settings as a Promise", { token: Promise.resolve({ generate: {} }) }, "secrets.token"],
    ["a secret's settings as an Output", { token: pulumi.output({ generate: {} }) }, "secrets.token"],
    [
      "generate as a Promise",
      { token: { generate: Promise.resolve({ length: 64 }) } },
      "secrets.token.generate",
    ],
    ["generate as an Output", { token: { generate: pulumi.output({}) } }, "secrets.token.generate"],
    ["generate as a Date", { token: { generate: new Date() } }, "secrets.token.generate"],
    ["tags as a Promise", { token: { generate: {}, tags: Promise.resolve({}) } }, "secrets.token.tags"],
  ])("refuses %s with a ConfigError naming the field", async (_label, secrets, path) => {
    const { error, graph } = await failWith({ ...base, secrets });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(graph.registered).toEqual([]);
  });

  it("never generates a value with default settings for generate given as a Promise", async () => {
    const { error } = await failWith({
      ...base,
      secrets: { token: { generate: Promise.resolve({ length: 128, alphabet: "full" }) } },
    });
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: "secrets.token.generate", received: "a Promise" });
  });
});
