import { Secrets } from "@scaleway-blocks/secrets";
import { arbitraries as A, fuzz, valueOf } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { serviceArgsSchema } from "../src/args";
import { Service } from "../src/index";
import type { ServiceArgs } from "../src/index";

// Runs per property: 800 refused + 150 recorded + 50 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/container exec vitest run test/container.property.test.ts
const RUNS = { refused: 800, safeGraph: 150, deterministic: 50 } as const;
const TIMEOUT = 300_000;

/** Stands for `secrets.secret("api-key")` of a Secrets component built in the same program. */
const SECRET_REFERENCE = "<secrets.secret(api-key)>";

const secretText = fc.string({
  unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyz23456789"),
  minLength: 12,
  maxLength: 24,
});

const fullImage = fc.constantFrom(
  "ghcr.io/acme/api:1.4.2",
  "rg.fr-par.scw.cloud/shop/api:2026-12-01",
  "docker.io/library/nginx:1.27",
  "ghcr.io/acme/api@sha256:" + "a".repeat(64),
);
const registryImage = fc.record({
  repository: fc.constantFrom("api", "shop/worker", "a.b_c-d"),
  tag: A.input(fc.constantFrom("1.4.2", "latest", "v2_rc.1")),
});

/** A cpu limit with a memory size Scaleway allows for it (1 to 4 MB per mvCPU, 128 MB to 12228 MB). */
const cpuAndMemory = fc
  .tuple(
    fc.integer({ min: 70, max: 3000 }),
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom("number", "MB", "Mi"),
  )
  .map(([cpuLimit, perCpu, unit]) => {
    const mb = Math.min(Math.max(cpuLimit * perCpu, 128), 12_228);
    const memory = unit === "number" ? mb : unit === "MB" ? `${mb}MB` : `${Math.floor(mb / 1.048576)}Mi`;
    return { cpuLimit, memory };
  })
  .filter(({ cpuLimit, memory }) => {
    const mb =
      typeof memory === "number"
        ? memory
        : memory.endsWith("Mi")
          ? parseInt(memory, 10) * 1.048576
          : parseInt(memory, 10);
    return mb >= Math.max(cpuLimit, 128) && mb <= Math.min(cpuLimit * 4, 12_228);
  });

const probe = fc
  .record(
    {
      check: fc.oneof(
        fc.record({ http: fc.record({ path: fc.constantFrom("/", "/health", "/ready?x=1") }) }),
        fc.constant({ tcp: true as const }),
      ),
      failureThreshold: fc.integer({ min: 1, max: 100 }),
      interval: fc.constantFrom("1s", "10s", "1m", "1m30s", "1h"),
      timeout: fc.constantFrom("1s", "5s", "500ms500ms"),
    },
    { requiredKeys: ["check"] },
  )
  .map(({ check, ...rest }) => ({ ...check, ...rest }));

