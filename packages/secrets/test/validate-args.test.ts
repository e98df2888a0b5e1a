import { compareValidator } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets, validateSecretsArgs } from "../src";
import type { SecretsArgs } from "../src";

const valid: SecretsArgs = {
  project: "shop",
  environment: "dev",
  secrets: { "session-key": { generate: {} } },
};
const invalid = {
  project: "shop",
  environment: "dev",
  secrets: { "session-key": { generate: { length: 0 } } },
} as unknown as SecretsArgs;

describe("validateSecretsArgs", () => {
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateSecretsArgs,
      construct: (n, a: SecretsArgs) => new Secrets(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("secrets.session-key.generate.length");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });
});
