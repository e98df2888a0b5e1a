import { ConfigError } from "@scaleway-blocks/core";
import { compareValidator, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Identity, validateIdentityArgs } from "../src/index";
import type { IdentityArgs } from "../src/index";
import { POLICY, READ_ORDERS, argsWith } from "./helpers";

async function issuesOf(args: IdentityArgs) {
  const { error, graph } = await recordError(() => new Identity("worker", args));
  expect(error).toBeInstanceOf(ConfigError);
  expect(graph.registered).toEqual([]);
  return (error as ConfigError).issues;
}

describe("bad args", () => {
  it("refuses a grant name used twice in permissions, before anything is created", async () => {
    const issues = await issuesOf(argsWith({ permissions: [READ_ORDERS, READ_ORDERS] }));
    expect(issues).toEqual([
      expect.objectContaining({
        path: "permissions[1].name",
        expected: expect.stringContaining('"orders-read"'),
      }),
    ]);
  });

  it("refuses a grant name that cannot be part of a Pulumi and Scaleway name", async () => {
    const issues = await issuesOf(argsWith({ permissions: [{ ...READ_ORDERS, name: "Orders Read" }] }));
    expect(issues.map((i) => i.path)).toEqual(["permissions[0].name"]);
  });

  it("refuses a grant without permission sets", async () => {
    const issues = await issuesOf(argsWith({ permissions: [{ ...READ_ORDERS, permissionSets: [] }] }));
    expect(issues.map((i) => i.path)).toEqual(["permissions[0].permissionSets"]);
  });

  it("refuses both an expiry date and a rotation for the API key", async () => {
    const issues = await issuesOf(
      argsWith({
        apiKey: { expiresAt: "2099-01-01T00:00:00Z", rotation: { lifetimeDays: 10, rotateEveryDays: 5 } },
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(["apiKey.rotation"]);
  });

  it("refuses an expiry date in the past", async () => {
    const issues = await issuesOf(argsWith({ apiKey: { expiresAt: "2001-01-01T00:00:00Z" } }));
    expect(issues.map((i) => i.path)).toEqual(["apiKey.expiresAt"]);
  });

  it("refuses an empty description", async () => {
    const issues = await issuesOf(argsWith({ description: "" }));
    expect(issues.map((i) => i.path)).toEqual(["description"]);
  });
});

describe("allow with a bad grant", () => {
  it("refuses a grant name used before, naming it", async () => {
    const { error } = await recordError(() => {
      const identity = new Identity("worker", argsWith({ permissions: [READ_ORDERS] }));
      identity.allow(READ_ORDERS);
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('"orders-read"');
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["allow.name"]);
  });

  it("refuses a grant with a bad project id, at allow.projectId", async () => {
    const { error } = await recordError(() =>
      new Identity("worker", argsWith()).allow({ ...READ_ORDERS, projectId: "not-a-project" }),
    );
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["allow.projectId"]);
  });

  it("creates no policy for a refused grant", async () => {
    const { graph } = await recordError(() =>
      new Identity("worker", argsWith()).allow({ ...READ_ORDERS, permissionSets: [] }),
    );
    expect(graph.byType(POLICY)).toEqual([]);
  });
});

describe("validateIdentityArgs", () => {
  it("makes the constructor's checks and creates nothing", async () => {
    const comparison = await compareValidator({
      validate: validateIdentityArgs,
      construct: (name, args: IdentityArgs) => new Identity(name, args),
      valid: argsWith({ permissions: [READ_ORDERS] }),
      invalid: argsWith({ permissions: [READ_ORDERS, READ_ORDERS] }),
    });
    expect(comparison.registeredWhenValid).toEqual([]);
    expect(comparison.registeredWhenInvalid).toEqual([]);
    expect(comparison.validatorIssues).toBeDefined();
    expect(comparison.validatorIssues).toEqual(comparison.constructorIssues);
  });

  it("returns for valid args", () => {
    expect(validateIdentityArgs("worker", argsWith())).toBeUndefined();
  });
});
