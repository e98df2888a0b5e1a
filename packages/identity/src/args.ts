import {
  BLOCK_TYPES,
  commonArgsShape,
  expirySchema,
  projectIdSchema,
  rotationPolicySchema,
} from "@scaleway-blocks/core/internal";
import type { CommonArgs, PermissionGrant, RotationPolicy } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";

/** The Pulumi type token of the component (core's BLOCK_TYPES.identity). */
export const IDENTITY_TYPE = BLOCK_TYPES.identity;

/**
 * A grant name: lowercase letters, digits and "-", starting with a letter. It is part of the Pulumi
 * name (`<identity>-<grant>`) and of the Scaleway name of the policy the grant creates.
 */
export const GRANT_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
const GRANT_NAME_MAX_LENGTH = 40;

/**
 * IAM permission set names: letters and digits, e.g. "ObjectStorageObjectsRead"
 * (terraform-provider-scaleway v2.79.0 internal/services/iam/policy.go, `permission_set_names`).
 */
const PERMISSION_SET_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** One grant: core's `PermissionGrant`, checked. */
export const permissionGrantSchema = z.strictObject({
  name: z
    .string({ error: () => 'expected a grant name (a string, e.g. "orders-read")' })
    .max(GRANT_NAME_MAX_LENGTH, `expected at most ${GRANT_NAME_MAX_LENGTH} characters`)
    .regex(GRANT_NAME_PATTERN, 'expected lowercase letters, digits and "-", starting with a letter'),
  permissionSets: z
    .array(
      z
        .string({ error: () => "expected a permission set name (a string)" })
        .regex(
          PERMISSION_SET_PATTERN,
          'expected an IAM permission set name such as "ObjectStorageObjectsRead"',
        ),
    )
    .min(1, "expected at least one permission set")
    .readonly(),
  projectId: projectIdSchema,
  description: z
    .string({ error: () => "expected a description (a string)" })
    .min(1, "expected a non-empty description: what the grant is for"),
});

/** The API key: its expiry, a fixed date or a rotation (not both). Blocks that take a key's expiry reuse it. */
export const identityApiKeySchema = z
  .strictObject({
    expiresAt: expirySchema.optional(),
    rotation: rotationPolicySchema.optional(),
  })
  .superRefine((key, ctx) => {
    if (key.expiresAt !== undefined && key.rotation !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["rotation"],
        message: "expected either expiresAt or rotation, not both",
      });
    }
  });

export const identityArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    description: z
      .string({ error: () => "expected a description (a string)" })
      .min(1, "expected a non-empty description: what the identity is for"),
    permissions: z.array(permissionGrantSchema).readonly().optional(),
    apiKey: z
      .union([z.literal(false), identityApiKeySchema], {
        error: () => "expected false or { expiresAt?, rotation? }",
      })
      .optional(),
    protect: z.boolean({ error: () => "expected true or false" }).optional(),
  })
  .superRefine((args, ctx) => {
    const seen = new Set<string>();
    (args.permissions ?? []).forEach((grant, i) => {
      if (seen.has(grant.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["permissions", i, "name"],
          message: `expected a grant name not used before on this identity ("${grant.name}" is)`,
        });
      }
      seen.add(grant.name);
    });
  });

/** The API key of an identity. */
export interface IdentityApiKeyArgs {
  /**
   * When the key expires: an RFC 3339 date-time with a time zone, in the future. **Changing it
   * recreates the key** (a new secret key). Not with `rotation`.
   * @default the current window of `rotation`
   */
  expiresAt?: string;
  /**
   * How long each key lives and how often a new one replaces it, in days: the expiry stays the same on
   * every `pulumi up` inside a window and moves on at the next one, which **recreates the key** (the
   * new key is created before the old one is deleted). Not with `expiresAt`.
   * @default core's DEFAULT_KEY_ROTATION: 90-day keys, a new one every 30 days
   */
  rotation?: RotationPolicy;
}

/** The args of an `Identity`: an IAM application, its policies and an expiring API key. */
export interface IdentityArgs extends CommonArgs {
  /**
   * The project the API key acts on by default: the project of S3 requests (they carry none) and the
   * `SCW_DEFAULT_PROJECT_ID` of SDKs given this key. A project id, or an Output of one.
   * @default Scaleway's default for the key (the organization's default project)
   */
  projectId?: pulumi.Input<string>;
  /** What the identity is for, in words a reviewer reads in the console (the application's description). */
  description: string;
  /**
   * The policies the identity starts with, one IAM policy each; the API key is created after them.
   * More can be added with `allow` (what the blocks' `grant…` methods call).
   * @default none: an identity can do nothing until something is allowed
   */
  permissions?: readonly PermissionGrant[];
  /**
   * The API key: `false` for none (e.g. when only the application id is used, as a principal in a
   * bucket policy), or its expiry.
   * @default a key rotating with core's DEFAULT_KEY_ROTATION (90-day keys, a new one every 30 days)
   */
  apiKey?: false | IdentityApiKeyArgs;
  /**
   * Pulumi `protect` on the application and its policies. The API key is never protected: every
   * rotation replaces it, which protect would refuse.
   * @default the component's `protect` option, else unprotected (they hold no data)
   */
  protect?: boolean;
}

export type ParsedIdentityArgs = z.output<typeof identityArgsSchema>;

// The documented interface and the schema must accept the same args.
const _identityArgsMatchSchema: AssertSameShape<IdentityArgs, z.input<typeof identityArgsSchema>> = true;
void _identityArgsMatchSchema;
