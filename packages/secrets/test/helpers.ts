import type { SecretsArgs } from "../src/index";

export const SECRET = "scaleway:secrets/secret:Secret";
export const VERSION = "scaleway:secrets/version:Version";
export const PASSWORD = "random:index/randomPassword:RandomPassword";
export const APPLICATION = "scaleway:iam/application:Application";
export const POLICY = "scaleway:iam/policy:Policy";
export const COMPONENT = "scaleway-blocks:secrets:Secrets";
export const GET_PROJECT = "scaleway:account/getProject:getProject";

/** Args with one given secret, for tests that vary one thing. */
export function argsWith(
  secrets: SecretsArgs["secrets"],
  overrides: Partial<Omit<SecretsArgs, "secrets">> = {},
): SecretsArgs {
  return { project: "shop", environment: "dev", secrets, ...overrides };
}
