import type { SecretsArgs } from "../src/index";
import { BLOCK_TYPES, RANDOM_TYPES, SCALEWAY_INVOKES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export const SECRET = SCALEWAY_TYPES.secret;
export const VERSION = SCALEWAY_TYPES.secretVersion;
export const PASSWORD = RANDOM_TYPES.password;
export const APPLICATION = SCALEWAY_TYPES.iamApplication;
export const POLICY = SCALEWAY_TYPES.iamPolicy;
export const COMPONENT = BLOCK_TYPES.secrets;
export const GET_PROJECT = SCALEWAY_INVOKES.getProject;

/** Args with one given secret, for tests that vary one thing. */
export function argsWith(
  secrets: SecretsArgs["secrets"],
  overrides: Partial<Omit<SecretsArgs, "secrets">> = {},
): SecretsArgs {
  return { project: "shop", environment: "dev", secrets, ...overrides };
}
