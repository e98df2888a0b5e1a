import { compareValidator } from "@scaleway-blocks/testing";
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
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateStateBackendArgs,
      construct: (n, a: StateBackendArgs) => new StateBackend(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("projectId");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });
});
