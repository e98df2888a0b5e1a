import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import {
  blockContext,
  parseArgs,
  resolveProtection,
  s3Endpoint,
  shortHash,
  stackIdentity,
} from "@scaleway-blocks/core";
import type { BlockContext, Region } from "@scaleway-blocks/core";
import { PUBLIC_OPT_IN_TAG, bucketArgsSchema } from "./args";
import type { BucketArgs, ParsedBucketArgs } from "./args";
import { policyDocument } from "./internal/policy";
import type { Principal } from "./internal/policy";

type LifecycleRule = scaleway.types.input.object.BucketLifecycleRule;

/** Default rotation of a Key Manager key the component creates. */
export const DEFAULT_KEY_ROTATION_DAYS = 90;

/**
 * The default global name: `<project>-<environment>-<name>-<hash>`, where the hash is
 * `shortHash(organization, pulumi project, stack, component name)`. Two stacks (or two
 * organizations) that share project, environment and component name still get different names.
 */
export function defaultBucketName(ctx: BlockContext, name: string): string {
  return ctx.name(undefined, { kind: "bucket", suffix: shortHash(...stackIdentity(), name) });
}

/** "fr-par/<uuid>" → "<uuid>": S3 takes the Key Manager key id without its region. */
function bareKeyId(id: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(id).apply((value) => value.slice(value.lastIndexOf("/") + 1));
}

function lifecycleRules(args: ParsedBucketArgs, ctx: BlockContext, versioning: boolean): LifecycleRule[] {
  const lifecycle = args.lifecycle ?? {};
  const rules: LifecycleRule[] = [
    {
      id: "housekeeping",
      enabled: true,
      abortIncompleteMultipartUploadDays:
        lifecycle.abortIncompleteMultipartUploadDays ??
        ctx.profile.storage.abortIncompleteMultipartUploadDays,
      ...(versioning
        ? {
            noncurrentVersionExpiration: {
              noncurrentDays:
                lifecycle.noncurrentVersionExpirationDays ??
                ctx.profile.storage.noncurrentVersionExpirationDays,
            },
          }
        : {}),
    },
  ];
  if (lifecycle.transitions) {
    rules.push({
      id: "transitions",
      enabled: true,
      transitions: [...lifecycle.transitions]
        .sort((a, b) => a.days - b.days)
        .map((t) => ({ days: t.days, storageClass: t.storageClass })),
    });
  }
  for (const rule of lifecycle.rules ?? []) {
    rules.push({
      id: rule.id,
      enabled: rule.enabled,
      ...(rule.prefix !== undefined ? { prefix: rule.prefix } : {}),
      ...(rule.tags !== undefined ? { tags: rule.tags } : {}),
      ...(rule.expirationDays !== undefined ? { expiration: { days: rule.expirationDays } } : {}),
      ...(rule.transitions !== undefined
        ? { transitions: rule.transitions.map((t) => ({ days: t.days, storageClass: t.storageClass })) }
        : {}),
      ...(rule.noncurrentVersionExpirationDays !== undefined
        ? { noncurrentVersionExpiration: { noncurrentDays: rule.noncurrentVersionExpirationDays } }
        : {}),
      ...(rule.abortIncompleteMultipartUploadDays !== undefined
        ? { abortIncompleteMultipartUploadDays: rule.abortIncompleteMultipartUploadDays }
        : {}),
    });
  }
  return rules;
}

/** Parses Bucket's args: the checks its constructor makes before it registers anything. */
function parseBucketArgs(name: string, args: BucketArgs) {
  return parseArgs(bucketArgsSchema, args, { type: Bucket.TYPE, name });
}

/** Every check `new Bucket(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateBucketArgs(name: string, args: BucketArgs): void {
  parseBucketArgs(name, args);
}

/**
 * A Scaleway Object Storage bucket that is private by default: canned ACL "private", versioning
 * outside dev, lifecycle housekeeping, optional CORS, SSE-KMS encryption, object lock and a
 * least-privilege bucket policy that never locks the platform out.
 */
