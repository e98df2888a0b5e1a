import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENTS, environmentProfile } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  keyedRecord,
  commonArgsShape,
  describeRedacted,
  goDurationSeconds,
  headerNameSchema,
  nameSegmentSchema,
  parseArgs,
  pulumiInput,
  resourceNameSchema,
  secretInputSchema,
  secretLookingVariablePart,
} from "@scaleway-blocks/core/internal";
import type { CommonArgs, RotationPolicy } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { identityApiKeySchema } from "@scaleway-blocks/identity";
import { privateNetworkInputSchema } from "@scaleway-blocks/network";
import type { PrivateNetworkInput } from "@scaleway-blocks/network";
import type { SecretReference } from "@scaleway-blocks/secrets";
import { secretReferenceSchema } from "@scaleway-blocks/secrets";
import { z } from "zod";
import { cronProblem, normalizeCronSchedule, timeZoneProblem } from "./internal/cron";
import { HOSTNAME_PATTERN } from "./internal/hostname";
import { IMAGE_REFERENCE_PATTERN, REPOSITORY_PATTERN, TAG_PATTERN } from "./internal/image";
import { MEMORY_FORMS, mbToBytes, memoryForCpuProblem, memoryToBytes } from "./internal/memory";
import { ENV_NAME_PATTERN, reservedEnvName } from "./internal/names";

/**
 * Scaleway's limits for one container: Scaleway's containers-limitations page (validated 2025-09-17,
 * scaleway/docs-content pages/serverless-containers/reference-content/containers-limitations.mdx),
 * and, for environment variables, the provider's own validators, which are stricter than the page for
 * secret values (terraform-provider-scaleway v2.79.0 internal/services/container/container.go:
 * `validation.StringLenBetween(0, 1000)` on each value and `validation.MapKeyLenBetween(0, 100)` on the
 * names of environment_variables and secret_environment_variables; Go's len counts UTF-8 bytes).
 */
export const LIMITS = {
  cpuLimit: { min: 70, max: 6000 },
  scale: { max: 50 },
  concurrency: { max: 80 },
  timeoutSeconds: { min: 10, max: 3600 },
  domainsPerContainer: 50,
  environmentValueBytes: 1000,
  environmentNameLength: 100,
  environmentVariables: 200,
} as const;

/**
 * The block's own bounds for probes: Scaleway publishes none and the provider checks only that the
 * durations parse (terraform-provider-scaleway v2.79.0 internal/services/container/container.go,
 * `verify.IsDuration`). The API's own default probe has a 1 s timeout and 30 failures, and its
 * recorded tests use 1–60 s and 3–40 failures (cassettes container-health-check, container-probes):
 * 1 s to 1 h and 1 to 100 failures cover every sensible probe while refusing "0s" and typos.
 */
export const PROBE_LIMITS = {
  failureThreshold: { min: 1, max: 100 },
  durationMs: { min: 1000, max: 3_600_000 },
} as const;

/** Ports Scaleway uses itself inside a container: a container must not listen on them. */
export const RESERVED_PORTS = [8008, 8012, 8013, 8022, 9090, 9091] as const;

/** The protocol a container's server speaks behind Scaleway's HTTPS endpoint. */
export const Protocol = {
  /** HTTP/1.1. */
  Http1: "http1",
  /** HTTP/2 without TLS inside the platform (h2c), e.g. gRPC. */
  H2c: "h2c",
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

/** The sandbox a container runs in. */
export const Sandbox = {
  /** Legacy, full syscall support. */
  V1: "v1",
  /** gVisor: faster cold starts. */
  V2: "v2",
} as const;
export type Sandbox = (typeof Sandbox)[keyof typeof Sandbox];

/** The HTTP method a cron trigger calls its container with. */
export const HttpMethod = {
  Get: "get",
  Post: "post",
  Put: "put",
  Patch: "patch",
  Delete: "delete",
} as const;
export type HttpMethod = (typeof HttpMethod)[keyof typeof HttpMethod];

/** How the invoker credentials of private containers are made. */
export const InvokerType = {
  /** An IAM application with the ContainersPrivateAccess permission set and an API key (its secret key is the X-Auth-Token). */
  Iam: "iam",
  /** Legacy container JWTs (`scaleway.containers.Token`), deprecated by Scaleway. */
  Token: "token",
} as const;
export type InvokerType = (typeof InvokerType)[keyof typeof InvokerType];

const SECRET_ENV_HINT = "put it in secretEnvironment";

function issue(ctx: z.RefinementCtx, message: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: "custom", message, path });
}

const int = (what: string) =>
  z.number({ error: `expected a whole number (${what})` }).int(`expected a whole number (${what})`);

