import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/testing";
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
  it("returns for args the Monitoring constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateMonitoringArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateMonitoringArgs("app", invalid));
    const fromConstructor = await recordError(() => new Monitoring("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain(
      "contactPoints[0].email",
    );
    expect(fromValidator.graph.registered).toEqual([]);
  });
});
