import type { Environment } from "@scaleway-blocks/core";

const ALIASES: Readonly<Record<string, Environment>> = {
  production: "production",
  prod: "production",
  prd: "production",
  staging: "staging",
  stage: "staging",
  stg: "staging",
  dev: "dev",
  development: "dev",
};

/** "production", "prod", "Prod" → "production"; anything else → undefined. */
export function normalizeEnvironment(value: string | undefined): Environment | undefined {
  return value === undefined ? undefined : ALIASES[value.trim().toLowerCase()];
}

/** The stack of a URN: "urn:pulumi:production::platform::…" → "production". */
export function stackOfUrn(urn: string): string | undefined {
  const match = /^urn:pulumi:([^:]+)::/.exec(urn);
  return match?.[1];
}

/** The environment a stack name ends with: "production", "shop-prod", "acme.staging" → it; else undefined. */
export function environmentOfStack(stack: string | undefined): Environment | undefined {
  if (stack === undefined) return undefined;
  const last = stack.split(/[-_.]/).pop();
  return normalizeEnvironment(last);
}