/** An image pushed to the component's private registry: rendered as `<registry endpoint>/<repository>:<tag>`. */
const registryImageSchema = z.strictObject({
  /** Repository inside the registry namespace, e.g. "api" or "team/api". */
  repository: z
    .string()
    .regex(
      REPOSITORY_PATTERN,
      'expected a repository of lowercase letters, digits, ".", "_", "-" and "/", e.g. "api"',
    ),
  /** Image tag, e.g. "1.4.2" or a git sha. May be an Output (e.g. from CI config). */
  tag: pulumiInput(
    z.string().regex(TAG_PATTERN, 'expected an image tag such as "1.4.2" (letters, digits, "_", ".", "-")'),
  ),
});

/** A full image reference from elsewhere, with an explicit tag or digest. */
const externalImageSchema = pulumiInput(
  z
    .string()
    .regex(
      IMAGE_REFERENCE_PATTERN,
      'expected a full image reference with a tag or digest, e.g. "ghcr.io/acme/api:1.4.2"',
    ),
);

const imageSchema = z.union([registryImageSchema, externalImageSchema], {
  error: () =>
    'expected { repository, tag } for the component\'s registry, or a full image reference with a tag or digest such as "ghcr.io/acme/api:1.4.2"',
});

const memorySchema = z
  .union([z.number(), z.string()], { error: `expected ${MEMORY_FORMS}` })
  .transform((value, ctx) => {
    const result = memoryToBytes(value);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.bytes;
  });

const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;

/** Milliseconds in a Go-style duration such as "1m30s" (one DURATION matched). */
function durationMs(text: string): number {
  return Math.round((goDurationSeconds(text) ?? 0) * 1000);
}

const durationSchema = z
  .string()
  .regex(DURATION, 'expected a duration such as "10s", "1m" or "1m30s"')
  .refine((text) => {
    const ms = durationMs(text);
    return ms >= PROBE_LIMITS.durationMs.min && ms <= PROBE_LIMITS.durationMs.max;
  }, "expected a duration from 1s to 1h");

function probeSchema(defaults: { failureThreshold: number; interval: string; timeout: string }) {
  return z
    .strictObject({
      /** HTTP check on this path. */
      http: z
        .strictObject({ path: z.string().regex(/^\/\S*$/, 'expected a path starting with "/"') })
        .optional(),
      /** TCP check on the container's port. */
      tcp: z.literal(true, { error: "expected true" }).optional(),
      /** Consecutive failures before the instance is restarted (liveness) or the deployment fails (startup). */
      failureThreshold: int("failures")
        .min(PROBE_LIMITS.failureThreshold.min, `expected at least ${PROBE_LIMITS.failureThreshold.min}`)
        .max(PROBE_LIMITS.failureThreshold.max, `expected at most ${PROBE_LIMITS.failureThreshold.max}`)
        .default(defaults.failureThreshold),
      /** Time between checks, 1s to 1h. */
      interval: durationSchema.default(defaults.interval),
      /** Time before one check times out, 1s to 1h. */
      timeout: durationSchema.default(defaults.timeout),
    })
    .superRefine((probe, ctx) => {
      if ((probe.http === undefined) === (probe.tcp === undefined)) {
        issue(ctx, "expected exactly one of http: { path } or tcp: true");
      }
    });
}

/** Default liveness probe timings. */
export const LIVENESS_DEFAULTS = { failureThreshold: 3, interval: "10s", timeout: "5s" } as const;
/**
 * The liveness probe a production container gets when it sets none: TCP on its port, restarted
 * after 3 failed checks 10 s apart (about 30 s stuck). Without a probe Scaleway applies its own, TCP
 * with 30 failures × 10 s and a 1 s timeout, so about 5 minutes (API response recorded in
 * terraform-provider-scaleway v2.79.0 internal/services/container/testdata/container-health-check.cassette.yaml).
 * TCP needs no path the block cannot know; an HTTP `livenessProbe` also catches an app that accepts
 * connections but no longer answers.
 */
export const PRODUCTION_LIVENESS_PROBE = { tcp: true, ...LIVENESS_DEFAULTS } as const;
/** Default startup probe timings: up to 30 × 5 s for the first start. */
export const STARTUP_DEFAULTS = { failureThreshold: 30, interval: "5s", timeout: "5s" } as const;

const scalingSchema = z
  .strictObject({
    /** Add an instance when one handles more than this many requests at once (1–80). */
    concurrentRequestsThreshold: int("requests")
      .min(1, "expected at least 1")
      .max(
        LIMITS.concurrency.max,
        `expected at most ${LIMITS.concurrency.max} (Scaleway's per-instance limit)`,
      )
      .optional(),
    /** Scale on CPU usage, in percent (needs minScale ≥ 1). */
    cpuUsageThreshold: int("percent")
      .min(1, "expected at least 1")
      .max(100, "expected at most 100")
      .optional(),
    /** Scale on memory usage, in percent (needs minScale ≥ 1). */
    memoryUsageThreshold: int("percent")
      .min(1, "expected at least 1")
      .max(100, "expected at most 100")
      .optional(),
  })
  .superRefine((scaling, ctx) => {
    const set = Object.values(scaling).filter((v) => v !== undefined).length;
    if (set !== 1) {
      issue(
        ctx,
        "expected exactly one of concurrentRequestsThreshold, cpuUsageThreshold, memoryUsageThreshold (Scaleway accepts one)",
      );
    }
  });

