/**
 * Constraints that @scaleway-blocks/container checks in its own schema, repeated here so that the
 * stack configuration fails before any resource is registered: by the time the container block
 * parses its args, the network, database and buckets already exist in the program. The block
 * exports its component, not its schema; once it exports these checks, import them instead.
 */

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN =
  "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?/)";
const TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
const DIGEST = "sha256:[a-f0-9]{64}";

/** A repository inside the stack's registry namespace, e.g. "api" or "team/api". */
export const REPOSITORY_PATTERN = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
/** An image tag, e.g. "1.4.2" or a git sha. */
export const TAG_PATTERN = new RegExp(`^${TAG}$`);
/** A full image reference with an explicit tag or digest, e.g. "ghcr.io/acme/api:1.4.2". */
export const IMAGE_REFERENCE_PATTERN = new RegExp(
  `^${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*(?::${TAG}(?:@${DIGEST})?|@${DIGEST})$`,
);

/** Scaleway's limits for one container (containers-limitations page). */
export const CONTAINER_LIMITS = {
  cpuLimit: { min: 70, max: 6000 },
  memoryMb: { min: 128, max: 12 * 1024 },
  scale: { max: 50 },
  timeoutSeconds: { max: 900 },
  environmentValueLength: 1000,
} as const;

/** Ports Scaleway uses itself inside a container. */
export const RESERVED_PORTS: readonly number[] = [8008, 8012, 8013, 8022, 9090, 9091];

/** POSIX-style environment variable names. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** PORT and SCW_* are set by Scaleway inside a container. */
export function reservedEnvName(name: string): boolean {
  return name === "PORT" || name.toUpperCase().startsWith("SCW_");
}

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
const SECRET_WORDS = ["PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "APIKEY", "PRIVATEKEY", "ACCESSKEY"];

/** The part of an environment variable name that makes it look secret (the container block refuses those in plain). */
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

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const CRON_FIELDS: readonly CronField[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day-of-week", min: 0, max: 7, names: DAYS },
];

function cronValue(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return field.name === "month" ? index + 1 : index;
}

function cronItemProblem(item: string, field: CronField): string | undefined {
  const [range, step, ...rest] = item.split("/");
  if (rest.length > 0 || range === undefined || range === "") return `bad ${field.name} "${item}"`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `bad step in ${field.name} "${item}"`;
  if (range === "*") return undefined;
  const bounds = range.split("-");
  if (bounds.length > 2) return `bad ${field.name} "${item}"`;
  const values = bounds.map((b) => cronValue(b, field));
  for (const value of values) {
    if (value === undefined || value < field.min || value > field.max) {
      return `${field.name} "${item}" is outside ${field.min}–${field.max}`;
    }
  }
  if (values.length === 2 && values[0]! > values[1]!) return `${field.name} range "${item}" is reversed`;
  return undefined;
}

/** Why a text is not a 5-field UNIX cron schedule, or undefined. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  }
  for (const [i, text] of fields.entries()) {
    for (const item of text.split(",")) {
      const problem = cronItemProblem(item, CRON_FIELDS[i]!);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Whether the name is an IANA time zone such as "Europe/Paris" or "UTC". */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
