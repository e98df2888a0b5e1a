import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { secretLookingVariablePart } from "@scaleway-blocks/core/internal";
import { Network } from "@scaleway-blocks/network";
import { record, recordError, SCALEWAY_TYPES } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Service, validateServiceArgs } from "../src/index";
import type { ServiceArgs } from "../src/index";
import { service } from "./helpers";

/** Builds with bad input and returns the ConfigError, after checking nothing was registered. */
async function configError(program: () => unknown): Promise<ConfigError> {
  const { error, graph } = await recordError(program);
  expect(graph.registered).toEqual([]);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

function paths(error: ConfigError): string[] {
  return error.issues.map((i) => i.path);
}

type Api = Partial<ServiceArgs["containers"][string]>;

const cases: Array<[string, Api, string, RegExp]> = [
  ["an image without a tag", { image: "nginx" }, "containers.web.image", /tag or digest/],
  [
    "a repository with capitals",
    { image: { repository: "Api", tag: "1" } },
    "containers.web.image.repository",
    /repository/,
  ],
  ["memory in an unknown unit", { memory: "1TB" }, "containers.web.memory", /"512Mi"/],
  ["memory below 128 MB", { memory: "64Mi" }, "containers.web.memory", /between 128 MB and 12228 MB/],
  ["memory above 12228 MB", { memory: 16384 }, "containers.web.memory", /between 128 MB and 12228 MB/],
  ["CPU below 70 mvCPU", { cpuLimit: 50 }, "containers.web.cpuLimit", /at least 70/],
  ["a fractional CPU", { cpuLimit: 0.5 }, "containers.web.cpuLimit", /whole number/],
  ["a port Scaleway reserves", { port: 9090 }, "containers.web.port", /does not use itself/],
  ["a timeout above 60 minutes", { timeout: 3601 }, "containers.web.timeout", /at most 3600/],
  ["a timeout below 10 seconds", { timeout: 9 }, "containers.web.timeout", /at least 10/],
  [
    "memory above the documented 12228 MB",
    { memory: 12229 },
    "containers.web.memory",
    /between 128 MB and 12228 MB/,
  ],
  [
    "memory of 12 GiB, which is more than 12228 MB",
    { memory: "12Gi", cpuLimit: 6000 },
    "containers.web.memory",
    /between 128 MB and 12228 MB/,
  ],
  [
    "less memory than Scaleway allows for the CPU (1 MB per mvCPU)",
    { cpuLimit: 2000, memory: 1024 },
    "containers.web.memory",
    /between 2000 MB and 8000 MB for 2000 mvCPU/,
  ],
  [
    "more memory than Scaleway allows for the CPU (4 MB per mvCPU)",
    { cpuLimit: 250, memory: 2048 },
    "containers.web.memory",
    /between 250 MB and 1000 MB for 250 mvCPU/,
  ],
  [
    "a CPU the environment's default memory cannot go with",
    { cpuLimit: 2000 },
    "containers.web.cpuLimit",
    /between 2000 MB and 8000 MB for 2000 mvCPU/,
  ],
  [
    "a plain variable name above 100 characters",
    { environment: { ["A".repeat(101)]: "x" } },
    `containers.web.environment.${"A".repeat(101)}`,
    /at most 100 characters/,
  ],
  [
    "a secret variable name above 100 characters",
    { secretEnvironment: { ["S".repeat(101)]: "x" } },
    `containers.web.secretEnvironment.${"S".repeat(101)}`,
    /at most 100 characters/,
  ],
  [
    "a plain value above 1000 bytes of UTF-8, though under 1000 characters",
    { environment: { BANNER: "é".repeat(600) } },
    "containers.web.environment.BANNER",
    /at most 1000 bytes/,
  ],
  [
    "a secret value above 1000 bytes",
    { secretEnvironment: { SIGNING_CERT: "x".repeat(1001) } },
    "containers.web.secretEnvironment.SIGNING_CERT",
    /at most 1000 bytes/,
  ],
  ["an unknown protocol", { protocol: "http2" as "h2c" }, "containers.web.protocol", /http1 \| h2c/],
  ["an unknown sandbox", { sandbox: "v3" as "v2" }, "containers.web.sandbox", /v1 \| v2/],
  ["maxScale above 50", { maxScale: 100 }, "containers.web.maxScale", /at most 50/],
  [
    "minScale above maxScale",
    { minScale: 3, maxScale: 2 },
    "containers.web.minScale",
    /minScale \(3\) ≤ maxScale \(2\)/,
  ],
  ["minScale above the profile's maxScale", { minScale: 5 }, "containers.web.minScale", /maxScale \(2\)/],
  [
    "two scaling thresholds",
    { scaling: { cpuUsageThreshold: 50, memoryUsageThreshold: 50 }, minScale: 1 },
    "containers.web.scaling",
    /exactly one/,
  ],
  [
    "a concurrency above 80",
    { scaling: { concurrentRequestsThreshold: 100 } },
    "containers.web.scaling.concurrentRequestsThreshold",
    /at most 80/,
  ],
  [
    "CPU scaling with minScale 0",
    { scaling: { cpuUsageThreshold: 60 } },
    "containers.web.minScale",
    /minScale ≥ 1/,
  ],
  [
    "a probe with both http and tcp",
    { livenessProbe: { http: { path: "/" }, tcp: true } },
    "containers.web.livenessProbe",
    /exactly one/,
  ],
  ["a probe with neither http nor tcp", { startupProbe: {} }, "containers.web.startupProbe", /exactly one/],
  [
    "a probe interval without a unit",
    { livenessProbe: { tcp: true, interval: "10" } },
    "containers.web.livenessProbe.interval",
    /duration/,
  ],
  [
    "a probe path without a slash",
    { livenessProbe: { http: { path: "healthz" } } },
    "containers.web.livenessProbe.http.path",
    /starting with "\/"/,
  ],
  [
    "a cron with 6 fields",
    { crons: { c: { schedule: "0 0 3 * * *" } } },
    "containers.web.crons.c.schedule",
    /5 fields/,
  ],
  [
    "a cron minute of 60",
    { crons: { c: { schedule: "60 * * * *" } } },
    "containers.web.crons.c.schedule",
    /outside 0-59/,
  ],
  [
    "a cron month name that does not exist",
    { crons: { c: { schedule: "0 0 1 FOO *" } } },
    "containers.web.crons.c.schedule",
    /not a month/,
  ],
  [
    "a backwards cron range",
    { crons: { c: { schedule: "0 9-5 * * *" } } },
    "containers.web.crons.c.schedule",
    /backwards/,
  ],
  [
    "a time zone that does not exist",
    { crons: { c: { schedule: "0 3 * * *", timezone: "Europe/Atlantis" } } },
    "containers.web.crons.c.timezone",
    /IANA time zone/,
  ],
  [
    "a UTC offset as time zone",
    { crons: { c: { schedule: "0 3 * * *", timezone: "+01:00" } } },
    "containers.web.crons.c.timezone",
    /IANA time zone/,
  ],
  [
    "a day of week of 7 (the provider's cron parser reads 0-6)",
    { crons: { c: { schedule: "0 0 * * 7" } } },
    "containers.web.crons.c.schedule",
    /outside 0-6 for the day of week/,
  ],
  [
    "a day-of-week range that ends on 7",
    { crons: { c: { schedule: "0 0 * * 5-7" } } },
    "containers.web.crons.c.schedule",
    /outside 0-6 for the day of week/,
  ],
  [
    "a time zone in lowercase",
    { crons: { c: { schedule: "0 3 * * *", timezone: "europe/paris" } } },
    "containers.web.crons.c.timezone",
    /"Europe\/Paris"/,
  ],
  [
    "UTC in lowercase",
    { crons: { c: { schedule: "0 3 * * *", timezone: "utc" } } },
    "containers.web.crons.c.timezone",
    /"UTC"/,
  ],
  [
    "an old alias of a time zone",
    { crons: { c: { schedule: "0 3 * * *", timezone: "US/Pacific" } } },
    "containers.web.crons.c.timezone",
    /"America\/Los_Angeles"/,
  ],
  [
    "an unknown HTTP method",
    { crons: { c: { schedule: "0 3 * * *", method: "fetch" as "get" } } },
    "containers.web.crons.c.method",
    /get \| post/,
  ],
  [
    "a cron name with capitals",
    { crons: { Nightly: { schedule: "0 3 * * *" } } },
    "containers.web.crons.Nightly",
    /lowercase/,
  ],
  [
    "a hostname with a scheme",
    { domains: ["https://api.example.com"] },
    "containers.web.domains[0]",
    /hostname/,
  ],
  ["a hostname without a dot", { domains: ["localhost"] }, "containers.web.domains[0]", /hostname/],
  [
    "a repeated hostname",
    { domains: ["api.example.com", "api.example.com"] },
    "containers.web.domains[1]",
    /repeats/,
  ],
  [
    "a plain variable named like a password",
    { environment: { DB_PASSWORD: "x" } },
    "containers.web.environment.DB_PASSWORD",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like an API key",
    { environment: { STRIPE_API_KEY: "x" } },
    "containers.web.environment.STRIPE_API_KEY",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like a token",
    { environment: { githubToken: "x" } },
    "containers.web.environment.githubToken",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like a DSN",
    { environment: { SENTRY_DSN: "x" } },
    "containers.web.environment.SENTRY_DSN",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like a credential",
    { environment: { GCP_CREDENTIALS: "x" } },
    "containers.web.environment.GCP_CREDENTIALS",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like a private key",
    { environment: { JWT_PRIVATE: "x" } },
    "containers.web.environment.JWT_PRIVATE",
    /secretEnvironment/,
  ],
  [
    "a plain variable named like a secret",
    { environment: { SESSIONSECRET: "x" } },
    "containers.web.environment.SESSIONSECRET",
    /secretEnvironment/,
  ],
  [
    "a variable in both environment and secretEnvironment",
    { environment: { REGION: "a" }, secretEnvironment: { REGION: "b" } },
    "containers.web.environment.REGION",
    /not both/,
  ],
  [
    "the reserved PORT variable",
    { environment: { PORT: "80" } },
    "containers.web.environment.PORT",
    /PORT and SCW_\*/,
  ],
  [
    "a reserved SCW_ variable",
    { secretEnvironment: { SCW_SECRET_KEY: "x" } },
    "containers.web.secretEnvironment.SCW_SECRET_KEY",
    /PORT and SCW_\*/,
  ],
  [
    "a variable name with a dash",
    { environment: { "LOG-LEVEL": "x" } },
    "containers.web.environment.LOG-LEVEL",
    /letters, digits and _/,
  ],
  [
    "a secret value that is a number",
    { secretEnvironment: { DB_PASSWORD: 42 as unknown as string } },
    "containers.web.secretEnvironment.DB_PASSWORD",
    /SecretReference/,
  ],
  [
    "a plain value above 1000 characters",
    { environment: { BANNER: "x".repeat(1001) } },
    "containers.web.environment.BANNER",
    /at most 1000 bytes/,
  ],
  [
    "an empty secret value given as plain text",
    { secretEnvironment: { SESSION_KEY: "" } },
    "containers.web.secretEnvironment.SESSION_KEY",
    /non-empty string/,
  ],
  [
    "a cron header name with a space",
    { crons: { c: { schedule: "0 3 * * *", headers: { "Content Type": "text/plain" } } } },
    "containers.web.crons.c.headers.Content Type",
    /HTTP header name/,
  ],
  [
    "a cron header value with a line break",
    { crons: { c: { schedule: "0 3 * * *", headers: { "X-Job": "a\r\nX-Injected: 1" } } } },
    "containers.web.crons.c.headers.X-Job",
    /without CR, LF or NUL/,
  ],
  [
    "a probe failure threshold above 100",
    { livenessProbe: { tcp: true, failureThreshold: 101 } },
    "containers.web.livenessProbe.failureThreshold",
    /at most 100/,
  ],
  [
    "a probe interval of zero",
    { livenessProbe: { tcp: true, interval: "0s" } },
    "containers.web.livenessProbe.interval",
    /from 1s to 1h/,
  ],
  [
    "a probe timeout below one second",
    { startupProbe: { tcp: true, timeout: "500ms" } },
    "containers.web.startupProbe.timeout",
    /from 1s to 1h/,
  ],
  [
    "a probe interval above one hour",
    { startupProbe: { tcp: true, interval: "1h1s" } },
    "containers.web.startupProbe.interval",
    /from 1s to 1h/,
  ],
  [
    "more than 200 plain variables",
    { environment: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`V${i}`, "x"])) },
    "containers.web.environment",
    /at most 200 variables/,
  ],
  [
    "a private network id that is not one",
    { network: "pn-1" },
    "containers.web.network",
    /private network id/,
  ],
  ["a deprecated provider input", { memoryLimit: 512 } as Api, "containers.web", /unknown keys/],
];