const HTTP_METHODS = Object.values(HttpMethod);

const cronSchema = z.strictObject({
  /**
   * UNIX cron schedule with 5 fields, e.g. "0 3 * * *"; day of week 0-6 or SUN-SAT (the provider's
   * parser, robfig/cron, refuses 7). Sent trimmed, with one space between fields.
   */
  schedule: z
    .string()
    .superRefine((schedule, ctx) => {
      const problem = cronProblem(schedule);
      if (problem) issue(ctx, `expected a cron schedule such as "0 3 * * *": ${problem}`);
    })
    .transform(normalizeCronSchedule),
  /**
   * IANA time zone the schedule is read in, spelled exactly ("Europe/Paris", not "europe/paris").
   * Default "UTC".
   */
  timezone: z
    .string()
    .superRefine((timezone, ctx) => {
      const problem = timeZoneProblem(timezone);
      if (problem) issue(ctx, `expected ${problem}`);
    })
    .default("UTC"),
  /** Path the trigger calls. Default "/". */
  path: z
    .string()
    .regex(/^\/\S*$/, 'expected a path starting with "/"')
    .default("/"),
  /** HTTP method. Default "post". */
  method: z
    .enum(HttpMethod, { error: () => `expected an HTTP method: ${HTTP_METHODS.join(" | ")}` })
    .default(HttpMethod.Post),
  /** Request body sent on each run. */
  body: z.string().optional(),
  /** Request headers sent on each run (plain text in state: no credentials). Names are RFC 9110 tokens. */
  headers: keyedRecord(
    headerNameSchema,
    z
      .string()
      // RFC 9110 section 5.5: a field value never holds CR, LF or NUL (they would inject headers).
      .refine((value) => !/[\r\n\0]/.test(value), "expected a header value without CR, LF or NUL"),
  ).optional(),
});

const envNameSchema = z
  .string()
  .max(
    LIMITS.environmentNameLength,
    `expected at most ${LIMITS.environmentNameLength} characters (the provider's limit)`,
  )
  .regex(
    ENV_NAME_PATTERN,
    "expected an environment variable name of letters, digits and _, not starting with a digit",
  )
  .refine(
    (name) => !reservedEnvName(name),
    "expected a name Scaleway does not reserve (PORT and SCW_* are set by Scaleway)",
  );

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");
const ENV_VALUE_TOO_LONG = `expected at most ${LIMITS.environmentValueBytes} bytes of UTF-8 (the provider's limit)`;

/** A plain environment value: at most 1000 bytes, the provider's limit. */
const envValueSchema = z
  .string()
  .refine((value) => utf8Bytes(value) <= LIMITS.environmentValueBytes, ENV_VALUE_TOO_LONG);

const secretValueSchema = z
  .union([secretReferenceSchema, secretInputSchema], {
    error: () =>
      "expected a SecretReference (secrets.secret(key)), a non-empty string, an Output<string> or a " +
      "Promise<string>",
  })
  // A plain string is checked now; an Output, a Promise or a SecretReference only when deployed.
  .refine(
    (value) => typeof value !== "string" || utf8Bytes(value) <= LIMITS.environmentValueBytes,
    ENV_VALUE_TOO_LONG,
  );

function envRecord<V extends z.ZodType>(valueSchema: V) {
  return keyedRecord(envNameSchema, valueSchema).refine(
    (record) => Object.keys(record).length <= LIMITS.environmentVariables,
    `expected at most ${LIMITS.environmentVariables} variables (Scaleway's limit per container)`,
  );
}