export class Bucket extends pulumi.ComponentResource {
  static readonly TYPE = "scaleway-blocks:storage:Bucket";

  /** The bucket's global name. */
  readonly bucketName: pulumi.Output<string>;
  /** The provider's regional id, "<region>/<name>". */
  readonly bucketId: pulumi.Output<string>;
  readonly region: Region;
  /** The bucket's own (virtual-host style) endpoint, https://<name>.s3.<region>.scw.cloud. */
  readonly endpoint: pulumi.Output<string>;
  /** The region's S3 endpoint URL, https://s3.<region>.scw.cloud, for S3 clients. */
  readonly s3Endpoint: string;
  /** The Key Manager key id objects are encrypted with, when `encryption` is set. */
  readonly kmsKeyId: pulumi.Output<string> | undefined;
  /** The bucket policy JSON, when `access` is set. */
  readonly policyDocument: pulumi.Output<string> | undefined;
  /**
   * The Object Storage bucket resource this component registered (`<name>-bucket`), for what the block
   * does not wrap (e.g. `dependsOn`, or an input of another resource).
   */
  readonly bucket: scaleway.object.Bucket;

  constructor(name: string, args: BucketArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseBucketArgs(name, args);
    super(Bucket.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "storage", name }, parsed);
    const region = parsed.region;
    const projectId = parsed.projectId;
    // Every child carries the project: the S3 API is scoped by project, so a child created in the
    // provider's default project while the bucket lives in another one fails with a 403.
    const scope = { region, ...(projectId !== undefined ? { projectId } : {}) };

