import { regionFor } from "@scaleway-blocks/core";
import {
  bucketEncryptionSchema,
  bucketNameSchema,
  commonArgsShape,
  iamPrincipalSchema,
  kmsKeyRegionProblem,
  objectLockSchema,
  uuidSchema,
} from "@scaleway-blocks/core/internal";
import type * as pulumi from "@pulumi/pulumi";
import type { BucketEncryption, CommonArgs, IamPrincipal, ObjectLock, Region } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { z } from "zod";

/** Methods Scaleway Object Storage accepts in a CORS rule. */
export const CorsMethod = {
  Get: "GET",
  Put: "PUT",
  Post: "POST",
  Delete: "DELETE",
  Head: "HEAD",
} as const;
export type CorsMethod = (typeof CorsMethod)[keyof typeof CorsMethod];
const CORS_METHODS = Object.values(CorsMethod);

/**
 * Storage classes a lifecycle rule may move objects to, warmest first. Scaleway's lifecycle rules
 * only move objects to a colder class: Standard → One Zone, Standard → Glacier, One Zone → Glacier
 * (docs "Managing the lifecycle of objects", object-storage/api-cli/lifecycle-rules-api and
 * how-to/manage-lifecycle-rules). STANDARD is where objects start, so a transition to it is refused,
 * although the provider's validator lists it (helpers_object.go, TransitionSCWStorageClassValues).
 */
export const TransitionStorageClass = {
  /** Standard One Zone: one availability zone, cheaper. */
  OneZoneIa: "ONEZONE_IA",
  /** Glacier: archive, restore before reading; fr-par and nl-ams only. */
  Glacier: "GLACIER",
} as const;
export type TransitionStorageClass = (typeof TransitionStorageClass)[keyof typeof TransitionStorageClass];
const TRANSITION_STORAGE_CLASSES = Object.values(TransitionStorageClass);

/**
 * The minimal age of an object before a transition to each class: "Transition rules created or
 * updated after April 1, 2026 must observe the following minimal durations: at least 30 days
 * before transitioning to Standard One Zone, at least 90 days before transitioning to Glacier"
 * (Scaleway docs, object-storage/api-cli/lifecycle-rules-api, validated 2026-03-31).
 */
export const TRANSITION_MIN_DAYS: Readonly<Record<TransitionStorageClass, number>> = Object.freeze({
  ONEZONE_IA: 30,
  GLACIER: 90,
});

/**
 * The largest day count of a lifecycle rule: 36 500 days, a century. Scaleway documents no maximum;
 * the provider converts every day count to a 32-bit integer (terraform-provider-scaleway v2.79.0
 * internal/services/object/bucket.go, expandBucketLifecycleConfiguration: `int32(val)`), so larger
 * numbers would silently wrap around, and no rule that waits longer than a century acts on anything.
 */
export const MAX_LIFECYCLE_DAYS = 36_500;

/**
 * Object lock default retention bounds: 36 500 days or 100 years. Scaleway documents no maximum and
 * the provider converts both to 32-bit integers (bucket_lock_configuration.go,
 * expandBucketLockConfigurationDefaultRetention); COMPLIANCE retention cannot be shortened by
 * anyone, so a typo such as `years: 2026` would keep every object, and its cost, for ever.
 */
export const OBJECT_LOCK_LIMITS = Object.freeze({ maxDays: 36_500, maxYears: 100 });

/**
 * A lifecycle prefix may hold no control character: the lifecycle configuration travels as XML,
 * which cannot carry NUL and most C0 characters at all, and an object key with the others (tab,
 * line feed, DEL) is never what a rule means to match.
 */
