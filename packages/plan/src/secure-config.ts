import { moduleTypeOf } from "@scaleway-blocks/policy";
import { isSecret } from "@scaleway-blocks/core/internal";
import { SECRET_PLACEHOLDER } from "./load-project";
import type { GraphLike } from "./resources";
import { T } from "./tokens";

/**
 * The inputs the provider keeps secret (`Sensitive: true` in terraform-provider-scaleway v2.79.0:
 * container/container.go and container/namespace.go secret_environment_variables, rdb/instance.go and
 * rdb/user.go password, secret/version.go data, iam/api_key.go and cockpit/token.go secret_key). Every
 * other input of a Scaleway resource is stored and shown in plain text (the console, the API, `scw`),
 * whatever Pulumi does with it in its own state.
 */
export const SENSITIVE_INPUTS: Readonly<Record<string, readonly string[]>> = {
  [T.container]: ["secretEnvironmentVariables"],
  [T.containerNamespace]: ["secretEnvironmentVariables"],
  [T.databaseInstance]: ["password"],
  [T.databaseUser]: ["password"],
  [T.secretVersion]: ["data"],
  [T.iamApiKey]: ["secretKey"],
  [T.cockpitToken]: ["secretKey"],
};

/** The rule id of the finding: a `secure:` config value in a plain input. */
export const SECURE_CONFIG_RULE = "plan-secure-config-in-plain-input";

export interface SecureConfigFinding {
  ruleId: typeof SECURE_CONFIG_RULE;
  severity: "mandatory";
  urn: string;
  name: string;
  type: string;
  message: string;
  remediation: string;
}

function visit(
  value: unknown,
  path: string,
  wrapped: boolean,
  found: (path: string, wrapped: boolean) => void,
): void {
  if (isSecret(value)) return visit(value.value, path, true, found);
  if (typeof value === "string") {
    if (value.includes(SECRET_PLACEHOLDER)) found(path, wrapped);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => visit(v, `${path}[${i}]`, wrapped, found));
    return;
  }
  if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k, wrapped, found);
}

/**
 * Every place where a `secure:` value of the stack's config (which the mock run gives the program as
 * {@link SECRET_PLACEHOLDER}) lands in an input of a Scaleway resource that the provider does not keep
 * secret, e.g. a container's plain `environmentVariables`: anyone who can read the resource in the
 * console reads the secret. Marking it secret in Pulumi (`config.requireSecret`) does not help: Pulumi
 * encrypts its state, the provider still stores the input in plain text.
 */
export function secureConfigFindings(
  graph: GraphLike,
  secretConfigKeys: readonly string[],
): SecureConfigFinding[] {
  if (secretConfigKeys.length === 0) return [];
  const keys = secretConfigKeys.map((k) => k.replace(/^[^:]*:/, "")).join(", ");
  const findings: SecureConfigFinding[] = [];
  for (const r of graph.resources) {
    const type = moduleTypeOf(r.type);
    if (!r.custom || !type.startsWith("scaleway:")) continue;
    const sensitive = SENSITIVE_INPUTS[type] ?? [];
    const places: string[] = [];
    let wrappedOnly = true;
    for (const [input, value] of Object.entries(r.inputs ?? {})) {
      if (sensitive.includes(input)) continue;
      visit(value, input, false, (path, wrapped) => {
        places.push(path);
        wrappedOnly &&= wrapped;
      });
    }
    if (places.length === 0) continue;
    const secretInput = sensitive.length > 0 ? ` (its secret inputs: ${sensitive.join(", ")})` : "";
    findings.push({
      ruleId: SECURE_CONFIG_RULE,
      severity: "mandatory",
      urn: r.urn,
      name: r.name,
      type: r.type,
      message:
        `a secure: config value (one of ${keys}) lands in ${places.join(", ")}, an input the provider stores and shows in plain text` +
        (wrappedOnly ? "; Pulumi marks it secret, but that only encrypts Pulumi's state" : ""),
      remediation: `pass it through an input the provider keeps secret${secretInput}, or a Secret Manager secret the resource reads`,
    });
  }
  return findings;
}
