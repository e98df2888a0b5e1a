import { evaluate, formatFindings, hasMandatoryFailures, rules } from "@scaleway-blocks/policy";
import { describe, expect, it } from "vitest";
import { runStack } from "./helpers";

describe("@scaleway-blocks/policy on the shared stack", () => {
  it("finds no mandatory failure with the production settings", async () => {
    const { graph } = await runStack();
    const findings = evaluate(graph, { environment: "production" });
    const mandatory = findings.filter((f) => f.severity === "mandatory");
    // formatFindings names rule, resource and message when this fails.
    expect(formatFindings(mandatory)).toBe(formatFindings([]));
    expect(hasMandatoryFailures(findings)).toBe(false);
  });

  it("passes every mandatory rule, none of them disabled or weakened", async () => {
    const { graph } = await runStack();
    const mandatoryIds = rules.filter((r) => r.severity === "mandatory").map((r) => r.id);
    expect(mandatoryIds.length).toBeGreaterThan(0);
    const findings = evaluate(graph, { environment: "production" });
    const failed = mandatoryIds.filter((id) => findings.some((f) => f.ruleId === id));
    expect(failed).toEqual([]);
  });

  it("reports only the advisory that the CI key has no expiry, as the stack file leaves it unset", async () => {
    const { graph } = await runStack();
    const advisory = evaluate(graph, { environment: "production" }).map(
      (f) => `${f.severity} ${f.ruleId} ${f.name}`,
    );
    expect(advisory).toEqual(["advisory scw-iam-api-key-expiry state-ci-key"]);
  });

  it("reports no advisory either once the stack sets the CI key's expiry", async () => {
    const { graph } = await runStack({ apiKeyExpiresAt: "2099-06-30T00:00:00Z" });
    expect(evaluate(graph, { environment: "production" })).toEqual([]);
  });

  it("recognises the bucket as a state bucket that must stay versioned", async () => {
    // Same stack without versioning would fail scw-bucket-versioning: prove the rule applies here.
    const { graph } = await runStack();
    const tampered = {
      resources: graph.resources.map((r) =>
        r.type === "scaleway:object/bucket:Bucket"
          ? { ...r, inputs: { ...r.inputs, versioning: { enabled: false } } }
          : r,
      ),
    };
    const ids = evaluate(tampered, { environment: "production" }).map((f) => f.ruleId);
    expect(ids).toContain("scw-bucket-versioning");
  });
});
