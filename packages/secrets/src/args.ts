import type * as pulumi from "@pulumi/pulumi";
import { NAME_PATTERN } from "@scaleway-blocks/core";
import { commonArgsShape, secretInputSchema, tagsSchema } from "@scaleway-blocks/core/internal";
import type { CommonArgs, Tags } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { z } from "zod";

/** Secret types of the Secret Manager API (`@scaleway/sdk-secret` SecretType). */
export const SecretType = {
  Opaque: "opaque",
  Certificate: "certificate",
  KeyValue: "key_value",
  BasicCredentials: "basic_credentials",
  DatabaseCredentials: "database_credentials",
  SshKey: "ssh_key",
} as const;
export type SecretType = (typeof SecretType)[keyof typeof SecretType];
const SECRET_TYPES = Object.values(SecretType);

/** Secret types whose payload Secret Manager requires to be a JSON object. */
export const JSON_SECRET_TYPES: readonly SecretType[] = [
  "key_value",
  "basic_credentials",
  "database_credentials",
];

/** How a generated value is drawn; see README "Generated values" for each alphabet. */
export const GenerationAlphabet = {
  /** A–Z a–z 0–9 - _ (64 characters): safe unescaped in a postgres:// URL, and meets RDB's password rules. */
  DsnSafe: "dsn-safe",
  /** A–Z a–z 0–9 (62 characters). */
  Alphanumeric: "alphanumeric",
  /** A–Z a–z 0–9 and !@#$%&*()-_=+[]{}<>:? (83 characters). */
  Full: "full",
} as const;
export type GenerationAlphabet = (typeof GenerationAlphabet)[keyof typeof GenerationAlphabet];
const GENERATION_ALPHABETS = Object.values(GenerationAlphabet);

export const GENERATED_LENGTH = { default: 32, min: 16, max: 128 } as const;

/**
 * Secret Manager refuses version payloads above 64 KiB: "Must not exceed 64KiB in size"
 * (terraform-provider-scaleway v2.79.0 internal/services/secret/version.go, `data`).
 */
export const MAX_SECRET_BYTES = 64 * 1024;

const KEY_MESSAGE =
  "expected a secret key of lowercase letters, digits and single hyphens, starting with a letter";
const keySchema = z
  .string()
  .min(1, KEY_MESSAGE)
  .max(30, "expected a secret key of at most 30 characters")
  .regex(NAME_PATTERN, KEY_MESSAGE);

/** A Secret Manager folder: "/" or "/a/b", segments of letters, digits, ".", "_" and "-". */
const PATH_PATTERN = /^\/(?:[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)?$/;
const pathSchema = z
  .string()
  .regex(
    PATH_PATTERN,
    'expected an absolute path such as "/" or "/app/db" (no trailing slash, no empty segment)',
  );

const typeSchema = z.enum(SecretType, {
  error: () => `expected a secret type: ${SECRET_TYPES.join(" | ")}`,
});

const generateSchema = z.strictObject({
  /** Number of characters, 16–128. Default 32. Changing it generates a new value. */
  length: z
    .number({ error: "expected a whole number of characters" })
    .int("expected a whole number of characters")
    .min(GENERATED_LENGTH.min, `expected a length of at least ${GENERATED_LENGTH.min}`)
    .max(GENERATED_LENGTH.max, `expected a length of at most ${GENERATED_LENGTH.max}`)
    .default(GENERATED_LENGTH.default),
  /** Characters to draw from. Default "dsn-safe". Changing it generates a new value. */
  alphabet: z
    .enum(GenerationAlphabet, {
      error: () => `expected an alphabet: ${GENERATION_ALPHABETS.join(" | ")}`,
    })
    .default("dsn-safe"),
});

const secretSpecSchema = z
  .strictObject({
    /** The value to store; wrapped with pulumi.secret by the component. */
    value: secretInputSchema.optional(),
    /** Generate the value with @pulumi/random's RandomPassword (kept stable in its state). */
    generate: generateSchema.optional(),
    /** Folder of the secret in Secret Manager. Default "/". */
    path: pathSchema.default("/"),
    /** Secret type. Default "opaque". Changing it recreates the secret. */
    type: typeSchema.default("opaque"),
    description: z.string().max(255, "expected a description of at most 255 characters").optional(),
    /** Tags of this secret, added to the component's tags. */
    tags: tagsSchema.optional(),
    /**
     * Secret Manager's `protected` flag and Pulumi `protect`. Default: the component's protection
     * (its `protect` arg, else its `protect` option, else the environment's deletion protection).
     */
    protect: z.boolean({ error: "expected true or false" }).optional(),
  })
  .superRefine((spec, ctx) => {
    const hasValue = spec.value !== undefined;
    const hasGenerate = spec.generate !== undefined;
    if (hasValue && hasGenerate) {
      ctx.addIssue({
        code: "custom",
        path: ["generate"],
        message: "expected either value or generate, not both",
      });
    } else if (!hasValue && !hasGenerate) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: "expected a value, or generate: {} to generate one",
      });
    }
    if (hasGenerate && spec.type !== "opaque") {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `expected type "opaque" for a generated value (Secret Manager checks the format of "${spec.type}" payloads)`,
      });
    }
    // An empty plain-text value is refused by core's secretInputSchema.
    if (typeof spec.value === "string") {
      if (Buffer.byteLength(spec.value, "utf8") > MAX_SECRET_BYTES) {
        ctx.addIssue({ code: "custom", path: ["value"], message: "expected a value of at most 64 KiB" });
      } else if (JSON_SECRET_TYPES.includes(spec.type) && !isJsonObject(spec.value)) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: `expected a JSON object for type "${spec.type}"`,
        });
      }
    }
  });

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

