import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { ASSUMPTION_SPECS } from "./assumptions";
import { distance, UsageError } from "./cli-args";

/**
 * The usage file (`--usage-file usage.yml`, Infracost's usage file for the plan): the usage figures the
 * cost cannot read from the program, for the whole stack (`defaults`) and per resource (`resources`,
 * by Pulumi name or URN). It is the assumptions model, not a second one: `defaults` holds assumption
 * keys (`--assume containers.activeHoursPerMonth=200` is `defaults: {containers: {activeHoursPerMonth: 200}}`),
 * and a resource's entry overrides the same keys for that resource only.
 *
 * Which wins, from weakest to strongest: the built-in defaults, the usage file's `defaults`,
 * `--assumptions file.json`, `--assume` flags (the command line wins over the file); then, for one
 * resource, its entry under `resources` (the most specific figure wins over every stack-wide one).
 */
export interface UsageFile {
  /** Assumption overrides for the whole stack (flat dotted keys). */
  defaults: Record<string, number | boolean>;
  /** Per resource (Pulumi name or URN): assumption overrides for that resource only (flat dotted keys). */
  resources: Record<string, Record<string, number | boolean>>;
}

/** A usage file that cannot be read or is wrong: a usage error of the command line (exit 3). */
export class UsageFileError extends UsageError {}

/** Keys that hold for the account or the deployment, never for one resource. */
const STACK_ONLY = /^(account|deploy)\./;

const number = z.number().nonnegative().finite();

function leaf(key: string): z.ZodType {
  const spec = ASSUMPTION_SPECS[key]!;
  const base = typeof spec.default === "boolean" ? z.boolean() : number;
  return base.describe(`${spec.description} Default: ${String(spec.default)}.`);
}

/** The nested object of assumption keys ({containers: {activeHoursPerMonth}}), strict at every level. */
function assumptionObject(keys: readonly string[], extra: Record<string, z.ZodType> = {}): z.ZodType {
  const top: Record<string, z.ZodType> = {};
  const groups = new Map<string, Record<string, z.ZodType>>();
  for (const key of keys) {
    const dot = key.indexOf(".");
    if (dot < 0) {
      top[key] = leaf(key).optional();
      continue;
    }
    const group = groups.get(key.slice(0, dot)) ?? {};
    group[key.slice(dot + 1)] = leaf(key).optional();
    groups.set(key.slice(0, dot), group);
  }
  for (const [name, shape] of groups) top[name] = z.strictObject(shape).optional();
  for (const [name, schema] of Object.entries(extra)) top[name] = schema;
  return z.strictObject(top);
}

const ALL_KEYS = Object.keys(ASSUMPTION_SPECS);
const RESOURCE_KEYS = ALL_KEYS.filter((k) => !STACK_ONLY.test(k));

/** deploy.<module>.<Class>: seconds to create that type (e.g. deploy.databases.Instance). */
const deployGroup = z
  .record(z.string(), z.union([number, z.record(z.string().regex(/^[A-Z][A-Za-z]*$/), number)]))
  .optional()
  .describe("defaultSeconds, and <module>: {<Class>: seconds} to create a type (deploy.databases.Instance).");

export const usageFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe("This file's JSON Schema (for editors)."),
    version: z.literal(1).describe("The usage file format: 1."),
    defaults: assumptionObject(
      ALL_KEYS.filter((k) => !k.startsWith("deploy.")),
      { deploy: deployGroup },
    )
      .optional()
      .describe("Usage for the whole stack: the assumption keys of --assume, nested by their dots."),
    resources: z
      .record(z.string().min(1), assumptionObject(RESOURCE_KEYS))
      .optional()
      .describe(
        "Usage of one resource, by its Pulumi name (every resource of that name) or its URN: the same keys as defaults, but account and deploy.",
      ),
  })
  .describe("scaleway-blocks plan usage file (--usage-file): usage figures the program cannot say");

/** The JSON Schema of the usage file (what schema/usage.schema.json holds). */
export function usageJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(usageFileSchema, { io: "input", target: "draft-2020-12" }),
    $id: "https://scaleway-blocks.dev/schemas/usage-1.json",
    title: "scaleway-blocks plan usage file 1",
  };
}

