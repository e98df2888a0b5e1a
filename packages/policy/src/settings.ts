import { ENVIRONMENTS, REGIONS } from "@scaleway-blocks/core";
import { z } from "zod";

const tagPattern = /^[^=,\s]+=[^=,\s]*$/;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every setting, declared once: its validation, its description and its default. The settings type
 * (`PolicySettings`), the override schema `evaluate` and the policy pack validate with, the JSON
 * Schema each CrossGuard policy publishes for its config (`SETTING_JSON_SCHEMAS`, from
 * `z.toJSONSchema`) and the README's settings table all derive from it.
 */
const SETTINGS = {
  /**
   * The environment of resources without an environment=… tag. Unset: taken from the stack name when it names
   * an environment.
   */
  environment: z
    .enum(ENVIRONMENTS)
    .describe(
      "The environment of resources without an environment=… tag. Unset: taken from the stack name when it names an environment.",
    )
    .optional(),
  /** Regions resources may live in (zones count as their region). */
  allowedRegions: z
    .array(z.string().min(1))
    .min(1)
    .describe("Regions resources may live in (zones count as their region).")
    .default([...REGIONS]),
  /** The region of resources that set neither region nor zone, when the provider does not say. */
  defaultRegion: z
    .string()
    .min(1)
    .describe("The region of resources that set neither region nor zone, when the provider does not say.")
    .optional(),
  /** Minimum retention of automatic database backups, in days. */
  minBackupRetentionDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .describe("Minimum retention of automatic database backups, in days.")
    .default(7),
  /** Oldest PostgreSQL major version accepted. */
  minPostgresVersion: z
    .number()
    .int()
    .min(9)
    .describe("Oldest PostgreSQL major version accepted.")
    .default(15),
  /** Oldest MySQL major version accepted. */
  minMysqlVersion: z.number().int().min(5).describe("Oldest MySQL major version accepted.").default(8),
  /** Tag keys every resource must carry. */
  requiredTags: z
    .array(z.string().min(1))
    .describe("Tag keys every resource must carry.")
    .default(["managed-by", "environment", "component"]),
  /** The key=value tag that marks a container, function, bucket or database instance as public on purpose. */
  publicOptInTag: z
    .string()
    .regex(tagPattern, "expected a key=value tag")
    .describe(
      "The key=value tag that marks a container, function, bucket or database instance as public on purpose.",
    )
    .default("public=true"),
  /** The key=value tag that marks a container or function as serving plain HTTP on purpose. */
  plainHttpOptInTag: z
    .string()
    .regex(tagPattern, "expected a key=value tag")
    .describe("The key=value tag that marks a container or function as serving plain HTTP on purpose.")
    .default("plain-http=true"),
  /** Plain environment variable or header names accepted even though their name or value looks secret. */
  ignoredEnvironmentVariables: z
    .array(z.string())
    .describe(
      "Plain environment variable or header names accepted even though their name or value looks secret.",
    )
    .default([]),
  /** Ports a Public Gateway must never forward, and a security group never accept, from the internet. */
  sensitivePorts: z
    .array(z.number().int().min(1).max(65535))
    .describe(
      "Ports a Public Gateway must never forward, and a security group never accept, from the internet.",
    )
    .default([22, 3306, 3389, 5432, 6379, 9200, 27017]),
  /**
   * Regular expression matching the names of buckets that hold Pulumi or Terraform state (*tfstate*,
   * *pulumi-state*, a word state).
   */
  stateBucketNamePattern: z
    .string()
    .refine(isRegExp, "expected a valid regular expression")
    .describe(
      "Regular expression matching the names of buckets that hold Pulumi or Terraform state (*tfstate*, *pulumi-state*, a word state).",
    )
    // *tfstate*, *terraform-state*, *pulumi-state*, *pulumistate*, or a word "state" (app-state-prod, tf-state).
    .default("tfstate|terraform-?state|pulumi-?state|(^|[-._])(tf-|iac-)?state([-._]|$)"),
  /** component=… tag values that mark a bucket as holding Pulumi state. */
  stateBucketComponents: z
    .array(z.string())
    .describe("component=… tag values that mark a bucket as holding Pulumi state.")
    .default(["state-backend"]),
};

/**
 * Every setting, with its default: parsing `{}` gives the defaults. Typed with `typeof SETTINGS` so that
 * the published declarations keep each setting's doc comment (the same text as its `.describe()`, checked
 * by test/settings.test.ts).
 */
export const policySettingsSchema: z.ZodObject<typeof SETTINGS, z.core.$strict> = z.strictObject(SETTINGS);

/** The knobs rules read. Every one has a default (`environment` and `defaultRegion`: unset). */
export type PolicySettings = z.output<typeof policySettingsSchema>;

export type SettingName = keyof PolicySettings;

type Override<S> =
  S extends z.ZodDefault<infer T>
    ? z.ZodOptional<T>
    : S extends z.ZodOptional
      ? S
      : z.ZodOptional<S & z.ZodType>;

/** The same schemas without their defaults, each optional: an override sets only what it names. */
function withoutDefaults<S extends Record<string, z.ZodType>>(shape: S): { [K in keyof S]: Override<S[K]> } {
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [
      name,
      schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType).optional() : schema.optional(),
    ]),
  ) as { [K in keyof S]: Override<S[K]> };
}

/** Every setting, all optional: what `evaluate` and each CrossGuard policy config may override. */
export const settingsOverrideSchema = z.strictObject(withoutDefaults(SETTINGS));

const DEFAULTS: Readonly<PolicySettings> = Object.freeze(policySettingsSchema.parse({}));

/** The defaults, as a fresh object. */
export function defaultSettings(): PolicySettings {
  return structuredClone(DEFAULTS);
}

/** Defaults, then each override in order; an undefined field overrides nothing. */
export function resolveSettings(
  ...overrides: readonly (Partial<PolicySettings> | undefined)[]
): PolicySettings {
  const settings = defaultSettings() as unknown as Record<string, unknown>;
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) {
      if (value !== undefined) settings[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }
  return settings as unknown as PolicySettings;
}

/** A JSON Schema, as `z.toJSONSchema` writes it and CrossGuard config schemas take it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/**
 * The JSON Schema (draft 7, the dialect of CrossGuard's config schemas) of every setting, with its
 * default, from `z.toJSONSchema` of `policySettingsSchema`: how each setting appears in a CrossGuard
 * policy's config schema (the pack replaces the default with the one it was built with).
 */
export function settingsJsonSchema(): JsonSchema {
  return z.toJSONSchema(policySettingsSchema, { target: "draft-7", io: "input" });
}

/** Each setting's JSON Schema (its property in `settingsJsonSchema()`). */
export const SETTING_JSON_SCHEMAS: Readonly<Record<SettingName, JsonSchema>> = Object.freeze(
  settingsJsonSchema().properties as Record<SettingName, JsonSchema>,
);