const cron = fc.record(
  {
    schedule: fc.constantFrom("0 3 * * *", "*/5 * * * *", "0 0 1 1 *", "15 14 1 * 1-5"),
    timezone: fc.constantFrom("UTC", "Europe/Paris", "America/New_York"),
    path: fc.constantFrom("/", "/jobs/nightly"),
    method: fc.constantFrom("get", "post", "put", "patch", "delete"),
    body: fc.string({ maxLength: 30 }),
    headers: fc.dictionary(
      fc.constantFrom("X-Job", "Content-Type"),
      fc.constantFrom("nightly", "application/json"),
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: ["schedule"] },
);

const envName = fc.constantFrom("LOG_LEVEL", "FEATURE_X", "_UNDERSCORE", "app_mode", "REGION_NAME");
const secretEnvName = fc.constantFrom("API_KEY", "DB_PASSWORD", "STRIPE_SECRET", "TOKEN_2");

/** A container spec with the plaintext secrets it gives. */
const container = (registry: boolean) =>
  fc
    .record({
      image: registry
        ? fc.oneof(registryImage, fullImage, A.input(fullImage))
        : fc.oneof(fullImage, A.input(fullImage)),
      resources: fc.option(cpuAndMemory, { nil: undefined }),
      scale: fc.option(
        fc
          .tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }))
          .map(([max, min]) => ({ minScale: Math.min(min, max), maxScale: max })),
        { nil: undefined },
      ),
      options: fc.record(
        {
          port: fc.oneof(
            fc.constantFrom(8080, 80, 443, 3000),
            fc
              .integer({ min: 1, max: 65535 })
              .filter((p) => ![8008, 8012, 8013, 8022, 9090, 9091].includes(p)),
          ),
          timeout: fc.integer({ min: 10, max: 3600 }),
          protocol: fc.constantFrom("http1", "h2c"),
          sandbox: fc.constantFrom("v1", "v2"),
          livenessProbe: probe,
          startupProbe: probe,
          httpsConnectionsOnly: fc.boolean(),
          public: fc.boolean(),
          environment: fc.dictionary(envName, A.input(fc.string({ maxLength: 20 })), { maxKeys: 3 }),
          command: fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
          args: fc.array(fc.string({ unit: "grapheme", maxLength: 10 }), { maxLength: 2 }),
          description: fc.string({ maxLength: 40 }),
          crons: fc.dictionary(A.nameSegment(10), cron, { maxKeys: 2 }),
          domains: fc.uniqueArray(fc.constantFrom("api.example.com", "shop.example.org", "x-1.a.example"), {
            maxLength: 2,
          }),
        },
        { requiredKeys: [] },
      ),
      secrets: fc.dictionary(
        secretEnvName,
        fc.oneof(
          secretText.map((s) => ({ value: s, plain: s })),
          secretText.map((s) => ({ value: A.secretOf(s), plain: s })),
          fc.constant({ value: SECRET_REFERENCE, plain: undefined }),
        ),
        { maxKeys: 2 },
      ),
    })
    .map(({ image, resources, scale, options, secrets }) => {
      const secretEnvironment = Object.fromEntries(Object.entries(secrets).map(([k, v]) => [k, v.value]));
      const spec: Record<string, unknown> = { image, ...resources, ...scale, ...options };
      if (Object.keys(secretEnvironment).length > 0) spec.secretEnvironment = secretEnvironment;
      return { spec, plain: Object.values(secrets).flatMap((v) => (v.plain ? [v.plain] : [])) };
    });

const validCases: fc.Arbitrary<FuzzCase<ServiceArgs>> = fc
  .record({
    name: A.componentName,
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment"] }),
    registry: fc.option(
      fc.oneof(
        fc.boolean(),
        fc.record(
          { name: A.nameSegment(20), description: fc.string({ maxLength: 20 }) },
          { requiredKeys: [] },
        ),
      ),
      {
        nil: undefined,
      },
    ),
    extra: fc.record(
      {
        protect: fc.boolean(),
        description: fc.string({ unit: "grapheme", maxLength: 30 }),
        invoker: fc.oneof(
          fc.record({ type: fc.constant("iam") }, { requiredKeys: [] }),
          fc.record({
            type: fc.constant("iam"),
            expiresAt: fc.constant("2099-01-01T00:00:00Z"),
          }),
          fc.tuple(fc.integer({ min: 2, max: 3650 }), fc.nat()).map(([lifetimeDays, n]) => ({
            rotation: { lifetimeDays, rotateEveryDays: 1 + (n % (lifetimeDays - 1)) },
          })),
        ),
      },
      { requiredKeys: [] },
    ),
  })
  .chain(({ name, common, registry, extra }) =>
    fc
      .uniqueArray(fc.tuple(A.nameSegment(10), container(registry !== false)), {
        minLength: 1,
        maxLength: 2,
        selector: ([key]) => key,
      })
      .map((containers) => {
        // Domains are unique across containers; an invoker needs a private container.
        const seen = new Set<string>();
        const specs = containers.map(([key, { spec }]) => {
          const domains = ((spec.domains as string[] | undefined) ?? []).filter(
            (d) => !seen.has(d) && seen.add(d),
          );
          const withDomains: Record<string, unknown> = { ...spec, ...(spec.domains ? { domains } : {}) };
          return [key, withDomains] as const;
        });
        const anyPrivate = specs.some(([, spec]) => spec.public !== true);
        const { invoker, ...rest } = extra;
        return {
          name,
          args: {
            ...common,
            ...(registry === undefined ? {} : { registry }),
            ...rest,
            ...(invoker && anyPrivate ? { invoker } : {}),
            containers: Object.fromEntries(specs),
          } as unknown as ServiceArgs,
          secrets: containers.flatMap(([, { plain }]) => plain),
        };
      }),
  );

