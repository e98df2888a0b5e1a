import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { s3Endpoint } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  afterCurrentTurn,
  blockContext,
  parseArgs,
  sanitizeSegment,
  resolveProtection,
  shortHash,
  stackIdentity,
} from "@scaleway-blocks/core/internal";
import type { Grantee, Region } from "@scaleway-blocks/core";
import type { BlockContext } from "@scaleway-blocks/core/internal";
import { PUBLIC_OPT_IN_TAG, bucketArgsSchema } from "./args";
import type { BucketArgs, ParsedBucketArgs } from "./args";
import { policyDocument } from "./internal/policy";
import type { Principal } from "./internal/policy";

type LifecycleRule = scaleway.types.input.object.BucketLifecycleRule;

/**
 * The IAM permission sets a grant asks for on the bucket's project. IAM must allow an action even
 * when a bucket policy names the principal ("a principal must be granted access via an IAM policy,
 * and optionally via a bucket policy": Scaleway docs, Object Storage, "Combining IAM and bucket
 * policies", https://www.scaleway.com/en/docs/storage/object/api-cli/combining-iam-and-object-storage/).
 */
export const GRANT_PERMISSION_SETS = {
  read: ["ObjectStorageBucketsRead", "ObjectStorageObjectsRead"],
  readWrite: [
    "ObjectStorageBucketsRead",
    "ObjectStorageObjectsRead",
    "ObjectStorageObjectsWrite",
    "ObjectStorageObjectsDelete",
  ],
} as const;

/**
 * Added on an SSE-KMS bucket: a read decrypts with the bucket's Key Manager key, a write also
 * encrypts (the same sets the state backend's CI identity holds on its encrypted bucket).
 */
export const GRANT_KMS_PERMISSION_SETS = {
  read: ["KeyManagerKeyDecrypt"],
  readWrite: ["KeyManagerKeyEncrypt", "KeyManagerKeyDecrypt"],
} as const;

type GrantLevel = keyof typeof GRANT_PERMISSION_SETS;

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
  static readonly TYPE = BLOCK_TYPES.storage;

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

  private readonly componentName: string;
  private readonly projectIdArg: pulumi.Input<string> | undefined;
  private readonly encrypted: boolean;
  private projectIdOutput: pulumi.Output<string> | undefined;
  /** Application ids granted after the constructor, by level; undefined without a bucket policy. */
  private readonly policyGrants: Record<GrantLevel, pulumi.Output<string>[]> | undefined;
  /** Set once the bucket policy's document is built: a later grant could no longer reach it. */
  private policySealed = false;

  constructor(name: string, args: BucketArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseBucketArgs(name, args);
    super(Bucket.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "storage", name }, parsed);
    const region = parsed.region;
    const projectId = parsed.projectId;
    this.componentName = name;
    this.projectIdArg = projectId;
    this.encrypted = parsed.encryption !== undefined;
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
        name: parsed.bucketName ?? defaultBucketName(ctx, name),
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
    const access = parsed.access;
    if (access) {
      // A bucket has one policy. Grants made by the program's synchronous code after this
      // constructor (`grantRead`, `grantReadWrite`) belong in it too, so the document is built once
      // the current turn has run (setImmediate), and a grant made after that throws.
      const grants: Record<GrantLevel, pulumi.Output<string>[]> = { read: [], readWrite: [] };
      this.policyGrants = grants;
      const turnEnded = afterCurrentTurn(() => {
        this.policySealed = true;
      });
      // The ids listed in args and granted since, each once.
      const listed = (ids: () => pulumi.Input<string>[]) =>
        pulumi.output(turnEnded.then(ids)).apply((resolved) => [...new Set(resolved)]);
      const readWrite = listed(() => [...(access.readWriteApplicationIds ?? []), ...grants.readWrite]);
      // A grantee given both grants is a writer only, as the args refuse an id in both lists.
      const read = pulumi
        .all([listed(() => [...(access.readApplicationIds ?? []), ...grants.read]), readWrite])
        .apply(([ids, writers]) => ids.filter((id) => !writers.includes(id)));
      document = pulumi.all([read, readWrite]).apply(([readApplicationIds, readWriteApplicationIds]) =>
        policyDocument({
          id: ctx.name("policy"),
          bucketName: bucket.name,
          owners: access.owners as Principal[],
          readApplicationIds,
          readWriteApplicationIds,
          publicRead,
        }),
      );
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

  /**
   * Lets a grantee (an `Identity` of `@scaleway-blocks/identity`, or anything implementing core's
   * `Grantee`) find, list and read the bucket's objects. The grantee adds an IAM policy with
   * ObjectStorageBucketsRead and ObjectStorageObjectsRead (plus KeyManagerKeyDecrypt on an encrypted
   * bucket) on the bucket's project: IAM scopes permission sets to a whole project, never to one
   * bucket, so the grantee may also read the project's buckets that have no bucket policy. With
   * `access`, the grantee also joins this bucket policy's readers (a bucket policy must allow each
   * action too): grant in the same synchronous code that creates the bucket, before any `await`.
   * Returns the id of the IAM policy.
   */
  grantRead(grantee: Grantee): pulumi.Output<string> {
    return this.grant(grantee, "read");
  }

  /**
   * Lets a grantee read, write and delete the bucket's objects (not object versions): IAM
   * ObjectStorageBucketsRead, ObjectStorageObjectsRead, ObjectStorageObjectsWrite and
   * ObjectStorageObjectsDelete (plus KeyManagerKeyEncrypt and KeyManagerKeyDecrypt on an encrypted
   * bucket) on the bucket's project, and, with `access`, the bucket policy's read-write statement.
   * Returns the id of the IAM policy.
   */
  grantReadWrite(grantee: Grantee): pulumi.Output<string> {
    return this.grant(grantee, "readWrite");
  }

  private grant(grantee: Grantee, level: GrantLevel): pulumi.Output<string> {
    const method = level === "read" ? "grantRead" : "grantReadWrite";
    if (this.policyGrants !== undefined) {
      if (this.policySealed) {
        const list = level === "read" ? "readApplicationIds" : "readWriteApplicationIds";
        throw new Error(
          `${Bucket.TYPE} "${this.componentName}": ${method} came after its bucket policy was built. A bucket has one policy, ` +
            `built once the synchronous code that creates the bucket has run: call ${method} in that same code ` +
            `(before any await or callback), or name the application in the bucket's access.${list}.`,
        );
      }
      this.policyGrants[level].push(grantee.applicationId);
    }
    const what = level === "read" ? "Reads" : "Reads and writes";
    return grantee.allow({
      name: sanitizeSegment(`${this.componentName}-bucket-${level === "read" ? "read" : "read-write"}`),
      permissionSets: [
        ...GRANT_PERMISSION_SETS[level],
        ...(this.encrypted ? GRANT_KMS_PERMISSION_SETS[level] : []),
      ],
      projectId: this.projectId(),
      description: `${what} the objects of bucket ${this.componentName}; IAM scopes the permission sets to its whole project`,
    });
  }

  /** The project id from args, else the provider's default project (one lookup, shared by every grant). */
  private projectId(): pulumi.Output<string> {
    if (this.projectIdOutput === undefined) {
      this.projectIdOutput =
        this.projectIdArg !== undefined
          ? pulumi.output(this.projectIdArg)
          : scaleway.account.getProjectOutput({}, { parent: this }).projectId;
    }
    return this.projectIdOutput;
  }
}
