import { describe, expect, it } from "vitest";
import { buildPlan } from "../src/index";
import { runPolicy } from "../src/policy-step";
import type { PolicyEngine, PolicyFinding } from "../src/index";
import { resource } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const finding = (severity: PolicyFinding["severity"], ruleId = `rule-${severity}`): PolicyFinding => ({
  ruleId,
  severity,
  urn: "urn:pulumi:test::proj::t::n",
  name: "n",
  type: "t",
  message: `${severity} finding`,
});

const engine = (findings: PolicyFinding[]): PolicyEngine => ({
  evaluate: () => findings,
  hasMandatoryFailures: (fs) => fs.some((f) => f.severity === "mandatory"),
});

const options = { project: "proj", stack: "test" };

describe("the policy step", () => {
  it("exits 1 when a mandatory rule fails", () => {
    const plan = buildPlan({ resources: [] }, { ...options, policy: engine([finding("mandatory")]) });
    expect(plan.exitCode).toBe(1);
    expect(plan.policy.failed).toBe(true);
  });

  it("exits 0 when only advisory rules fail", () => {
    const plan = buildPlan({ resources: [] }, { ...options, policy: engine([finding("advisory")]) });
    expect(plan.exitCode).toBe(0);
    expect(plan.policy).toMatchObject({ mandatory: 0, advisory: 1, failed: false });
  });

  it("lists mandatory findings before advisory ones", () => {
    const report = runPolicy(
      { resources: [] },
      engine([finding("advisory", "a"), finding("mandatory", "z")]),
    );
    expect(report.findings.map((f) => f.severity)).toEqual(["mandatory", "advisory"]);
  });

  it("runs @scaleway-blocks/policy by default: a public database endpoint fails it", () => {
    const db = resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "pg",
      inputs: { nodeType: "DB-DEV-S", loadBalancer: {}, encryptionAtRest: true },
    });
    const plan = buildPlan({ resources: [db] }, options);
    expect(plan.policy.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "scw-database-no-public-endpoint",
        severity: "mandatory",
        name: "pg",
      }),
    );
    expect(plan.exitCode).toBe(1);
  });

  it("passes the policy configuration to the engine", () => {
    const db = resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "pg",
      inputs: { nodeType: "DB-DEV-S", loadBalancer: {}, encryptionAtRest: true },
    });
    const plan = buildPlan(
      { resources: [db] },
      { ...options, policyConfig: { rules: { "scw-database-no-public-endpoint": "advisory" } } },
    );
    expect(plan.policy.failed).toBe(false);
  });

  it("gives a data-loss risk precedence over a policy failure", () => {
    const bucket = resource({ type: SCALEWAY_TYPES.bucket, name: "b" });
    const baseline = {
      schemaVersion: "1.0",
      project: "proj",
      stack: "test",
      generatedAt: "2026-01-01T00:00:00Z",
      resources: [
        { ...bucket, inputs: {}, protect: false, retainOnDelete: false, replaceOnChanges: [], aliases: [] },
      ],
    };
    const plan = buildPlan(
      { resources: [] },
      { ...options, baseline, policy: engine([finding("mandatory")]) },
    );
    expect(plan.exitCode).toBe(2);
  });
});