const containerSchema = z
  .strictObject({
    /** `{ repository, tag }` in the component's private registry, or a full image reference from elsewhere. */
    image: imageSchema,
    /** Port the server listens on. Default 8080. */
    port: int("port")
      .min(1, "expected a port from 1 to 65535")
      .max(65535, "expected a port from 1 to 65535")
      .refine((p) => !(RESERVED_PORTS as readonly number[]).includes(p), {
        message: `expected a port Scaleway does not use itself (not ${RESERVED_PORTS.join(", ")})`,
      })
      .default(8080),
    /**
     * CPU per instance in mvCPU (1000 = 1 vCPU), 70–6000; memory must be 1–4 MB per mvCPU.
     * Default: the environment's (250 / 500 / 1000).
     */
    cpuLimit: int("mvCPU")
      .min(LIMITS.cpuLimit.min, `expected at least ${LIMITS.cpuLimit.min} mvCPU`)
      .max(LIMITS.cpuLimit.max, `expected at most ${LIMITS.cpuLimit.max} mvCPU`)
      .optional(),
    /**
     * Memory per instance: a number of Scaleway MB (decimal, 1 MB = 1,000,000 bytes), or "512MB", "2GB",
     * "512Mi", "1Gi". 128–12228 MB, and 1–4 MB per mvCPU of cpuLimit. Default: the environment's
     * (256 / 512 / 1024 MB).
     */
    memory: memorySchema.optional(),
    /** Instances kept running. Default: the environment's (0 in dev and staging, 1 in production: no cold start on the first request). */
    minScale: int("instances")
      .min(0, "expected 0 or more")
      .max(LIMITS.scale.max, `expected at most ${LIMITS.scale.max}`)
      .optional(),
    /** Most instances at once, 1–50. Default: the environment's (2 / 5 / 20). */
    maxScale: int("instances")
      .min(1, "expected at least 1")
      .max(LIMITS.scale.max, `expected at most ${LIMITS.scale.max}`)
      .optional(),
    /** Seconds a request may take, 10–3600 (Scaleway's limits). Default 300. */
    timeout: int("seconds")
      .min(
        LIMITS.timeoutSeconds.min,
        `expected at least ${LIMITS.timeoutSeconds.min} seconds (Scaleway's minimum)`,
      )
      .max(LIMITS.timeoutSeconds.max, `expected at most ${LIMITS.timeoutSeconds.max} seconds (60 minutes)`)
      .default(300),
    /** "http1" (default) or "h2c" (HTTP/2 without TLS inside the platform, e.g. gRPC). */
    protocol: z
      .enum(Protocol, { error: () => `expected a protocol: ${Object.values(Protocol).join(" | ")}` })
      .default(Protocol.Http1),
    /** "v2" (default: gVisor, faster cold starts) or "v1" (legacy, full syscall support). */
    sandbox: z
      .enum(Sandbox, { error: () => `expected a sandbox: ${Object.values(Sandbox).join(" | ")}` })
      .default(Sandbox.V2),
    /** What makes the container scale out: exactly one threshold. Default: Scaleway's (concurrent requests). */
    scaling: scalingSchema.optional(),
    /** Restarts an instance that stops answering. Default: none in dev and staging, PRODUCTION_LIVENESS_PROBE in production. */
    livenessProbe: probeSchema(LIVENESS_DEFAULTS).optional(),
    /** Fails a deployment whose new instance never becomes ready. */
    startupProbe: probeSchema(STARTUP_DEFAULTS).optional(),
    /** Redirect HTTP to HTTPS. Default true. */
    httpsConnectionsOnly: z.boolean({ error: "expected true or false" }).default(true),
    /** Let anyone call the container. Default false: callers need an IAM API key (X-Auth-Token). */
    public: z.boolean({ error: "expected true or false" }).default(false),
    /** A Network (its first private network) or a private network id. The container then reaches only that network (egress). */
    network: privateNetworkInputSchema.optional(),
    /**
     * Plain environment variables. Names that look secret are refused: put those in secretEnvironment.
     * References and public halves of key pairs (S3_ACCESS_KEY_ID, SECRET_NAME, TOKEN_URL: core's
     * NOT_SECRET_SUFFIXES, the list the policy reads too) are allowed.
     */
    environment: envRecord(pulumiInput(envValueSchema)).optional(),
    /** Secret environment variables: a SecretReference from Secrets, or a value the component wraps with pulumi.secret. */
    secretEnvironment: envRecord(secretValueSchema).optional(),
    /** Overrides the image's entrypoint. */
    command: z.array(z.string()).optional(),
    /** Overrides the image's arguments. */
    args: z.array(z.string()).optional(),
    description: z.string().max(255, "expected at most 255 characters").optional(),
    /** Any string (e.g. the image digest): changing it redeploys the container with the same tag. */
    registrySha256: pulumiInput(z.string()).optional(),
    /** Scheduled calls, by name: scaleway.containers.Trigger with a cron source. */
    crons: keyedRecord(nameSegmentSchema, cronSchema).optional(),
    /** Custom hostnames, each with a CNAME to the host of the container's public endpoint (`domainNames`). */
    domains: z
      .array(z.string().regex(HOSTNAME_PATTERN, 'expected a lowercase hostname such as "api.example.com"'))
      .max(LIMITS.domainsPerContainer, `expected at most ${LIMITS.domainsPerContainer} domains per container`)
      .optional(),
  })
  .superRefine((spec, ctx) => {
    for (const name of Object.keys(spec.environment ?? {})) {
      const part = secretLookingVariablePart(name);
      if (part) {
        issue(
          ctx,
          `expected a non-secret name: "${name}" looks like a secret (${part}); ${SECRET_ENV_HINT}`,
          ["environment", name],
        );
      }
      if (spec.secretEnvironment && name in spec.secretEnvironment) {
        issue(ctx, `expected "${name}" in environment or secretEnvironment, not both`, ["environment", name]);
      }
    }
    const domains = spec.domains ?? [];
    domains.forEach((domain, i) => {
      if (domains.indexOf(domain) !== i)
        issue(ctx, `expected each domain once; "${domain}" repeats`, ["domains", i]);
    });
  });

const INVOKER_TYPES = Object.values(InvokerType);

