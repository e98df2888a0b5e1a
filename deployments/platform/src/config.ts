import * as pulumi from "@pulumi/pulumi";
import { validateServiceArgs } from "@scaleway-blocks/container";
import type { ServiceContainerArgs } from "@scaleway-blocks/container";
import {
  ConfigError,
  ENVIRONMENTS,
  StackConfigError,
  environmentProfile,
  environmentSchema,
  formatPath,
  isNetworkAddress,
  isRfc1918,
  nameSegmentSchema,
  parseIpv4Cidr,
  regionOfZone,
  regionSchema,
  secretLookingVariablePart,
  stackConfigIssuesFromZod,
  tagsSchema,
  zoneFor,
} from "@scaleway-blocks/core";
import type { Environment, Region, StackConfigIssue, StackConfigIssuesOptions } from "@scaleway-blocks/core";
import { z } from "zod";

/** The namespace of the platform's own stack settings: `platform:<key>` in Pulumi.<stack>.yaml. */
export const CONFIG_NAMESPACE = "platform";
/** The provider setting the platform takes its region from. */
export const REGION_KEY = "scaleway:region";

/** Environment variables the platform sets itself on its containers; `environment` may not use them. */
export const PLATFORM_ENVIRONMENT_VARIABLES = [
  "APP_ENV",
  "DATABASE_URL",
  "SESSION_SECRET",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_ENDPOINT",
  "S3_REGION",
] as const;
/** Plain variables `BUCKET_<NAME>` carry each bucket's name. */
export const BUCKET_VARIABLE_PREFIX = "BUCKET_";

type Ctx = z.RefinementCtx;

