import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/testing";
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
  it("returns for args the Secrets constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateSecretsArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateSecretsArgs("app", invalid));
    const fromConstructor = await recordError(() => new Secrets("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain(
      "secrets.session-key.generate.length",
    );
    expect(fromValidator.graph.registered).toEqual([]);
  });
});
