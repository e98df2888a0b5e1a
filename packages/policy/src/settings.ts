import { ENVIRONMENTS, REGIONS } from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { z } from "zod";

/** The knobs rules read. Every one has a default; `evaluate` and the policy pack take overrides. */
export interface PolicySettings {
  /**
   * The environment of resources that do not say (no `environment=…` tag), e.g. "production" for a
   * production stack. Unset: taken from the stack name when it names an environment.
   */
  environment?: Environment;
  /** Data residency: regions resources may live in (zones count as their region). */
  allowedRegions: string[];
  /**
   * The region of resources that set neither region nor zone (the provider's default region).
   * The policy pack reads it from the provider; `evaluate` only knows it from here.
   */
  defaultRegion?: string;
  /** Managed Database automatic backups must be kept at least this many days. */
  minBackupRetentionDays: number;
  /** Oldest PostgreSQL major version accepted for Managed Databases. */
  minPostgresVersion: number;
  /** Oldest MySQL major version accepted for Managed Databases. */
  minMysqlVersion: number;
  /** Tag keys every taggable resource must carry. */
  requiredTags: string[];
  /**
   * The tag (`key=value`) that marks a resource as public on purpose: a container or function, a
   * bucket (as a map tag `{ key: value }`) or a database instance.
   */
  publicOptInTag: string;
  /**
   * The tag (`key=value`) that marks a Serverless Container or Function as serving plain HTTP on purpose
   * (httpsConnectionsOnly false); the container block adds it when `httpsConnectionsOnly: false`.
   */
  plainHttpOptInTag: string;
  /**
   * Plain environment variable (or trigger header) names accepted even though their name or value
   * looks secret (e.g. "CACHE_KEY_PREFIX").
   */
  ignoredEnvironmentVariables: string[];
  /** Ports a Public Gateway must never forward, and a security group never accept, from the internet. */
  sensitivePorts: number[];
  /** A bucket whose name matches this regular expression holds Pulumi (or Terraform) state. */
  stateBucketNamePattern: string;
  /** A bucket tagged `component=<one of these>` holds Pulumi state. */
  stateBucketComponents: string[];
}

export type SettingName = keyof PolicySettings;

const tagPattern = /^[^=,\s]+=[^=,\s]*$/;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Every setting, all optional: what `evaluate` and each CrossGuard policy config may override. */
export const settingsOverrideSchema = z
  .object({
    environment: z.enum(ENVIRONMENTS),
    allowedRegions: z.array(z.string().min(1)).min(1),
    defaultRegion: z.string().min(1),
    minBackupRetentionDays: z.number().int().min(1).max(365),
    minPostgresVersion: z.number().int().min(9),
    minMysqlVersion: z.number().int().min(5),
    requiredTags: z.array(z.string().min(1)),
    publicOptInTag: z.string().regex(tagPattern, "expected a key=value tag"),
    plainHttpOptInTag: z.string().regex(tagPattern, "expected a key=value tag"),
    ignoredEnvironmentVariables: z.array(z.string()),
    sensitivePorts: z.array(z.number().int().min(1).max(65535)),
    stateBucketNamePattern: z.string().refine(isRegExp, "expected a valid regular expression"),
    stateBucketComponents: z.array(z.string()),
  })
  .partial()
  .strict();

const DEFAULTS: Readonly<PolicySettings> = Object.freeze({
  allowedRegions: [...REGIONS],
  minBackupRetentionDays: 7,
  minPostgresVersion: 15,
  minMysqlVersion: 8,
  requiredTags: ["managed-by", "environment", "component"],
  publicOptInTag: "public=true",
  plainHttpOptInTag: "plain-http=true",
  ignoredEnvironmentVariables: [],
  sensitivePorts: [22, 3306, 3389, 5432, 6379, 9200, 27017],
  // *tfstate*, *terraform-state*, *pulumi-state*, *pulumistate*, or a word "state" (app-state-prod, tf-state).
  stateBucketNamePattern: "tfstate|terraform-?state|pulumi-?state|(^|[-._])(tf-|iac-)?state([-._]|$)",
  stateBucketComponents: ["state-backend"],
});

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

/** A JSON schema fragment, as CrossGuard config schemas take them. */
export interface JsonSchema {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  description?: string;
  enum?: (string | number)[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  default?: unknown;
}

/** How each setting appears in a CrossGuard policy's config schema (defaults are added by the pack). */
export const SETTING_JSON_SCHEMAS: Readonly<Record<SettingName, JsonSchema>> = {
  environment: {
    type: "string",
    enum: [...ENVIRONMENTS],
    description: "The environment of resources without an environment=… tag.",
  },
  allowedRegions: {
    type: "array",
    items: { type: "string" },
    minItems: 1,
    description: "Regions resources may live in (zones count as their region).",
  },
  defaultRegion: {
    type: "string",
    description: "The region of resources that set neither region nor zone, when the provider does not say.",
  },
  minBackupRetentionDays: {
    type: "integer",
    minimum: 1,
    maximum: 365,
    description: "Minimum retention of automatic database backups, in days.",
  },
  minPostgresVersion: {
    type: "integer",
    minimum: 9,
    description: "Oldest PostgreSQL major version accepted.",
  },
  minMysqlVersion: { type: "integer", minimum: 5, description: "Oldest MySQL major version accepted." },
  requiredTags: {
    type: "array",
    items: { type: "string" },
    description: "Tag keys every resource must carry.",
  },
  publicOptInTag: {
    type: "string",
    pattern: tagPattern.source,
    description:
      "The key=value tag that marks a container, function, bucket or database instance as public on purpose.",
  },
  plainHttpOptInTag: {
    type: "string",
    pattern: tagPattern.source,
    description: "The key=value tag that marks a container or function as serving plain HTTP on purpose.",
  },
  ignoredEnvironmentVariables: {
    type: "array",
    items: { type: "string" },
    description:
      "Plain environment variable or header names accepted even though their name or value looks secret.",
  },
  sensitivePorts: {
    type: "array",
    items: { type: "integer", minimum: 1, maximum: 65535 },
    description:
      "Ports a Public Gateway must never forward, and a security group never accept, from the internet.",
  },
  stateBucketNamePattern: {
    type: "string",
    description:
      "Regular expression matching the names of buckets that hold Pulumi or Terraform state (*tfstate*, *pulumi-state*, a word state).",
  },
  stateBucketComponents: {
    type: "array",
    items: { type: "string" },
    description: "component=… tag values that mark a bucket as holding Pulumi state.",
  },
};
