import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { ConfigError } from "@scaleway-blocks/core";
import {
  DEFAULT_KEY_ROTATION,
  afterCurrentTurn,
  blockContext,
  configIssuesFromZod,
  describeReceived,
  parseArgs,
  resolveProtection,
  rotatingExpiry,
} from "@scaleway-blocks/core/internal";
import type { Grantee, PermissionGrant, Protection } from "@scaleway-blocks/core";
import type { BlockContext } from "@scaleway-blocks/core/internal";
import { IDENTITY_TYPE, identityArgsSchema, permissionGrantSchema } from "./args";
import type { IdentityArgs } from "./args";
import { z } from "zod";

/** `allow`'s argument, checked under the name "allow" so that issue paths read `allow.name`. */
const allowSchema = z.strictObject({ allow: permissionGrantSchema });

/** Parses Identity's args: every check its constructor makes before it registers anything. */
function parseIdentityArgs(name: string, args: IdentityArgs) {
  return parseArgs(identityArgsSchema, args, { type: IDENTITY_TYPE, name });
}

/** Every check `new Identity(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateIdentityArgs(name: string, args: IdentityArgs): void {
  parseIdentityArgs(name, args);
}

/**
 * An IAM application, one IAM policy per grant, and an API key that expires: who a workload or a CI
 * job is on Scaleway. It is a `Grantee`: the blocks' `grant…` methods (`bucket.grantReadWrite(identity)`,
 * `secrets.grantAccess(identity)`, `database.grantConnect(identity)`) add policies to it with `allow`.
 *
 * @example
 * const worker = new Identity("worker", { project: "shop", environment: "production", description: "Order worker" });
 * bucket.grantReadWrite(worker);
 * // worker.accessKey and worker.secretKey (a Pulumi secret) go to the workload.
 */
export class Identity extends pulumi.ComponentResource implements Grantee {
  static readonly TYPE = IDENTITY_TYPE;

  /** The IAM application this component registered (`<name>-app`). */
  readonly application: scaleway.iam.Application;
  /**
   * The API key this component registered (`<name>-key`); undefined with `apiKey: false`. Never
   * protected: every rotation replaces it.
   */
  readonly apiKey: scaleway.iam.ApiKey | undefined;
  /** The IAM policies, by grant name: those given in `permissions`, then those added by `allow`. */
  readonly policies: Readonly<Record<string, scaleway.iam.Policy>>;
  /** The IAM application's id: the principal of its policies and of bucket policy statements. */
  readonly applicationId: pulumi.Output<string>;
  /** The API key's access key (`SCW…`, the S3 access key id). Not a secret. Undefined without a key. */
  readonly accessKey: pulumi.Output<string> | undefined;
  /** The API key's secret key. Always a Pulumi secret. Undefined without a key. */
  readonly secretKey: pulumi.Output<string> | undefined;
  /**
   * When the API key expires (RFC 3339): `apiKey.expiresAt`, else the current window of the rotation.
   * Undefined without a key.
   */
  readonly apiKeyExpiresAt: string | undefined;
  /**
   * The ids of the policies given in `permissions` and of those `allow` adds in the same turn of the
   * program (see `allow`), in that order.
   */
  readonly policyIds: pulumi.Output<string[]>;

  private readonly componentName: string;
  private readonly ctx: BlockContext;
  private readonly protection: Protection;
  private readonly policiesByName: Record<string, scaleway.iam.Policy> = {};

