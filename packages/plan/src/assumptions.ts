import { z } from "zod";
import { distance } from "./cli-args";

/**
 * The usage the cost and deploy-time estimates assume where the program cannot say (how long
 * containers run, how much a bucket holds). Every figure is printed with the plan and can be
 * overridden: `--assume key=value` or `--assumptions file.json`.
 */
export interface Assumption {
  readonly key: string;
  readonly value: number | boolean;
  readonly description: string;
}

interface Spec {
  readonly default: number | boolean;
  readonly description: string;
}

export const ASSUMPTION_SPECS: Readonly<Record<string, Spec>> = {
  hoursPerMonth: { default: 730, description: "Hours in a billing month (hourly prices × this)." },
  "account.applyFreeTiers": {
    default: false,
    description:
      "Subtract the per-account free tiers (containers 200 000 vCPU-s and 400 000 GB-s, 75 GB object egress). They are shared by every stack of the account, so they are off by default.",
  },
  "containers.activeHoursPerMonth": {
    default: 100,
    description:
      "Hours per month one instance of a min-scale-0 container is running (it scales to zero after 15 min idle).",
  },
  "containers.extraInstanceHoursPerMonth": {
    default: 0,
    description: "Instance-hours per month above min scale (scale-out under load), per container.",
  },
  "registry.storedGbPerNamespace": {
    default: 2,
    description: "GB of images stored per Container Registry namespace.",
  },
  "storage.gbPerBucket": { default: 10, description: "GB stored per bucket (Standard class)." },
  "storage.egressGbPerBucket": {
    default: 5,
    description: "GB per month read from each bucket over the internet or from another region.",
  },
  "database.storageGb": {
    default: 10,
    description: "GB of block storage per Managed Database instance when volumeSizeInGb is not set.",
  },
  "database.gbPerBackup": {
    default: 1,
    description:
      "GB of one automatic (logical, compressed) backup of a Managed Database instance; the backups kept follow its schedule.",
  },
  "secrets.requestsPerVersionPerMonth": {
    default: 1000,
    description: "Secret Manager API requests per month per secret version (reads by the services).",
  },
  "cockpit.metricsMillionSamplesPerMonth": {
    default: 10,
    description: "Million custom metric samples pushed per month to each metrics source.",
  },
  "cockpit.logsGbPerMonth": {
    default: 1,
    description: "GB of custom logs pushed per month to each logs source.",
  },
  "cockpit.tracesGbPerMonth": {
    default: 1,
    description: "GB of custom traces pushed per month to each traces source.",
  },
  "deploy.defaultSeconds": {
    default: 5,
    description: "Seconds to create a resource type that has no figure of its own (an API object).",
  },
};

/** Deploy-time overrides: "deploy.<module>.<Class>" (e.g. deploy.databases.Instance) in seconds. */
const DEPLOY_KEY = /^deploy\.[a-z]+\.[A-Z][A-Za-z]*$/;

export type Assumptions = Readonly<Record<string, number | boolean>>;

export const DEFAULT_ASSUMPTIONS: Assumptions = Object.freeze(
  Object.fromEntries(Object.entries(ASSUMPTION_SPECS).map(([k, s]) => [k, s.default])),
);

/** An assumption value read from a flag or a file. */
const valueSchema = z.union([z.number().nonnegative().finite(), z.boolean()]);

export class AssumptionError extends Error {
  override readonly name = "AssumptionError";
}

function checkKey(key: string): void {
  if (key in ASSUMPTION_SPECS || DEPLOY_KEY.test(key)) return;
  const known = Object.keys(ASSUMPTION_SPECS);
  const closest = known.map((k) => ({ k, d: distance(key, k) })).sort((a, b) => a.d - b.d)[0];
  const meant =
    closest && closest.d <= Math.max(2, Math.floor(key.length / 5)) ? `; did you mean "${closest.k}"?` : "";
  throw new AssumptionError(
    `unknown assumption "${key}"${meant ? `${meant} Known` : "; known"}: ${known.join(", ")}, deploy.<module>.<Class> (seconds)`,
  );
}

function checkValue(key: string, value: unknown): number | boolean {
  const expected = DEPLOY_KEY.test(key) ? "number" : typeof ASSUMPTION_SPECS[key]!.default;
  const parsed = valueSchema.safeParse(value);
  if (!parsed.success || typeof parsed.data !== expected)
    throw new AssumptionError(
      `assumption "${key}" expects a ${expected === "number" ? "non-negative number" : "boolean"}, got ${JSON.stringify(value)}`,
    );
  return parsed.data;
}

/** Parses "key=value" (value: number, true or false). */
export function parseAssumeFlag(flag: string): [string, number | boolean] {
  const at = flag.indexOf("=");
  if (at <= 0) throw new AssumptionError(`--assume expects key=value, got "${flag}"`);
  const key = flag.slice(0, at).trim();
  const raw = flag.slice(at + 1).trim();
  checkKey(key);
  const number = Number(raw);
  // A value that is no number stays the text the user gave, so the error names it ("lots", not null).
  const value: unknown =
    raw === "true" ? true : raw === "false" ? false : raw === "" || Number.isNaN(number) ? raw : number;
  return [key, checkValue(key, value)];
}

/** Flattens {"containers": {"activeHoursPerMonth": 200}} into {"containers.activeHoursPerMonth": 200}. */
function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(prefix in ASSUMPTION_SPECS)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out[prefix] = value;
}

/** Parses an assumptions file's JSON: flat dotted keys, nested objects, or both. */
export function parseAssumptionsJson(json: unknown): Record<string, number | boolean> {
  if (json === null || typeof json !== "object" || Array.isArray(json))
    throw new AssumptionError("the assumptions file must hold a JSON object");
  const flat: Record<string, unknown> = {};
  flatten(json, "", flat);
  const out: Record<string, number | boolean> = {};
  for (const [key, value] of Object.entries(flat)) {
    checkKey(key);
    out[key] = checkValue(key, value);
  }
  return out;
}

/** Defaults, then each override in order (later wins), validated. */
export function resolveAssumptions(
  ...overrides: readonly (Readonly<Record<string, unknown>> | undefined)[]
): Assumptions {
  const out: Record<string, number | boolean> = { ...DEFAULT_ASSUMPTIONS };
  for (const override of overrides) {
    for (const [key, value] of Object.entries(override ?? {})) {
      checkKey(key);
      out[key] = checkValue(key, value);
    }
  }
  return out;
}

export function numberAssumption(assumptions: Assumptions, key: string): number {
  const value = assumptions[key] ?? ASSUMPTION_SPECS[key]?.default;
  return typeof value === "number" ? value : 0;
}

export function booleanAssumption(assumptions: Assumptions, key: string): boolean {
  return (assumptions[key] ?? ASSUMPTION_SPECS[key]?.default) === true;
}

/** Every assumption in force, with its description, for the plan's output. */
export function describeAssumptions(assumptions: Assumptions): Assumption[] {
  return Object.entries(assumptions).map(([key, value]) => ({
    key,
    value,
    description: ASSUMPTION_SPECS[key]?.description ?? "Seconds to create this resource type (override).",
  }));
}