function hasControlCharacter(text: string): boolean {
  return [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
}

/** Core's object lock (a mode and exactly one of days or years), within OBJECT_LOCK_LIMITS. */
export const bucketObjectLockSchema = objectLockSchema.superRefine((lock, ctx) => {
  if (lock.days !== undefined && lock.days > OBJECT_LOCK_LIMITS.maxDays) {
    ctx.addIssue({
      code: "custom",
      path: ["days"],
      message:
        `expected at most ${OBJECT_LOCK_LIMITS.maxDays} days, a century ` +
        "(COMPLIANCE retention cannot be shortened)",
    });
  }
  if (lock.years !== undefined && lock.years > OBJECT_LOCK_LIMITS.maxYears) {
    ctx.addIssue({
      code: "custom",
      path: ["years"],
      message:
        `expected at most ${OBJECT_LOCK_LIMITS.maxYears} years ` +
        "(COMPLIANCE retention cannot be shortened)",
    });
  }
});

/** S3 object keys are at most 1024 bytes of UTF-8: a longer prefix matches nothing. */
export const MAX_PREFIX_BYTES = 1024;

/**
 * The tag a publicRead bucket carries (map tags: `{ public: "true" }`): the project's convention for
 * a deliberate public opt-in made through a block, which the policy package reads on the bucket
 * behind a public ACL (its setting `publicOptInTag`, default "public=true").
 */
export const PUBLIC_OPT_IN_TAG = Object.freeze({ key: "public", value: "true" });

/** Lifecycle rule ids the component writes itself; user rules may not reuse them. */
export const RESERVED_RULE_IDS = ["housekeeping", "transitions"] as const;

const days = (what: string) =>
  z
    .number({ error: () => `expected a whole number of days (${what})` })
    // First, and final: 2^53 is also no safe integer, and one message says what is wrong.
    .max(MAX_LIFECYCLE_DAYS, {
      message: `expected at most ${MAX_LIFECYCLE_DAYS} days, a century (${what})`,
      abort: true,
    })
    .int(`expected a whole number of days (${what})`)
    .min(1, `expected at least 1 day (${what})`);

const applicationIdSchema = uuidSchema("an IAM application id");

const nonEmptyStrings = (what: string) =>
  z.array(z.string().min(1, `expected a non-empty ${what}`), { error: () => `expected a list of ${what}s` });

const corsRuleSchema = z.strictObject({
  /** HTTP methods browsers may use: GET | PUT | POST | DELETE | HEAD. */
  allowedMethods: z
    .array(z.enum(CorsMethod, { error: () => `expected a CORS method: ${CORS_METHODS.join(" | ")}` }))
    .min(1, "expected at least one method"),
  /** Origins allowed to call the bucket, e.g. "https://shop.example.com" (or "*"). */
  allowedOrigins: nonEmptyStrings("origin").min(1, "expected at least one origin"),
  /** Request headers allowed in a preflight request. */
  allowedHeaders: nonEmptyStrings("header").optional(),
  /** Response headers browsers may read. */
  exposeHeaders: nonEmptyStrings("header").optional(),
  /** How long browsers cache the preflight response, in seconds. */
  maxAgeSeconds: z
    .number()
    .int("expected a whole number of seconds")
    .min(0, "expected 0 or more seconds")
    .max(86_400, "expected at most 86400 seconds (one day)")
    .optional(),
});

const transitionSchema = z
  .strictObject({
    /** Days after an object's creation when it moves: at least 30 for ONEZONE_IA, 90 for GLACIER. */
    days: z
      .number({ error: () => "expected a whole number of days" })
      .max(MAX_LIFECYCLE_DAYS, {
        message: `expected at most ${MAX_LIFECYCLE_DAYS} days, a century`,
        abort: true,
      })
      .int("expected a whole number of days"),
    /**
     * ONEZONE_IA (one availability zone, cheaper) or GLACIER (archive, restore before reading;
     * fr-par and nl-ams only).
     */
    storageClass: z.enum(TransitionStorageClass, {
      error: () =>
        `expected a colder storage class: ${TRANSITION_STORAGE_CLASSES.join(" | ")} ` +
        "(objects start in STANDARD)",
    }),
  })
  .superRefine((t, ctx) => {
    const minimum = TRANSITION_MIN_DAYS[t.storageClass];
    if (t.days < minimum) {
      ctx.addIssue({
        code: "custom",
        path: ["days"],
        message:
          `expected at least ${minimum} days before a transition to ${t.storageClass} ` +
          "(Scaleway's minimal duration)",
      });
    }
  });

/**
 * The transitions of one rule: each class at most once (the provider keeps transitions in a set
 * keyed by days and class, and a second move to the same class does nothing), GLACIER after
 * ONEZONE_IA, since objects only move to colder classes.
 */
const transitionsSchema = z
  .array(transitionSchema)
  .min(1, "expected at least one transition")
  .superRefine((transitions, ctx) => {
    if (new Set(transitions.map((t) => t.storageClass)).size !== transitions.length) {
      ctx.addIssue({ code: "custom", message: "expected each storage class at most once" });
      return;
    }
    const ia = transitions.find((t) => t.storageClass === "ONEZONE_IA");
    const glacier = transitions.find((t) => t.storageClass === "GLACIER");
    if (ia && glacier && glacier.days <= ia.days) {
      ctx.addIssue({
        code: "custom",
        message:
          "expected the GLACIER transition after the ONEZONE_IA one (more days): " +
          "objects only move to colder classes",
      });
    }
  });

const prefixSchema = z
  .string({ error: () => "expected a prefix (a string)" })
  .min(1, "expected a non-empty prefix")
  .refine((prefix) => !hasControlCharacter(prefix), {
    message: "expected no control character (NUL, tab, line feed, DEL…) in the prefix",
  })
  .refine((prefix) => Buffer.byteLength(prefix, "utf8") <= MAX_PREFIX_BYTES, {
    message: `expected a prefix of at most ${MAX_PREFIX_BYTES} bytes (UTF-8), the longest object key`,
  });

/** A lifecycle rule of your own, added after the component's rules. */
const userLifecycleRuleSchema = z
  .strictObject({
    /** A unique id (1–255 characters), so the rule keeps its identity across updates. */
    id: z
      .string()
      .min(1, "expected a rule id")
      .max(255, "expected a rule id of at most 255 characters")
      .refine((id) => !(RESERVED_RULE_IDS as readonly string[]).includes(id), {
        message: `expected a rule id other than the component's own (${RESERVED_RULE_IDS.join(", ")})`,
      }),
    enabled: z.boolean().default(true),
    /** Only objects whose key starts with this prefix (no control characters, at most 1024 bytes). */
    prefix: prefixSchema.optional(),
    /** Only objects carrying all these tags. */
    tags: z.record(z.string().min(1), z.string()).optional(),
    /** Delete current versions this many days after creation. */
    expirationDays: days("expirationDays").optional(),
    /** Move current versions to a colder storage class (ONEZONE_IA, then GLACIER). */
    transitions: transitionsSchema.optional(),
    /** Delete noncurrent versions this many days after they became noncurrent. */
    noncurrentVersionExpirationDays: days("noncurrentVersionExpirationDays").optional(),
    /** Abort multipart uploads not completed after this many days. */
    abortIncompleteMultipartUploadDays: days("abortIncompleteMultipartUploadDays").optional(),
  })
  .refine(
    (r) =>
      r.expirationDays !== undefined ||
      r.transitions !== undefined ||
      r.noncurrentVersionExpirationDays !== undefined ||
      r.abortIncompleteMultipartUploadDays !== undefined,
    {
      message:
        "expected at least one action: expirationDays, transitions, noncurrentVersionExpirationDays or abortIncompleteMultipartUploadDays",
    },
  );

const lifecycleSchema = z.strictObject({
  /**
   * Delete noncurrent (overwritten or deleted) versions this many days after they became noncurrent.
   * Default: the environment profile (dev 7, staging 30, production 90). Only with versioning on.
   */
  noncurrentVersionExpirationDays: days("noncurrentVersionExpirationDays").optional(),
  /** Abort multipart uploads not completed after this many days. Default: the profile (1, 3, 7). */
  abortIncompleteMultipartUploadDays: days("abortIncompleteMultipartUploadDays").optional(),
  /** Move every object to ONEZONE_IA and/or GLACIER after some days. GLACIER only in fr-par and nl-ams. */
  transitions: transitionsSchema.optional(),
  /** Further rules of your own, validated and appended. */
  rules: z.array(userLifecycleRuleSchema).optional(),
});

const accessSchema = z.strictObject({
  /**
   * Principals that keep full access (`s3:*`) once the bucket policy exists, so the platform never
   * locks itself out: with the policy version 2023-04-17 every principal not named in the policy
   * loses access, including the one that deploys the stack. At least one is required: each an IAM
   * user (`{ userId }`, e.g. the platform's admin) or an IAM application (`{ applicationId }`, e.g.
   * the CI application that runs `pulumi up`).
   */
  owners: z.array(iamPrincipalSchema).min(1, "expected at least one owner principal (see README: lock-out)"),
  /** IAM application ids granted read: list the bucket and get objects. */
  readApplicationIds: z.array(applicationIdSchema).optional(),
  /** IAM application ids granted read-write: read, plus put and delete objects and multipart uploads. */
  readWriteApplicationIds: z.array(applicationIdSchema).optional(),
});

export const bucketArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /**
     * The bucket's global name. Default: derived (see README "Bucket names").
     * **Changing it recreates the bucket (and loses its objects).**
     */
    bucketName: bucketNameSchema.optional(),
    /**
     * Serve objects to anyone (canned ACL "public-read"), for static assets only. The bucket is then
     * tagged `public=true`, the deliberate opt-in the policy package looks for.
     * Refused with `encryption` and with GLACIER transitions. Default false ("private").
     */
    publicRead: z.boolean().optional(),
    /** Keep every version of every object. Default: the environment profile (off in dev); on with objectLock. */
    versioning: z.boolean().optional(),
    /** Let `pulumi destroy` delete a bucket that still holds objects. Default: the profile. */
    forceDestroy: z.boolean().optional(),
    /**
     * Pulumi `protect` on every child (bucket, key, ACL, encryption, lock, policy), like the
     * component's own `protect` option. Default: that option, else the profile's
     * deletionProtection, which protects the bucket and the key it creates only.
     */
    protect: z.boolean().optional(),
    lifecycle: lifecycleSchema.optional(),
    /** CORS rules for browsers. */
    corsRules: z.array(corsRuleSchema).optional(),
    /** Server-side encryption (SSE-KMS) with a Key Manager key. */
    encryption: bucketEncryptionSchema.optional(),
    /**
     * Write-once-read-many retention. **Object lock can only be enabled when the bucket is
     * created: adding it later recreates the bucket.** Turns versioning on.
     */
    objectLock: bucketObjectLockSchema.optional(),
    /** A least-privilege bucket policy: who may read, who may write, who keeps full access. */
    access: accessSchema.optional(),
  })
  .superRefine((args, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const glacierRegion = regionFor("objectStorageGlacier");
    const glacierMessage = (region: Region) =>
      `expected ONEZONE_IA: GLACIER is not offered in ${region} (only in ${glacierRegion.options.join(" | ")})`;

    if (args.tags !== undefined && Object.hasOwn(args.tags, PUBLIC_OPT_IN_TAG.key)) {
      issue(
        ["tags", PUBLIC_OPT_IN_TAG.key],
        `expected no "${PUBLIC_OPT_IN_TAG.key}" tag: the component sets ` +
          `${PUBLIC_OPT_IN_TAG.key}=${PUBLIC_OPT_IN_TAG.value} itself when publicRead is true, ` +
          "so the tag always tells the truth",
      );
    }
    if (args.forceDestroy === true && args.objectLock !== undefined) {
      issue(
        ["forceDestroy"],
        "expected no forceDestroy on a bucket with objectLock: retained objects must stay",
      );
    }
    if (args.objectLock !== undefined && args.versioning === false) {
      issue(["versioning"], "expected versioning on (or unset): object lock requires versioning");
    }
    if (args.versioning === false && args.lifecycle?.noncurrentVersionExpirationDays !== undefined) {
      issue(
        ["lifecycle", "noncurrentVersionExpirationDays"],
        "expected no noncurrent-version expiration on a bucket without versioning",
      );
    }
    if (args.publicRead === true && args.encryption !== undefined) {
      issue(
        ["encryption"],
        "expected no SSE-KMS encryption on a publicRead bucket: anonymous readers cannot decrypt (they hold no KeyManagerKeyDecrypt)",
      );
    }

    const transitions = args.lifecycle?.transitions ?? [];
    transitions.forEach((t, i) => {
      if (t.storageClass !== "GLACIER") return;
      if (!glacierRegion.safeParse(args.region).success) {
        issue(["lifecycle", "transitions", i, "storageClass"], glacierMessage(args.region));
      } else if (args.publicRead === true) {
        issue(
          ["lifecycle", "transitions", i, "storageClass"],
          "expected no GLACIER transition on a publicRead bucket: archived objects cannot be served until restored",
        );
      }
    });

    const rules = args.lifecycle?.rules ?? [];
    const seen = new Set<string>();
    rules.forEach((rule, i) => {
      if (seen.has(rule.id))
        issue(["lifecycle", "rules", i, "id"], "expected a rule id not used by another rule");
      seen.add(rule.id);
      rule.transitions?.forEach((t, j) => {
        if (t.storageClass !== "GLACIER") return;
        if (!glacierRegion.safeParse(args.region).success) {
          issue(["lifecycle", "rules", i, "transitions", j, "storageClass"], glacierMessage(args.region));
        } else if (args.publicRead === true) {
          issue(
            ["lifecycle", "rules", i, "transitions", j, "storageClass"],
            "expected no GLACIER transition on a publicRead bucket: archived objects cannot be served until restored",
          );
        }
      });
      if (args.versioning === false && rule.noncurrentVersionExpirationDays !== undefined) {
        issue(
          ["lifecycle", "rules", i, "noncurrentVersionExpirationDays"],
          "expected no noncurrent-version expiration on a bucket without versioning",
        );
      }
    });

    const keyProblem = kmsKeyRegionProblem(args.encryption?.kmsKeyId, args.region);
    if (keyProblem) issue(["encryption", "kmsKeyId"], keyProblem);

    const access = args.access;
    if (access) {
      const plain = (ids: readonly unknown[] | undefined) =>
        (ids ?? []).filter((id): id is string => typeof id === "string");
      const readers = plain(access.readApplicationIds);
      const writers = new Set(plain(access.readWriteApplicationIds));
      (access.readApplicationIds ?? []).forEach((id, i) => {
        if (typeof id === "string" && writers.has(id)) {
          issue(
            ["access", "readApplicationIds", i],
            "expected an application in either readApplicationIds or readWriteApplicationIds, not both",
          );
        }
      });
      if (new Set(readers).size !== readers.length) {
        issue(["access", "readApplicationIds"], "expected each application id once");
      }
      if (writers.size !== plain(access.readWriteApplicationIds).length) {
        issue(["access", "readWriteApplicationIds"], "expected each application id once");
      }
    }
  });

