import type { ConfigError } from "@scaleway-blocks/core";
import { Network } from "@scaleway-blocks/network";
import { compareValidator, recordError, SCALEWAY_TYPES } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database, validateDatabaseArgs } from "../src";
import type { DatabaseArgs } from "../src";

const valid: DatabaseArgs = { project: "shop", environment: "dev", mode: "serverless" };
const invalid = {
  project: "shop",
  environment: "dev",
  mode: "serverless",
  minCpu: 99,
} as unknown as DatabaseArgs;

describe("validateDatabaseArgs", () => {
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateDatabaseArgs,
      construct: (n, a: DatabaseArgs) => new Database(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("minCpu");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });

  it("makes the checks beyond the schema too: a Network in another region is refused", async () => {
    const { error, graph } = await recordError(() => {
      const network = new Network("net", { project: "shop", environment: "dev", region: "nl-ams" });
      validateDatabaseArgs("db", {
        project: "shop",
        environment: "dev",
        mode: "managed",
        region: "fr-par",
        network,
        databases: [{ name: "shop" }],
      });
    });
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["network"]);
    expect(graph.byType(SCALEWAY_TYPES.databaseInstance)).toEqual([]);
  });
});
