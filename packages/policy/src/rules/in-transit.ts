import { asObject, asString, tryRead } from "../internal/values";
import { plainValues } from "./container";
import { defineRule } from "./define";
import { T } from "./tokens";

const SECRET_VERSION = "scaleway:secrets/version:Version";

/**
 * libpq `sslmode` values that encrypt (https://www.postgresql.org/docs/current/libpq-ssl.html, "SSL Mode
 * Descriptions"); disable, allow and prefer may connect in clear text.
 */
const ENCRYPTING_SSLMODES = ["require", "verify-ca", "verify-full"];

/**
 * Why a connection string or endpoint URL may travel in clear text, or undefined when it requires TLS
 * (or is not a URL this rule knows). Never returns the value itself: it may hold a password.
 */
export function cleartextReason(value: string): string | undefined {
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  if (scheme === "postgres" || scheme === "postgresql") {
    const query = text.slice(text.indexOf("?", text.lastIndexOf("@") + 1) + 1 || text.length);
    const mode = /(?:^|&)sslmode=([^&]*)/.exec(query)?.[1];
    if (mode === undefined)
      return "a PostgreSQL connection string without sslmode (libpq's default, prefer, falls back to clear text)";
    return ENCRYPTING_SSLMODES.includes(mode)
      ? undefined
      : `a PostgreSQL connection string with sslmode=${mode}`;
  }
  if (scheme === "redis") return "a redis:// URL (clear text; rediss:// uses TLS)";
  if (scheme === "http") {
    let host: string;
    try {
      host = new URL(text).hostname;
    } catch {
      return undefined;
    }
    // Scaleway's endpoints (Object Storage s3.<region>.scw.cloud, containers, Cockpit…) all answer HTTPS.
    if (host === "scw.cloud" || host.endsWith(".scw.cloud"))
      return `an http:// URL to ${host} (use https://)`;
  }
  return undefined;
}

/** name → value of a map input (environment variables), read one by one; unknowns skipped. */
function mapValues(inputs: Readonly<Record<string, unknown>>, input: string): Map<string, string> {
  const map = asObject(tryRead(() => inputs[input]));
  return map ? plainValues(map) : new Map<string, string>();
}

export const connectionStringsRequireTls = defineRule<Record<string, unknown>>({
  id: "scw-connection-strings-require-tls",
  severity: "mandatory",
  description:
    "Connection strings and endpoint URLs handed to workloads require TLS: PostgreSQL URLs with sslmode=require or stricter, rediss:// not redis://, https:// to Scaleway endpoints (Object Storage included).",
  why: "Without TLS, passwords and data cross the network in clear text: anyone on the path (or on a shared Private Network) can read or change them.",
  remediation:
    "Add sslmode=require (or verify-full with the instance certificate) to PostgreSQL URLs, use rediss://, and https://s3.<region>.scw.cloud for Object Storage; the database block writes such strings for you.",
  resourceTypes: [
    T.container,
    T.containerNamespace,
    T.function,
    T.functionNamespace,
    T.jobDefinition,
    SECRET_VERSION,
  ],
  check: ({ type, inputs }) => {
    const messages: string[] = [];
    if (type === SECRET_VERSION) {
      const data = asString(tryRead(() => inputs.data));
      const reason = data === undefined ? undefined : cleartextReason(data);
      if (reason !== undefined) messages.push(`data is ${reason}.`);
      return messages;
    }
    const inputsToRead =
      type === T.jobDefinition ? ["env"] : ["environmentVariables", "secretEnvironmentVariables"];
    for (const input of inputsToRead)
      for (const [name, value] of mapValues(inputs, input)) {
        const reason = cleartextReason(value);
        if (reason !== undefined) messages.push(`${input}.${name} is ${reason}.`);
      }
    return messages;
  },
});

export const inTransitRules = [connectionStringsRequireTls];
