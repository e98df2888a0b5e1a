import { IDENTITY_VARIABLES } from "@scaleway-blocks/container";
import { StackConfigError } from "@scaleway-blocks/core";
import { SCALEWAY_TYPES, recordError, unwrapSecrets } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config";
import { main } from "../src/main";
import { BUCKET_VARIABLE_PREFIX, PLATFORM_ENVIRONMENT_VARIABLES } from "../src/platform";
import { STACKS, pulumiEncoded, recordStack, stackYaml } from "./stacks";

function without(config: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...config };
  delete copy[key];
  return copy;
}

const dev = stackYaml("dev");
const production = stackYaml("production");
const API = { image: "ghcr.io/acme/api:1.4.0" };

interface BadConfig {
  what: string;
  stack: "dev" | "staging" | "production";
  config: Record<string, unknown>;
  message: string;
}

const BAD_CONFIGS: BadConfig[] = [
  {
    what: "a missing environment",
    stack: "dev",
    config: without(dev, "platform:environment"),
    message: "Pulumi.dev.yaml: platform:environment: expected an environment: dev | staging | production",
  },
  {
    what: "an unknown environment",
    stack: "dev",
    config: { ...dev, "platform:environment": "prod" },
    message:
      'Pulumi.dev.yaml: platform:environment: expected an environment: dev | staging | production; received "prod"',
  },
  {
    what: "a missing API",
    stack: "dev",
    config: without(dev, "platform:api"),
    message: "Pulumi.dev.yaml: platform:api: required: the API container (image at least)",
  },
  {
    what: "an API without an image",
    stack: "dev",
    config: { ...dev, "platform:api": { minScale: 0 } },
    message:
      'Pulumi.dev.yaml: platform:api.image: expected { repository, tag } for the component\'s registry, or a full image reference with a tag or digest such as "ghcr.io/acme/api:1.4.2"',
  },
  {
    what: "an API given as a plain string",
    stack: "dev",
    config: { ...dev, "platform:api": "nginx" },
    message: 'Pulumi.dev.yaml: platform:api: expected a mapping; received "nginx"',
  },
  {
    what: "an external image without a tag",
    stack: "dev",
    config: { ...dev, "platform:api": { image: "nginx" } },
    message:
      'Pulumi.dev.yaml: platform:api.image: expected a full image reference with a tag or digest, e.g. "ghcr.io/acme/api:1.4.2"; received "nginx"',
  },
  {
    what: "an image tag YAML reads as a number",
    stack: "dev",
    config: { ...dev, "platform:api": { image: { repository: "api", tag: 1.5 } } },
    message:
      'Pulumi.dev.yaml: platform:api.image: expected { repository, tag } for the component\'s registry, or a full image reference with a tag or digest such as "ghcr.io/acme/api:1.4.2"; received an object with keys repository, tag',
  },
  {
    what: "a scale of the wrong type",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, minScale: "two" } },
    message: 'Pulumi.dev.yaml: platform:api.minScale: expected a whole number (instances); received "two"',
  },
  {
    what: "a min scale above the max scale",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, minScale: 3, maxScale: 2 } },
    message: "Pulumi.dev.yaml: platform:api.minScale: expected minScale (3) ≤ maxScale (2); received 3",
  },
  {
    what: "an unknown region",
    stack: "dev",
    config: { ...dev, "scaleway:region": "us-east-1" },
    message:
      'Pulumi.dev.yaml: scaleway:region: expected a Scaleway region: fr-par | nl-ams | pl-waw; received "us-east-1"',
  },
  {
    what: "the region under the platform namespace",
    stack: "dev",
    config: { ...dev, "platform:region": "fr-par" },
    message:
      "Pulumi.dev.yaml: platform:region: unknown key: the region is scaleway:region, which the provider reads too",
  },
  {
    what: "a misspelt key",
    stack: "dev",
    config: { ...dev, "platform:databse": { mode: "managed" } },
    message:
      "Pulumi.dev.yaml: platform:databse: unknown key (known keys: platform:api, platform:buckets, platform:database, platform:environment, platform:monitoring, platform:network, platform:project, platform:tags, platform:worker, scaleway:region)",
  },
  {
    what: "a misspelt database arg",
    stack: "dev",
    config: { ...dev, "platform:database": { mode: "serverless", maxcpu: 2 } },
    message:
      "Pulumi.dev.yaml: platform:database.maxcpu: unknown key (not a field of DatabaseArgs of @scaleway-blocks/database)",
  },
  {
    what: "a missing database",
    stack: "dev",
    config: without(dev, "platform:database"),
    message:
      'Pulumi.dev.yaml: platform:database: required: the database (mode "managed" or "serverless" at least)',
  },
  {
    what: "a database without a mode",
    stack: "dev",
    config: { ...dev, "platform:database": { minCpu: 0 } },
    message:
      'Pulumi.dev.yaml: platform:database.mode: expected mode "managed" (RDB instance) or "serverless" (Serverless SQL, fr-par only)',
  },
  {
    what: "a backup retention beyond the database block's bound",
    stack: "production",
    config: {
      ...production,
      "platform:database": { mode: "managed", backups: { retentionDays: 400 } },
    },
    message:
      "Pulumi.production.yaml: platform:database.backups.retentionDays: expected at most 365 days; received 400",
  },
  {
    what: "a contact point that is not an email address",
    stack: "dev",
    config: { ...dev, "platform:monitoring": { contactPoints: [{ email: "on-call" }] } },
    message:
      'Pulumi.dev.yaml: platform:monitoring.contactPoints[0].email: expected an email address; received "on-call"',
  },
  {
    what: "more budget thresholds than Scaleway's 10 alerts per budget",
    stack: "production",
    config: {
      ...production,
      "platform:monitoring": {
        contactPoints: [{ email: "oncall@example.com" }],
        budget: { monthlyLimitEur: 800, thresholds: [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100] },
      },
    },
    message:
      "Pulumi.production.yaml: platform:monitoring.budget.thresholds: expected at most 10 thresholds (Scaleway's limit of alerts per budget); received an array of 11",
  },
  {
    what: "a serverless database outside fr-par",
    stack: "dev",
    config: { ...dev, "scaleway:region": "nl-ams" },
    message:
      'Pulumi.dev.yaml: scaleway:region: expected a region where serverlessSqlDatabase is offered: fr-par; received "nl-ams"',
  },
  {
    what: "a serverless database in production",
    stack: "production",
    config: { ...production, "platform:database": { mode: "serverless" } },
    message:
      'Pulumi.production.yaml: platform:database.mode: expected "managed" in production: the platform runs its production database highly available, with off-site backups; received "serverless"',
  },
  {
    what: "a managed-only arg on a serverless database",
    stack: "dev",
    config: { ...dev, "platform:database": { mode: "serverless", nodeType: "DB-DEV-S" } },
    message:
      "Pulumi.dev.yaml: platform:database.nodeType: unknown key (not a field of DatabaseArgs of @scaleway-blocks/database)",
  },
  {
    what: "a volume size that is not a multiple of 5 GB",
    stack: "production",
    config: { ...production, "platform:database": { mode: "managed", volumeSizeInGb: 12 } },
    message:
      "Pulumi.production.yaml: platform:database.volumeSizeInGb: expected a multiple of 5 GB (Scaleway sizes volumes in steps of 5 GB); received 12",
  },
  {
    what: "a database network, which the platform sets",
    stack: "production",
    config: { ...production, "platform:database": { mode: "managed", network: "fr-par/x" } },
    message:
      'Pulumi.production.yaml: platform:database.network: expected no network: the platform sets it; received "fr-par/x"',
  },
  {
    what: "a bucket with its own region, which every block takes from the stack",
    stack: "dev",
    config: { ...dev, "platform:buckets": { uploads: { region: "nl-ams" } } },
    message:
      'Pulumi.dev.yaml: platform:buckets.uploads.region: expected no region here: every block gets scaleway:region; received "nl-ams"',
  },
  {
    what: "an unknown bucket arg",
    stack: "dev",
    config: { ...dev, "platform:buckets": { uploads: { versionning: true } } },
    message:
      "Pulumi.dev.yaml: platform:buckets.uploads.versionning: unknown key (not a field of BucketArgs of @scaleway-blocks/storage)",
  },
  {
    what: "a bucket name that is not a name segment",
    stack: "dev",
    config: { ...dev, "platform:buckets": { "user uploads": {} } },
    message:
      'Pulumi.dev.yaml: platform:buckets: expected lowercase letters, digits and single hyphens, starting with a letter in every bucket name ("user uploads"); received an object with keys user uploads',
  },
  {
    what: "a secret-looking plain environment variable",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, environment: { STRIPE_API_KEY: "sk_live_123" } } },
    message:
      'Pulumi.dev.yaml: platform:api.environment.STRIPE_API_KEY: expected a non-secret name: "STRIPE_API_KEY" looks like a secret (KEY); put it in secretEnvironment; received a string of 11 characters (value redacted)',
  },
  {
    what: "an environment variable the platform sets itself",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, environment: { S3_REGION: "nl-ams" } } },
    message:
      "Pulumi.dev.yaml: platform:api.environment.S3_REGION: expected a name the platform does not set itself (S3_REGION is set by the platform); received a string of 6 characters (value redacted)",
  },
  {
    what: "a worker cron with an impossible hour",
    stack: "dev",
    config: { ...dev, "platform:worker": { ...API, crons: { nightly: { schedule: "0 25 * * *" } } } },
    message:
      'Pulumi.dev.yaml: platform:worker.crons.nightly.schedule: expected a cron schedule such as "0 3 * * *": 25 is outside 0-23 for the hour; received "0 25 * * *"',
  },
  {
    what: "a worker cron in an unknown time zone",
    stack: "dev",
    config: {
      ...dev,
      "platform:worker": { ...API, crons: { nightly: { schedule: "0 3 * * *", timezone: "Mars/Base" } } },
    },
    message:
      'Pulumi.dev.yaml: platform:worker.crons.nightly.timezone: expected an IANA time zone such as "Europe/Paris" or "UTC"; received "Mars/Base"',
  },
  {
    what: "an image tag with a space",
    stack: "dev",
    config: { ...dev, "platform:api": { image: { repository: "api", tag: "1.4 beta" } } },
    message:
      'Pulumi.dev.yaml: platform:api.image.tag: expected an image tag such as "1.4.2" (letters, digits, "_", ".", "-"); received "1.4 beta"',
  },
  {
    what: "a port Scaleway uses itself",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, port: 9090 } },
    message:
      "Pulumi.dev.yaml: platform:api.port: expected a port Scaleway does not use itself (not 8008, 8012, 8013, 8022, 9090, 9091); received 9090",
  },
  {
    what: "too little memory",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, memory: 64 } },
    message:
      "Pulumi.dev.yaml: platform:api.memory: expected between 128 MB and 12228 MB (Scaleway's limits); received 64",
  },
  {
    what: "a liveness probe path without a leading slash",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, livenessProbe: { http: { path: "healthz" } } } },
    message:
      'Pulumi.dev.yaml: platform:api.livenessProbe.http.path: expected a path starting with "/"; received "healthz"',
  },
  {
    what: "an environment variable Scaleway reserves",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, environment: { SCW_ZONE: "fr-par-1" } } },
    message:
      "Pulumi.dev.yaml: platform:api.environment.SCW_ZONE: expected a name Scaleway does not reserve (PORT and SCW_* are set by Scaleway); received a string of 8 characters (value redacted)",
  },
  {
    what: "an environment variable YAML reads as a number",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, environment: { RETRIES: 3 } } },
    message:
      "Pulumi.dev.yaml: platform:api.environment.RETRIES: Invalid input; received a number (value redacted)",
  },
  {
    what: "a container network, which the platform sets",
    stack: "dev",
    config: { ...dev, "platform:api": { ...API, network: "fr-par/x" } },
    message:
      'Pulumi.dev.yaml: platform:api.network: expected no network: the platform sets it; received "fr-par/x"',
  },
  {
    what: "a too long value under a secret-looking tag key",
    stack: "dev",
    config: { ...dev, "platform:tags": { "deploy-token": "x".repeat(300) } },
    message:
      "Pulumi.dev.yaml: platform:tags.deploy-token: expected a tag value of at most 63 characters; received a string of 300 characters (value redacted)",
  },
  {
    what: "a gateway zone outside the stack's region",
    stack: "dev",
    config: { ...dev, "platform:network": { publicGateway: { zone: "nl-ams-1" } } },
    message:
      'Pulumi.dev.yaml: platform:network.publicGateway.zone: expected a zone of the network\'s region fr-par: fr-par-1 | fr-par-2; received "nl-ams-1"',
  },
  {
    what: "a public gateway zone without gateways",
    stack: "dev",
    config: { ...dev, "platform:network": { publicGateway: { zone: "fr-par-3" } } },
    message:
      'Pulumi.dev.yaml: platform:network.publicGateway.zone: expected a zone where publicGateway is offered: fr-par-1 | fr-par-2 | nl-ams-1 | nl-ams-2 | nl-ams-3 | pl-waw-1 | pl-waw-2 | pl-waw-3; received "fr-par-3"',
  },
  {
    what: "a public tag set by hand",
    stack: "dev",
    config: { ...dev, "platform:tags": { public: "true" } },
    message:
      'Pulumi.dev.yaml: platform:tags.public: expected no "public" tag: the component sets public=true itself when publicRead is true, so the tag always tells the truth; received "true"',
  },
];