/** The invoker: its type, and the expiry of its key or token as Identity's `apiKey` takes it (a date or a rotation, not both). */
const invokerSchema = identityApiKeySchema.safeExtend({
  /**
   * "iam" (default): an IAM application with the ContainersPrivateAccess permission set on the project and an API key;
   * its secret key is the X-Auth-Token. "token": legacy container JWTs (scaleway.containers.Token), deprecated by Scaleway.
   */
  type: z
    .enum(InvokerType, { error: () => `expected an invoker type: ${INVOKER_TYPES.join(" | ")}` })
    .default(InvokerType.Iam),
});

/**
 * The environment variables that hand a Service's own identity to every container, as secret
 * environment variables: the names S3 clients (the AWS SDKs and CLI) read. Not the Scaleway SDKs'
 * SCW_ACCESS_KEY / SCW_SECRET_KEY: Serverless Containers reserve every SCW_* name for the platform
 * (Scaleway docs, Serverless Containers limitations, "Reserved environment variables").
 */
export const IDENTITY_VARIABLES = {
  /** The API key's access key (SCW…): the S3 access key id. Not a secret, kept with the secret key. */
  accessKey: "AWS_ACCESS_KEY_ID",
  /** The API key's secret key. */
  secretKey: "AWS_SECRET_ACCESS_KEY",
} as const;

/** The service identity's API key: identity's own schema (expiresAt or rotation, not both). */
const identitySchema = z.union([z.boolean(), identityApiKeySchema], {
  error: () => "expected true, false or { expiresAt?, rotation? }",
});

const registrySchema = z.union(
  [
    z.boolean(),
    z.strictObject({
      /** The registry namespace name, globally unique per region. Default `<project>-<env>-<name>-<hash>`. Changing it recreates the namespace (and loses its images). */
      name: resourceNameSchema.optional(),
      description: z.string().max(255, "expected at most 255 characters").optional(),
    }),
  ],
  { error: () => "expected true, false or { name?, description? }" },
);

export const serviceArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /** The containers, by key (lowercase letters, digits, hyphens). At least one. */
    containers: keyedRecord(nameSegmentSchema, containerSchema).refine((c) => Object.keys(c).length > 0, {
      message: "expected at least one container",
    }),
    /**
     * The private Container Registry namespace. Default: created when a container's image is `{ repository, tag }`.
     * `false` refuses such images; `true` creates it even when every image comes from elsewhere.
     */
    registry: registrySchema.optional(),
    /** Credentials to call the private containers. Default: none. */
    invoker: invokerSchema.optional(),
    /** The service's own IAM identity, its API key in every container. Default true. */
    identity: identitySchema.optional(),
    /**
     * Pulumi `protect` on every child; the same as the component's `protect` option, which it overrides.
     * Without either, the environment's profile protects the registry namespace only (deleting it deletes
     * its images; on in production). The component's `retainOnDelete` option reaches every child.
     */
    protect: z.boolean({ error: "expected true or false" }).optional(),
    description: z.string().max(255, "expected at most 255 characters").optional(),
  })
  .superRefine((args, ctx) => {
    // Runs only on well-typed args; still, never trust a field another check refused.
    if (!(ENVIRONMENTS as readonly string[]).includes(args.environment)) return;
    const profile = environmentProfile(args.environment).container;
    const hostnames = new Map<string, string>();
    let anyPrivate = false;
    for (const [key, spec] of Object.entries(args.containers)) {
      const path = ["containers", key];
      const cpu = spec.cpuLimit ?? profile.cpuLimit;
      const memoryProblem = memoryForCpuProblem(cpu, spec.memory ?? mbToBytes(profile.memoryLimitMb));
      if (memoryProblem) {
        issue(ctx, memoryProblem, [...path, spec.memory === undefined ? "cpuLimit" : "memory"]);
      }
      const minScale = spec.minScale ?? profile.minScale;
      const maxScale = spec.maxScale ?? profile.maxScale;
      if (minScale > maxScale) {
        issue(ctx, `expected minScale (${minScale}) ≤ maxScale (${maxScale})`, [
          ...path,
          spec.minScale === undefined ? "maxScale" : "minScale",
        ]);
      }
      if (spec.scaling && spec.scaling.concurrentRequestsThreshold === undefined && minScale < 1) {
        issue(
          ctx,
          "expected minScale ≥ 1 with cpuUsageThreshold or memoryUsageThreshold (Scaleway refuses 0)",
          [...path, "minScale"],
        );
      }
      if (args.registry === false && isRegistryImage(spec.image)) {
        issue(
          ctx,
          "expected a full image reference: registry is false, so there is no registry to pull from",
          [...path, "image"],
        );
      }
      const networkRegion = regionOfNetwork(spec.network);
      if (networkRegion !== undefined && networkRegion !== args.region) {
        issue(
          ctx,
          `expected a private network in the service's region ${args.region} (private networks are regional); it is in ${networkRegion}`,
          [...path, "network"],
        );
      }
      if (!spec.public) anyPrivate = true;
      (spec.domains ?? []).forEach((domain, i) => {
        const owner = hostnames.get(domain);
        if (owner !== undefined) {
          issue(ctx, `expected each domain once; "${domain}" is already on container "${owner}"`, [
            ...path,
            "domains",
            i,
          ]);
        } else hostnames.set(domain, key);
      });
    }
    if (args.identity !== false) {
      const identityNames: readonly string[] = Object.values(IDENTITY_VARIABLES);
      for (const [key, spec] of Object.entries(args.containers)) {
        for (const field of ["environment", "secretEnvironment"] as const) {
          for (const variable of Object.keys(spec[field] ?? {})) {
            if (identityNames.includes(variable)) {
              issue(
                ctx,
                `expected no ${variable}: the service's identity sets it (set identity: false to pass your own)`,
                ["containers", key, field, variable],
              );
            }
          }
        }
      }
    }
    if (args.invoker && !anyPrivate) {
      issue(ctx, "expected at least one private container to invoke (every container is public)", [
        "invoker",
      ]);
    }
  });