describe("bad input raises a ConfigError before any resource", () => {
  for (const [what, api, path, message] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await configError(() => service({}, api));
      expect(paths(error)).toContain(path);
      const found = error.issues.find((i) => i.path === path)!;
      expect(found.expected).toMatch(message);
    });
  }

  it("names the component type and name in the message", async () => {
    const error = await configError(() => service({}, { port: 0 }));
    expect(error.message).toMatch(/^scaleway-blocks:container:Service "api": invalid argument/);
    expect(error.message).toContain("containers.web.port");
  });

  it("refuses a service without containers", async () => {
    const error = await configError(
      () => new Service("api", { project: "shop", environment: "dev", containers: {} }),
    );
    expect(paths(error)).toEqual(["containers"]);
  });

  it("refuses a container key that is not a name segment", async () => {
    const error = await configError(() => service({ containers: { Web_1: { image: "nginx:1.27" } } }));
    expect(paths(error)).toContain("containers.Web_1");
  });

  it("refuses a registry image when registry is false", async () => {
    const error = await configError(() => service({ registry: false }));
    expect(paths(error)).toEqual(["containers.web.image"]);
    expect(error.issues[0]!.expected).toMatch(/registry is false/);
  });

  it("refuses an invoker when every container is public", async () => {
    const error = await configError(() => service({ invoker: {} }, { public: true }));
    expect(paths(error)).toEqual(["invoker"]);
  });

  it("refuses an invoker expiry that is not an RFC 3339 date-time", async () => {
    const error = await configError(() => service({ invoker: { expiresAt: "next year" } }));
    expect(paths(error)).toEqual(["invoker.expiresAt"]);
  });

  it("refuses an invoker expiry in the past", async () => {
    const error = await configError(() => service({ invoker: { expiresAt: "2020-01-01T00:00:00Z" } }));
    expect(paths(error)).toEqual(["invoker.expiresAt"]);
    expect(error.issues[0]!.expected).toMatch(/in the future/);
  });

  it("refuses an unknown invoker type", async () => {
    const error = await configError(() => service({ invoker: { type: "jwt" as "token" } }));
    expect(paths(error)).toEqual(["invoker.type"]);
  });

  it("refuses the same hostname on two containers", async () => {
    const error = await configError(() =>
      service({
        containers: {
          web: { image: "nginx:1.27", domains: ["api.example.com"] },
          admin: { image: "nginx:1.27", domains: ["api.example.com"] },
        },
      }),
    );
    expect(paths(error)).toEqual(["containers.admin.domains[0]"]);
  });

  it("refuses a private network id from another region", async () => {
    const error = await configError(() =>
      service({}, { network: "nl-ams/11111111-2222-4333-8444-555555555555" }),
    );
    expect(paths(error)).toEqual(["containers.web.network"]);
    expect(error.issues[0]!.expected).toMatch(/region fr-par.*in nl-ams/);
  });

  it("refuses a Network from another region", async () => {
    const { error, graph } = await recordError(() => {
      const network = new Network("net", { project: "shop", environment: "dev", region: "pl-waw" });
      return service({}, { network });
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect(graph.byType(Service.TYPE)).toEqual([]);
    expect(graph.byType(SCALEWAY_TYPES.container)).toEqual([]);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["containers.web.network"]);
  });

  it("refuses an unknown environment and region", async () => {
    const error = await configError(() =>
      service({ environment: "prod" as "production", region: "us-east-1" as "fr-par" }),
    );
    expect(paths(error).sort()).toEqual(["environment", "region"]);
  });

  it("refuses malformed shapes with a ConfigError, never a TypeError", async () => {
    for (const containers of [
      null,
      "web",
      { web: null },
      { web: { image: "nginx:1", domains: "a.example.com" } },
    ]) {
      const error = await configError(
        () => new Service("api", { project: "shop", environment: "dev", containers: containers as never }),
      );
      expect(paths(error)[0], JSON.stringify(containers)).toMatch(/^containers/);
    }
  });

  it("reports every bad field at once", async () => {
    const error = await configError(() => service({}, { port: 0, memory: "lots", timeout: -1 }));
    expect(paths(error).sort()).toEqual([
      "containers.web.memory",
      "containers.web.port",
      "containers.web.timeout",
    ]);
  });
});

