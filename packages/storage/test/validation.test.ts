import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { BLOCK_TYPES, record, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { APP_CI, APP_READER, KEY_ID, T, args } from "./helpers";

/** Builds a Bucket with bad args and returns the ConfigError, after checking nothing was registered. */
async function configError(bad: Record<string, unknown>): Promise<ConfigError> {
  const { error, graph } = await recordError(() => new Bucket("assets", args(bad)));
  expect(graph.registered).toEqual([]);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const paths = (error: ConfigError) => error.issues.map((i) => i.path);

describe("Bucket refuses bad input before registering anything", () => {
  it("names the component and the field in the error message", async () => {
    const error = await configError({ bucketName: "Bad_Name" });
    expect(error.message).toContain('scaleway-blocks:storage:Bucket "assets"');
    expect(error.message).toContain("bucketName");
    expect(error.componentType).toBe(BLOCK_TYPES.storage);
  });

  it.each([
    ["too short", "ab"],
    ["too long", "a".repeat(64)],
    ["uppercase", "Shop-assets"],
    ["underscore", "shop_assets"],
    ["a dot (breaks the wildcard certificate)", "shop.assets"],
    ["a leading hyphen", "-shop-assets"],
    ["a trailing hyphen", "shop-assets-"],
  ])("refuses a bucket name with %s", async (_what, name) => {
    const error = await configError({ bucketName: name });
    expect(paths(error)).toEqual(["bucketName"]);
  });

  it("explains why dots are refused", async () => {
    const error = await configError({ bucketName: "shop.assets" });
    expect(error.issues[0]?.expected).toContain("certificate");
  });

  it("accepts names that start with a digit and are exactly 3 or 63 characters", async () => {
    for (const name of ["3ab", `a${"b".repeat(61)}c`]) {
      const { graph } = await record(() => new Bucket("assets", args({ bucketName: name })));
      expect(graph.inputsOf(T.bucket).name).toBe(name);
    }
  });

  it("leaves forceDestroy in production to the policy, which states that rule once", async () => {
    const { graph } = await record(
      () => new Bucket("assets", args({ environment: "production", forceDestroy: true })),
    );
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(true);
  });

  it("refuses GLACIER transitions in pl-waw, where Glacier is not offered", async () => {
    const error = await configError({
      region: "pl-waw",
      lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER" }] },
    });
    expect(paths(error)).toEqual(["lifecycle.transitions[0].storageClass"]);
    expect(error.issues[0]?.expected).toContain("fr-par | nl-ams");
  });

  it("refuses GLACIER transitions in user rules in pl-waw", async () => {
    const error = await configError({
      region: "pl-waw",
      lifecycle: { rules: [{ id: "archive", transitions: [{ days: 90, storageClass: "GLACIER" }] }] },
    });
    expect(paths(error)).toEqual(["lifecycle.rules[0].transitions[0].storageClass"]);
  });

  it("refuses an unknown storage class", async () => {
    const error = await configError({
      lifecycle: { transitions: [{ days: 30, storageClass: "DEEP_ARCHIVE" }] },
    });
    expect(paths(error)).toEqual(["lifecycle.transitions[0].storageClass"]);
  });

  it("refuses the same storage class twice in transitions", async () => {
    const error = await configError({
      lifecycle: {
        transitions: [
          { days: 30, storageClass: "ONEZONE_IA" },
          { days: 60, storageClass: "ONEZONE_IA" },
        ],
      },
    });
    expect(paths(error)).toEqual(["lifecycle.transitions"]);
  });

  it("refuses a GLACIER transition that comes before the ONEZONE_IA one", async () => {
    const error = await configError({
      lifecycle: {
        transitions: [
          { days: 90, storageClass: "GLACIER" },
          { days: 120, storageClass: "ONEZONE_IA" },
        ],
      },
    });
    expect(paths(error)).toEqual(["lifecycle.transitions"]);
  });

  it("refuses non-positive or fractional lifecycle days", async () => {
    const error = await configError({
      lifecycle: { noncurrentVersionExpirationDays: 0, abortIncompleteMultipartUploadDays: 1.5 },
    });
    expect(paths(error).sort()).toEqual([
      "lifecycle.abortIncompleteMultipartUploadDays",
      "lifecycle.noncurrentVersionExpirationDays",
    ]);
  });

  it("refuses a noncurrent-version expiration when versioning is off", async () => {
    const error = await configError({ versioning: false, lifecycle: { noncurrentVersionExpirationDays: 7 } });
    expect(paths(error)).toEqual(["lifecycle.noncurrentVersionExpirationDays"]);
  });

  it("refuses a user rule without any action", async () => {
    const error = await configError({ lifecycle: { rules: [{ id: "nothing", prefix: "tmp/" }] } });
    expect(paths(error)).toEqual(["lifecycle.rules[0]"]);
  });

  it("refuses user rules that reuse the component's ids or each other's", async () => {
    const reserved = await configError({ lifecycle: { rules: [{ id: "housekeeping", expirationDays: 1 }] } });
    expect(paths(reserved)).toEqual(["lifecycle.rules[0].id"]);
    const duplicate = await configError({
      lifecycle: {
        rules: [
          { id: "tmp", expirationDays: 1 },
          { id: "tmp", expirationDays: 2 },
        ],
      },
    });
    expect(paths(duplicate)).toEqual(["lifecycle.rules[1].id"]);
  });

  it("refuses unknown keys in a user rule", async () => {
    const error = await configError({ lifecycle: { rules: [{ id: "tmp", expirationDays: 1, filter: {} }] } });
    expect(paths(error)).toEqual(["lifecycle.rules[0]"]);
    expect(error.issues[0]?.received).toContain("filter");
  });

  it("refuses CORS methods outside GET, PUT, POST, DELETE and HEAD", async () => {
    const error = await configError({
      corsRules: [{ allowedMethods: ["GET", "PATCH"], allowedOrigins: ["https://shop.example.com"] }],
    });
    expect(paths(error)).toEqual(["corsRules[0].allowedMethods[1]"]);
    expect(error.issues[0]?.expected).toContain("GET | PUT | POST | DELETE | HEAD");
  });

  it("refuses a CORS rule without origins", async () => {
    const error = await configError({ corsRules: [{ allowedMethods: ["GET"], allowedOrigins: [] }] });
    expect(paths(error)).toEqual(["corsRules[0].allowedOrigins"]);
  });

  it("refuses publicRead together with SSE-KMS encryption", async () => {
    const error = await configError({ publicRead: true, encryption: { kmsKeyId: KEY_ID } });
    expect(paths(error)).toEqual(["encryption"]);
  });

  it("refuses publicRead together with a GLACIER transition", async () => {
    const error = await configError({
      publicRead: true,
      lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER" }] },
    });
    expect(paths(error)).toEqual(["lifecycle.transitions[0].storageClass"]);
  });

  it("refuses encryption with both or neither of kmsKeyId and createKey", async () => {
    const both = await configError({ encryption: { kmsKeyId: KEY_ID, createKey: true } });
    expect(paths(both)).toEqual(["encryption"]);
    const neither = await configError({ encryption: {} });
    expect(paths(neither)).toEqual(["encryption"]);
  });

  it("refuses a malformed key id", async () => {
    const error = await configError({ encryption: { kmsKeyId: "my-key" } });
    expect(paths(error)).toEqual(["encryption.kmsKeyId"]);
  });

  it("refuses a key from another region than the bucket's", async () => {
    const error = await configError({ region: "fr-par", encryption: { kmsKeyId: `nl-ams/${KEY_ID}` } });
    expect(paths(error)).toEqual(["encryption.kmsKeyId"]);
  });

  it("refuses rotationPeriodDays without createKey", async () => {
    const error = await configError({ encryption: { kmsKeyId: KEY_ID, rotationPeriodDays: 30 } });
    expect(paths(error)).toEqual(["encryption"]);
  });

  it("refuses an object lock mode other than GOVERNANCE or COMPLIANCE", async () => {
    const error = await configError({ objectLock: { mode: "LEGAL", days: 1 } });
    expect(paths(error)).toEqual(["objectLock.mode"]);
  });

  it("refuses an object lock with both or neither of days and years", async () => {
    const both = await configError({ objectLock: { mode: "GOVERNANCE", days: 1, years: 1 } });
    expect(paths(both)).toEqual(["objectLock"]);
    const neither = await configError({ objectLock: { mode: "GOVERNANCE" } });
    expect(paths(neither)).toEqual(["objectLock"]);
  });

  it("refuses object lock with versioning off", async () => {
    const error = await configError({ objectLock: { mode: "GOVERNANCE", days: 1 }, versioning: false });
    expect(paths(error)).toEqual(["versioning"]);
  });

  it("refuses object lock with forceDestroy", async () => {
    const error = await configError({ objectLock: { mode: "COMPLIANCE", days: 1 }, forceDestroy: true });
    expect(paths(error)).toEqual(["forceDestroy"]);
  });

  it("refuses a bucket policy without owners, which would lock the platform out", async () => {
    const error = await configError({ access: { owners: [], readApplicationIds: [APP_READER] } });
    expect(paths(error)).toEqual(["access.owners"]);
    expect(error.issues[0]?.expected).toContain("lock-out");
  });

  it("refuses an owner with both or neither of userId and applicationId", async () => {
    const error = await configError({ access: { owners: [{ userId: APP_CI, applicationId: APP_CI }, {}] } });
    expect(paths(error)).toEqual(["access.owners[0]", "access.owners[1]"]);
  });

  it("refuses application ids that are not UUIDs", async () => {
    const error = await configError({
      access: { owners: [{ applicationId: APP_CI }], readApplicationIds: ["reader"] },
    });
    expect(paths(error)).toEqual(["access.readApplicationIds[0]"]);
  });

  it("refuses an application that is both reader and writer", async () => {
    const error = await configError({
      access: {
        owners: [{ applicationId: APP_CI }],
        readApplicationIds: [APP_READER],
        readWriteApplicationIds: [APP_READER],
      },
    });
    expect(paths(error)).toEqual(["access.readApplicationIds[0]"]);
  });

  it("refuses the same application id twice in a list", async () => {
    const error = await configError({
      access: { owners: [{ applicationId: APP_CI }], readApplicationIds: [APP_READER, APP_READER] },
    });
    expect(paths(error)).toEqual(["access.readApplicationIds"]);
  });

  it("refuses the deprecated acl input and other unknown keys", async () => {
    const error = await configError({ acl: "public-read" });
    expect(paths(error)).toEqual([""]);
    expect(error.issues[0]?.received).toContain("acl");
  });

  it("refuses a region without Object Storage and a malformed projectId", async () => {
    const error = await configError({ region: "us-east-1", projectId: "default" });
    expect(paths(error).sort()).toEqual(["projectId", "region"]);
  });

  it("refuses a public tag of the user's own: only publicRead sets it", async () => {
    for (const publicRead of [true, false]) {
      const error = await configError({ publicRead, tags: { public: publicRead ? "false" : "true" } });
      expect(paths(error)).toEqual(["tags.public"]);
      expect(error.issues[0]?.expected).toContain("publicRead");
    }
  });

  it("lists every bad field at once", async () => {
    const error = await configError({
      bucketName: "x",
      publicRead: "yes",
      corsRules: [{ allowedMethods: ["GET"] }],
    });
    expect(paths(error).sort()).toEqual(["bucketName", "corsRules[0].allowedOrigins", "publicRead"]);
  });
});

describe("Bucket lifecycle rules follow Scaleway's transition rules", () => {
  const rule = (transitions: Array<{ days: number; storageClass: string }>) => ({
    lifecycle: { rules: [{ id: "archive", transitions }] },
  });

  it("refuses a transition to STANDARD, where objects start: transitions only go to colder classes", async () => {
    const error = await configError(rule([{ days: 90, storageClass: "STANDARD" }]));
    expect(paths(error)).toEqual(["lifecycle.rules[0].transitions[0].storageClass"]);
    expect(error.issues[0]?.expected).toContain("ONEZONE_IA | GLACIER");
  });

  it("refuses two transitions to the same class in one rule", async () => {
    const error = await configError(
      rule([
        { days: 30, storageClass: "ONEZONE_IA" },
        { days: 60, storageClass: "ONEZONE_IA" },
      ]),
    );
    expect(paths(error)).toEqual(["lifecycle.rules[0].transitions"]);
  });

  it("refuses the same transition given twice in one rule", async () => {
    const error = await configError(
      rule([
        { days: 90, storageClass: "GLACIER" },
        { days: 90, storageClass: "GLACIER" },
      ]),
    );
    expect(paths(error)).toEqual(["lifecycle.rules[0].transitions"]);
  });

  it("refuses a rule's GLACIER transition that comes before its ONEZONE_IA one", async () => {
    const error = await configError(
      rule([
        { days: 90, storageClass: "GLACIER" },
        { days: 120, storageClass: "ONEZONE_IA" },
      ]),
    );
    expect(paths(error)).toEqual(["lifecycle.rules[0].transitions"]);
  });

  it.each([
    ["ONEZONE_IA", 29, "30"],
    ["GLACIER", 89, "90"],
  ])(
    "refuses a transition to %s after %i days, sooner than Scaleway's minimal duration",
    async (storageClass, days, minimum) => {
      const own = await configError({ lifecycle: { transitions: [{ days, storageClass }] } });
      expect(paths(own)).toEqual(["lifecycle.transitions[0].days"]);
      expect(own.issues[0]?.expected).toContain(minimum);
      const user = await configError(rule([{ days, storageClass }]));
      expect(paths(user)).toEqual(["lifecycle.rules[0].transitions[0].days"]);
    },
  );

  it("accepts transitions at exactly the minimal durations", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "archive",
          args({
            lifecycle: {
              rules: [
                {
                  id: "archive",
                  transitions: [
                    { days: 30, storageClass: "ONEZONE_IA" },
                    { days: 90, storageClass: "GLACIER" },
                  ],
                },
              ],
            },
          }),
        ),
    );
    expect(graph.byType(T.bucket)).toHaveLength(1);
  });
});

