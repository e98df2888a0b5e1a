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
  // Scaleway access keys: "SCW" and 17 upper-case letters or digits (terraform-provider-scaleway v2.79.0,
  // internal/services/iam/testdata/api-key-*.cassette.yaml: "access_key":"SCW49EX6AJS9NSFVGKQR").
  { what: "a Scaleway access key", pattern: /\bSCW[A-Z0-9]{17}\b/ },
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

/** What kind of credential a value looks like, or undefined. Never returns the value. */
export function credentialFormat(value: string): string | undefined {
  return FORMATS.find((f) => f.pattern.test(value))?.what;
}

/** Whether a value is a Scaleway access key (SCW…). */
export function isScalewayAccessKey(value: string): boolean {
  return /^\s*SCW[A-Z0-9]{17}\s*$/.test(value);
}

/**
 * The credentials found in a map of plain strings (environment variables, headers), by value:
 * `[key, what]` pairs. A UUID is a Scaleway secret key when the same map holds a Scaleway access
 * key (a key pair set side by side); alone, a UUID is an id like any other and is not reported.
 */
export function credentialsInMap(values: ReadonlyMap<string, string>): [string, string][] {
  const found: [string, string][] = [];
  const hasAccessKey = [...values.values()].some(isScalewayAccessKey);
  for (const [key, value] of values) {
    const what = credentialFormat(value);
    if (what !== undefined) found.push([key, what]);
    else if (hasAccessKey && UUID.test(value.trim()))
      found.push([key, "a Scaleway secret key (a UUID next to a Scaleway access key)"]);
  }
  return found;
}
