import * as pulumi from "@pulumi/pulumi";
import type { ServiceContainerArgs } from "@scaleway-blocks/container";
import { ConfigError, StackConfigError } from "@scaleway-blocks/core";
import type { CommonArgs, Environment, Region, StackConfigIssue, Tags } from "@scaleway-blocks/core";
import {
  commonArgsShape,
  describeStackValue,
  isPlainObject,
  nameSegmentSchema,
  stackConfigIssuesFromZod,
  stackConfigKey,
  stackConfigMessage,
  tagsSchema,
  valueAt,
} from "@scaleway-blocks/core/internal";
import type { StackConfigIssuesOptions } from "@scaleway-blocks/core/internal";
import type { ManagedDatabaseArgs, ServerlessDatabaseArgs } from "@scaleway-blocks/database";
import type { MonitoringArgs } from "@scaleway-blocks/monitoring";
import type { NetworkArgs } from "@scaleway-blocks/network";
import type { BucketArgs } from "@scaleway-blocks/storage";
import { z } from "zod";
import { BUCKET_VARIABLE_PREFIX, PLATFORM_ENVIRONMENT_VARIABLES, blockChecks } from "./platform";
import type { BlockCheck } from "./platform";

/** The namespace of the platform's own stack settings: `platform:<key>` in Pulumi.<stack>.yaml. */
export const CONFIG_NAMESPACE = "platform";
/** The provider setting the platform takes its region from. */
export const REGION_KEY = "scaleway:region";

// Each block's stack key holds that block's own args, named as the block names them; the platform adds
// the common args (project, environment, region, tags) and the links between blocks.
type Common = keyof CommonArgs;
export type StackNetwork = Omit<NetworkArgs, Common>;
export type StackDatabase =
  | (Omit<ManagedDatabaseArgs, Common | "network" | "databases"> &
      Partial<Pick<ManagedDatabaseArgs, "databases">>)
  | Omit<ServerlessDatabaseArgs, Common>;
export type StackBucket = Omit<BucketArgs, Common>;
export type StackContainer = Omit<ServiceContainerArgs, "network" | "secretEnvironment">;
export type StackMonitoring = Omit<MonitoringArgs, Common>;

/** The validated stack configuration `platform(config)` builds from. */
export interface PlatformConfig {
  environment: Environment;
  project: string;
  region: Region;
  tags: Tags;
  network: StackNetwork;
  database: StackDatabase;
  /** The buckets, by short name; each becomes `BUCKET_<NAME>` in the containers. */
  buckets: Record<string, StackBucket>;
  api: StackContainer;
  /** A second, private container, e.g. for background jobs. */
  worker?: StackContainer;
  monitoring: StackMonitoring;
}

/** A block's settings: a mapping, checked by the block's own validator. */
const section = (required?: string) =>
  z.record(z.string(), z.unknown(), {
    error: (issue) =>
      issue.input === undefined && required ? `required: ${required}` : "expected a mapping",
  });

/** The stack's own keys: the common args, and which blocks hold which settings. */
const stackShape = {
  environment: commonArgsShape.environment,
  project: commonArgsShape.project.default("platform"),
  region: commonArgsShape.region,
  tags: tagsSchema.default({}),
  network: section().default({}),
  database: section('the database (mode "managed" or "serverless" at least)'),
  buckets: z
    .record(z.string(), section(), { error: "expected a mapping of bucket name: settings" })
    .superRefine((buckets, ctx) => {
      for (const name of Object.keys(buckets)) {
        const problem = nameSegmentSchema.safeParse(name).error?.issues[0];
        if (problem)
          ctx.addIssue({ code: "custom", message: `${problem.message} in every bucket name ("${name}")` });
      }
    })
    .default({ uploads: {} }),
  api: section("the API container (image at least)"),
  worker: section().optional(),
  monitoring: section().default({}),
};
const stackSchema = z.strictObject(stackShape);

/** Keys a block's section may not hold: the platform sets them for every block, or for that block. */
const COMMON_KEYS: readonly string[] = Object.keys(commonArgsShape);
/** The sections that hold one container of a Service (ServiceContainerArgs), not a block's whole args. */
const CONTAINERS: readonly string[] = ["api", "worker"];
const PLATFORM_SET: Readonly<Record<string, readonly string[]>> = {
  database: ["network"],
  api: ["network", "secretEnvironment"],
  worker: ["network", "secretEnvironment"],
};