export type ParsedBucketArgs = z.output<typeof bucketArgsSchema>;

/** A CORS rule: which web origins may call the bucket from a browser, with which methods. */
export interface CorsRule {
  /** HTTP methods browsers may use (`CorsMethod`): GET, PUT, POST, DELETE, HEAD. At least one. */
  allowedMethods: CorsMethod[];
  /** Origins allowed to call the bucket, e.g. "https://shop.example.com" (or "*"). At least one. */
  allowedOrigins: string[];
  /**
   * Request headers allowed in a preflight request.
   * @default none (only CORS-safelisted headers)
   */
  allowedHeaders?: string[];
  /**
   * Response headers browsers may read.
   * @default none (only CORS-safelisted response headers)
   */
  exposeHeaders?: string[];
  /**
   * How long browsers cache the preflight response, in seconds, 0–86400.
   * @default unset (each browser's own default)
   */
  maxAgeSeconds?: number;
}

/** A move of objects to a colder storage class. */
export interface LifecycleTransition {
  /**
   * Days after an object's creation when it moves: at least 30 for ONEZONE_IA, 90 for GLACIER
   * (Scaleway's minimal durations, `TRANSITION_MIN_DAYS`).
   */
  days: number;
  /**
   * `TransitionStorageClass`: ONEZONE_IA (one availability zone, cheaper) or GLACIER (archive, restore
   * before reading; fr-par and nl-ams only). Objects only move to colder classes.
   */
  storageClass: TransitionStorageClass;
}