/** The region of a Network, or of a regional private network id; undefined when unknown (Outputs, bare UUIDs). */
function regionOfNetwork(network: unknown): string | undefined {
  if (typeof network === "string") return /^([a-z]{2}-[a-z]{3})\//.exec(network)?.[1];
  if (typeof network !== "object" || network === null || pulumi.Output.isInstance(network)) return undefined;
  const region = (network as { region?: unknown }).region;
  return typeof region === "string" ? region : undefined;
}

function isRegistryImage(image: unknown): image is { repository: string; tag: pulumi.Input<string> } {
  return typeof image === "object" && image !== null && "repository" in image;
}

export { isRegistryImage };

/** An image in the component's private registry, rendered as `<registry endpoint>/<repository>:<tag>`. */
export interface RegistryImageArgs {
  /** The repository inside the registry namespace, e.g. "api" or "team/api". */
  repository: string;
  /** The image tag, e.g. "1.4.2" or a git sha; may come from another resource or CI config. */
  tag: pulumi.Input<string>;
}

/**
 * A container image: `{ repository, tag }` in the component's private registry, or a full image reference
 * from elsewhere with a tag or digest (e.g. "ghcr.io/acme/api:1.4.2"), possibly an Output.
 */
export type ContainerImage = RegistryImageArgs | pulumi.Input<string>;

/** An HTTP probe. */
export interface HttpProbeArgs {
  /** The path the probe calls, starting with "/". */
  path: string;
}

/** A liveness or startup probe: exactly one of `http` and `tcp`. */
export interface ServiceProbeArgs {
  /**
   * An HTTP check on this path.
   * @default none (then `tcp` is required)
   */
  http?: HttpProbeArgs;
  /**
   * A TCP check on the container's port.
   * @default none (then `http` is required)
   */
  tcp?: true;
  /**
   * Consecutive failures, 1–100, before the instance is restarted (liveness) or the deployment fails (startup).
   * @default liveness: 3, startup: 30
   */
  failureThreshold?: number;
  /**
   * Time between checks, a duration from "1s" to "1h" (e.g. "10s", "1m30s").
   * @default liveness: "10s", startup: "5s"
   */
  interval?: string;
  /**
   * Time before one check times out, from "1s" to "1h".
   * @default "5s"
   */
  timeout?: string;
}

/** What makes a container scale out: exactly one threshold (Scaleway accepts one). */
export interface ScalingArgs {
  /**
   * Add an instance when one handles more than this many requests at once, 1–80.
   * @default none
   */
  concurrentRequestsThreshold?: number;
  /**
   * Scale on CPU usage, in percent (1–100); needs minScale ≥ 1.
   * @default none
   */
  cpuUsageThreshold?: number;
  /**
   * Scale on memory usage, in percent (1–100); needs minScale ≥ 1.
   * @default none
   */
  memoryUsageThreshold?: number;
}

/** One scheduled call of a container (`scaleway.containers.Trigger` with a cron source). */
export interface ServiceCronArgs {
  /**
   * A UNIX cron schedule with 5 fields, e.g. "0 3 * * *"; day of week 0-6 or SUN-SAT (the provider's
   * parser, robfig/cron, refuses 7). Sent trimmed, with one space between fields.
   */
  schedule: string;
  /**
   * The IANA time zone the schedule is read in, spelled exactly ("Europe/Paris", not "europe/paris").
   * @default "UTC"
   */
  timezone?: string;
  /**
   * The path the trigger calls, starting with "/".
   * @default "/"
   */
  path?: string;
  /**
   * The HTTP method.
   * @default "post"
   */
  method?: HttpMethod;
  /**
   * The request body sent on each run (plain text in state: no credentials).
   * @default none
   */
  body?: string;
  /**
   * Request headers sent on each run (plain text in state: no credentials). Names are RFC 9110 tokens;
   * values hold no CR, LF or NUL.
   * @default none
   */
  headers?: Record<string, string>;
}