  constructor(name: string, args: IdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseIdentityArgs(name, args);
    super(Identity.TYPE, name, {}, opts);
    this.componentName = name;
    this.ctx = blockContext({ kind: "identity", name }, parsed);
    // IAM resources hold no data: protected only when asked (the arg or the option); the key never.
    this.protection = resolveProtection(parsed.protect, opts, this.ctx.profile);
    this.policies = this.policiesByName;

    this.application = new scaleway.iam.Application(
      `${name}-app`,
      { name: this.ctx.name(), description: parsed.description, tags: [...this.ctx.tags.list] },
      { parent: this, ...this.protection.other },
    );
    this.applicationId = this.application.id;
    for (const grant of parsed.permissions ?? []) this.addPolicy(grant);

    // The policies `allow` adds in the same turn of the program (a block's grant… call right after
    // this constructor) are known once the current synchronous code has run: the key waits for them too.
    const settled = afterCurrentTurn(() => Object.values(this.policiesByName));
    this.policyIds = pulumi.output(settled.then((policies) => policies.map((p) => p.id)));

    if (parsed.apiKey === false) {
      this.apiKey = undefined;
      this.apiKeyExpiresAt = undefined;
    } else {
      const keyArgs = parsed.apiKey ?? {};
      // An explicit date, else the current rotation window's: a new window replaces the key (expires_at
      // is ForceNew: terraform-provider-scaleway v2.79.0 internal/services/iam/api_key.go), creating the
      // new key before deleting the old one.
      this.apiKeyExpiresAt = keyArgs.expiresAt ?? rotatingExpiry(keyArgs.rotation ?? DEFAULT_KEY_ROTATION);
      this.apiKey = new scaleway.iam.ApiKey(
        `${name}-key`,
        {
          applicationId: this.application.id,
          defaultProjectId: parsed.projectId,
          description: `API key of ${this.ctx.name()}: ${parsed.description}`,
          expiresAt: this.apiKeyExpiresAt,
        },
        // The policies first: a key whose application has no permission yet fails its first calls.
        // Never protected: a rotation is a replacement, which Pulumi refuses on a protected resource.
        {
          parent: this,
          dependsOn: settled,
          ...this.protection.rotating,
        },
      );
    }
    this.accessKey = this.apiKey?.accessKey;
    // Mocks (and some engines) do not apply additionalSecretOutputs: wrap it here.
    this.secretKey = this.apiKey ? pulumi.secret(this.apiKey.secretKey) : undefined;

    this.registerOutputs({
      applicationId: this.applicationId,
      accessKey: this.accessKey,
      secretKey: this.secretKey,
      apiKeyExpiresAt: this.apiKeyExpiresAt,
      policyIds: this.policyIds,
    });
  }

  /**
   * Adds an IAM policy with the grant's permission sets on its project (`<name>-<grant.name>`), and
   * returns its id. The API key waits for the policies added in the same turn of the program as the
   * constructor (before any `await`); a policy added later is created alongside the key, and a
   * workload may see its first calls refused until it exists. A grant name used before is a
   * ConfigError.
   */
  allow(grant: PermissionGrant): pulumi.Output<string> {
    const args = { allow: grant };
    const result = allowSchema.safeParse(args);
    if (!result.success) {
      throw new ConfigError(Identity.TYPE, this.componentName, configIssuesFromZod(result.error, args));
    }
    return this.addPolicy(result.data.allow, "allow").id;
  }

  private addPolicy(grant: PermissionGrant, where = "permissions"): scaleway.iam.Policy {
    if (Object.prototype.hasOwnProperty.call(this.policiesByName, grant.name)) {
      throw new ConfigError(Identity.TYPE, this.componentName, [
        {
          path: `${where}.name`,
          expected: `a grant name not used before on this identity ("${grant.name}" is)`,
          received: describeReceived(grant.name),
        },
      ]);
    }
    const policy = new scaleway.iam.Policy(
      `${this.componentName}-${grant.name}`,
      {
        name: this.ctx.name(grant.name),
        description: grant.description,
        applicationId: this.application.id,
        // IAM scopes permission sets to whole projects, never less.
        rules: [{ permissionSetNames: [...grant.permissionSets], projectIds: [grant.projectId] }],
        tags: [...this.ctx.tags.list],
      },
      { parent: this, ...this.protection.other },
    );
    this.policiesByName[grant.name] = policy;
    return policy;
  }
}
