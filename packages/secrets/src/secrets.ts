import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as scaleway from "@pulumiverse/scaleway";
import { scalewayTags } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  blockContext,
  describeRedacted,
  parseArgs,
  resolveProtection,
  sanitizeSegment,
} from "@scaleway-blocks/core/internal";
import type { Grantee, Protection } from "@scaleway-blocks/core";
import type { BlockContext } from "@scaleway-blocks/core/internal";
import { secretsArgsSchema } from "./args";
import type { GenerationAlphabet, ParsedSecretSpec, ParsedSecretsArgs, SecretsArgs } from "./args";
import type { SecretReference } from "./reference";

/** The permission set that reads secret versions' data (Scaleway IAM, "Security & Identity › Secret Manager"). */
export const SECRET_ACCESS_PERMISSION_SET = "SecretManagerSecretAccess";

type PasswordRules = Omit<random.RandomPasswordArgs, "length" | "keepers" | "number">;

/**
 * The RandomPassword settings of each alphabet. Every class present appears at least once.
 * - dsn-safe: A–Z a–z 0–9 - _ (64 characters): safe unescaped in a postgres:// URL, and meets
 *   Scaleway RDB's password rules (upper, lower, digit and special character).
 * - alphanumeric: A–Z a–z 0–9 (62 characters).
 * - full: A–Z a–z 0–9 and !@#$%&*()-_=+[]{}<>:? (83 characters).
 */
const ALPHABETS: Readonly<Record<GenerationAlphabet, PasswordRules>> = {
  "dsn-safe": {
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: "-_",
    minUpper: 1,
    minLower: 1,
    minNumeric: 1,
    minSpecial: 1,
  },
  alphanumeric: {
    upper: true,
    lower: true,
    numeric: true,
    special: false,
    minUpper: 1,
    minLower: 1,
    minNumeric: 1,
  },
  full: {
    upper: true,
    lower: true,
    numeric: true,
    special: true,
    overrideSpecial: "!@#$%&*()-_=+[]{}<>:?",
    minUpper: 1,
    minLower: 1,
    minNumeric: 1,
    minSpecial: 1,
  },
};

/**
 * How a bad field's given value appears in a ConfigError. Anything that may be a secret value
 * (`secrets.<key>.value`, or a string where a spec or the secrets object was expected) is described
 * by its kind and size only; a bad key (`secrets.<key>`) by the key itself.
 */
function describeGiven(path: readonly PropertyKey[], value: unknown): string | undefined {
  if (path[0] !== "secrets") return undefined;
  if (path.length >= 3) return path[2] === "value" ? describeRedacted(value) : undefined;
  if (typeof value !== "object" || value === null) return describeRedacted(value);
  return path.length === 2 ? JSON.stringify(String(path[1])) : undefined;
}

/** Parses Secrets' args as its constructor does; errors never quote a secret value. */
function parseSecretsArgs(name: string, args: SecretsArgs) {
  return parseArgs(secretsArgsSchema, args, { type: Secrets.TYPE, name }, { describe: describeGiven });
}

/** Every check `new Secrets(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateSecretsArgs(name: string, args: SecretsArgs): void {
  parseSecretsArgs(name, args);
}

/**
 * Secret Manager secrets, each with one version holding a given or generated value.
 * Hand them to consumers with `secret(key)` and let an identity read them with `grantAccess(identity)`.
 */
export class Secrets extends pulumi.ComponentResource {
  static readonly TYPE = BLOCK_TYPES.secrets;

  /** A reference per key: ids, name, revision and the value (always a Pulumi secret). */
  readonly references: Readonly<Record<string, SecretReference>>;
  /** Secret Manager ids ("<region>/<uuid>") by key; each resolves once the secret's version exists. */
  readonly ids: pulumi.Output<Record<string, string>>;
  /** Secret Manager names by key. */
  readonly names: pulumi.Output<Record<string, string>>;
  /**
   * The Secret Manager secret resources this component registered (`<name>-<key>`), by key, for what
   * the block does not wrap. Each value lives in a `scaleway.secrets.Version`; read it through `secret(key)`.
   */
  readonly secrets: Readonly<Record<string, scaleway.secrets.Secret>>;

  private readonly componentName: string;
  private readonly ctx: BlockContext;
  private readonly args: ParsedSecretsArgs;
  private readonly protection: Protection;
  private readonly secretResources: Record<string, scaleway.secrets.Secret> = {};
  private projectIdOutput: pulumi.Output<string> | undefined;