describe("a bad stack configuration", () => {
  it.each(BAD_CONFIGS)("fails on $what, naming the key and the stack file", ({ config, stack, message }) => {
    let error: unknown;
    try {
      validateConfig(config, `Pulumi.${stack}.yaml`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as StackConfigError).stackFile).toBe(`Pulumi.${stack}.yaml`);
    expect((error as Error).message).toBe(message);
  });

  it.each(BAD_CONFIGS)(
    "stops the program on $what before any resource is registered",
    async ({ config, stack, message }) => {
      const { error, graph } = await recordError(() => main(), {
        project: "platform",
        stack,
        config: pulumiEncoded(config),
      });
      expect(error).toBeInstanceOf(StackConfigError);
      expect((error as Error).message).toBe(message);
      expect(graph.registered).toEqual([]);
    },
  );

  it("lists every malformed key at once, one line each", () => {
    const config = { ...dev, "scaleway:region": "us-east-1", "platform:api": { ...API, minScale: "two" } };
    let error: unknown;
    try {
      validateConfig(config, "Pulumi.dev.yaml");
    } catch (e) {
      error = e;
    }
    expect((error as StackConfigError).issues.map((i) => i.key)).toEqual([
      "scaleway:region",
      "platform:api.minScale",
    ]);
    expect((error as Error).message.split("\n")).toEqual([
      'Pulumi.dev.yaml: scaleway:region: expected a Scaleway region: fr-par | nl-ams | pl-waw; received "us-east-1"',
      'Pulumi.dev.yaml: platform:api.minScale: expected a whole number (instances); received "two"',
    ]);
  });

  it("runs every block's validator, reporting each block's problems at its own stack key", () => {
    const config = {
      ...production,
      "platform:database": { mode: "managed", backups: { retentionDays: 400 } },
      "platform:buckets": { uploads: { versionning: true } },
      "platform:monitoring": { contactPoints: [{ email: "oncall-at-example.com" }] },
    };
    let error: unknown;
    try {
      validateConfig(config, "Pulumi.production.yaml");
    } catch (e) {
      error = e;
    }
    expect((error as StackConfigError).issues.map((i) => i.key)).toEqual([
      "platform:database.backups.retentionDays",
      "platform:buckets.uploads.versionning",
      "platform:monitoring.contactPoints[0].email",
    ]);
  });
});