describe("options objects that are not object literals", () => {
  const notLiterals: Array<[string, () => unknown]> = [
    ["a Promise", () => Promise.resolve({})],
    ["an Output", () => pulumi.output({})],
    ["a Date", () => new Date()],
  ];
  const places: Array<[string, (value: unknown) => Partial<ServiceArgs>, Api, string]> = [
    ["invoker", (v) => ({ invoker: v as ServiceArgs["invoker"] }), {}, "invoker"],
    ["registry", (v) => ({ registry: v as ServiceArgs["registry"] }), {}, "registry"],
    ["scaling", () => ({}), { scaling: "VALUE" as never }, "containers.web.scaling"],
    ["livenessProbe", () => ({}), { livenessProbe: "VALUE" as never }, "containers.web.livenessProbe"],
    ["startupProbe", () => ({}), { startupProbe: "VALUE" as never }, "containers.web.startupProbe"],
    ["a cron", () => ({}), { crons: { nightly: "VALUE" as never } }, "containers.web.crons.nightly"],
  ];

  for (const [kind, make] of notLiterals) {
    for (const [where, overrides, api, path] of places) {
      it(`refuses ${kind} as ${where}, creating nothing`, async () => {
        const value = make();
        const withValue = JSON.parse(JSON.stringify(api), (_key, v: unknown) =>
          v === "VALUE" ? value : v,
        ) as Api;
        const error = await configError(() => service(overrides(value), withValue));
        expect(paths(error)).toContain(path);
      });
    }
  }
});