/** {containers: {activeHoursPerMonth: 200}} → {"containers.activeHoursPerMonth": 200}. */
function flatten(
  value: unknown,
  prefix = "",
  out: Record<string, number | boolean> = {},
): Record<string, number | boolean> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === "number" || typeof value === "boolean") out[prefix] = value;
  return out;
}

/** The known key closest to a wrong one, when it is close enough to be a typo. */
function suggestion(wrong: string, known: readonly string[]): string {
  const prefixed = known.find((k) => k.toLowerCase().startsWith(wrong.toLowerCase()));
  if (prefixed !== undefined) return `; did you mean "${prefixed}"?`;
  const best = known.map((k) => ({ k, d: distance(wrong, k) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(2, Math.floor(wrong.length / 4)) ? `; did you mean "${best.k}"?` : "";
}

/** The keys the schema accepts at a path of the file (for "did you mean"). */
function knownKeysAt(path: readonly PropertyKey[]): string[] {
  const inResource = path[0] === "resources";
  const keys = inResource ? RESOURCE_KEYS : ALL_KEYS;
  const depth = inResource ? 2 : 1;
  if (path.length === 0) return ["$schema", "version", "defaults", "resources"];
  if (path.length === depth) return [...new Set(keys.map((k) => k.split(".")[0]!))];
  const group = String(path[depth]);
  return keys.filter((k) => k.startsWith(`${group}.`)).map((k) => k.slice(group.length + 1));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join(".") || "(top level)";
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(issue.path);
    return issue.keys
      .map((k) =>
        issue.path[0] === "resources" && issue.path.length === 2 && STACK_ONLY.test(`${k}.`)
          ? `${where}: "${k}" holds for the whole ${k === "account" ? "account" : "deployment"}, not one resource: set it under defaults`
          : `${where}: unknown key "${k}"${suggestion(k, known)}`,
      )
      .join("; ");
  }
  return `${where}: ${issue.message}`;
}

/** Reads a usage file's YAML (or JSON) text; throws a UsageFileError naming each wrong key or value. */
export function parseUsageFile(text: string, path = "usage file"): UsageFile {
  let value: unknown;
  try {
    value = parse(text) as unknown;
  } catch (error) {
    throw new UsageFileError(
      `${path} is not YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = usageFileSchema.safeParse(value ?? {});
  if (!parsed.success)
    throw new UsageFileError(
      `${path}: ${parsed.error.issues.slice(0, 5).map(describeIssue).join("; ")} (see the plan's schema/usage.schema.json)`,
    );
  const data = parsed.data as { defaults?: unknown; resources?: Record<string, unknown> };
  return {
    defaults: flatten(data.defaults ?? {}),
    resources: Object.fromEntries(Object.entries(data.resources ?? {}).map(([k, v]) => [k, flatten(v)])),
  };
}

/**
 * The per-resource usage for a resource: the entries under its URN and its Pulumi name (the URN's
 * wins where both set a key), or undefined.
 */
export function usageFor(
  usage: Pick<UsageFile, "resources"> | undefined,
  resource: { readonly urn: string; readonly name: string },
): Record<string, number | boolean> | undefined {
  if (usage === undefined) return undefined;
  const byName = usage.resources[resource.name];
  const byUrn = usage.resources[resource.urn];
  if (byName === undefined && byUrn === undefined) return undefined;
  return { ...byName, ...byUrn };
}

/** Usage-file entries that match no resource of the plan (a typo, or a resource gone). */
export function unmatchedUsage(
  usage: Pick<UsageFile, "resources"> | undefined,
  resources: readonly { readonly urn: string; readonly name: string }[],
): string[] {
  if (usage === undefined) return [];
  const names = new Set(resources.flatMap((r) => [r.urn, r.name]));
  return Object.keys(usage.resources).filter((key) => !names.has(key));
}

/** Reads and checks a usage file (`--usage-file`). */
export function readUsageFile(path: string): UsageFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageFileError(
      `cannot read usage file ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseUsageFile(text, path);
}
