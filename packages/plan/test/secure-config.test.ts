import { Secret } from "@scaleway-blocks/recorder";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../src/index";
import { buildPlan } from "../src/index";
import { SECRET_PLACEHOLDER } from "../src/load-project";
import { SECURE_CONFIG_RULE, secureConfigFindings } from "../src/secure-config";
import { explainSecurePlaceholder, SECURE_NOT_CHECKED } from "../src/secure-value";
import { resource, runCli } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const CONTAINER = SCALEWAY_TYPES.container;
const container = (inputs: Record<string, unknown>) => resource({ type: CONTAINER, name: "api", inputs });

describe("a secure: config value in a plain input", () => {
  it("is a finding when it lands in a container's plain environment, marked secret or not", () => {
    for (const value of [SECRET_PLACEHOLDER, new Secret(SECRET_PLACEHOLDER)]) {
      const findings = secureConfigFindings(
        { resources: [container({ environmentVariables: { API_KEY: value } })] },
        ["proj:apiKey"],
      );
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: SECURE_CONFIG_RULE,
          severity: "mandatory",
          name: "api",
          message: expect.stringContaining(
            "a secure: config value (one of apiKey) lands in environmentVariables.API_KEY",
          ) as unknown,
        }),
      ]);
    }
  });

  it("is found inside a longer value (a connection string built from it)", () => {
    const findings = secureConfigFindings(
      {
        resources: [
          container({ environmentVariables: { URL: `postgres://app:${SECRET_PLACEHOLDER}@db/app` } }),
        ],
      },
      ["proj:dbPassword"],
    );
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("environmentVariables.URL")]);
  });

  it("is no finding in an input the provider keeps secret", () => {
    const graph = {
      resources: [
        container({ secretEnvironmentVariables: { API_KEY: new Secret(SECRET_PLACEHOLDER) } }),
        resource({
          type: SCALEWAY_TYPES.secretVersion,
          name: "v1",
          inputs: { data: new Secret(SECRET_PLACEHOLDER) },
        }),
        resource({
          type: SCALEWAY_TYPES.databaseInstance,
          name: "db",
          inputs: { password: new Secret(SECRET_PLACEHOLDER) },
        }),
      ],
    };
    expect(secureConfigFindings(graph, ["proj:apiKey"])).toEqual([]);
  });

  it("fails the plan's policy (exit 1) in buildPlan", () => {
    const plan = buildPlan(
      { resources: [container({ environmentVariables: { API_KEY: SECRET_PLACEHOLDER } })] },
      { project: "proj", stack: "test", secretConfigKeys: ["proj:apiKey"] },
    );
    expect(plan.policy.findings[0]!.ruleId).toBe(SECURE_CONFIG_RULE);
    expect(plan.policy.failed).toBe(true);
    expect(plan.exitCode).toBe(1);
  });

  it("is reported on a program that puts one in a container's environment (mock run)", async () => {
    const { code, stdout } = await runCli(["plan", "--stack", "dev", "--cwd", "secure-config", "--json"]);
    expect(code).toBe(1);
    const plan = JSON.parse(stdout) as PlanDocument;
    const mine = plan.policy.findings.filter((f) => f.ruleId === SECURE_CONFIG_RULE);
    expect(mine.map((f) => [f.name, f.severity])).toEqual([["api", "mandatory"]]);
    expect(mine[0]!.message).toContain("environmentVariables.API_KEY");
    expect(mine[0]!.message).not.toContain("secretEnvironmentVariables");
  });

  it("is not reported when the program keeps it in the secret environment", async () => {
    const { stdout } = await runCli(["plan", "--stack", "safe", "--cwd", "secure-config", "--json"]);
    const plan = JSON.parse(stdout) as PlanDocument;
    expect(plan.policy.findings.filter((f) => f.ruleId === SECURE_CONFIG_RULE)).toEqual([]);
  });
});

describe("a secure value the program checks", () => {
  it('is reported as "a secure value, not checked offline", not as a string of 20 characters', async () => {
    const { code, stderr } = await runCli(["plan", "--stack", "checked", "--cwd", "secure-config"]);
    expect(code).toBe(3);
    expect(stderr).toContain(`apiKey: expected at least 32 characters, received ${SECURE_NOT_CHECKED}`);
    expect(stderr).not.toContain("a string of 20 characters");
  });

  it("keeps the message of a stack without secure config as it is", () => {
    const message = "token: received a string of 20 characters (value redacted)";
    expect(explainSecurePlaceholder(message, [])).toBe(message);
    expect(explainSecurePlaceholder(message, ["proj:token"])).toBe(`token: received ${SECURE_NOT_CHECKED}`);
    expect(explainSecurePlaceholder(`got ${JSON.stringify(SECRET_PLACEHOLDER)}`, ["proj:token"])).toBe(
      `got ${SECURE_NOT_CHECKED}`,
    );
  });
});
