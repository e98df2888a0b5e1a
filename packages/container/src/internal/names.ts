/** Environment variable names that look like they hold a secret. */

/** Name parts (split on "_" and camelCase) that mark a secret. */
const SECRET_PARTS = new Set([
  "PASSWORD",
  "PASSWORDS",
  "PASSWD",
  "PASS",
  "PASSPHRASE",
  "SECRET",
  "SECRETS",
  "TOKEN",
  "TOKENS",
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

/** Words that mark a secret even inside a longer part, e.g. DBPASSWORD. */
const SECRET_WORDS = ["PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "APIKEY", "PRIVATEKEY", "ACCESSKEY"];

/** The part of the name that makes it look secret, or undefined. */
export function secretLookingPart(name: string): string | undefined {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((p) => p !== "");
  const part = parts.find((p) => SECRET_PARTS.has(p));
  if (part) return part;
  const upper = name.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return SECRET_WORDS.find((w) => upper.includes(w));
}

/** POSIX-style environment variable names. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names Scaleway reserves inside Serverless Containers. */
export function reservedEnvName(name: string): boolean {
  return name === "PORT" || name.toUpperCase().startsWith("SCW_");
}
