import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import type { StateBackendArgs } from "../src/index";
import { ADMIN_USER, PROJECT_ID, args } from "./helpers";

/** Builds with bad args; returns the ConfigError and proves nothing was registered before it. */
async function refuse(bad: unknown) {
  const { error, graph } = await recordError(() => new StateBackend("state", bad as StateBackendArgs));
  expect(error).toBeInstanceOf(ConfigError);
  expect(graph.registered).toEqual([]);
  const configError = error as ConfigError;
  expect(configError.message).toContain('scaleway-blocks:state-backend:StateBackend "state"');
  return configError;
}

function paths(error: ConfigError): string[] {
  return error.issues.map((i) => i.path);
}

describe("StateBackend refuses bad input before registering anything", () => {
  it("refuses forceDestroy: true", async () => {
    const error = await refuse(args({ forceDestroy: true as unknown as false }));
    expect(paths(error)).toEqual(["forceDestroy"]);
    expect(error.issues[0]?.expected).toContain("never force-destroyed");
  });

  it("refuses a missing projectId (the CI policy must be scoped to one project)", async () => {
    const { projectId: _omit, ...rest } = args();
    const error = await refuse(rest);
    expect(paths(error)).toEqual(["projectId"]);
  });

  it("refuses a projectId that is not a UUID", async () => {
    expect(paths(await refuse(args({ projectId: "my-project" })))).toEqual(["projectId"]);
  });

  it("refuses missing owners", async () => {
    const { owners: _omit, ...rest } = args();
    expect(paths(await refuse(rest))).toEqual(["owners"]);
  });

  it("refuses an empty owner list, which would lock the platform out", async () => {
    const error = await refuse(args({ owners: [] }));
    expect(paths(error)).toEqual(["owners"]);
    expect(error.issues[0]?.expected).toContain("locks the platform out");
  });

  it("refuses an owner with both a user and an application id", async () => {
    const error = await refuse(args({ owners: [{ userId: ADMIN_USER, applicationId: ADMIN_USER }] }));
    expect(paths(error)).toEqual(["owners[0]"]);
  });

  it("refuses an owner id that is not a UUID", async () => {
    expect(paths(await refuse(args({ owners: [{ userId: "alice@example.com" }] })))).toEqual([
      "owners[0].userId",
    ]);
  });

  it("refuses a bucket name with dots", async () => {
    expect(paths(await refuse(args({ bucketName: "acme.state" })))).toEqual(["bucketName"]);
  });

  it("refuses a bucket name with uppercase letters", async () => {
    expect(paths(await refuse(args({ bucketName: "Acme-State" })))).toEqual(["bucketName"]);
  });

  it.each(["/platform", "platform/", "a//b", "../state", "state?x=1", ""])(
    "refuses the prefix %j",
    async (prefix) => {
      expect(paths(await refuse(args({ prefix })))).toEqual(["prefix"]);
    },
  );

  it("refuses a retention of zero days", async () => {
    expect(paths(await refuse(args({ retention: { noncurrentVersionExpirationDays: 0 } })))).toEqual([
      "retention.noncurrentVersionExpirationDays",
    ]);
  });

  it("refuses a fractional backup retention", async () => {
    expect(paths(await refuse(args({ retention: { backupDays: 1.5 } })))).toEqual(["retention.backupDays"]);
  });

  it("refuses a history retention that is not a number", async () => {
    expect(paths(await refuse(args({ retention: { historyDays: "30" as unknown as number } })))).toEqual([
      "retention.historyDays",
    ]);
  });

  it("refuses an object lock with both days and years", async () => {
    expect(paths(await refuse(args({ objectLock: { mode: "GOVERNANCE", days: 1, years: 1 } })))).toEqual([
      "objectLock",
    ]);
  });

  it("refuses an unknown object lock mode", async () => {
    const error = await refuse(args({ objectLock: { mode: "LEGAL" as "GOVERNANCE", days: 1 } }));
    expect(paths(error)).toEqual(["objectLock.mode"]);
  });

  it("refuses encryption with both an existing key and createKey", async () => {
    const error = await refuse(
      args({ encryption: { createKey: true, kmsKeyId: "cccccccc-0000-4000-8000-000000000001" } }),
    );
    expect(paths(error)).toEqual(["encryption"]);
  });

  it("refuses a rotation period without createKey", async () => {
    const error = await refuse(
      args({ encryption: { kmsKeyId: "cccccccc-0000-4000-8000-000000000001", rotationPeriodDays: 30 } }),
    );
    expect(paths(error)).toEqual(["encryption"]);
  });

  it("refuses a Key Manager key from another region", async () => {
    const error = await refuse(
      args({ region: "fr-par", encryption: { kmsKeyId: "nl-ams/cccccccc-0000-4000-8000-000000000001" } }),
    );
    expect(paths(error)).toEqual(["encryption.kmsKeyId"]);
  });

  it("refuses an API key expiry in the past", async () => {
    const error = await refuse(args({ apiKey: { expiresAt: "2020-01-01T00:00:00Z" } }));
    expect(paths(error)).toEqual(["apiKey.expiresAt"]);
    expect(error.issues[0]?.expected).toContain("in the future");
  });

  it.each(["next year", "2099-12-31", "2099-12-31T00:00:00", "31/12/2099"])(
    "refuses the API key expiry %j, which is not an ISO date-time with a time zone",
    async (expiresAt) => {
      const error = await refuse(args({ apiKey: { expiresAt } }));
      expect(paths(error)).toEqual(["apiKey.expiresAt"]);
      expect(error.issues[0]?.expected).toContain("RFC 3339");
    },
  );

  it("refuses a region where the blocks do not run", async () => {
    expect(paths(await refuse(args({ region: "us-east-1" as "fr-par" })))).toEqual(["region"]);
  });

  it("refuses protect: false: the state bucket is always protected", async () => {
    const error = await refuse({ ...args(), protect: false });
    expect(paths(error)).toEqual(["protect"]);
    expect(error.issues[0]?.expected).toContain("always protected");
  });

  it("refuses unknown keys, such as a versioning switch", async () => {
    const error = await refuse({ ...args(), versioning: false });
    expect(paths(error)).toEqual([""]);
    expect(error.issues[0]?.received).toContain('"versioning"');
  });

  it("refuses both an API key expiry and a rotation policy", async () => {
    const error = await refuse(
      args({
        apiKey: {
          expiresAt: "2099-12-31T23:59:59Z",
          rotation: { lifetimeDays: 90, rotateEveryDays: 30 },
        },
      }),
    );
    expect(paths(error)).toEqual(["apiKey.rotation"]);
  });

  it("refuses a rotation policy that does not replace the key before it expires", async () => {
    const error = await refuse(args({ apiKey: { rotation: { lifetimeDays: 30, rotateEveryDays: 30 } } }));
    expect(paths(error)).toEqual(["apiKey.rotation.rotateEveryDays"]);
  });

  it.each([
    ["days", { mode: "COMPLIANCE", days: 36_501 }],
    ["years", { mode: "COMPLIANCE", years: 2026 }],
  ] as const)("refuses an object lock of more than a century in %s", async (field, objectLock) => {
    const error = await refuse(args({ objectLock }));
    expect(paths(error)).toEqual([`objectLock.${field}`]);
  });

  it.each([
    ["retention", new Date()],
    ["encryption", Promise.resolve({ createKey: true })],
    ["objectLock", pulumi.output({ mode: "GOVERNANCE", days: 30 })],
  ])("refuses %s given as a Promise, an Output or a Date", async (field, value) => {
    const error = await refuse({ ...args(), [field]: value });
    expect(paths(error)).toEqual([field]);
    expect(error.issues[0]?.expected).toContain("object literal");
  });

  it("names every bad field at once", async () => {
    const error = await refuse({
      project: "platform",
      environment: "production",
      projectId: PROJECT_ID,
      owners: [],
      prefix: "/x",
      forceDestroy: true,
    });
    expect(paths(error).sort()).toEqual(["forceDestroy", "owners", "prefix"]);
  });
});
