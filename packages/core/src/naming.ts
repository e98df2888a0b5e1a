import { createHash } from "node:crypto";
import { z } from "zod";
import type { Environment } from "./environment";

/**
 * Length limits for Scaleway resource names. Most Scaleway APIs accept 63 characters
 * (one DNS label); S3 bucket names are 3–63. Serverless Container names are kept to
 * 34 because the public domain joins the namespace and container names in one DNS label.
 */
export const NAME_LIMITS = {
  default: 63,
  bucket: 63,
  container: 34,
} as const;
export type NameKind = keyof typeof NAME_LIMITS;

/** A Scaleway resource name: lowercase letters, digits and single hyphens, starting with a letter. */
export const NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$/;

export const resourceNameSchema = z
  .string()
  .min(1, "expected a non-empty name")
  .max(NAME_LIMITS.default, `expected at most ${NAME_LIMITS.default} characters`)
  .regex(NAME_PATTERN, "expected lowercase letters, digits and single hyphens, starting with a letter");

/** A name segment (project, component, role): the same alphabet, kept short so joined names fit. */
export const nameSegmentSchema = z
  .string()
  .min(1, "expected a non-empty name segment")
  .max(30, "expected at most 30 characters")
  .regex(NAME_PATTERN, "expected lowercase letters, digits and single hyphens, starting with a letter");

export interface NameParts {
  /** The application or platform, e.g. "shop". */
  project: string;
  environment: Environment;
  /** The component's own name, e.g. "db" or "api". */
  component: string;
  /** What this resource is inside the component, e.g. "instance" or "assets". Optional. */
  role?: string;
}

export interface NameOptions {
  kind?: NameKind;
  /** Overrides the kind's limit. */
  maxLength?: number;
  /** Appended before truncation so the name stays globally unique, e.g. a hash of the stack. */
  suffix?: string;
}

const HASH_LENGTH = 6;

/** A short, stable hex digest of the given parts (same parts, same digest). */
export function shortHash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, HASH_LENGTH);
}

/** A name segment cut down to Scaleway's alphabet: lower case, [a-z0-9] and single inner hyphens. */
export function sanitizeSegment(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * project + environment + component + role → a valid, deterministic Scaleway name.
 * Names that would exceed the limit are cut and end with a hash of the full name,
 * so two long names that share a prefix still differ.
 */
export function resourceName(parts: NameParts, options: NameOptions = {}): string {
  const limit = options.maxLength ?? NAME_LIMITS[options.kind ?? "default"];
  const segments = [parts.project, parts.environment, parts.component, parts.role, options.suffix]
    .filter((s): s is string => s !== undefined && s !== "")
    .map(sanitizeSegment)
    .filter((s) => s.length > 0);
  let name = segments.join("-");
  if (!/^[a-z]/.test(name)) name = `n-${name}`;
  if (name.length <= limit) return name;
  const hash = shortHash(name);
  const head = name.slice(0, limit - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${head}-${hash}`;
}