/** One container of a `Service` (`scaleway.containers.Container`). */
export interface ServiceContainerArgs {
  /**
   * `{ repository, tag }` in the component's private registry, or a full image reference from elsewhere
   * with a tag or digest (e.g. "ghcr.io/acme/api:1.4.2"); either may come from another resource.
   */
  image: ContainerImage;
  /**
   * The port the server listens on, 1–65535, not one Scaleway uses itself (`RESERVED_PORTS`).
   * @default 8080
   */
  port?: number;
  /**
   * CPU per instance in mvCPU (1000 = 1 vCPU), 70–6000; memory must be 1–4 MB per mvCPU.
   * @default dev: 250, staging: 500, production: 1000
   */
  cpuLimit?: number;
  /**
   * Memory per instance: a number of Scaleway MB (decimal, 1 MB = 1,000,000 bytes), or "512MB", "2GB",
   * "512Mi", "1Gi"; 128–12228 MB, and 1–4 MB per mvCPU of cpuLimit.
   * @default dev: 256, staging: 512, production: 1024 (MB)
   */
  memory?: number | string;
  /**
   * Instances kept running, 0–50; 1 or more means no cold start on the first request.
   * @default dev: 0, staging: 0, production: 1
   */
  minScale?: number;
  /**
   * Most instances at once, 1–50, at least minScale.
   * @default dev: 2, staging: 5, production: 20
   */
  maxScale?: number;
  /**
   * Seconds a request may take, 10–3600 (Scaleway's limits).
   * @default 300
   */
  timeout?: number;
  /**
   * The protocol the server speaks: `Protocol.Http1`, or `Protocol.H2c` (HTTP/2 without TLS inside the
   * platform, e.g. gRPC).
   * @default "http1"
   */
  protocol?: Protocol;
  /**
   * The sandbox: `Sandbox.V2` (gVisor, faster cold starts) or `Sandbox.V1` (legacy, full syscall support).
   * @default "v2"
   */
  sandbox?: Sandbox;
  /**
   * What makes the container scale out: exactly one threshold.
   * @default Scaleway's (concurrent requests)
   */
  scaling?: ScalingArgs;
  /**
   * Restarts an instance that stops answering.
   * @default dev: none, staging: none, production: `PRODUCTION_LIVENESS_PROBE` (TCP, 3 failures 10 s apart)
   */
  livenessProbe?: ServiceProbeArgs;
  /**
   * Fails a deployment whose new instance never becomes ready.
   * @default none
   */
  startupProbe?: ServiceProbeArgs;
  /**
   * Redirect HTTP to HTTPS.
   * @default true
   */
  httpsConnectionsOnly?: boolean;
  /**
   * Let anyone call the container; private containers need an IAM API key (X-Auth-Token), see `invoker`.
   * @default false
   */
  public?: boolean;
  /**
   * The private network the container reaches (egress): a `Network` (its first private network) in the
   * service's region, or a private network id (a string or an Output of one).
   * @default none (no private network)
   */
  network?: PrivateNetworkInput;
  /**
   * Plain environment variables (at most 200 per container, values at most 1000 bytes), values possibly
   * from other resources. Names that look secret are refused: put those in secretEnvironment. References
   * and public halves of key pairs (S3_ACCESS_KEY_ID, SECRET_NAME, TOKEN_URL: core's NOT_SECRET_SUFFIXES,
   * the list the policy reads too) are allowed.
   * @default {}
   */
  environment?: Record<string, pulumi.Input<string>>;
  /**
   * Secret environment variables: a `SecretReference` from `Secrets`, or a value (a string, an Output or a
   * Promise) the component wraps with `pulumi.secret`.
   * @default {}
   */
  secretEnvironment?: Record<string, SecretReference | pulumi.Input<string>>;
  /**
   * Overrides the image's entrypoint.
   * @default the image's entrypoint
   */
  command?: string[];
  /**
   * Overrides the image's arguments.
   * @default the image's arguments
   */
  args?: string[];
  /**
   * The container's description, at most 255 characters.
   * @default none
   */
  description?: string;
  /**
   * Any string (e.g. the image digest), possibly an Output: changing it redeploys the container with the same tag.
   * @default none
   */
  registrySha256?: pulumi.Input<string>;
  /**
   * Scheduled calls, by name (lowercase letters, digits, hyphens).
   * @default {}
   */
  crons?: Record<string, ServiceCronArgs>;
  /**
   * Custom hostnames (at most 50), each with a CNAME to the host of the container's public endpoint
   * (`domainNames`). Changing one recreates its domain binding (`hostname` is ForceNew).
   * @default []
   */
  domains?: string[];
}

/** Credentials to call the private containers. */
export interface ServiceInvokerArgs {
  /**
   * `InvokerType.Iam`: an IAM application with the ContainersPrivateAccess permission set on the project
   * and an API key, whose secret key is the X-Auth-Token. `InvokerType.Token`: legacy container JWTs
   * (`scaleway.containers.Token`), deprecated by Scaleway.
   * @default "iam"
   */
  type?: InvokerType;
  /**
   * Expiry, RFC 3339 with a time zone (e.g. "2027-06-30T00:00:00Z"), in the future. Changing it
   * recreates the key or token (the provider's `expires_at` is ForceNew). Not with `rotation`.
   * @default from `rotation`
   */
  expiresAt?: string;
  /**
   * How long each key or token lives and how often a new one replaces it (create-before-delete, while
   * the old one is still valid): run `pulumi up` at least that often. Not with `expiresAt`.
   * @default `DEFAULT_KEY_ROTATION` from @scaleway-blocks/core: 90-day credentials, a new one every 30 days
   */
  rotation?: RotationPolicy;
}