/** Every top-level key of the stack configuration, as the stack file spells it. */
export const CONFIG_KEYS: readonly string[] = Object.keys(stackShape)
  .filter((k) => k !== "region")
  .map((k) => `${CONFIG_NAMESPACE}:${k}`)
  .concat(REGION_KEY)
  .sort();

/** Environment variable values are never quoted: someone may have pasted a secret there. */
function isEnvironmentValue(path: readonly PropertyKey[]): boolean {
  return CONTAINERS.includes(String(path[0])) && path[1] === "environment";
}

const ISSUE_OPTIONS: StackConfigIssuesOptions = {
  namespace: CONFIG_NAMESPACE,
  keys: { region: REGION_KEY },
  redact: isEnvironmentValue,
  unknownKey: () => `unknown key (known keys: ${CONFIG_KEYS.join(", ")})`,
};

/** A problem at a path of the stack config, as core's stack-config helpers word it. */
function issueAt(input: unknown, path: readonly PropertyKey[], expected: string): StackConfigIssue {
  const received = describeStackValue(path, valueAt(input, path), ISSUE_OPTIONS);
  return { key: stackConfigKey(path, ISSUE_OPTIONS), message: stackConfigMessage(expected, received) };
}

/** "containers.api.crons.nightly.schedule" / "contactPoints[0].email" → its keys. */
function keysOf(path: string): PropertyKey[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** A block's ConfigError, each issue at the stack key that holds the value: the block's path under its section. */
function blockIssues(input: unknown, check: BlockCheck, error: ConfigError): StackConfigIssue[] {
  const prefix = keysOf(check.argsPath);
  return error.issues.flatMap((issue) => {
    const argsPath = keysOf(issue.path);
    const underSection = prefix.every((key, i) => key === argsPath[i]);
    const path = COMMON_KEYS.includes(String(argsPath[0]))
      ? argsPath // project, environment, region, tags: the stack's own keys
      : underSection
        ? [...check.section, ...argsPath.slice(prefix.length)]
        : [...check.section];
    if (issue.expected === "no unknown keys") {
      const names = JSON.parse(`[${issue.received}]`) as string[];
      return names.map((name) => ({
        key: stackConfigKey([...path, name], ISSUE_OPTIONS),
        message: `unknown key (not a field of ${check.argsType})`,
      }));
    }
    return [issueAt(input, path, issue.expected)];
  });
}

/** What only the platform decides: which keys it sets itself, and what its production database is. */
function platformIssues(input: Readonly<Record<string, unknown>>): StackConfigIssue[] {
  const issues: StackConfigIssue[] = [];
  const sections = [
    ...["network", "database", "api", "worker", "monitoring"].map((key) => [key]),
    ...Object.keys(isPlainObject(input.buckets) ? input.buckets : {}).map((name) => ["buckets", name]),
  ];
  for (const path of sections) {
    const value = valueAt(input, path);
    if (!isPlainObject(value)) continue;
    for (const key of Object.keys(value)) {
      if (!CONTAINERS.includes(path[0]!) && COMMON_KEYS.includes(key)) {
        const own = stackConfigKey([key], ISSUE_OPTIONS);
        issues.push(issueAt(input, [...path, key], `expected no ${key} here: every block gets ${own}`));
      } else if (PLATFORM_SET[path[0]!]?.includes(key)) {
        issues.push(issueAt(input, [...path, key], `expected no ${key}: the platform sets it`));
      }
    }
  }
  for (const container of CONTAINERS) {
    const environment = valueAt(input, [container, "environment"]);
    for (const name of Object.keys(isPlainObject(environment) ? environment : {})) {
      if (
        (PLATFORM_ENVIRONMENT_VARIABLES as readonly string[]).includes(name) ||
        name.startsWith(BUCKET_VARIABLE_PREFIX)
      ) {
        issues.push(
          issueAt(
            input,
            [container, "environment", name],
            `expected a name the platform does not set itself (${name} is set by the platform)`,
          ),
        );
      }
    }
  }
  if (input.environment === "production" && valueAt(input, ["database", "mode"]) === "serverless") {
    issues.push(
      issueAt(
        input,
        ["database", "mode"],
        'expected "managed" in production: the platform runs its production database highly available, with off-site backups',
      ),
    );
  }
  return issues;
}

/**
 * Validates a stack's configuration: a plain object keyed as in Pulumi.<stack>.yaml
 * (`"platform:api"`, `"scaleway:region"`, …), with values as YAML gives them (objects, lists,
 * numbers). Keys of other namespaces are ignored. Every block's settings are checked by the block's
 * own validator, on the args `platform(config)` will give it. Pure: no Pulumi runtime needed.
 *
 * @throws StackConfigError naming every bad key and the stack file, e.g.
 *   `Pulumi.production.yaml: platform:database.backups.retentionDays: expected at most 365 days; received 400`
 */
export function validateConfig(raw: Readonly<Record<string, unknown>>, stackFile: string): PlatformConfig {
  const input: Record<string, unknown> = {};
  const issues: StackConfigIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === REGION_KEY) input.region = value;
    else if (key === `${CONFIG_NAMESPACE}:region`) {
      issues.push({ key, message: `unknown key: the region is ${REGION_KEY}, which the provider reads too` });
    } else if (key.startsWith(`${CONFIG_NAMESPACE}:`)) input[key.slice(CONFIG_NAMESPACE.length + 1)] = value;
  }
  const result = stackSchema.safeParse(input);
  if (!result.success) issues.push(...stackConfigIssuesFromZod(result.error, input, ISSUE_OPTIONS));
  issues.push(...platformIssues(input));

  // The blocks check what the stack's own schema let by: each key with its default, or as given. A
  // block whose settings are not a mapping is left to the schema's message; every block's defaults come
  // from its environment, so none is checked without a valid one.
  const given = Object.fromEntries(
    Object.entries(stackShape).map(([key, schema]) => {
      const parsed = schema.safeParse(input[key]);
      return [key, parsed.success ? parsed.data : input[key]];
    }),
  );
  const mapping = (value: unknown) => (isPlainObject(value) ? value : {});
  const config = {
    ...given,
    network: mapping(given.network),
    database: mapping(given.database),
    buckets: Object.fromEntries(Object.entries(mapping(given.buckets)).map(([k, v]) => [k, mapping(v)])),
    api: mapping(given.api),
    worker: given.worker === undefined ? undefined : mapping(given.worker),
    monitoring: mapping(given.monitoring),
  } as unknown as PlatformConfig;
  const checks = stackShape.environment.safeParse(input.environment).success ? blockChecks(config) : [];
  for (const check of checks) {
    if (check.section.length > 0 && !isPlainObject(valueAt(given, check.section))) continue;
    try {
      check.validate();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      issues.push(...blockIssues(input, check, error));
    }
  }

  // One line per key: the first problem found there (a bad region is the stack's, not every block's).
  const unique = issues.filter((issue, i) => issues.findIndex((other) => other.key === issue.key) === i);
  if (unique.length > 0) throw new StackConfigError(stackFile, unique);
  return config;
}

// ---------------------------------------------------------------------------------------------- reading

/** Settings whose values are plain strings; every other value is JSON, as Pulumi encodes it. */
const STRING_KEYS = new Set(["environment", "project"]);

function decode(key: string, text: string): unknown {
  if (STRING_KEYS.has(key)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // a plain string where a mapping or number was expected: the schema says so
  }
}

/**
 * The running stack's settings as a plain object keyed as in the stack file: every `platform:` key
 * (read with `new pulumi.Config("platform")`, JSON values decoded) and `scaleway:region`.
 */
export function readStackConfig(): Record<string, unknown> {
  const config = new pulumi.Config(CONFIG_NAMESPACE);
  const raw: Record<string, unknown> = {};
  const prefix = `${CONFIG_NAMESPACE}:`;
  for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(prefix)) continue;
    const key = fullKey.slice(prefix.length);
    const text = config.get(key);
    if (text !== undefined) raw[fullKey] = decode(key, text);
  }
  const region = new pulumi.Config("scaleway").get("region");
  if (region !== undefined) raw[REGION_KEY] = region;
  return raw;
}
