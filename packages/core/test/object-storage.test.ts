import { describe, expect, it } from "vitest";
import {
  BUCKET_NAME_PATTERN,
  bucketEncryptionSchema,
  bucketNameSchema,
  kmsKeyRegionProblem,
  objectLockSchema,
} from "../src/internal";

const KEY_ID = "cccccccc-0000-4000-8000-000000000001";

const messageOf = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe("bucketNameSchema", () => {
  it.each(["abc", "shop-production-uploads-3f9a1c", "a".repeat(63), "0-9"])("accepts %j", (name) => {
    expect(bucketNameSchema.parse(name)).toBe(name);
    expect(BUCKET_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each([
    ["ab", "expected a bucket name of at least 3 characters"],
    ["a".repeat(64), "expected a bucket name of at most 63 characters"],
    [
      "my.bucket",
      "expected no dots in the bucket name: <bucket>.s3.<region>.scw.cloud would not match the *.s3.<region>.scw.cloud certificate",
    ],
    [
      "Uploads",
      "expected lowercase letters, digits and hyphens, starting and ending with a letter or a digit",
    ],
    [
      "-uploads",
      "expected lowercase letters, digits and hyphens, starting and ending with a letter or a digit",
    ],
    [
      "uploads-",
      "expected lowercase letters, digits and hyphens, starting and ending with a letter or a digit",
    ],
  ])("refuses %j", (name, message) => {
    expect(messageOf(bucketNameSchema.safeParse(name))).toBe(message);
  });

  it("refuses a name that is not a string", () => {
    expect(messageOf(bucketNameSchema.safeParse(42))).toBe("expected a bucket name (a string)");
  });
});

describe("objectLockSchema", () => {
  it.each([
    { mode: "GOVERNANCE", days: 30 },
    { mode: "COMPLIANCE", years: 7 },
  ])("accepts %j", (lock) => {
    expect(objectLockSchema.parse(lock)).toEqual(lock);
  });

  it("refuses an unknown mode, listing the modes", () => {
    expect(messageOf(objectLockSchema.safeParse({ mode: "LEGAL_HOLD", days: 1 }))).toBe(
      "expected a lock mode: GOVERNANCE | COMPLIANCE",
    );
  });

  it.each([{ mode: "GOVERNANCE" }, { mode: "GOVERNANCE", days: 1, years: 1 }])(
    "refuses %j: exactly one of days or years",
    (lock) => {
      expect(messageOf(objectLockSchema.safeParse(lock))).toBe("expected exactly one of days or years");
    },
  );

  it("refuses a retention under one day", () => {
    expect(messageOf(objectLockSchema.safeParse({ mode: "GOVERNANCE", days: 0 }))).toBe(
      "expected at least 1 day",
    );
  });
});

describe("bucketEncryptionSchema", () => {
  it.each([
    { kmsKeyId: KEY_ID },
    { kmsKeyId: "fr-par/" + KEY_ID },
    { createKey: true, rotationPeriodDays: 30 },
  ])("accepts %j", (encryption) => {
    expect(bucketEncryptionSchema.parse(encryption)).toEqual(encryption);
  });

  it.each([{}, { kmsKeyId: KEY_ID, createKey: true }, { createKey: false }])(
    "refuses %j: exactly one of kmsKeyId or createKey: true",
    (encryption) => {
      expect(messageOf(bucketEncryptionSchema.safeParse(encryption))).toBe(
        "expected either kmsKeyId or createKey: true",
      );
    },
  );

  it("refuses a rotation period without createKey", () => {
    expect(messageOf(bucketEncryptionSchema.safeParse({ kmsKeyId: KEY_ID, rotationPeriodDays: 30 }))).toBe(
      "expected rotationPeriodDays only with createKey: true",
    );
  });

  it("refuses a key name instead of a key id", () => {
    expect(messageOf(bucketEncryptionSchema.safeParse({ kmsKeyId: "my-key" }))).toBe(
      'expected a Key Manager key id: "<uuid>" or "<region>/<uuid>"',
    );
  });

  it("refuses a rotation period over ten years", () => {
    expect(messageOf(bucketEncryptionSchema.safeParse({ createKey: true, rotationPeriodDays: 3651 }))).toBe(
      "expected at most 3650 days",
    );
  });
});

describe("kmsKeyRegionProblem", () => {
  it("refuses a regional key id of another region, naming the bucket's region", () => {
    expect(kmsKeyRegionProblem(`nl-ams/${KEY_ID}`, "fr-par")).toBe(
      "expected a key in the bucket's region (fr-par)",
    );
  });

  it("accepts a key of the bucket's region", () => {
    expect(kmsKeyRegionProblem(`fr-par/${KEY_ID}`, "fr-par")).toBeUndefined();
  });

  it("does not check what does not say its region: a bare UUID, an Output or nothing", () => {
    expect(kmsKeyRegionProblem(KEY_ID, "fr-par")).toBeUndefined();
    expect(kmsKeyRegionProblem(Promise.resolve(`nl-ams/${KEY_ID}`), "fr-par")).toBeUndefined();
    expect(kmsKeyRegionProblem(undefined, "fr-par")).toBeUndefined();
  });
});