  constructor(name: string, args: SecretsArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered,
    // and the error never quotes a secret value.
    const parsed = parseSecretsArgs(name, args);
    super(Secrets.TYPE, name, {}, opts);
    this.componentName = name;
    this.args = parsed;
    this.ctx = blockContext({ kind: "secrets", name }, parsed);
    // The arg, then the component's own protect option, then the environment: every child gets an
    // explicit protect that agrees with the option, and the option's retainOnDelete.
    this.protection = resolveProtection(parsed.protect, opts, this.ctx.profile);

    const references: Record<string, SecretReference> = {};
    for (const [key, spec] of Object.entries(parsed.secrets)) {
      references[key] = this.createSecret(key, spec);
    }
    this.references = Object.freeze(references);
    this.secrets = Object.freeze({ ...this.secretResources });

    const byKey = (
      pick: (r: SecretReference) => pulumi.Output<string>,
    ): pulumi.Output<Record<string, string>> =>
      pulumi
        .all(Object.values(references).map((r) => pulumi.all([r.key, pick(r)])))
        .apply((pairs) => Object.fromEntries(pairs));
    this.ids = byKey((r) => r.secretId);
    this.names = byKey((r) => r.secretName);
    this.registerOutputs({ ids: this.ids, names: this.names });
  }

  /** The reference of one secret; an unknown key throws an Error naming the known keys. */
  secret(key: string): SecretReference {
    const reference = Object.prototype.hasOwnProperty.call(this.references, key)
      ? this.references[key]
      : undefined;
    if (!reference) {
      throw new Error(
        `${Secrets.TYPE} "${this.componentName}": no secret "${key}"; known keys: ${Object.keys(this.references).join(", ")}`,
      );
    }
    return reference;
  }

  /**
   * Lets a grantee (an `Identity` of `@scaleway-blocks/identity`, or anything implementing core's
   * `Grantee`) read the values of secrets: the grantee adds an IAM policy with the permission set
   * SecretManagerSecretAccess on the project given in args, else the provider's default project.
   * IAM scopes permission sets to a whole project, never to one secret: the grantee reads every
   * secret of that project. Returns the id of that policy. The grant is named
   * `<component>-secret-access`, so a grantee can read several `Secrets` components.
   */
  grantAccess(grantee: Grantee): pulumi.Output<string> {
    const keys = Object.keys(this.references).join(", ");
    return grantee.allow({
      name: sanitizeSegment(`${this.componentName}-secret-access`),
      permissionSets: [SECRET_ACCESS_PERMISSION_SET],
      projectId: this.projectId(),
      description: `Reads the Secret Manager secret versions in the project of ${this.ctx.name()} (${keys})`,
    });
  }

  /** The project id from args, else the provider's default project (one lookup, shared by every grant). */
  private projectId(): pulumi.Output<string> {
    if (this.projectIdOutput === undefined) {
      this.projectIdOutput =
        this.args.projectId !== undefined
          ? pulumi.output(this.args.projectId)
          : scaleway.account.getProjectOutput({}, { parent: this }).projectId;
    }
    return this.projectIdOutput;
  }

  private createSecret(key: string, spec: ParsedSecretSpec): SecretReference {
    const name = this.componentName;
    // A secret's own protect overrides the component's; retainOnDelete comes from the component.
    const protect = spec.protect ?? this.protection.protect;
    const stateful = { ...this.protection.stateful, protect };

    let value: pulumi.Output<string>;
    if (spec.generate !== undefined) {
      const password = new random.RandomPassword(
        `${name}-${key}-value`,
        { length: spec.generate.length, ...ALPHABETS[spec.generate.alphabet] },
        { parent: this, ...stateful },
      );
      value = pulumi.secret(password.result);
    } else {
      value = pulumi.secret(spec.value as pulumi.Input<string>);
    }

    const tags = scalewayTags({
      project: this.ctx.project,
      environment: this.ctx.environment,
      component: "secrets",
      extra: { ...(this.args.tags ?? {}), ...(spec.tags ?? {}) },
    });
    const secret = new scaleway.secrets.Secret(
      `${name}-${key}`,
      {
        name: this.ctx.name(key),
        path: spec.path,
        type: spec.type,
        description: spec.description,
        tags: [...tags.list],
        protected: protect,
        region: this.args.region,
        projectId: this.args.projectId,
      },
      { parent: this, ...stateful },
    );
    this.secretResources[key] = secret;
    // Never protected, whatever the component's protection: `data` forces a new version
    // (ForceNew in terraform-provider-scaleway v2.79.0 internal/services/secret/version.go), so a
    // protected version would block every rotation. A generated value lives on in its protected
    // RandomPassword, a given one in the caller's own configuration.
    const version = new scaleway.secrets.Version(
      `${name}-${key}-version`,
      { secretId: secret.id, data: value, region: this.args.region },
      { parent: this, ...this.protection.other, protect: false },
    );

    return Object.freeze({
      key,
      // Resolves once the version exists, so a consumer never reads an empty secret.
      secretId: pulumi.all([secret.id, version.id]).apply(([id]) => id),
      secretName: secret.name,
      revision: version.revision,
      value,
    });
  }
}