/** A lifecycle rule of your own, added after the component's rules. At least one action. */
export interface LifecycleRule {
  /** A unique id (1–255 characters), so the rule keeps its identity across updates; not "housekeeping" or "transitions". */
  id: string;
  /**
   * Whether the rule acts.
   * @default true
   */
  enabled?: boolean;
  /**
   * Only objects whose key starts with this prefix (no control characters, at most 1024 bytes).
   * @default every object
   */
  prefix?: string;
  /**
   * Only objects carrying all these tags.
   * @default every object
   */
  tags?: Record<string, string>;
  /**
   * Delete current versions this many days after creation, 1–36500.
   * @default never
   */
  expirationDays?: number;
  /**
   * Move current versions to a colder storage class (ONEZONE_IA, then GLACIER), each class at most once.
   * @default none
   */
  transitions?: LifecycleTransition[];
  /**
   * Delete noncurrent versions this many days after they became noncurrent, 1–36500 (versioned buckets only).
   * @default never
   */
  noncurrentVersionExpirationDays?: number;
  /**
   * Abort multipart uploads not completed after this many days, 1–36500.
   * @default never
   */
  abortIncompleteMultipartUploadDays?: number;
}

/** The bucket's lifecycle: the component's housekeeping rule, transitions, and rules of your own. */
export interface BucketLifecycle {
  /**
   * Delete noncurrent (overwritten or deleted) versions this many days after they became noncurrent,
   * 1–36500. Only with versioning on.
   * @default dev: 7, staging: 30, production: 90
   */
  noncurrentVersionExpirationDays?: number;
  /**
   * Abort multipart uploads not completed after this many days, 1–36500.
   * @default dev: 1, staging: 3, production: 7
   */
  abortIncompleteMultipartUploadDays?: number;
  /**
   * Move every object to ONEZONE_IA and/or GLACIER after some days. GLACIER only in fr-par and nl-ams.
   * @default none (objects stay in STANDARD)
   */
  transitions?: LifecycleTransition[];
  /**
   * Further rules of your own, validated and appended after the component's.
   * @default none
   */
  rules?: LifecycleRule[];
}

