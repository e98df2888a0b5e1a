import {
  bucketEncryptionSchema,
  bucketNameSchema,
  commonArgsShape,
  iamPrincipalSchema,
  kmsKeyRegionProblem,
  projectIdSchema,
} from "@scaleway-blocks/core/internal";
import type * as pulumi from "@pulumi/pulumi";
import type {
  BucketEncryption,
  CommonArgs,
  Environment,
  IamPrincipal,
  ObjectLock,
} from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { identityApiKeySchema } from "@scaleway-blocks/identity";
import type { IdentityApiKeyArgs } from "@scaleway-blocks/identity";
import { bucketObjectLockSchema } from "@scaleway-blocks/storage";
import { z } from "zod";

/**
 * How long the state bucket keeps what Pulumi leaves behind, per environment. State is tiny, and
 * these copies are what you recover from, so the defaults are generous everywhere.
 */
export const RETENTION_DEFAULTS: Readonly<
  Record<Environment, { readonly noncurrentVersionExpirationDays: number; readonly backupDays: number }>
> = Object.freeze({
  dev: Object.freeze({ noncurrentVersionExpirationDays: 30, backupDays: 14 }),
  staging: Object.freeze({ noncurrentVersionExpirationDays: 90, backupDays: 30 }),
  production: Object.freeze({ noncurrentVersionExpirationDays: 365, backupDays: 90 }),
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
  noncurrentVersionExpirationDays: days("noncurrentVersionExpirationDays").optional(),
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
     * later recreates the bucket**, which protect refuses. At most 36 500 days or 100 years.
     */
    objectLock: bucketObjectLockSchema.optional(),
    /** Server-side encryption (SSE-KMS) with a Key Manager key; the CI identity gets encrypt/decrypt. */
    encryption: bucketEncryptionSchema.optional(),
    /**
     * The CI API key's expiry, `{ expiresAt }` or `{ rotation }` (not both): the `apiKey` an Identity
     * takes. Default: core's DEFAULT_KEY_ROTATION, 90-day keys replaced every 30 days.
     */
    apiKey: identityApiKeySchema.optional(),
    /**
     * `true` also protects the CI application and its policy, as the component's own `protect`
     * option does. The bucket and everything under it are protected and retained whatever is given;
     * `false` is refused. The CI key is never protected: every rotation replaces it.
     */
    protect: z
      .boolean({ error: () => "expected true or nothing" })
      .refine((value) => value, {
        message:
          "expected true or nothing: the state bucket is always protected and retained on delete " +
          "(it holds every stack's state)",
      })
      .optional(),
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

export type ParsedStateBackendArgs = z.output<typeof stateBackendArgsSchema>;

/** How long the state bucket keeps what Pulumi leaves behind. */
export interface StateBackendRetention {
  /**
   * Delete noncurrent (overwritten or deleted) versions of every object, state files included, this
   * many days after they became noncurrent, 1–3650 (the storage block's lifecycle name for it).
   * @default dev: 30, staging: 90, production: 365
   */
  noncurrentVersionExpirationDays?: number;
  /**
   * Delete the checkpoint copies Pulumi writes under `.pulumi/backups/` after every update this many
   * days after they were written, 1–3650.
   * @default dev: 14, staging: 30, production: 90
   */
  backupDays?: number;
  /**
   * Delete the update history under `.pulumi/history/` (what `pulumi stack history` shows) this many
   * days after it was written, 1–3650.
   * @default kept (never deleted) in every environment
   */
  historyDays?: number;
}

/** The args of a `StateBackend`: a protected bucket for Pulumi state, and an expiring CI identity. */
export interface StateBackendArgs extends CommonArgs {
  /**
   * The Scaleway project of the bucket (a UUID, or an Output of one). Required: the CI policy is scoped
   * to it and the API key acts on it (S3 calls use the key's default project). **Changing it RECREATES
   * the bucket**, which protect refuses.
   */
  projectId: pulumi.Input<string>;
  /**
   * The bucket's global name (3–63 lowercase letters, digits and hyphens). **Changing it RECREATES the
   * bucket**, which protect refuses: pin it before moving stacks.
   * @default storage's derived name `<project>-<environment>-<name>-<hash>`
   */
  bucketName?: string;
  /**
   * A path inside the bucket for the state (`s3://<bucket>/<prefix>`), e.g. "platform": segments of
   * letters, digits, "-" and "_" joined by "/", at most 200 characters.
   * @default the bucket root
   */
  prefix?: string;
  /**
   * Principals that keep full access (`s3:*`) through the bucket policy, so the platform never locks
   * itself out. Include the identity that runs this stack. At least one: an IAM user (`{ userId }`,
   * e.g. the platform admin) or an IAM application (`{ applicationId }`).
   */
  owners: IamPrincipal[];
  /**
   * How long old versions, backups and history are kept.
   * @default generous everywhere, see `StateBackendRetention` (dev: 30/14 days, production: 365/90 days)
   */
  retention?: StateBackendRetention;
  /**
   * Write-once-read-many retention for every version, at most 36 500 days or 100 years. **Only at
   * creation: adding or removing it later RECREATES the bucket**, which protect refuses.
   * @default none
   */
  objectLock?: ObjectLock;
  /**
   * Server-side encryption (SSE-KMS) with a Key Manager key; the CI identity gets encrypt/decrypt.
   * @default none (Scaleway's own encryption at rest only)
   */
  encryption?: BucketEncryption;
  /**
   * The CI API key's expiry: a fixed `expiresAt` (RFC 3339, in the future) or a `rotation` (not both),
   * the `apiKey` of the CI `Identity`. A new expiry **RECREATES the key** (a new secret key for CI; the
   * old one is deleted at the end of that update).
   * @default { rotation: DEFAULT_KEY_ROTATION }: 90-day keys, a new one every 30 days
   */
  apiKey?: IdentityApiKeyArgs;
  /**
   * `true` also protects the CI application and its policy, as the component's own `protect` option
   * does. The bucket and everything under it are protected and retained whatever is given; `false` is
   * refused. The CI key is never protected: every rotation replaces it.
   * @default the bucket protected in every environment; the CI identity as the component's `protect` option says
   */
  protect?: boolean;
  /**
   * Refused when true: the state bucket holds every stack's state and is never deleted with its
   * objects. Only here to give a clear error.
   * @default false (the only value accepted)
   */
  forceDestroy?: boolean;
}

// tsc fails here, naming the fields, when the documented interface and the schema drift apart.
const _stateBackendArgsMatchSchema: AssertSameShape<
  StateBackendArgs,
  z.input<typeof stateBackendArgsSchema>
> = true;
