import { compareValidator } from "@scaleway-blocks/testing";
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
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateNetworkArgs,
      construct: (n, a: NetworkArgs) => new Network(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("privateNetworks[0].name");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });
});
