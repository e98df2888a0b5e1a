import { ConfigError } from "@scaleway-blocks/core";
import { Network } from "@scaleway-blocks/network";
import { record, recordError } from "@scaleway-blocks/testing";
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
  it("returns for args the Database constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateDatabaseArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateDatabaseArgs("app", invalid));
    const fromConstructor = await recordError(() => new Database("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain("minCpu");
    expect(fromValidator.graph.registered).toEqual([]);
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
    expect(graph.byType("scaleway:databases/instance:Instance")).toEqual([]);
  });
});