function addIssue(ctx: Ctx, path: PropertyKey[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

const bool = (what: string) => z.boolean({ error: `expected true or false (${what})` });
const int = (what: string) =>
  z.number({ error: `expected a whole number (${what})` }).int(`expected a whole number (${what})`);

/** Checks a value against one of two schemas picked by its shape, keeping the chosen schema's own messages. */
function byShape<A extends z.ZodType, B extends z.ZodType>(
  isFirst: (value: unknown) => boolean,
  first: A,
  second: B,
  expected: string,
) {
  return z.unknown().transform((value, ctx): z.output<A> | z.output<B> => {
    if (value === undefined || value === null || (typeof value !== "string" && typeof value !== "object")) {
      ctx.addIssue({ code: "custom", message: expected });
      return z.NEVER;
    }
    const result = (isFirst(value) ? first : second).safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
    }
    return z.NEVER;
  });
}

// ---------------------------------------------------------------------------------------------- images

const IMAGE_EXPECTED =
  'expected { repository, tag } for the stack\'s private registry, or a full image reference with a tag or digest such as "ghcr.io/acme/api:1.4.2"';

// The shapes and YAML types are checked here; the references themselves by the container block
// (validateServiceArgs, in the stack's superRefine below).
const registryImageSchema = z.strictObject({
  /** Repository inside the stack's registry namespace, e.g. "api". */
  repository: z.string({ error: 'expected a repository name such as "api"' }),
  /** The tag to run, e.g. "1.4.2". Promote a release by copying the tag to the next stack. */
  tag: z.string({ error: 'expected an image tag such as "1.4.2" (quote it in YAML)' }),
});

const externalImageSchema = z.string();

const imageSchema = byShape(
  (v) => typeof v === "object",
  registryImageSchema,
  externalImageSchema,
  IMAGE_EXPECTED,
);

export type RegistryImage = z.output<typeof registryImageSchema>;
export type ImageConfig = RegistryImage | string;

/** Whether an image lives in the stack's private registry. */
export function isRegistryImage(image: ImageConfig): image is RegistryImage {
  return typeof image === "object";
}

// ---------------------------------------------------------------------------------------------- containers

// Names and values are also checked by the container block (letters, digits and _; not PORT or
// SCW_*; at most 1000 characters). Here: what only the platform knows.
const environmentVariablesSchema = z
  .record(z.string(), z.string({ error: "expected a string value (quote numbers and booleans in YAML)" }), {
    error: "expected a mapping of NAME: value",
  })
  .superRefine((variables, ctx) => {
    for (const name of Object.keys(variables)) {
      if (
        (PLATFORM_ENVIRONMENT_VARIABLES as readonly string[]).includes(name) ||
        name.startsWith(BUCKET_VARIABLE_PREFIX)
      ) {
        addIssue(
          ctx,
          [name],
          `expected a name the platform does not set itself (${name} is set by the platform)`,
        );
      } else {
        const part = secretLookingVariablePart(name);
        if (part) {
          addIssue(
            ctx,
            [name],
            `expected a non-secret name: "${name}" looks like a secret (${part}); secrets come from Secret Manager, never from the stack file`,
          );
        }
      }
    }
  });

// Ranges, reserved ports and scale limits are the container block's: see checkContainer.
const containerShape = {
  image: imageSchema,
  /** Port the server listens on: 1–65535, not one Scaleway uses itself. Default 8080. */
  port: int("port").default(8080),
  /** mvCPU per instance (1000 = 1 vCPU), 70–6000. Default: the environment profile's. */
  cpuLimit: int("mvCPU").optional(),
  /** Scaleway MB (decimal) per instance, 128–12228, 1–4 per mvCPU. Default: the environment profile's. */
  memoryMb: int("MB").optional(),
  /** Instances kept warm, 0–50. Default: the environment profile's (0, 0, 1). */
  minScale: int("instances").optional(),
  /** Most instances at once, 1–50. Default: the environment profile's (2, 5, 20). */
  maxScale: int("instances").optional(),
  /** Seconds a request may take, 1–900. Default 300. */
  timeout: int("seconds").default(300),
  /** Plain, non-secret environment variables. */
  environment: environmentVariablesSchema.default({}),
};

const apiSchema = z.strictObject(
  {
    ...containerShape,
    /** Anyone may call the API (tagged public=true). Default false: callers need an X-Auth-Token. */
    public: bool("public").default(false),
    /** HTTP path of the liveness probe, e.g. "/healthz". Default: none. */
    healthPath: z.string({ error: 'expected a path starting with "/"' }).optional(),
  },
  {
    error: (issue) =>
      issue.input === undefined ? "required: the API container (image at least)" : "expected a mapping",
  },
);

const cronSchema = z.strictObject(
  {
    /** 5-field UNIX cron, e.g. "0 3 * * *". */
    schedule: z.string({ error: 'expected a cron schedule such as "0 3 * * *"' }),
    /** IANA time zone. Default "UTC". */
    timezone: z.string({ error: 'expected an IANA time zone such as "Europe/Paris"' }).default("UTC"),
    /** Path called on the worker. Default "/". */
    path: z.string({ error: 'expected a path starting with "/"' }).default("/"),
  },
  { error: "expected { schedule, timezone?, path? }" },
);

const workerSchema = z.strictObject(
  {
    ...containerShape,
    /** Scheduled calls of the worker, by name (lowercase letters, digits, hyphens). */
    crons: z
      .record(z.string(), cronSchema, { error: "expected a mapping of name: { schedule }" })
      .default({}),
  },
  { error: "expected a mapping with the worker's image" },
);

type ContainerConfig = z.output<typeof apiSchema> | z.output<typeof workerSchema>;

/**
 * The `Service` container a stack's `api` or `worker` setting stands for, before the platform adds
 * its network, its own variables and the secrets. What the stack validates is what it deploys.
 */
export function serviceContainer(spec: ContainerConfig): ServiceContainerArgs {
  return {
    image: spec.image,
    port: spec.port,
    timeout: spec.timeout,
    ...(spec.cpuLimit !== undefined ? { cpuLimit: spec.cpuLimit } : {}),
    ...(spec.memoryMb !== undefined ? { memory: spec.memoryMb } : {}),
    ...(spec.minScale !== undefined ? { minScale: spec.minScale } : {}),
    ...(spec.maxScale !== undefined ? { maxScale: spec.maxScale } : {}),
    ...("public" in spec ? { public: spec.public } : {}),
    ...("healthPath" in spec && spec.healthPath
      ? { livenessProbe: { http: { path: spec.healthPath } } }
      : {}),
    environment: spec.environment,
    ...("crons" in spec
      ? {
          crons: Object.fromEntries(
            Object.entries(spec.crons).map(([name, cron]) => [
              name,
              { schedule: cron.schedule, timezone: cron.timezone, path: cron.path },
            ]),
          ),
        }
      : {}),
  };
}

/** Where a Service container setting lies in the stack's own setting, when it is named otherwise. */
const STACK_FIELDS: Readonly<Record<string, string>> = {
  memory: "memoryMb",
  "livenessProbe.http.path": "healthPath",
};

/** "containers.api.memory" → ["api", "memoryMb"]; undefined for a path outside the container. */
function stackPath(key: "api" | "worker", servicePath: string): PropertyKey[] | undefined {
  const prefix = `containers.${key}.`;
  if (!servicePath.startsWith(prefix)) return undefined;
  const rest = servicePath.slice(prefix.length);
  const renamed = STACK_FIELDS[rest];
  if (renamed !== undefined) return [key, renamed];
  const [field = "", ...tail] = rest.split(".");
  // A variable name is one key, even a bad one with dots in it.
  return [key, field, ...(field === "environment" && tail.length > 0 ? [tail.join(".")] : tail)];
}

/**
 * Runs the container block's own checks (image references, sizes and limits, ports, scale, variable
 * names and values, cron schedules and time zones) on the stack's `api` or `worker`, reporting each
 * at its stack key. A setting the stack's schema already refused is not reported twice; the common
 * settings (project, region) are the schema's to check.
 */
function checkContainer(ctx: Ctx, key: "api" | "worker", spec: ContainerConfig, config: StackSettings): void {
  try {
    validateServiceArgs(key, {
      project: config.project,
      environment: config.environment,
      region: config.region,
      containers: { [key]: serviceContainer(spec) },
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const reported = new Set(ctx.issues.map((issue) => formatPath(issue.path ?? [])));
    for (const issue of error.issues) {
      const path = stackPath(key, issue.path);
      if (path !== undefined && !reported.has(formatPath(path))) addIssue(ctx, path, issue.expected);
    }
  }
}

// ---------------------------------------------------------------------------------------------- network

const subnetSchema = z
  .string({ error: 'expected an IPv4 CIDR such as "172.16.0.0/22"' })
  .superRefine((text, ctx) => {
    const cidr = parseIpv4Cidr(text);
    if (!cidr) return addIssue(ctx, [], 'expected an IPv4 CIDR such as "172.16.0.0/22"');
    if (!isNetworkAddress(cidr))
      return addIssue(ctx, [], "expected a network address with the host bits at zero");
    if (!isRfc1918(cidr)) return addIssue(ctx, [], "expected a private range (RFC 1918)");
    if (cidr.prefixLength < 20 || cidr.prefixLength > 28) {
      addIssue(ctx, [], "expected a prefix length from /20 to /28, the sizes Scaleway accepts");
    }
  });

const PUBLIC_GATEWAY_TYPES = ["VPC-GW-S", "VPC-GW-M", "VPC-GW-L", "VPC-GW-XL"] as const;

const networkSchema = z.strictObject(
  {
    /** The private network's IPv4 subnet. Default 172.16.0.0/22. **Changing it recreates the private network.** */
    subnet: subnetSchema.optional(),
    /** A Public Gateway (egress NAT for machines on the private network). Default: none. */
    publicGateway: z
      .strictObject(
        {
          type: z
            .enum(PUBLIC_GATEWAY_TYPES, {
              error: () => `expected a gateway type: ${PUBLIC_GATEWAY_TYPES.join(" | ")}`,
            })
            .default("VPC-GW-S"),
          /** Default: the region's "-1" zone. */
          zone: zoneFor("publicGateway").optional(),
        },
        { error: "expected { type?, zone? }" },
      )
      .optional(),
  },
  { error: "expected a mapping" },
);

// ---------------------------------------------------------------------------------------------- database

const DATABASE_MODES = ["managed", "serverless"] as const;

const databaseSchema = z.strictObject(
  {
    /** "managed" (RDB instance on the private network) or "serverless" (Serverless SQL, fr-par only). Default: the profile's. */
    mode: z.enum(DATABASE_MODES, { error: () => 'expected "managed" or "serverless"' }).optional(),
    /** The logical database (managed mode). Default "app". */
    name: z
      .string({ error: "expected a database name" })
      .regex(
        /^[a-z][a-z0-9_-]{0,62}$/,
        'expected lowercase letters, digits, "_" and "-", starting with a letter',
      )
      .refine((n) => n !== "postgres" && !n.startsWith("template") && !n.startsWith("rdb"), {
        message: 'expected a name other than "postgres", "template*" and "rdb*" (reserved)',
      })
      .default("app"),
    nodeType: z
      .string({ error: "expected a node type such as DB-DEV-S" })
      .regex(/^db-[a-z0-9]+(?:-[a-z0-9]+)+$/i, "expected a Managed Database node type such as DB-DEV-S")
      .optional(),
    /** Turning it on upgrades the instance in place; Scaleway cannot turn it off again (database README). */
    highAvailability: bool("highAvailability").optional(),
    /** 5–10000 GB in steps of 5, the database block's bounds (the provider's IntDivisibleBy(5)). */
    volumeSizeInGb: int("GB")
      .min(5, "expected at least 5 GB")
      .max(10_000, "expected at most 10000 GB")
      .multipleOf(5, "expected a multiple of 5 GB (Scaleway sizes volumes in steps of 5 GB)")
      .optional(),
    backups: z
      .strictObject(
        {
          frequencyHours: int("hours")
            .min(1, "expected at least 1 hour")
            .max(168, "expected at most 168 hours")
            .optional(),
          retentionDays: int("days")
            .min(1, "expected at least 1 day")
            .max(365, "expected at most 365 days")
            .optional(),
          inAnotherRegion: bool("inAnotherRegion").optional(),
        },
        { error: "expected { frequencyHours?, retentionDays?, inAnotherRegion? }" },
      )
      .optional(),
    minCpu: int("vCPUs").min(0, "expected 0 to 15 vCPUs").max(15, "expected 0 to 15 vCPUs").optional(),
    maxCpu: int("vCPUs").min(1, "expected 1 to 15 vCPUs").max(15, "expected 1 to 15 vCPUs").optional(),
  },
  { error: "expected a mapping" },
);

const MANAGED_ONLY = ["nodeType", "highAvailability", "volumeSizeInGb", "backups"] as const;
const SERVERLESS_ONLY = ["minCpu", "maxCpu"] as const;

// ---------------------------------------------------------------------------------------------- storage

const storageSchema = z.strictObject(
  {
    /** The buckets, by short name; each becomes `BUCKET_<NAME>` in the containers. */
    buckets: z
      .array(nameSegmentSchema, { error: "expected a list of bucket names" })
      .min(1, "expected at least one bucket")
      .refine((names) => new Set(names).size === names.length, { message: "expected each bucket name once" })
      .default(["uploads"]),
    /** SSE-KMS with one Key Manager key per bucket. Default false. */
    encryption: bool("encryption").default(false),
  },
  { error: "expected a mapping" },
);

// ---------------------------------------------------------------------------------------------- monitoring

const emailSchema = z.email({ error: "expected an email address" });

const monitoringSchema = z.strictObject(
  {
    /** Who the Cockpit alert manager emails. Required (≥ 1) in production. */
    contacts: z
      .array(emailSchema, { error: "expected a list of email addresses" })
      .refine((emails) => new Set(emails.map((e) => e.toLowerCase())).size === emails.length, {
        message: "expected each email address once",
      })
      .default([]),
    /** An organization-wide monthly budget with email alerts (declare it in one stack only). */
    budget: z
      .strictObject(
        {
          monthlyLimitEur: z
            .number({ error: "expected an amount in EUR" })
            .positive("expected a positive amount in EUR")
            // The monitoring block's bounds: the provider sends the limit in cents as a uint32.
            .max(42_949_672.95, "expected at most 42949672.95 EUR (the provider sends cents as a uint32)")
            .refine((eur) => Math.abs(eur * 100 - Math.round(eur * 100)) < 1e-6, {
              message: "expected an amount in EUR with at most two decimals",
            }),
          thresholds: z
            .array(int("percent").min(1, "expected 1 to 100").max(100, "expected 1 to 100"), {
              error: "expected a list of percentages",
            })
            .min(1, "expected at least one threshold")
            .max(10, "expected at most 10 thresholds (Scaleway's limit of alerts per budget)")
            .refine((t) => new Set(t).size === t.length, { message: "expected each threshold once" })
            .optional(),
        },
        { error: "expected { monthlyLimitEur, thresholds? }" },
      )
      .optional(),
  },
  { error: "expected a mapping" },
);

// ---------------------------------------------------------------------------------------------- the stack

const platformShape = {
  /** dev | staging | production: picks every block's environment profile. Required. */
  environment: environmentSchema,
  /** First part of every Scaleway name. Default "platform". */
  project: nameSegmentSchema.default("platform"),
  /** From `scaleway:region`. Default fr-par. */
  region: regionSchema.default("fr-par"),
  /** Extra tags on every resource. */
  tags: tagsSchema
    .refine((tags) => !("public" in tags), {
      message: 'expected no "public" tag: the platform sets public=true on the API when api.public is true',
    })
    .default({}),
  network: networkSchema.default({}),
  database: databaseSchema.default({ name: "app" }),
  storage: storageSchema.default({ buckets: ["uploads"], encryption: false }),
  api: apiSchema,
  /** A second, private container, e.g. for background jobs. Default: none. */
  worker: workerSchema.optional(),
  monitoring: monitoringSchema.default({ contacts: [] }),
};

type StackSettings = z.output<z.ZodObject<typeof platformShape>>;

const platformSchema = z
  .strictObject(platformShape)
  .superRefine((config, ctx) => {
    if (!(ENVIRONMENTS as readonly string[]).includes(config.environment)) return;
    const production = config.environment === "production";
    const db = config.database;
    const mode = db.mode ?? defaultDatabaseMode(config.environment, config.region);

    if (db.mode === "serverless" && config.region !== "fr-par") {
      addIssue(
        ctx,
        ["database", "mode"],
        `expected "managed" in ${config.region}: Serverless SQL Database is offered in fr-par only`,
      );
    }
    if (mode === "serverless" && production) {
      addIssue(
        ctx,
        ["database", "mode"],
        'expected "managed" in production: high availability and off-site backups need a managed instance',
      );
    }
    for (const key of mode === "serverless" ? MANAGED_ONLY : SERVERLESS_ONLY) {
      if (db[key] !== undefined) {
        addIssue(
          ctx,
          ["database", key],
          `expected no ${key} with database mode "${mode}" (it applies to ${mode === "serverless" ? "managed" : "serverless"} databases only)`,
        );
      }
    }
    if (db.minCpu !== undefined && db.maxCpu !== undefined && db.minCpu > db.maxCpu) {
      addIssue(ctx, ["database", "minCpu"], `expected minCpu ≤ maxCpu (${db.maxCpu})`);
    }
    if (production && db.highAvailability === false) {
      addIssue(
        ctx,
        ["database", "highAvailability"],
        "expected true in production: a single node makes every maintenance a production outage",
      );
    }
    if (production && db.backups?.inAnotherRegion === false) {
      addIssue(
        ctx,
        ["database", "backups", "inAnotherRegion"],
        "expected true in production: backups in the same region are lost with the region",
      );
    }

    const gatewayZone = config.network.publicGateway?.zone;
    if (gatewayZone !== undefined && regionOfZone(gatewayZone) !== config.region) {
      addIssue(
        ctx,
        ["network", "publicGateway", "zone"],
        `expected a zone of the stack's region ${config.region} (scaleway:region)`,
      );
    }

    checkContainer(ctx, "api", config.api, config);
    if (production && config.api.minScale !== undefined && config.api.minScale < 1) {
      addIssue(
        ctx,
        ["api", "minScale"],
        "expected at least 1 in production: a cold start makes the first request wait",
      );
    }
    if (config.worker) checkContainer(ctx, "worker", config.worker, config);

    if (production && config.monitoring.contacts.length === 0) {
      addIssue(ctx, ["monitoring", "contacts"], "expected at least one contact in production");
    }
    if (config.monitoring.budget && config.monitoring.contacts.length === 0) {
      addIssue(
        ctx,
        ["monitoring", "contacts"],
        "expected at least one contact: budget alerts are sent to the contacts",
      );
    }
  })
  .transform((config) => ({
    ...config,
    database: {
      ...config.database,
      mode: config.database.mode ?? defaultDatabaseMode(config.environment, config.region),
    },
  }));

/** The validated stack configuration `platform(config)` builds from. */
export type PlatformConfig = z.output<typeof platformSchema>;
/** The configuration before defaults, as plain data (what Pulumi.<stack>.yaml holds under `platform:`). */
export type PlatformConfigInput = z.input<typeof platformSchema>;
export type DatabaseMode = (typeof DATABASE_MODES)[number];

/**
 * The database mode a stack gets when `platform:database.mode` is not set: Serverless SQL where the
 * environment prefers it (dev) and the region offers it (fr-par), a managed instance otherwise.
 */
export function defaultDatabaseMode(environment: Environment, region: Region): DatabaseMode {
  return environmentProfile(environment).database.preferServerless && region === "fr-par"
    ? "serverless"
    : "managed";
}

// ---------------------------------------------------------------------------------------------- errors

/** Every top-level key of the stack configuration, as the stack file spells it. */
export const CONFIG_KEYS: readonly string[] = Object.keys(platformShape)
  .filter((k) => k !== "region")
  .map((k) => `${CONFIG_NAMESPACE}:${k}`)
  .concat(REGION_KEY)
  .sort();

/** Environment variable values are never quoted: someone may have pasted a secret there. */
function isEnvironmentValue(path: readonly PropertyKey[]): boolean {
  return (path[0] === "api" || path[0] === "worker") && path[1] === "environment";
}

const ISSUE_OPTIONS: StackConfigIssuesOptions = {
  namespace: CONFIG_NAMESPACE,
  keys: { region: REGION_KEY },
  redact: isEnvironmentValue,
  unknownKey: (path) =>
    path.length === 1
      ? `unknown key (known keys: ${CONFIG_KEYS.join(", ")})`
      : "unknown key (see the configuration table in the README)",
};

/**
 * Validates a stack's configuration: a plain object keyed as in Pulumi.<stack>.yaml
 * (`"platform:api"`, `"scaleway:region"`, …), with values as YAML gives them (objects, lists,
 * numbers). Keys of other namespaces are ignored. Pure: no Pulumi runtime needed.
 *
 * @throws StackConfigError naming every bad key and the stack file, e.g.
 *   `Pulumi.production.yaml: platform:monitoring.contacts: expected at least one contact in production`
 */
export function validateConfig(raw: Readonly<Record<string, unknown>>, stackFile: string): PlatformConfig {
  const input: Record<string, unknown> = {};
  const early: StackConfigIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === REGION_KEY) input.region = value;
    else if (key === `${CONFIG_NAMESPACE}:region`) {
      early.push({ key, message: `unknown key: the region is ${REGION_KEY}, which the provider reads too` });
    } else if (key.startsWith(`${CONFIG_NAMESPACE}:`)) input[key.slice(CONFIG_NAMESPACE.length + 1)] = value;
  }
  const result = platformSchema.safeParse(input);
  const issues = [
    ...early,
    ...(result.success ? [] : stackConfigIssuesFromZod(result.error, input, ISSUE_OPTIONS)),
  ];
  if (issues.length > 0 || !result.success) throw new StackConfigError(stackFile, issues);
  return result.data;
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
