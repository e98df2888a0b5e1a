import * as pulumi from "@pulumi/pulumi";
import { s3Endpoint } from "@scaleway-blocks/core";
import { BLOCK_TYPES, blockContext, parseArgs, resolveProtection } from "@scaleway-blocks/core/internal";
import type { Region } from "@scaleway-blocks/core";
import { Identity } from "@scaleway-blocks/identity";
import { Bucket } from "@scaleway-blocks/storage";
import type { BucketArgs } from "@scaleway-blocks/storage";
import { RETENTION_DEFAULTS, stateBackendArgsSchema } from "./args";
import type { StateBackendArgs } from "./args";
import { backendUrl, bookkeepingPrefix } from "./internal/backend-url";

/**
 * What Pulumi's DIY backend needs on the bucket, and nothing else: list and read objects
 * (ObjectsRead), write them (ObjectsWrite), delete its lock files (ObjectsDelete), and read the
 * bucket's metadata (BucketsRead: HeadBucket, GetBucketLocation). Not ObjectStorageFullAccess:
 * the CI key cannot change the bucket's policy, lifecycle, versioning or lock, nor delete it.
 */
export const CI_PERMISSION_SETS = [
  "ObjectStorageBucketsRead",
  "ObjectStorageObjectsRead",
  "ObjectStorageObjectsWrite",
  "ObjectStorageObjectsDelete",
] as const;

/** With SSE-KMS, S3 PutObject needs KeyManagerKeyEncrypt and GetObject KeyManagerKeyDecrypt. */
export const CI_KMS_PERMISSION_SETS = ["KeyManagerKeyEncrypt", "KeyManagerKeyDecrypt"] as const;

/** The environment variables a CI job needs to use the backend. */
export interface StateBackendCiEnvironment {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  PULUMI_BACKEND_URL: string;
}

/** Parses StateBackend's args: the checks its constructor makes before it registers anything. */
function parseStateBackendArgs(name: string, args: StateBackendArgs) {
  return parseArgs(stateBackendArgsSchema, args, { type: StateBackend.TYPE, name });
}

/** Every check `new StateBackend(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateStateBackendArgs(name: string, args: StateBackendArgs): void {
  parseStateBackendArgs(name, args);
}

/**
 * The Object Storage bucket that holds Pulumi state (versioned, lifecycle-trimmed, protected and
 * retained, optionally locked and encrypted) and a CI identity limited to Object Storage in the
 * project, with the backend URL and the environment variables CI needs.
 */
export class StateBackend extends pulumi.ComponentResource {
  static readonly TYPE = BLOCK_TYPES.stateBackend;

  /**
   * The storage Bucket component that holds the state (`<name>`, a child of this one); its own `bucket`
   * is the Object Storage bucket resource (`<name>-bucket`).
   */
  readonly bucket: Bucket;
  /** The bucket's global name. */
  readonly bucketName: pulumi.Output<string>;
  readonly region: Region;
  /** The prefix inside the bucket, when one was given. */
  readonly prefix: string | undefined;
  /** The regional S3 endpoint URL, https://s3.<region>.scw.cloud, for aws-cli and other S3 clients. */
  readonly s3Endpoint: string;
  /** `s3://<bucket>[/<prefix>]?endpoint=s3.<region>.scw.cloud&region=<region>&s3ForcePathStyle=true`. */
  readonly backendUrl: pulumi.Output<string>;
  /**
   * The CI identity (`<name>-ci`): its IAM application, its policy (grant "state-access") and its API
   * key, for what the block does not wrap. Grant it more with the blocks' grant methods.
   */
  readonly ci: Identity;
  /** The CI IAM application's id. */
  readonly applicationId: pulumi.Output<string>;
  /** The CI IAM policy's id. */
  readonly policyId: pulumi.Output<string>;
  /** The CI API key's access key (SCW…), the S3 access key id. Not a secret. */
  readonly accessKeyId: pulumi.Output<string>;
  /**
   * When the CI API key expires (RFC 3339): `apiKey.expiresAt`, else the current window of the
   * rotation. Replace the CI variables before then (see docs/state-backend.md, "CI key rotation").
   */
  readonly apiKeyExpiresAt: string;
  /** The CI API key's secret key, the S3 secret access key. Always a Pulumi secret. */
  readonly secretAccessKey: pulumi.Output<string>;
  /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and PULUMI_BACKEND_URL. A Pulumi secret as a whole. */
  readonly ciEnvironment: pulumi.Output<StateBackendCiEnvironment>;
  /** AWS_ACCESS_KEY_ID and PULUMI_BACKEND_URL, without the secret: safe to print or store as CI variables. */
  readonly ciEnvironmentPublic: pulumi.Output<Omit<StateBackendCiEnvironment, "AWS_SECRET_ACCESS_KEY">>;

