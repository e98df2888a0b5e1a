import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { keyManagerKeyIdSchema } from "./ids";
import type { AssertSameShape } from "./shape";

/**
 * Scaleway bucket names are global across every Scaleway customer: 3–63 characters, lowercase
 * letters, digits and hyphens, starting and ending with a letter or a digit. Dots are refused here
 * (Scaleway allows them) because `<bucket>.s3.<region>.scw.cloud` would no longer match the
 * wildcard certificate `*.s3.<region>.scw.cloud`, which is not recursive.
 */
export const BUCKET_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** A bucket name by {@link BUCKET_NAME_PATTERN}'s rules, with a message for each broken one. */
export const bucketNameSchema = z
  .string({ error: () => "expected a bucket name (a string)" })
  .min(3, "expected a bucket name of at least 3 characters")
  .max(63, "expected a bucket name of at most 63 characters")
  .refine((name) => !name.includes("."), {
    message:
      "expected no dots in the bucket name: <bucket>.s3.<region>.scw.cloud would not match the *.s3.<region>.scw.cloud certificate",
    abort: true,
  })
  .regex(
    BUCKET_NAME_PATTERN,
    "expected lowercase letters, digits and hyphens, starting and ending with a letter or a digit",
  );

/** Object lock retention modes. */
export const ObjectLockMode = {
  /** Privileged users can shorten or remove the retention. */
  Governance: "GOVERNANCE",
  /** Nobody can shorten or remove the retention, not even the Organization owner, until it ends. */
  Compliance: "COMPLIANCE",
} as const;
export type ObjectLockMode = (typeof ObjectLockMode)[keyof typeof ObjectLockMode];
export const OBJECT_LOCK_MODES: readonly ObjectLockMode[] = Object.values(ObjectLockMode);

/** Write-once-read-many default retention of a bucket: a mode and exactly one of days or years. */
export const objectLockSchema = z
  .strictObject({
    /**
     * GOVERNANCE: privileged users can shorten or remove the retention; COMPLIANCE: nobody can,
     * not even the Organization owner, until the retention ends.
     */
    mode: z.enum(ObjectLockMode, {
      error: () => `expected a lock mode: ${OBJECT_LOCK_MODES.join(" | ")}`,
    }),
    /** Default retention in days (exactly one of days or years). */
    days: z.number().int("expected a whole number of days").min(1, "expected at least 1 day").optional(),
    /** Default retention in years (exactly one of days or years). */
    years: z.number().int("expected a whole number of years").min(1, "expected at least 1 year").optional(),
  })
  .refine((l) => (l.days === undefined) !== (l.years === undefined), {
    message: "expected exactly one of days or years",
  });
/** Write-once-read-many default retention of a bucket: a mode and exactly one of days or years. */
export interface ObjectLock {
  /**
   * GOVERNANCE: privileged users can shorten or remove the retention; COMPLIANCE: nobody can, not even
   * the Organization owner, until the retention ends.
   */
  mode: ObjectLockMode;
  /**
   * Default retention in days (exactly one of days or years).
   * @default none (give days or years)
   */
  days?: number;
  /**
   * Default retention in years (exactly one of days or years).
   * @default none (give days or years)
   */
  years?: number;
}
const _objectLockMatchesSchema: AssertSameShape<ObjectLock, z.input<typeof objectLockSchema>> = true;

/**
 * Server-side encryption (SSE-KMS) of a bucket: an existing Key Manager key, or `createKey: true`
 * (with an optional rotation period) for a dedicated one. Whether a given key lies in the bucket's
 * region is for the enclosing schema to check: it knows the region.
 */
export const bucketEncryptionSchema = z
  .strictObject({
    /** An existing Key Manager key (symmetric, aes_256_gcm) in the bucket's region. */
    kmsKeyId: keyManagerKeyIdSchema.optional(),
    /** Create a dedicated Key Manager key for the bucket (Scaleway's recommendation: one key per bucket). */
    createKey: z.boolean().optional(),
    /** Rotation period of the created key, in days. Default 90. */
    rotationPeriodDays: z
      .number()
      .int("expected a whole number of days")
      .min(1, "expected at least 1 day")
      .max(3650, "expected at most 3650 days")
      .optional(),
  })
  .refine((e) => (e.kmsKeyId !== undefined) !== (e.createKey === true), {
    message: "expected either kmsKeyId or createKey: true",
  })
  .refine((e) => e.rotationPeriodDays === undefined || e.createKey === true, {
    message: "expected rotationPeriodDays only with createKey: true",
  });
/**
 * Server-side encryption (SSE-KMS) of a bucket: an existing Key Manager key (`kmsKeyId`), or
 * `createKey: true` for a dedicated one.
 */
export interface BucketEncryption {
  /**
   * An existing Key Manager key (symmetric, aes_256_gcm) in the bucket's region: "<uuid>" or
   * "<region>/<uuid>", or an Output of one. Not with `createKey`.
   * @default none (give kmsKeyId or createKey: true)
   */
  kmsKeyId?: pulumi.Input<string>;
  /**
   * Create a dedicated Key Manager key for the bucket (Scaleway's recommendation: one key per bucket).
   * @default false (give kmsKeyId or createKey: true)
   */
  createKey?: boolean;
  /**
   * Rotation period of the created key, in days, 1–3650. Only with `createKey`.
   * @default 90
   */
  rotationPeriodDays?: number;
}
const _bucketEncryptionMatchesSchema: AssertSameShape<
  BucketEncryption,
  z.input<typeof bucketEncryptionSchema>
> = true;

/**
 * Why a Key Manager key cannot encrypt a bucket of `region`, or undefined: SSE-KMS needs a key of the
 * bucket's own region. Only a regional id ("nl-ams/<uuid>") says where the key is: a bare UUID, an
 * Output or a Promise is not checked.
 */
export function kmsKeyRegionProblem(kmsKeyId: unknown, region: string): string | undefined {
  if (typeof kmsKeyId !== "string") return undefined;
  const parts = kmsKeyId.split("/");
  return parts.length === 2 && parts[0] !== region
    ? `expected a key in the bucket's region (${region})`
    : undefined;
}
