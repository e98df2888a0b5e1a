// Serverless Containers (and Serverless Functions, whose containers and namespaces take the same
// inputs): privacy, HTTPS, plain environment variables, resources, tokens.
import { credentialsInMap } from "../internal/credentials";
import { asObject, asString, hasTag, isSet, optedInPublic, tryRead } from "../internal/values";
import { looksSecret, plainValues } from "../internal/plain-text";
import { defineRule } from "./define";
import { T } from "./tokens";

interface ServerlessInputs {
  privacy: string;
  tags: string[];
  httpsConnectionsOnly: boolean;
  httpOption: string;
  environmentVariables: Record<string, string>;
  cpuLimit: number;
  memoryLimitBytes: number;
  memoryLimit: number;
}

export const serverlessPublicOptIn = defineRule<ServerlessInputs>({
  id: "scw-container-public-opt-in",
  severity: "mandatory",
  description:
    "Serverless Containers and Functions are private unless tagged public on purpose (the public=true tag by default).",
  why: "privacy defaults to public on containers: an internal service or admin tool ends up on the internet by omission.",
  remediation:
    'Set privacy: "private" and call it with a containers.Token, or add the tag "public=true" (publicOptInTag) to say the endpoint is meant to be public.',
  resourceTypes: [T.container, T.function],
  settings: ["publicOptInTag"],
  check: ({ inputs }, { settings }) => {
    const privacy = asString(tryRead(() => inputs.privacy));
    if (privacy === "private") return undefined;
    if (optedInPublic(inputs, settings)) return undefined;
    const what =
      privacy === undefined ? "privacy is unset (Scaleway's default is public)" : `privacy is "${privacy}"`;
    return `${what} and the resource is not tagged "${settings.publicOptInTag}".`;
  },
});

/** Whether a container or function is tagged as serving plain HTTP on purpose (`plainHttpOptInTag`). */
function optedInPlainHttp(inputs: { tags?: unknown }, settings: { plainHttpOptInTag: string }): boolean {
  return hasTag(
    tryRead(() => inputs.tags),
    settings.plainHttpOptInTag,
  );
}

/** Why a container or function serves plain HTTP, or undefined when it is HTTPS-only. */
function plainHttpReason(type: string, inputs: Readonly<Partial<ServerlessInputs>>): string | undefined {
  const httpOption = asString(tryRead(() => inputs.httpOption));
  if (type === T.function)
    return httpOption === "redirected" ? undefined : 'httpOption is not "redirected": plain HTTP is served';
  if (inputs.httpsConnectionsOnly === true || httpOption === "redirected") return undefined;
  return "httpsConnectionsOnly is not true: plain HTTP is served";
}

export const serverlessPlainHttpOnPurpose = defineRule<ServerlessInputs>({
  id: "scw-container-plain-http-on-purpose",
  severity: "advisory",
  description:
    "Serverless Containers and Functions tagged as serving plain HTTP on purpose (plain-http=true by default) are listed for review.",
  why: "A deliberate plain-HTTP endpoint still carries requests in clear text: it should stay rare and reviewed.",
  remediation:
    'Set httpsConnectionsOnly: true (functions: httpOption "redirected") and remove the "plain-http=true" tag (plainHttpOptInTag) when clients can use HTTPS.',
  resourceTypes: [T.container, T.function],
  settings: ["plainHttpOptInTag"],
  check: ({ type, inputs }, { settings }) => {
    if (!optedInPlainHttp(inputs, settings)) return undefined;
    const reason = plainHttpReason(type, inputs);
    return reason === undefined
      ? undefined
      : `${reason}, on purpose (tagged "${settings.plainHttpOptInTag}").`;
  },
});