  constructor(name: string, args: StateBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseStateBackendArgs(name, args);
    super(StateBackend.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "state-backend", name }, parsed);
    const region = parsed.region;
    const projectId = parsed.projectId;
    const defaults = RETENTION_DEFAULTS[parsed.environment];
    const retention = parsed.retention ?? {};
    const pulumiDir = bookkeepingPrefix(parsed.prefix);
    // Core's one rule for the IAM resources: an explicit `protect` (the arg or the component's
    // option) protects them; the profile does not (they hold no data); `retainOnDelete` is forwarded.
    // The bucket is always protected and retained, below.
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);
    // The CI identity: Object Storage in this one project, never the organization, and a key that
    // always expires (an explicit date, else the rotation's current window). S3 requests carry no
    // project: they act on the key's default project, this one. The key is created after the policy.
    const ci = new Identity(
      `${name}-ci`,
      {
        project: parsed.project,
        environment: parsed.environment,
        region,
        projectId,
        tags: parsed.tags,
        description: `CI identity that reads and writes the Pulumi state of ${name}`,
        permissions: [
          {
            name: "state-access",
            permissionSets: [
              ...CI_PERMISSION_SETS,
              ...(parsed.encryption !== undefined ? CI_KMS_PERMISSION_SETS : []),
            ],
            projectId,
            description: `Object Storage in one project only, for the Pulumi state of ${name}`,
          },
        ],
        apiKey: parsed.apiKey ?? {},
      },
      // An explicit protect (the arg or the option) protects the application and policy, never the key
      // (every rotation replaces it); retainOnDelete is forwarded.
      { parent: this, ...protection.other },
    );
    this.ci = ci;

    const lifecycleRules: NonNullable<NonNullable<BucketArgs["lifecycle"]>["rules"]> = [
      {
        id: "pulumi-backups",
        prefix: pulumiDir + "backups/",
        expirationDays: retention.backupDays ?? defaults.backupDays,
      },
    ];
    if (retention.historyDays !== undefined) {
      lifecycleRules.push({
        id: "pulumi-history",
        prefix: pulumiDir + "history/",
        expirationDays: retention.historyDays,
      });
    }

    const bucketArgs: BucketArgs = {
      project: parsed.project,
      environment: parsed.environment,
      region,
      projectId,
      tags: { "pulumi-state": "true", ...(parsed.tags ?? {}) },
      ...(parsed.bucketName !== undefined ? { bucketName: parsed.bucketName } : {}),
      // Always, in every environment: versions are how a lost or corrupted state file comes back.
      versioning: true,
      forceDestroy: false,
      lifecycle: {
        noncurrentVersionExpirationDays:
          retention.noncurrentVersionExpirationDays ?? defaults.noncurrentVersionExpirationDays,
        rules: lifecycleRules,
      },
      ...(parsed.objectLock !== undefined ? { objectLock: parsed.objectLock } : {}),
      ...(parsed.encryption !== undefined ? { encryption: parsed.encryption } : {}),
      access: {
        owners: parsed.owners,
        // Read-write, not s3:*: the CI key cannot rewrite the policy or delete object versions.
        readWriteApplicationIds: [ci.applicationId],
      },
    };
    // Same Pulumi name as this component (the type differs): the default bucket name reads
    // `<project>-<environment>-<name>-<hash>` and the children `<name>-bucket`, `<name>-policy`.
    // Bucket protects its bucket and key with its protect option and forwards retainOnDelete to every
    // child (Pulumi does not pass it on), so the bucket, key and configuration all stay in the cloud.
    this.bucket = new Bucket(name, bucketArgs, { parent: this, protect: true, retainOnDelete: true });

    const url = this.bucket.bucketName.apply((bucket) => backendUrl(bucket, region, parsed.prefix));
    const accessKey = ci.accessKey!;
    const secretKey = ci.secretKey!;

    this.bucketName = this.bucket.bucketName;
    this.region = region;
    this.prefix = parsed.prefix;
    this.s3Endpoint = s3Endpoint(region);
    this.backendUrl = url;
    this.applicationId = ci.applicationId;
    this.policyId = ci.policies["state-access"]!.id;
    this.accessKeyId = accessKey;
    this.apiKeyExpiresAt = ci.apiKeyExpiresAt!;
    this.secretAccessKey = secretKey;
    this.ciEnvironment = pulumi.secret(
      pulumi.all([accessKey, secretKey, url]).apply(([accessKey, secret, backend]) => ({
        AWS_ACCESS_KEY_ID: accessKey,
        AWS_SECRET_ACCESS_KEY: secret,
        PULUMI_BACKEND_URL: backend,
      })),
    );
    this.ciEnvironmentPublic = pulumi.all([accessKey, url]).apply(([accessKey, backend]) => ({
      AWS_ACCESS_KEY_ID: accessKey,
      PULUMI_BACKEND_URL: backend,
    }));

    this.registerOutputs({
      bucketName: this.bucketName,
      region: this.region,
      prefix: this.prefix,
      s3Endpoint: this.s3Endpoint,
      backendUrl: this.backendUrl,
      applicationId: this.applicationId,
      policyId: this.policyId,
      accessKeyId: this.accessKeyId,
      apiKeyExpiresAt: this.apiKeyExpiresAt,
      secretAccessKey: this.secretAccessKey,
      ciEnvironment: this.ciEnvironment,
      ciEnvironmentPublic: this.ciEnvironmentPublic,
    });
  }
}
