import { compareValidator } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring, validateMonitoringArgs } from "../src";
import type { MonitoringArgs } from "../src";

const valid: MonitoringArgs = {
  project: "shop",
  environment: "dev",
  contactPoints: [{ email: "oncall@example.com" }],
};
const invalid = {
  project: "shop",
  environment: "dev",
  contactPoints: [{ email: "oncall-at-example.com" }],
} as unknown as MonitoringArgs;

describe("validateMonitoringArgs", () => {
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateMonitoringArgs,
      construct: (n, a: MonitoringArgs) => new Monitoring(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("contactPoints[0].email");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });
});
