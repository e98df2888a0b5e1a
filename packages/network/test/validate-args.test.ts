import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network, validateNetworkArgs } from "../src";
import type { NetworkArgs } from "../src";

const valid: NetworkArgs = { project: "shop", environment: "dev" };
const invalid = {
  project: "shop",
  environment: "dev",
  privateNetworks: [{ name: "Main Net" }],
} as unknown as NetworkArgs;

describe("validateNetworkArgs", () => {
  it("returns for args the Network constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateNetworkArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateNetworkArgs("app", invalid));
    const fromConstructor = await recordError(() => new Network("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain(
      "privateNetworks[0].name",
    );
    expect(fromValidator.graph.registered).toEqual([]);
  });
});