/** A least-privilege bucket policy: who keeps full access, who may read, who may write. */
export interface BucketAccess {
  /**
   * Principals that keep full access (`s3:*`) once the bucket policy exists, so the platform never
   * locks itself out: with the policy version 2023-04-17 every principal not named in the policy loses
   * access, including the one that deploys the stack. At least one: an IAM user (`{ userId }`, e.g. the
   * platform's admin) or an IAM application (`{ applicationId }`, e.g. the CI application).
   */
  owners: IamPrincipal[];
  /**
   * IAM application ids granted read: list the bucket and get objects.
   * @default none
   */
  readApplicationIds?: pulumi.Input<string>[];
  /**
   * IAM application ids granted read-write: read, plus put and delete objects and multipart uploads.
   * @default none
   */
  readWriteApplicationIds?: pulumi.Input<string>[];
}

/** The args of a `Bucket`: an Object Storage bucket with the environment's defaults. */
export interface BucketArgs extends CommonArgs {
  /**
   * The bucket's global name (3–63 lowercase letters, digits and hyphens, no dots).
   * **Changing it RECREATES the bucket, and loses its objects.**
   * @default derived: `<project>-<environment>-<name>-<hash>`, a hash of the Pulumi organization, project, stack and component name
   */
  bucketName?: string;
  /**
   * Serve objects to anyone (canned ACL "public-read"), for static assets only. The bucket is then
   * tagged `public=true`, the deliberate opt-in the policy package looks for. Refused with
   * `encryption` and with GLACIER transitions.
   * @default false ("private") in every environment
   */
  publicRead?: boolean;
  /**
   * Keep every version of every object. Always on with `objectLock`.
   * @default dev: false, staging: true, production: true (true with objectLock)
   */
  versioning?: boolean;
  /**
   * Let `pulumi destroy` delete a bucket that still holds objects. Refused with `objectLock`; in
   * production the policy's mandatory rule `scw-bucket-no-force-destroy-in-production` reports it.
   * @default dev: true, staging: false, production: false (false with objectLock)
   */
  forceDestroy?: boolean;
  /**
   * Pulumi `protect` on every child (bucket, key, ACL, encryption, lock, policy), like the component's
   * own `protect` option. Unset, the environment's deletion protection protects the bucket and the key
   * it creates only.
   * @default the component's protect option, else dev: false, staging: false, production: true (bucket and key)
   */
  protect?: boolean;
  /**
   * Lifecycle rules: noncurrent versions and unfinished uploads are cleaned up in every environment.
   * @default the environment's housekeeping (see `BucketLifecycle`), no transitions
   */
  lifecycle?: BucketLifecycle;
  /**
   * CORS rules for browsers.
   * @default none (browsers cannot call the bucket from another origin)
   */
  corsRules?: CorsRule[];
  /**
   * Server-side encryption (SSE-KMS) with a Key Manager key: an existing one (`kmsKeyId`, in the
   * bucket's region) or a dedicated one (`createKey: true`).
   * @default none (Scaleway's own encryption at rest only)
   */
  encryption?: BucketEncryption;
  /**
   * Write-once-read-many retention: a mode and exactly one of days (at most 36 500) or years (at most
   * 100). **Object lock can only be enabled when the bucket is created: adding it later RECREATES the
   * bucket.** Turns versioning on.
   * @default none
   */
  objectLock?: ObjectLock;
  /**
   * A least-privilege bucket policy: who keeps full access, who may read, who may write.
   * @default none (IAM alone decides who reaches the bucket)
   */
  access?: BucketAccess;
}

// tsc fails here, naming the fields, when the documented interfaces and the schemas drift apart.
const _bucketArgsMatchSchema: AssertSameShape<BucketArgs, z.input<typeof bucketArgsSchema>> = true;