describe("Bucket numbers and texts stay within their documented bounds", () => {
  it.each([
    ["lifecycle.noncurrentVersionExpirationDays", { noncurrentVersionExpirationDays: 2 ** 53 }],
    ["lifecycle.abortIncompleteMultipartUploadDays", { abortIncompleteMultipartUploadDays: 36_501 }],
    ["lifecycle.transitions[0].days", { transitions: [{ days: 2 ** 53, storageClass: "ONEZONE_IA" }] }],
    ["lifecycle.rules[0].expirationDays", { rules: [{ id: "r", expirationDays: 2 ** 31 }] }],
    [
      "lifecycle.rules[0].transitions[0].days",
      { rules: [{ id: "r", transitions: [{ days: 36_501, storageClass: "GLACIER" }] }] },
    ],
    [
      "lifecycle.rules[0].noncurrentVersionExpirationDays",
      { rules: [{ id: "r", noncurrentVersionExpirationDays: 99_999 }] },
    ],
    [
      "lifecycle.rules[0].abortIncompleteMultipartUploadDays",
      { rules: [{ id: "r", abortIncompleteMultipartUploadDays: 2 ** 53 }] },
    ],
  ])("refuses more than 36500 days in %s", async (path, lifecycle) => {
    const error = await configError({ lifecycle });
    expect(paths(error)).toEqual([path]);
    expect(error.issues[0]?.expected).toContain("36500");
  });

  it("accepts 36500 days, a century", async () => {
    const { graph } = await record(
      () => new Bucket("logs", args({ lifecycle: { rules: [{ id: "r", expirationDays: 36_500 }] } })),
    );
    expect((graph.inputsOf(T.bucket).lifecycleRules as Array<{ id: string }>).map((r) => r.id)).toContain(
      "r",
    );
  });

  it.each([
    ["days", { mode: "COMPLIANCE", days: 36_501 }, "36500"],
    ["years", { mode: "COMPLIANCE", years: 101 }, "100"],
    ["years", { mode: "GOVERNANCE", years: 2026 }, "100"],
  ])("refuses an object lock retention of more than a century in %s", async (field, objectLock, max) => {
    const error = await configError({ objectLock });
    expect(paths(error)).toEqual([`objectLock.${field}`]);
    expect(error.issues[0]?.expected).toContain(max);
  });

  it.each([
    ["NUL", "logs/\u0000"],
    ["a line feed", "logs/\nold"],
    ["a tab", "logs\t/"],
    ["DEL", "logs\u007f"],
  ])("refuses a lifecycle prefix containing %s", async (_what, prefix) => {
    const error = await configError({ lifecycle: { rules: [{ id: "r", prefix, expirationDays: 1 }] } });
    expect(paths(error)).toEqual(["lifecycle.rules[0].prefix"]);
    expect(error.issues[0]?.expected).toContain("control character");
  });

  it("refuses a lifecycle prefix longer than an object key (1024 bytes)", async () => {
    const error = await configError({
      lifecycle: { rules: [{ id: "r", prefix: "é".repeat(513), expirationDays: 1 }] },
    });
    expect(paths(error)).toEqual(["lifecycle.rules[0].prefix"]);
    expect(error.issues[0]?.expected).toContain("1024 bytes");
  });
});

describe("Bucket refuses option objects that are not plain objects", () => {
  it.each([
    ["lifecycle", new Date()],
    ["encryption", Promise.resolve({ createKey: true })],
    ["objectLock", pulumi.output({ mode: "GOVERNANCE", days: 30 })],
    ["access", Promise.resolve({ owners: [{ applicationId: APP_CI }] })],
  ])("refuses %s given as a Promise, an Output or a Date", async (field, value) => {
    const error = await configError({ [field]: value });
    expect(paths(error)).toEqual([field]);
    expect(error.issues[0]?.expected).toContain("object literal");
  });
});