export const serverlessHttpsOnly = defineRule<ServerlessInputs>({
  id: "scw-container-https-only",
  severity: "mandatory",
  description:
    "Serverless Containers and Functions refuse plain HTTP (HTTPS only), unless tagged as serving plain HTTP on purpose (plain-http=true by default).",
  why: "Plain HTTP sends tokens, cookies and data in clear text and lets anyone on the path change responses.",
  remediation:
    'Containers: set httpsConnectionsOnly: true. Functions: set httpOption: "redirected". A deliberate plain-HTTP endpoint: tag it "plain-http=true" (plainHttpOptInTag; the container block does it for httpsConnectionsOnly: false).',
  resourceTypes: [T.container, T.function],
  settings: ["plainHttpOptInTag"],
  check: ({ type, inputs }, { settings }) => {
    if (optedInPlainHttp(inputs, settings)) return undefined;
    const reason = plainHttpReason(type, inputs);
    return reason === undefined ? undefined : `${reason}.`;
  },
});

export const serverlessNoPlainSecrets = defineRule<ServerlessInputs>({
  id: "scw-container-no-plain-secret-env",
  severity: "mandatory",
  description:
    "Secrets go in secretEnvironmentVariables, never in plain environmentVariables: by name (PASSWORD, SECRET, TOKEN, KEY…) or by value (sk_live_, ghp_, a Scaleway access key with its secret key, AKIA…, a URL with a password…).",
  why: "Plain environment variables are shown in the console, the API and the Pulumi state in clear text to anyone with read access.",
  remediation:
    "Move the variable to secretEnvironmentVariables (or read it from Secret Manager at start-up); list false positives in ignoredEnvironmentVariables.",
  resourceTypes: [T.container, T.containerNamespace, T.function, T.functionNamespace],
  settings: ["ignoredEnvironmentVariables"],
  check: ({ inputs }, { settings }) => {
    const variables = asObject(tryRead(() => inputs.environmentVariables));
    if (!variables) return undefined;
    const messages: string[] = [];
    const checked = new Map(
      [...plainValues(variables)].filter(([name]) => !settings.ignoredEnvironmentVariables.includes(name)),
    );
    const byValue = new Map(credentialsInMap(checked));
    for (const name of Object.keys(variables)) {
      if (settings.ignoredEnvironmentVariables.includes(name)) continue;
      // Values are read only to test their shape, never printed; an unknown value is skipped.
      const what = byValue.get(name);
      if (looksSecret(name)) messages.push(`environmentVariables.${name} looks like a secret (by its name).`);
      else if (what !== undefined) messages.push(`environmentVariables.${name} holds ${what}.`);
    }
    return messages;
  },
});

export const containerResourceLimits = defineRule<ServerlessInputs>({
  id: "scw-container-resource-limits",
  severity: "advisory",
  description: "Serverless Containers set their CPU and memory limits (cpuLimit, memoryLimitBytes).",
  why: "Without explicit limits the container gets Scaleway's defaults: the bill and the behaviour under load change without review.",
  remediation: "Set cpuLimit (mvCPU, 1000 = 1 vCPU) and memoryLimitBytes sized for the workload.",
  resourceTypes: [T.container],
  check: ({ inputs }) => {
    const missing: string[] = [];
    if (!isSet(inputs, "cpuLimit")) missing.push("cpuLimit");
    if (!isSet(inputs, "memoryLimitBytes") && !isSet(inputs, "memoryLimit")) missing.push("memoryLimitBytes");
    return missing.length > 0
      ? `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} unset.`
      : undefined;
  },
});

export const serverlessTokenExpiry = defineRule<{ expiresAt: string }>({
  id: "scw-container-token-expiry",
  severity: "advisory",
  description: "Serverless Container and Function tokens expire (expiresAt).",
  why: "A token without expiry works forever: once copied into a script or a log it is a permanent way in.",
  remediation: "Set expiresAt (ISO 8601) and rotate the token before it expires.",
  resourceTypes: [T.containerToken, T.functionToken],
  check: ({ inputs }) =>
    isSet(inputs, "expiresAt") ? undefined : "expiresAt is unset: the token never expires.",
});
