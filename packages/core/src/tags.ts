import { z } from "zod";
import type { Environment } from "./environment";

/** Scaleway tags are free text up to 128 characters; "key=value" is the convention used here. */
export const TAG_MAX_LENGTH = 128;
const TAG_KEY_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/;

export const tagKeySchema = z
  .string()
  .max(63, "expected a tag key of at most 63 characters")
  .regex(TAG_KEY_PATTERN, "expected a tag key of letters, digits and _ . : / -");

export const tagValueSchema = z
  .string()
  .max(63, "expected a tag value of at most 63 characters")
  .regex(/^[^,=\s]*$/, "expected a tag value without commas, equal signs or spaces");

/** Keys every managed resource carries; users cannot override them. */
export const RESERVED_TAG_KEYS = ["managed-by", "environment", "component", "project"] as const;

/** User tags as a map; they are added to the standard ones and cannot replace them. */
export const tagsSchema = z
  .record(tagKeySchema, tagValueSchema)
  .refine((tags) => !Object.keys(tags).some((k) => (RESERVED_TAG_KEYS as readonly string[]).includes(k)), {
    message: `expected no reserved tag key (${RESERVED_TAG_KEYS.join(", ")}): scaleway-blocks sets them`,
  });
export type Tags = z.infer<typeof tagsSchema>;

export interface TagContext {
  project: string;
  environment: Environment;
  /** The component type, e.g. "database". */
  component: string;
  extra?: Tags;
}

export interface ScalewayTags {
  /** As a map, the form Object Storage buckets take. */
  readonly map: Readonly<Record<string, string>>;
  /** As sorted "key=value" strings, the form most Scaleway resources take. */
  readonly list: readonly string[];
}

export function scalewayTags(context: TagContext): ScalewayTags {
  const extra = context.extra ?? {};
  const reserved = Object.keys(extra).filter((k) => (RESERVED_TAG_KEYS as readonly string[]).includes(k));
  if (reserved.length > 0) {
    throw new Error(`tags ${reserved.join(", ")} are set by scaleway-blocks and cannot be overridden`);
  }
  const map: Record<string, string> = {
    "managed-by": "pulumi",
    environment: context.environment,
    component: context.component,
    project: context.project,
    ...extra,
  };
  const list = Object.entries(map)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);
  return Object.freeze({ map: Object.freeze(map), list: Object.freeze(list) });
}