describe("the variables the platform sets itself", () => {
  it("are exactly those a container's environment may not set (besides BUCKET_<NAME> and the service identity's)", async () => {
    const { graph } = await recordStack("production");
    const api = graph.one(SCALEWAY_TYPES.container, "api-api");
    const names = [
      ...Object.keys(api.inputs.environmentVariables as object),
      ...Object.keys(unwrapSecrets(api.inputs.secretEnvironmentVariables) as object),
    ].filter(
      (name) =>
        !name.startsWith(BUCKET_VARIABLE_PREFIX) &&
        !(Object.values(IDENTITY_VARIABLES) as string[]).includes(name),
    );
    expect(names.sort()).toEqual([...PLATFORM_ENVIRONMENT_VARIABLES].sort());
  });
});

describe("the stack files", () => {
  it.each(STACKS)("Pulumi.%s.yaml is valid and names its own environment", (stack) => {
    expect(validateConfig(stackYaml(stack), `Pulumi.${stack}.yaml`).environment).toBe(stack);
  });

  it.each(STACKS)("Pulumi.%s.yaml holds no secure value and no secret-looking setting", (stack) => {
    const text = JSON.stringify(stackYaml(stack));
    expect(text).not.toMatch(/"secure"/);
    expect(text).not.toMatch(/password|secret|token|apikey/i);
  });
});

