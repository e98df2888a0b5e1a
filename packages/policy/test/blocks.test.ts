// Every building block, with its defaults, passes every mandatory rule in every environment.
// A block whose default regresses (e.g. a database without HA in production) fails here.
import { Service } from "@scaleway-blocks/container";
import { ENVIRONMENTS } from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { Database } from "@scaleway-blocks/database";
import { Monitoring } from "@scaleway-blocks/monitoring";
import { Network } from "@scaleway-blocks/network";
import { Secrets } from "@scaleway-blocks/secrets";
import { StateBackend } from "@scaleway-blocks/state-backend";
import { Bucket } from "@scaleway-blocks/storage";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { evaluate, formatFindings } from "../src/index";

const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
const ADMIN_USER_ID = "66666666-7777-4888-9999-000000000000";
const PRIVATE_NETWORK_ID = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

const blocks: Record<string, (environment: Environment) => unknown> = {
  network: (environment) => new Network("net", { project: "shop", environment }),
  secrets: (environment) =>
    new Secrets("app", { project: "shop", environment, secrets: { "session-key": { generate: {} } } }),
  storage: (environment) => new Bucket("assets", { project: "shop", environment }),
  "database (managed)": (environment) =>
    new Database("db", {
      project: "shop",
      environment,
      mode: "managed",
      network: PRIVATE_NETWORK_ID,
      databases: [{ name: "shop" }],
    }),
  "database (serverless)": (environment) =>
    new Database("db", { project: "shop", environment, mode: "serverless", iamAccess: true }),
  container: (environment) =>
    new Service("api", {
      project: "shop",
      environment,
      containers: {
        web: { image: { repository: "web", tag: "1.0.0" } },
        site: { image: "ghcr.io/acme/site:1.0.0", public: true },
      },
    }),
  monitoring: (environment) =>
    new Monitoring("obs", {
      project: "shop",
      environment,
      contactPoints: [{ email: "oncall@example.com" }],
      products: ["PostgreSQL"],
    }),
  "state-backend": (environment) =>
    new StateBackend("state", {
      project: "platform",
      environment,
      projectId: PROJECT_ID,
      owners: [{ userId: ADMIN_USER_ID }],
    }),
};

describe.each(Object.entries(blocks))("the %s block with its defaults", (_block, build) => {
  it.each(ENVIRONMENTS)("passes every mandatory rule in %s", async (environment) => {
    const { graph } = await record(() => build(environment), { stack: environment });
    expect(graph.customResources.length).toBeGreaterThan(0);
    const mandatory = evaluate(graph, { environment }).filter((f) => f.severity === "mandatory");
    expect(mandatory, formatFindings(mandatory)).toEqual([]);
  });
});

describe("a public opt-in made through a block", () => {
  const advisoryAndMandatory = async (
    build: (environment: Environment) => unknown,
    environment: Environment,
  ) => {
    const { graph } = await record(() => build(environment), { stack: environment });
    const findings = evaluate(graph, { environment });
    return {
      mandatory: findings.filter((f) => f.severity === "mandatory"),
      advisory: findings.filter((f) => f.severity === "advisory").map((f) => `${f.ruleId} ${f.type}`),
    };
  };

  it.each(ENVIRONMENTS)(
    "a publicRead bucket with an access policy passes every mandatory rule in %s, with advisory findings",
    async (environment) => {
      const { mandatory, advisory } = await advisoryAndMandatory(
        (env) =>
          new Bucket("site", {
            project: "shop",
            environment: env,
            publicRead: true,
            access: { owners: [{ userId: ADMIN_USER_ID }] },
          }),
        environment,
      );
      expect(mandatory, formatFindings(mandatory)).toEqual([]);
      expect(advisory).toEqual(
        expect.arrayContaining([
          "scw-bucket-public-on-purpose scaleway:object/bucketAcl:BucketAcl",
          "scw-bucket-public-on-purpose scaleway:object/bucketPolicy:BucketPolicy",
        ]),
      );
    },
  );

  it.each(ENVIRONMENTS)(
    "a database with a public endpoint passes every mandatory rule in %s, with an advisory finding",
    async (environment) => {
      const { mandatory, advisory } = await advisoryAndMandatory(
        (env) =>
          new Database("db", {
            project: "shop",
            environment: env,
            mode: "managed",
            network: PRIVATE_NETWORK_ID,
            databases: [{ name: "shop" }],
            publicEndpoint: { allowedCidrs: ["198.51.100.0/24"] },
          }),
        environment,
      );
      expect(mandatory, formatFindings(mandatory)).toEqual([]);
      expect(advisory).toContain(
        "scw-database-public-endpoint-on-purpose scaleway:databases/instance:Instance",
      );
    },
  );
});

describe("a block whose default regressed", () => {
  it("fails a mandatory rule (a production database without HA)", async () => {
    const { graph } = await record(
      () =>
        new Database("db", {
          project: "shop",
          environment: "production",
          mode: "managed",
          network: PRIVATE_NETWORK_ID,
          databases: [{ name: "shop" }],
          highAvailability: false,
        }),
      { stack: "production" },
    );
    const ids = evaluate(graph, { environment: "production" })
      .filter((f) => f.severity === "mandatory")
      .map((f) => f.ruleId);
    expect(ids).toEqual(["scw-database-ha-in-production"]);
  });
});