describe("plain environment names: core's one rule, the policy's too", () => {
  it.each(["S3_ACCESS_KEY_ID", "AWS_ACCESS_KEY_ID", "SECRET_NAME", "TOKEN_URL"])(
    "accepts %j as a plain variable: the public half of a key pair or a reference, not a secret",
    async (name) => {
      // identity: false, since the service's identity sets AWS_ACCESS_KEY_ID itself (see identity.test.ts).
      const { result } = await record(() => service({ identity: false }, { environment: { [name]: "x" } }));
      expect(result).toBeInstanceOf(Service);
    },
  );

  it.each(["S3_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY"])(
    "still refuses %j as a plain variable",
    async (name) => {
      const { error } = await recordError(() => service({}, { environment: { [name]: "x" } }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.path)).toContain(
        `containers.web.environment.${name}`,
      );
    },
  );

  it.each(["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "DB_PASSWORD_FILE", "JWT_SECRET", "LOG_LEVEL"])(
    "refuses %j exactly when core's secretLookingVariablePart does",
    (name) => {
      const refuses = (() => {
        try {
          validateServiceArgs("api", {
            project: "shop",
            environment: "dev",
            containers: { web: { image: "ghcr.io/acme/api:1.0.0", environment: { [name]: "x" } } },
          });
          return false;
        } catch (error) {
          if (error instanceof ConfigError) return true;
          throw error;
        }
      })();
      expect(refuses).toBe(secretLookingVariablePart(name) !== undefined);
    },
  );
});

describe("validateServiceArgs", () => {
  const good: ServiceArgs = {
    project: "shop",
    environment: "dev",
    containers: { api: { image: { repository: "api", tag: "1.4.2" } } },
  };
  const bad: ServiceArgs = {
    project: "shop",
    environment: "dev",
    containers: {
      api: {
        image: "nginx",
        minScale: 3,
        maxScale: 2,
        environment: { DB_PASSWORD: "hunter2-hunter2" },
        crons: { nightly: { schedule: "0 25 * * *" } },
      },
    },
  };

  it("returns for args Service accepts, registering nothing", async () => {
    const { graph } = await record(() => validateServiceArgs("api", good));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError Service throws, naming every bad field, before anything is registered", async () => {
    const error = await configError(() => validateServiceArgs("api", bad));
    const fromService = await configError(() => new Service("api", bad));
    expect(error.message).toBe(fromService.message);
    expect(paths(error)).toEqual([
      "containers.api.image",
      "containers.api.crons.nightly.schedule",
      "containers.api.environment.DB_PASSWORD",
      "containers.api.minScale",
    ]);
  });

  it("never quotes an environment value in its error", async () => {
    const error = await configError(() => validateServiceArgs("api", bad));
    expect(error.message).not.toContain("hunter2");
  });
});