    // Core's one rule: the `protect` arg, then the component's own `protect` option, then the
    // profile (the bucket and the key only, which hold data: `stateful`); an explicit arg or option
    // also reaches the ACL, encryption, lock and policy configuration (`other`). `retainOnDelete`,
    // which Pulumi does not pass on, is forwarded to every child: a retained bucket keeps its ACL,
    // policy and encryption.
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);
    const protect = protection.protect;
    const objectLock = parsed.objectLock;
    const versioning =
      parsed.versioning ?? (objectLock !== undefined ? true : ctx.profile.storage.versioning);
    const forceDestroy =
      parsed.forceDestroy ?? (objectLock !== undefined ? false : ctx.profile.storage.forceDestroy);
    const publicRead = parsed.publicRead ?? false;

    const bucket = new scaleway.object.Bucket(
      `${name}-bucket`,
      {
        name: parsed.name ?? defaultBucketName(ctx, name),
        ...scope,
        // A public bucket says so: the policy tells this deliberate opt-in from an accidental ACL.
        tags: {
          ...ctx.tags.map,
          ...(publicRead ? { [PUBLIC_OPT_IN_TAG.key]: PUBLIC_OPT_IN_TAG.value } : {}),
        },
        forceDestroy,
        versioning: { enabled: versioning },
        lifecycleRules: lifecycleRules(parsed, ctx, versioning),
        ...(parsed.corsRules !== undefined ? { corsRules: parsed.corsRules } : {}),
        ...(objectLock !== undefined ? { objectLockEnabled: true } : {}),
      },
      { parent: this, ...protection.stateful },
    );

    // How the children name the bucket (terraform-provider-scaleway v2.79.0
    // internal/services/object/*.go): BucketServerSideEncryptionConfiguration sends `bucket` to S3 as
    // is (bucket_server_side_encryption_configuration.go, resource…Create: `Bucket: &bucketName`), so
    // the regional id "fr-par/<name>" names no bucket. BucketAcl, BucketLockConfiguration and
    // BucketPolicy accept the raw name or the regional id (regional.ExpandID), but the ACL and the lock
    // validate the whole value at 1–63 characters (validation.StringLenBetween(1, 63)), which the
    // region prefix would push a long name past. So every child gets the raw name, and the region
    // through `scope`. The old regional id and the name differ by the region only, which the
    // provider's DiffSuppressFunc (dsf.Locality) ignores on the ACL, lock and policy: no replacement.
    const bucketName = bucket.name;

    const acl = new scaleway.object.BucketAcl(
      `${name}-acl`,
      { bucket: bucketName, acl: publicRead ? "public-read" : "private", ...scope },
      { parent: this, ...protection.other },
    );
    const configured: pulumi.Resource[] = [acl];

    let kmsKeyId: pulumi.Output<string> | undefined;
    if (parsed.encryption) {
      // The schema guarantees exactly one of createKey or kmsKeyId.
      if (parsed.encryption.createKey === true) {
        const rotationDays = parsed.encryption.rotationPeriodDays ?? DEFAULT_KEY_ROTATION_DAYS;
        const key = new scaleway.keymanager.Key(
          `${name}-key`,
          {
            name: ctx.name("key"),
            description: `Encrypts the objects of the ${name} bucket (SSE-KMS)`,
            usage: "symmetric_encryption",
            algorithm: "aes_256_gcm",
            rotationPolicy: { rotationPeriod: `${rotationDays * 24}h` },
            // Scaleway-side deletion protection follows Pulumi's protect, so dev stacks can be destroyed.
            unprotected: !protect,
            tags: [...ctx.tags.list],
            ...scope,
          },
          { parent: this, ...protection.stateful },
        );
        kmsKeyId = bareKeyId(key.id);
      } else if (parsed.encryption.kmsKeyId !== undefined) {
        kmsKeyId = bareKeyId(parsed.encryption.kmsKeyId);
      }
      configured.push(
        new scaleway.object.BucketServerSideEncryptionConfiguration(
          `${name}-encryption`,
          {
            bucket: bucketName,
            rules: [
              {
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kmsKeyId },
                bucketKeyEnabled: true,
              },
            ],
            ...scope,
          },
          { parent: this, ...protection.other },
        ),
      );
    }

    if (objectLock) {
      configured.push(
        new scaleway.object.BucketLockConfiguration(
          `${name}-lock`,
          {
            bucket: bucketName,
            rule: {
              defaultRetention: {
                mode: objectLock.mode,
                ...(objectLock.days !== undefined ? { days: objectLock.days } : {}),
                ...(objectLock.years !== undefined ? { years: objectLock.years } : {}),
              },
            },
            ...scope,
          },
          { parent: this, ...protection.other },
        ),
      );
    }

    let document: pulumi.Output<string> | undefined;
    if (parsed.access) {
      document = policyDocument({
        id: ctx.name("policy"),
        bucketName: bucket.name,
        owners: parsed.access.owners as Principal[],
        readApplicationIds: parsed.access.readApplicationIds ?? [],
        readWriteApplicationIds: parsed.access.readWriteApplicationIds ?? [],
        publicRead,
      });
      // Applied last: the rest of the bucket is configured before access narrows to the policy.
      new scaleway.object.BucketPolicy(
        `${name}-policy`,
        { bucket: bucketName, policy: document, ...scope },
        { parent: this, dependsOn: configured, ...protection.other },
      );
    }

    this.bucket = bucket;
    this.bucketName = bucket.name;
    this.bucketId = bucket.id;
    this.region = region;
    this.endpoint = bucket.endpoint;
    this.s3Endpoint = s3Endpoint(region);
    this.kmsKeyId = kmsKeyId;
    this.policyDocument = document;
    this.registerOutputs({
      bucketName: this.bucketName,
      bucketId: this.bucketId,
      region: this.region,
      endpoint: this.endpoint,
      s3Endpoint: this.s3Endpoint,
      kmsKeyId: this.kmsKeyId,
      policyDocument: this.policyDocument,
    });
  }
}
