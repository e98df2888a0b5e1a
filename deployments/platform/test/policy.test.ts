import { evaluate, formatFindings } from "@scaleway-blocks/policy";
import { describe, expect, it } from "vitest";
import { STACKS, recordStack } from "./stacks";

describe("@scaleway-blocks/policy", () => {
  it.each(STACKS)("finds no mandatory failure in the %s stack", async (stack) => {
    const { graph } = await recordStack(stack);
    const findings = evaluate(graph, { environment: stack });
    const mandatory = findings.filter((f) => f.severity === "mandatory");
    expect(mandatory, formatFindings(mandatory)).toEqual([]);
  });

  it("judges the production stack as production, through its environment tags", async () => {
    const { graph } = await recordStack("production");
    // Without the environment setting, production-only rules still apply: the resources say production.
    const findings = evaluate(graph);
    expect(findings.filter((f) => f.severity === "mandatory")).toEqual([]);
    const instance = graph.one("scaleway:databases/instance:Instance");
    expect(instance.inputs.tags).toContain("environment=production");
  });

  it("reports no finding on any stack, advisories included: every API key the stacks create expires", async () => {
    const ids = new Set<string>();
    for (const stack of STACKS) {
      const { graph } = await recordStack(stack);
      for (const f of evaluate(graph, { environment: stack })) ids.add(f.ruleId);
    }
    expect([...ids]).toEqual([]);
  });
});
