import {
  bucketEncryptionSchema,
  bucketNameSchema,
  commonArgsShape,
  iamPrincipalSchema,
  kmsKeyRegionProblem,
  objectLockSchema,
  projectIdSchema,
} from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { z } from "zod";

/**
 * How long the state bucket keeps what Pulumi leaves behind, per environment. State is tiny, and
 * these copies are what you recover from, so the defaults are generous everywhere.
 */
export const RETENTION_DEFAULTS: Readonly<
  Record<Environment, { readonly noncurrentVersionDays: number; readonly backupDays: number }>
> = Object.freeze({
  dev: Object.freeze({ noncurrentVersionDays: 30, backupDays: 14 }),
  staging: Object.freeze({ noncurrentVersionDays: 90, backupDays: 30 }),
  production: Object.freeze({ noncurrentVersionDays: 365, backupDays: 90 }),
});

/** A path inside the bucket: segments of letters, digits, "-" and "_", joined by single slashes. */
export const PREFIX_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

const prefixSchema = z
  .string({ error: () => "expected a prefix (a string)" })
  .min(1, { message: "expected a non-empty prefix", abort: true })
  .max(200, "expected a prefix of at most 200 characters")
  .regex(
    PREFIX_PATTERN,
    'expected path segments of letters, digits, "-" and "_" joined by "/", without a leading or trailing "/" (e.g. "pulumi" or "platform/state")',
  );

const days = (what: string) =>
  z
    .number({ error: () => `expected a whole number of days (${what})` })
    .int(`expected a whole number of days (${what})`)
    .min(1, `expected at least 1 day (${what})`)
    .max(3650, `expected at most 3650 days (${what})`);

const retentionSchema = z.strictObject({
  /**
   * Delete noncurrent (overwritten or deleted) versions of every object, state files included,
   * this many days after they became noncurrent. Default: dev 30, staging 90, production 365.
   */
  noncurrentVersionDays: days("noncurrentVersionDays").optional(),
  /**
   * Delete the checkpoint copies Pulumi writes under `.pulumi/backups/` after every update this
   * many days after they were written. Default: dev 14, staging 30, production 90.
   */
  backupDays: days("backupDays").optional(),
  /**
   * Delete the update history under `.pulumi/history/` (what `pulumi stack history` shows) this
   * many days after it was written. Default: kept.
   */
  historyDays: days("historyDays").optional(),
});

/** RFC 3339 date-time with an explicit offset, e.g. "2027-06-30T00:00:00Z", that lies in the future. */
const expiresAtSchema = z
  .string({ error: () => "expected an ISO 8601 date-time (a string)" })
  .refine((value) => z.iso.datetime({ offset: true }).safeParse(value).success, {
    message: 'expected an ISO 8601 date-time with a time zone, e.g. "2027-06-30T00:00:00Z"',
    abort: true,
  })
  .refine((value) => Date.parse(value) > Date.now(), {
    message: "expected a date in the future (an API key cannot be created already expired)",
  });

export const stateBackendArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /**
     * The Scaleway project of the bucket. Required: the CI policy is scoped to it and the API key
     * acts on it (S3 calls use the key's default project). **Changing it recreates the bucket**,
     * which protect refuses.
     */
    projectId: projectIdSchema,
    /**
     * The bucket's global name. Default: storage's derived name `<project>-<environment>-<name>-<hash>`.
     * **Changing it recreates the bucket**, which protect refuses: pin it before moving stacks.
     */
    bucketName: bucketNameSchema.optional(),
    /** A path inside the bucket for the state (`s3://<bucket>/<prefix>`), e.g. "platform". Default: the bucket root. */
    prefix: prefixSchema.optional(),
    /**
     * Principals that keep full access (`s3:*`) through the bucket policy, so the platform never
     * locks itself out. Include the identity that runs this stack. At least one: each an IAM user
     * (`{ userId }`, e.g. the platform admin) or an IAM application (`{ applicationId }`, e.g. the
     * one that runs the state-backend stack).
     */
    owners: z
      .array(iamPrincipalSchema, {
        error: () => "expected a list of owners ({ userId } or { applicationId })",
      })
      .min(1, "expected at least one owner: without one the bucket policy locks the platform out"),
    /** How long old versions, backups and history are kept. */
    retention: retentionSchema.optional(),
    /**
     * Write-once-read-many retention for every version. **Only at creation: adding or removing it
     * later recreates the bucket**, which protect refuses.
     */
    objectLock: objectLockSchema.optional(),
    /** Server-side encryption (SSE-KMS) with a Key Manager key; the CI identity gets encrypt/decrypt. */
    encryption: bucketEncryptionSchema.optional(),
    /**
     * When the CI API key expires, an ISO 8601 date-time in the future. Default: never.
     * **Changing it recreates the key** (a new secret key for CI).
     */
    apiKeyExpiresAt: expiresAtSchema.optional(),
    /**
     * Refused when true: the state bucket holds every stack's state and is never deleted with its
     * objects. Only here to give a clear error.
     */
    forceDestroy: z
      .boolean({ error: () => "expected false or nothing" })
      .refine((value) => value === false, {
        message:
          "expected false or nothing: the state bucket is never force-destroyed (it holds every stack's state)",
      })
      .optional(),
  })
  .superRefine((args, ctx) => {
    const keyProblem = kmsKeyRegionProblem(args.encryption?.kmsKeyId, args.region);
    if (keyProblem) ctx.addIssue({ code: "custom", path: ["encryption", "kmsKeyId"], message: keyProblem });
  });

export type StateBackendArgs = z.input<typeof stateBackendArgsSchema>;
export type ParsedStateBackendArgs = z.output<typeof stateBackendArgsSchema>;