describe("defaults", () => {
  const minimal = {
    "platform:environment": "dev",
    "platform:database": { mode: "serverless" },
    "platform:api": API,
  };

  it("needs only the environment, the database mode and the API image", () => {
    expect(validateConfig(minimal, "Pulumi.dev.yaml")).toEqual({
      environment: "dev",
      project: "platform",
      region: "fr-par",
      tags: {},
      network: {},
      database: { mode: "serverless" },
      buckets: { uploads: {} },
      api: API,
      monitoring: {},
    });
  });

  it.each(STACKS)(
    "leaves every default of Pulumi.%s.yaml to the blocks: each block gets the stack file's settings as written",
    (stack) => {
      const yaml = stackYaml(stack);
      const config = validateConfig(yaml, `Pulumi.${stack}.yaml`);
      for (const key of ["network", "database", "buckets", "api", "worker", "monitoring"] as const) {
        const given = yaml[`platform:${key}`];
        if (given !== undefined) expect(config[key], key).toEqual(given);
      }
    },
  );

  it("ignores keys of other namespaces, such as the provider's own settings", () => {
    expect(() =>
      validateConfig({ ...minimal, "scaleway:zone": "fr-par-2" }, "Pulumi.dev.yaml"),
    ).not.toThrow();
  });
});