/** The private Container Registry namespace of a `Service`. */
export interface RegistryArgs {
  /**
   * The registry namespace name, globally unique per region.
   * **Changing it RECREATES the namespace**, and its images are lost (`name` is ForceNew).
   * @default `<project>-<environment>-<name>-<hash>`
   */
  name?: string;
  /**
   * The namespace's description, at most 255 characters.
   * @default "Images of <project>-<environment>-<name>"
   */
  description?: string;
}

/** The API key of a Service's own identity. */
export interface ServiceIdentityArgs {
  /**
   * When the API key expires: RFC 3339 with a time zone, in the future. **Changing it recreates the key**,
   * and so updates every container (their secret environment changes). Not with `rotation`.
   * @default the current window of `rotation`
   */
  expiresAt?: string;
  /**
   * How long each API key lives and how often a new one replaces it (create-before-delete): each new key
   * updates every container. Not with `expiresAt`.
   * @default `DEFAULT_KEY_ROTATION` from @scaleway-blocks/core: 90-day keys, a new one every 30 days
   */
  rotation?: RotationPolicy;
}

/** The args of `Service`: common args, the containers, the registry and the invoker credentials. */
export interface ServiceArgs extends CommonArgs {
  /**
   * The containers, by key (lowercase letters, digits, hyphens); at least one. A new key or component
   * name recreates the container (`name` is ForceNew), and its public endpoint changes.
   */
  containers: Record<string, ServiceContainerArgs>;
  /**
   * The private Container Registry namespace: `false` refuses `{ repository, tag }` images; `true` creates
   * it even when every image comes from elsewhere.
   * @default created when a container's image is `{ repository, tag }`
   */
  registry?: boolean | RegistryArgs;
  /**
   * Credentials to call the private containers.
   * @default none
   */
  invoker?: ServiceInvokerArgs;
  /**
   * The service's own IAM identity (`service.identity`, an `Identity` of @scaleway-blocks/identity): an IAM
   * application with no permission, and an API key that every container gets as the secret environment
   * variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (`IDENTITY_VARIABLES`). Grant it what the
   * containers need with the blocks' grant methods, e.g. `bucket.grantReadWrite(service.identity)`.
   * `false`: no identity, and those names are yours to set.
   * @default true: an identity with a key rotating with `DEFAULT_KEY_ROTATION`
   */
  identity?: boolean | ServiceIdentityArgs;
  /**
   * Pulumi `protect` on every child; it overrides the component's `protect` option. The component's
   * `retainOnDelete` option reaches every child.
   * @default the component's `protect` option, else dev: false, staging: false, production: the registry
   * namespace only (deleting it deletes its images)
   */
  protect?: boolean;
  /**
   * The Serverless Containers namespace's description, at most 255 characters.
   * @default none
   */
  description?: string;
}

export type ParsedServiceArgs = z.output<typeof serviceArgsSchema>;

// The documented interface and the schema accept the same args: a missing or mistyped field fails tsc.
const _serviceArgsMatchSchema: AssertSameShape<ServiceArgs, z.input<typeof serviceArgsSchema>> = true;
void _serviceArgsMatchSchema;

/** The type token of `Service`. */
export const SERVICE_TYPE = BLOCK_TYPES.container;

/** Values under environment, secretEnvironment and cron headers/body may be secrets: errors never quote them. */
function mayHoldSecret(path: readonly PropertyKey[]): boolean {
  if (path[0] !== "containers") return false;
  if (path[2] === "environment" || path[2] === "secretEnvironment") return true;
  return path[2] === "crons" && (path[4] === "headers" || path[4] === "body");
}

/** Parses a Service's args, or throws the ConfigError naming every bad field. */
export function parseServiceArgs(name: string, args: ServiceArgs): ParsedServiceArgs {
  return parseArgs(
    serviceArgsSchema,
    args,
    { type: SERVICE_TYPE, name },
    { describe: (path, value) => (mayHoldSecret(path) ? describeRedacted(value) : undefined) },
  );
}

/**
 * Checks a Service's args exactly as `new Service(name, args)` does, without creating anything: throws
 * the same ConfigError (naming every bad field under `containers.<key>…`), or returns. For programs
 * that validate their configuration before they create the network, database or buckets the
 * containers use. An Output or a Promise is accepted where Service accepts one, unchecked.
 */
export function validateServiceArgs(name: string, args: ServiceArgs): void {
  parseServiceArgs(name, args);
}
export type ParsedContainer = ParsedServiceArgs["containers"][string];
