import { evaluate, formatFindings, hasMandatoryFailures, rules } from "@scaleway-blocks/policy";
import { describe, expect, it } from "vitest";
import { runStack, sharedStack } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

describe("@scaleway-blocks/policy on the shared stack", () => {
  it("finds no mandatory failure with the production settings", async () => {
    const { graph } = await sharedStack();
    const findings = evaluate(graph, { environment: "production" });
    const mandatory = findings.filter((f) => f.severity === "mandatory");
    // formatFindings names rule, resource and message when this fails.
    expect(formatFindings(mandatory)).toBe(formatFindings([]));
    expect(hasMandatoryFailures(findings)).toBe(false);
  });

  it("passes every mandatory rule, none of them disabled or weakened", async () => {
    const { graph } = await sharedStack();
    const mandatoryIds = rules.filter((r) => r.severity === "mandatory").map((r) => r.id);
    expect(mandatoryIds.length).toBeGreaterThan(0);
    const findings = evaluate(graph, { environment: "production" });
    const failed = mandatoryIds.filter((id) => findings.some((f) => f.ruleId === id));
    expect(failed).toEqual([]);
  });

  it("reports no finding at all, advisories included: the CI key expires by its rotation", async () => {
    const { graph } = await sharedStack();
    expect(formatFindings(evaluate(graph, { environment: "production" }))).toBe(formatFindings([]));
  });

  it("reports no finding either with a fixed CI key expiry instead of the rotation", async () => {
    const { graph } = await runStack({ apiKey: { expiresAt: "2099-06-30T00:00:00Z" } });
    expect(evaluate(graph, { environment: "production" })).toEqual([]);
  });

  it("recognises the bucket as a state bucket that must stay versioned", async () => {
    // Same stack without versioning would fail scw-bucket-versioning: prove the rule applies here.
    const { graph } = await sharedStack();
    const tampered = {
      resources: graph.resources.map((r) =>
        r.type === SCALEWAY_TYPES.bucket
          ? { ...r, inputs: { ...r.inputs, versioning: { enabled: false } } }
          : r,
      ),
    };
    const ids = evaluate(tampered, { environment: "production" }).map((f) => f.ruleId);
    expect(ids).toContain("scw-bucket-versioning");
  });
});
