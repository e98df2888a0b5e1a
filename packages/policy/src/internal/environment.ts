import type { Environment } from "@scaleway-blocks/core";

const ALIASES: Readonly<Record<string, Environment>> = {
  production: "production",
  prod: "production",
  prd: "production",
  staging: "staging",
  stage: "staging",
  stg: "staging",
  preprod: "staging",
  preproduction: "staging",
  dev: "dev",
  development: "dev",
};

/** Words that, before an environment word, make it another one: "pre-prod" is staging, "non-prod" is not production. */
const QUALIFIERS: Readonly<Record<string, Environment | "unknown">> = {
  pre: "staging",
  non: "unknown",
  not: "unknown",
};

/** Tag keys that hold a resource's environment, compared without case. */
export const ENVIRONMENT_TAG_KEYS: readonly string[] = ["environment", "env", "stage", "tier"];

/**
 * The environment a tag value or a stack name says, whatever the spelling: "production", "Prod",
 * "prod-eu", "eu-prod-1", "production_fr-par", "acme.staging" → it; "pre-prod" → staging; "non-prod",
 * "products" or anything else → undefined. The whole value is tried first, then each word in order.
 */
export function normalizeEnvironment(value: string | undefined): Environment | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  const whole = ALIASES[text];
  if (whole !== undefined) return whole;
  const words = text.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    const found = ALIASES[words[i]!];
    if (found === undefined) continue;
    const qualifier = i > 0 ? QUALIFIERS[words[i - 1]!] : undefined;
    if (qualifier === "unknown") return undefined;
    return qualifier ?? found;
  }
  return undefined;
}

/**
 * The environment tags say: the first of the keys `environment`, `env`, `stage`, `tier` (any case)
 * whose value names one. `tags` is a key → value map (see `tagsOf`).
 */
export function environmentOfTags(tags: ReadonlyMap<string, string>): Environment | undefined {
  const byKey = new Map<string, string>();
  for (const [key, value] of tags) {
    const lower = key.toLowerCase();
    if (!byKey.has(lower)) byKey.set(lower, value);
  }
  for (const key of ENVIRONMENT_TAG_KEYS) {
    const found = normalizeEnvironment(byKey.get(key));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The stack of a URN: "urn:pulumi:production::platform::…" → "production". */
export function stackOfUrn(urn: string): string | undefined {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

/**
 * The environment a stack name says, by `normalizeEnvironment`: "production", "shop-prod",
 * "acme.staging", "prod-eu", "prd" → it; "preprod" → staging; undefined when none does.
 */
export function environmentOfStack(stack: string | undefined): Environment | undefined {
  return normalizeEnvironment(stack);
}