const secretsRecordSchema = z
  .record(z.string(), secretSpecSchema, { error: "expected an object of secrets by key" })
  .superRefine((secrets, ctx) => {
    const keys = Object.keys(secrets);
    if (keys.length === 0) {
      ctx.addIssue({ code: "custom", message: "expected at least one secret" });
    }
    for (const key of keys) {
      const result = keySchema.safeParse(key);
      if (!result.success) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: result.error.issues[0]?.message ?? KEY_MESSAGE,
        });
      }
    }
  });

export const secretsArgsSchema = z.strictObject({
  ...commonArgsShape,
  /** The secrets, by key (lowercase letters, digits, hyphens). The key names the secret: `<project>-<env>-<name>-<key>`. */
  secrets: secretsRecordSchema,
  /**
   * Default `protect` of every secret. Default: the component's `protect` option, else the
   * environment's deletion protection (on in production).
   */
  protect: z.boolean({ error: "expected true or false" }).optional(),
});

export type ParsedSecretsArgs = z.output<typeof secretsArgsSchema>;
export type ParsedSecretSpec = ParsedSecretsArgs["secrets"][string];

/** How a generated secret is drawn. */
export interface GenerateSpec {
  /**
   * Number of characters, 16–128. Changing it generates a new value.
   * @default 32
   */
  length?: number;
  /**
   * The characters to draw from (`GenerationAlphabet`). Changing it generates a new value.
   * @default "dsn-safe"
   */
  alphabet?: GenerationAlphabet;
}

/** Settings every secret takes, whether its value is given or generated. */
export interface SecretOptions {
  /**
   * Folder of the secret in Secret Manager: an absolute path such as "/app/db".
   * @default "/"
   */
  path?: string;
  /**
   * Secret type (`SecretType`); key_value, basic_credentials and database_credentials take a JSON
   * object. Generated values must be "opaque". **Changing it RECREATES the secret** (a new secret, its
   * versions gone).
   * @default "opaque"
   */
  type?: SecretType;
  /**
   * What the secret is for, shown in the console; at most 255 characters.
   * @default none
   */
  description?: string;
  /**
   * Tags of this secret, added to the core tags and the component's tags.
   * @default none (the component's tags only)
   */
  tags?: Tags;
  /**
   * Secret Manager's `protected` flag (a protected secret cannot be deleted) and Pulumi `protect`,
   * on the secret and its generated value.
   * @default the component's `protect` arg, else its `protect` option, else dev: false, staging: false, production: true
   */
  protect?: boolean;
}

/** One secret: a given value or a generated one, plus its settings. */
export type SecretSpec = (
  | {
      /** The value to store (at most 64 KiB), or an Output of one. Kept secret end to end: the component wraps it with pulumi.secret. */
      value: pulumi.Input<string>;
      generate?: never;
    }
  | {
      /** Generate the value with @pulumi/random's RandomPassword, kept stable in its state; `{}` takes the defaults. */
      generate: GenerateSpec;
      value?: never;
    }
) &
  SecretOptions;

/** The args of `Secrets`: Secret Manager secrets, given or generated, under one component. */
export interface SecretsArgs extends CommonArgs {
  /**
   * The secrets, by key: lowercase letters, digits and single hyphens, starting with a letter, at most
   * 30 characters. The key names the secret (`<project>-<environment>-<name>-<key>`): **renaming a key
   * RECREATES its secret**.
   */
  secrets: Record<string, SecretSpec>;
  /**
   * Default `protect` of every secret (Secret Manager's `protected` flag and Pulumi `protect`). Same
   * effect as the component's `protect` option, which it overrides.
   * @default the component's `protect` option, else dev: false, staging: false, production: true
   */
  protect?: boolean;
}

// The schema's input says value and generate are both optional; its refinement wants exactly one,
// which the interface writes as a type. Everything else is compared field by field.
type SchemaSecretSpec = z.input<typeof secretSpecSchema>;
type RefinedSecretSpec = Omit<SchemaSecretSpec, "value" | "generate"> &
  (
    | { value: NonNullable<SchemaSecretSpec["value"]>; generate?: never }
    | { generate: NonNullable<SchemaSecretSpec["generate"]>; value?: never }
  );
type RefinedSecretsArgs = Omit<z.input<typeof secretsArgsSchema>, "secrets"> & {
  secrets: Record<string, RefinedSecretSpec>;
};
// tsc fails here, naming the fields, when the documented interfaces and the schemas drift apart.
const _secretsArgsMatchSchema: AssertSameShape<SecretsArgs, RefinedSecretsArgs> = true;
const _generateMatchesSchema: AssertSameShape<GenerateSpec, z.input<typeof generateSchema>> = true;