/** Builds the service; a Secrets component first when a container takes a SecretReference. */
function build(name: string, args: ServiceArgs): Service {
  const needsSecrets = Object.values(args.containers).some((c) =>
    Object.values(c.secretEnvironment ?? {}).includes(SECRET_REFERENCE),
  );
  if (!needsSecrets) return new Service(name, args);
  const secrets = new Secrets(`${name}-secrets`, {
    project: args.project,
    environment: args.environment,
    region: args.region,
    secrets: { "api-key": { generate: {} } },
  });
  const containers = Object.fromEntries(
    Object.entries(args.containers).map(([key, c]) => [
      key,
      {
        ...c,
        secretEnvironment: Object.fromEntries(
          Object.entries(c.secretEnvironment ?? {}).map(([k, v]) => [
            k,
            v === SECRET_REFERENCE ? secrets.secret("api-key") : v,
          ]),
        ),
      },
    ]),
  );
  return new Service(name, { ...args, containers });
}

/** Bad input must fail before anything is registered, so no Secrets component is built first. */
const validArgsWithoutSecretsComponent = validCases
  .map((c) => c.args as unknown as Record<string, unknown>)
  .filter((args) => !JSON.stringify(args).includes(SECRET_REFERENCE));

const bad = (key: string, invalid: fc.Arbitrary<unknown>) => ({ path: ["containers", "api", key], invalid });
const withApi = validArgsWithoutSecretsComponent.map((args) => ({
  ...args,
  containers: { api: { image: "ghcr.io/acme/api:1.4.2" }, ...(args.containers as object) },
}));

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validArgsWithoutSecretsComponent }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(withApi, {
      keys: Object.keys(serviceArgsSchema.shape),
      required: ["project", "environment", "containers"],
      strictObjects: [
        {
          path: ["containers", "api"],
          keys: [
            "image",
            "port",
            "cpuLimit",
            "memory",
            "minScale",
            "maxScale",
            "timeout",
            "protocol",
            "sandbox",
            "scaling",
            "livenessProbe",
            "startupProbe",
            "httpsConnectionsOnly",
            "public",
            "network",
            "environment",
            "secretEnvironment",
            "command",
            "args",
            "description",
            "registrySha256",
            "crons",
            "domains",
          ],
        },
      ],
      fields: [
        {
          path: ["containers"],
          invalid: fc.oneof(
            fc.constantFrom({}, { Api: { image: "ghcr.io/a/b:1" } }, { "": { image: "ghcr.io/a/b:1" } }),
            A.wrongType(["object"]),
          ),
        },
        {
          path: ["registry"],
          invalid: fc.oneof(
            fc.constantFrom({ name: "Bad_Name" }, { nme: "x" }, { description: "d".repeat(256) }),
            A.wrongType(["boolean", "object", "undefined"]),
          ),
        },
        {
          path: ["invoker"],
          invalid: fc.oneof(
            fc.constantFrom(
              { type: "apikey" },
              { expiresAt: "2020-01-01T00:00:00Z" },
              { expiresAt: "tomorrow" },
              { rotation: { lifetimeDays: 0, rotateEveryDays: 1 } },
            ),
            fc.constant({
              expiresAt: "2099-01-01T00:00:00Z",
              rotation: { lifetimeDays: 90, rotateEveryDays: 30 },
            }),
            A.wrongType(["object", "undefined"]),
          ),
        },
        { path: ["protect"], invalid: A.wrongType(["boolean", "undefined"]) },
        {
          path: ["description"],
          invalid: fc.oneof(fc.constant("d".repeat(256)), A.wrongType(["string", "undefined"])),
        },
        bad(
          "image",
          fc.oneof(
            fc.constantFrom(
              "nginx",
              "ghcr.io/acme/api",
              "ghcr.io/Acme/api:1",
              "",
              { repository: "Api", tag: "1" },
              { repository: "api", tag: "bad tag" },
              { repository: "api" },
            ),
            A.wrongType(["string", "object", "deferred"]),
          ),
        ),
        bad(
          "port",
          fc.oneof(fc.constantFrom(0, 65536, 8008, 9090, 80.5, -1), A.wrongType(["number", "undefined"])),
        ),
        bad("cpuLimit", fc.oneof(fc.constantFrom(69, 6001, 100.5), A.wrongType(["number", "undefined"]))),
        bad(
          "memory",
          fc.oneof(
            fc.constantFrom("lots", "512 KB", "-1GB", "", 0, -5, 1e9, "999999Gi"),
            A.wrongType(["number", "string", "undefined"]),
          ),
        ),
        bad("minScale", fc.oneof(fc.constantFrom(-1, 51, 0.5), A.wrongType(["number", "undefined"]))),
        bad("maxScale", fc.oneof(fc.constantFrom(0, 51, 1.5), A.wrongType(["number", "undefined"]))),
        bad("timeout", fc.oneof(fc.constantFrom(9, 3601, 10.5), A.wrongType(["number", "undefined"]))),
        bad("protocol", fc.oneof(fc.constantFrom("http2", "HTTP1", "grpc"), A.wrongType(["undefined"]))),
        bad("sandbox", fc.oneof(fc.constantFrom("v3", "V2"), A.wrongType(["undefined"]))),
        bad(
          "scaling",
          fc.oneof(
            fc.constantFrom(
              {},
              { cpuUsageThreshold: 0 },
              { concurrentRequestsThreshold: 81 },
              { cpuUsageThreshold: 50, memoryUsageThreshold: 50 },
              { memoryUsageThreshold: 101 },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad(
          "livenessProbe",
          fc.oneof(
            fc.constantFrom(
              {},
              { tcp: true, http: { path: "/" } },
              { http: { path: "health" } },
              { tcp: false },
              { tcp: true, interval: "0s" },
              { tcp: true, timeout: "2h" },
              { tcp: true, failureThreshold: 0 },
              { tcp: true, interval: "10" },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad(
          "startupProbe",
          fc.oneof(
            fc.constantFrom({ http: {} }, { tcp: true, failureThreshold: 101 }),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad("httpsConnectionsOnly", A.wrongType(["boolean", "undefined"])),
        bad("public", A.wrongType(["boolean", "undefined"])),
        bad(
          "network",
          fc.oneof(
            fc.constantFrom("pn-1", "fr-par/nope", ""),
            A.wrongType(["string", "deferred", "undefined"]),
          ),
        ),
        bad(
          "environment",
          fc.oneof(
            fc.constantFrom(
              { "1BAD": "x" },
              { PORT: "1" },
              { SCW_X: "1" },
              { DB_PASSWORD: "x" },
              { OK: "é".repeat(501) },
              { OK: 1 },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad(
          "secretEnvironment",
          fc.oneof(
            fc.constantFrom({ KEY: "" }, { "bad-name": "xxxx" }, { KEY: 42 }, { KEY: "x".repeat(1001) }),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad("command", fc.oneof(fc.constant([1]), A.wrongType(["array", "undefined"]))),
        bad(
          "crons",
          fc.oneof(
            fc.constantFrom(
              { n: { schedule: "every day" } },
              { n: { schedule: "0 3 * * *", timezone: "Mars/Base" } },
              { n: { schedule: "0 3 * * *", method: "head" } },
              { n: { schedule: "0 3 * * *", path: "jobs" } },
              { n: { schedule: "0 3 * * *", headers: { "X-A": "a\r\nb" } } },
              { Nightly: { schedule: "0 3 * * *" } },
              { n: { schedule: "61 3 * * *" } },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        ),
        bad(
          "domains",
          fc.oneof(
            fc.constantFrom(
              ["API.example.com"],
              ["a.example.com", "a.example.com"],
              ["-x.example.com"],
              ["x_y.example.com"],
              Array.from({ length: 51 }, (_, i) => `d${i}.example.com`),
            ),
            A.wrongType(["array", "undefined"]),
          ),
        ),
      ],
    }),
  },
);

describe("Service under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () =>
      fuzz.refused(
        "Service",
        invalidCases,
        (name, args) => new Service(name as string, args as ServiceArgs),
        {
          numRuns: RUNS.refused,
        },
      ),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () =>
      fuzz.safeGraph("Service", validCases, build, {
        numRuns: RUNS.safeGraph,
        // The identities' access keys are public, though each container's secret environment holds one.
        publicValues: async (service) => {
          const { identity, invoker } = service as Service;
          const keys = [identity?.accessKey, invoker?.accessKey].filter((k) => k !== undefined);
          return Promise.all(keys.map((key) => valueOf(key)));
        },
      }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Service", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
