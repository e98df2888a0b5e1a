/**
 * Environment variable names that look like they hold a secret: the one convention every package
 * applies (the container block refuses them in plain variables, the policy flags them, the platform
 * refuses them in stack files).
 */

/** Name parts (split on separators and camelCase) that mark a secret on their own, e.g. DB_PASS or apiKey. */
const SECRET_PARTS = new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASS",
  "PWD",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "TOKEN",
  "TOKENS",
  "PAT",
  "KEY",
  "KEYS",
  "APIKEY",
  "CREDENTIAL",
  "CREDENTIALS",
  "CREDS",
  "PRIVATE",
  "DSN",
  "SALT",
]);

/** Words that mark a secret anywhere in the name, even inside a longer part, e.g. DBPASSWORD or GITHUBTOKEN. */
const SECRET_WORDS = [
  "PASSWORD",
  "PASSWD",
  "PASSPHRASE",
  "SECRET",
  "TOKEN",
  "CREDENTIAL",
  "APIKEY",
  "PRIVATEKEY",
  "ACCESSKEY",
];

/** Longer words that contain a secret word without being a secret: a tokenizer is not a token. */
const NOT_SECRET_WORDS = /TOKENIZ/g;

/** "dbPassword", "DB_PASSWORD", "db-password" → ["DB", "PASSWORD"]. */
function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((part) => part !== "");
}

/**
 * The part of an environment variable name that makes it look like it holds a secret (a password,
 * token, key, credential, DSN…), or undefined. A part counts whole ("KEY" in STRIPE_API_KEY, not in
 * KEYCLOAK_URL); the longer words (PASSWORD, SECRET, TOKEN…) count anywhere in the name.
 */
export function secretLookingPart(name: string): string | undefined {
  const part = nameParts(name).find((p) => SECRET_PARTS.has(p));
  if (part !== undefined) return part;
  const joined = name
    .toUpperCase()
    .replace(NOT_SECRET_WORDS, "")
    .replace(/[^A-Z0-9]/g, "");
  return SECRET_WORDS.find((word) => joined.includes(word));
}

/**
 * Name endings that make a variable a reference to a secret, a setting about one, or the public half of
 * a credential pair, not the secret itself: S3_ACCESS_KEY_ID and AWS_ACCESS_KEY_ID (the access key id
 * of an access key / secret key pair), SCW_ACCESS_KEY (the Scaleway CLI and SDKs' name for a Scaleway
 * access key), SECRET_NAME, DB_PASSWORD_FILE, TOKEN_URL, PASSWORD_LENGTH. An entry is one or more name
 * parts ("SCW_ACCESS_KEY" matches the last three parts). The one list the container block (plain
 * `environment`), the platform's stack files and the policy (scw-container-no-plain-secret-env,
 * scw-no-plain-credentials) read.
 *
 * A Scaleway access key is an identifier, not a secret: "The access key is like a unique ID or
 * username, and not a sensitive piece of information. The secret key however is more sensitive, as
 * it is like a password" (https://www.scaleway.com/en/developers/api/iam/api-keys); the provider
 * keeps `access_key` in clear and marks only `secret_key` Sensitive (terraform-provider-scaleway
 * v2.79.0 internal/services/iam/api_key.go). SCW_SECRET_KEY stays a secret.
 */
export const NOT_SECRET_SUFFIXES: readonly string[] = Object.freeze([
  "ID",
  "IDS",
  "NAME",
  "PREFIX",
  "PATH",
  "FILE",
  "URL",
  "ENDPOINT",
  "TYPE",
  "LENGTH",
  "TTL",
  "HEADER",
  "VERSION",
  "REGION",
  "ALGORITHM",
  "ENABLED",
  "SCW_ACCESS_KEY",
]);

/**
 * The entry of NOT_SECRET_SUFFIXES a name ends with (SCW_ACCESS_KEY for "scwAccessKey", ID for
 * "S3_ACCESS_KEY_ID"), or undefined. A one-part name (`ID`) has no suffix.
 */
export function notSecretSuffix(name: string): string | undefined {
  const parts = nameParts(name);
  if (parts.length < 2) return undefined;
  return NOT_SECRET_SUFFIXES.find((suffix) => {
    const ending = suffix.split("_");
    return (
      ending.length <= parts.length && ending.every((p, i) => parts[parts.length - ending.length + i] === p)
    );
  });
}

/**
 * The part that makes a plain environment variable's name look like it holds a secret, or undefined:
 * `secretLookingPart`, less the names that end with one of NOT_SECRET_SUFFIXES (S3_ACCESS_KEY_ID and
 * SCW_ACCESS_KEY are allowed, S3_SECRET_ACCESS_KEY and SCW_SECRET_KEY are not).
 */
export function secretLookingVariablePart(name: string): string | undefined {
  if (notSecretSuffix(name) !== undefined) return undefined;
  return secretLookingPart(name);
}
