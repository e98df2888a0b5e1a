import { notSecretSuffix } from "@scaleway-blocks/core/internal";

/**
 * Credentials recognised by their value, whatever the name of the variable or header holding them.
 * Each format is a published, fixed prefix or shape, so a match is very unlikely to be anything else.
 */

/** One credential format: its name (printed in messages, never the value) and its shape. */
interface CredentialFormat {
  readonly what: string;
  readonly pattern: RegExp;
}

const FORMATS: readonly CredentialFormat[] = [
  // Stripe live secret and restricted keys (https://docs.stripe.com/keys: "sk_live_", "rk_live_").
  { what: "a Stripe live secret key", pattern: /\b[rs]k_live_[0-9A-Za-z]{10,}/ },
  // GitHub tokens (https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/).
  { what: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}/ },
  { what: "a GitHub fine-grained token", pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/ },
  // AWS access key ids: long-term AKIA…, temporary ASIA… (AWS IAM user guide, "Understanding unique ID prefixes").
  { what: "an AWS access key", pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/ },
  // Slack bot, user and app tokens.
  { what: "a Slack token", pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { what: "a private key", pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  // A URL or DSN with a password: scheme://user:password@host (the user may be empty: redis://:pw@host).
  { what: "a URL with a password", pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i },
  // A signed JSON Web Token: three base64url parts, the first a JSON object ("eyJ").
  { what: "a JSON Web Token", pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  // An HTTP Authorization value with its credentials in it.
  {
    what: "an Authorization header value",
    pattern: /^\s*(?:Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}\s*$/i,
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_IN_TEXT = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

// Scaleway access keys: "SCW" and 17 upper-case letters or digits (terraform-provider-scaleway v2.79.0,
// internal/services/iam/testdata/api-key-*.cassette.yaml: "access_key":"SCW49EX6AJS9NSFVGKQR"). An access
// key alone is an identifier, not a credential: "The access key is like a unique ID or username, and not a
// sensitive piece of information. The secret key however is more sensitive, as it is like a password"
// (https://www.scaleway.com/en/developers/api/iam/api-keys; the provider marks only secret_key Sensitive,
// internal/services/iam/api_key.go). So a lone access key is no finding; one with its secret key (a UUID)
// beside it is a usable credential pair, and is reported.
const SCW_ACCESS_KEY = /\bSCW[A-Z0-9]{17}\b/;

/**
 * What kind of credential a value looks like, or undefined. Never returns the value. A text holding
 * both a Scaleway access key and a UUID (its secret key) is a Scaleway key pair.
 */
export function credentialFormat(value: string): string | undefined {
  const found = FORMATS.find((f) => f.pattern.test(value))?.what;
  if (found !== undefined) return found;
  if (SCW_ACCESS_KEY.test(value) && UUID_IN_TEXT.test(value)) return "a Scaleway access key and secret key";
  return undefined;
}

/** Whether a value is a Scaleway access key (SCW…). */
export function isScalewayAccessKey(value: string): boolean {
  return /^\s*SCW[A-Z0-9]{17}\s*$/.test(value);
}

/**
 * The credentials found in a map of plain strings (environment variables, headers), by value:
 * `[key, what]` pairs. A Scaleway access key and a UUID set side by side are a key pair: both are
 * reported. Alone, an access key is an identifier (see SCW_ACCESS_KEY above) and a UUID an id like any
 * other; a UUID under a name that says it is not a secret (SCW_DEFAULT_PROJECT_ID: core's
 * NOT_SECRET_SUFFIXES) is never taken for the secret key.
 */
export function credentialsInMap(values: ReadonlyMap<string, string>): [string, string][] {
  const found: [string, string][] = [];
  const secretKeys = [...values].filter(
    ([key, value]) => UUID.test(value.trim()) && notSecretSuffix(key) === undefined,
  );
  const accessKeys = [...values].filter(([, value]) => isScalewayAccessKey(value));
  const paired = accessKeys.length > 0 && secretKeys.length > 0;
  for (const [key, value] of values) {
    const what = credentialFormat(value);
    if (what !== undefined) found.push([key, what]);
    else if (paired && isScalewayAccessKey(value)) found.push([key, "a Scaleway access key"]);
    else if (paired && secretKeys.some(([k]) => k === key))
      found.push([key, "a Scaleway secret key (a UUID next to a Scaleway access key)"]);
  }
  return found;
}
