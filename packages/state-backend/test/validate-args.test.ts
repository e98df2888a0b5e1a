import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend, validateStateBackendArgs } from "../src";
import type { StateBackendArgs } from "../src";

const valid: StateBackendArgs = {
  project: "platform",
  environment: "production",
  projectId: "11111111-2222-4333-8444-555555555555",
  owners: [{ userId: "66666666-7777-4888-9999-000000000000" }],
};
const invalid = {
  project: "platform",
  environment: "production",
  projectId: "not-a-uuid",
  owners: [],
} as unknown as StateBackendArgs;

describe("validateStateBackendArgs", () => {
  it("returns for args the StateBackend constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateStateBackendArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateStateBackendArgs("app", invalid));
    const fromConstructor = await recordError(() => new StateBackend("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain("projectId");
    expect(fromValidator.graph.registered).toEqual([]);
  });
});
