import { readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate, formatFindings } from "@scaleway-blocks/policy";
import type { EvaluateConfig } from "@scaleway-blocks/policy";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config";
import { PROJECT_DIR, STACKS, recordStack, stackYaml } from "./stacks";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

/** The platform's own policy settings (policy.json: its data-residency list). */
const platformPolicy = JSON.parse(readFileSync(join(PROJECT_DIR, "policy.json"), "utf8")) as EvaluateConfig;

/** One recording of each stack with its own configuration, shared by the tests below that only read it. */
const recordings = new Map<string, ReturnType<typeof recordStack>>();
function recorded(stack: string): ReturnType<typeof recordStack> {
  if (!recordings.has(stack)) recordings.set(stack, recordStack(stack));
  return recordings.get(stack)!;
}

describe("@scaleway-blocks/policy", () => {
  it.each(STACKS)("finds no mandatory failure in the %s stack", async (stack) => {
    const { graph } = await recorded(stack);
    const findings = evaluate(graph, { ...platformPolicy, environment: stack });
    const mandatory = findings.filter((f) => f.severity === "mandatory");
    expect(mandatory, formatFindings(mandatory)).toEqual([]);
  });

  it("keeps every stack's data, backups included, in the platform's allowed regions (policy.json)", async () => {
    expect(platformPolicy.allowedRegions).toEqual(["fr-par", "nl-ams", "pl-waw"]);
    for (const stack of STACKS) {
      const { graph } = await recorded(stack);
      const residency = evaluate(graph, { ...platformPolicy, environment: stack }).filter(
        (f) => f.ruleId === "scw-data-residency" || f.ruleId === "scw-allowed-regions",
      );
      expect(residency, `${stack}: ${formatFindings(residency)}`).toEqual([]);
    }
  });

  it("would refuse production under a Paris-only list: its off-site backups may go to nl-ams or pl-waw", async () => {
    const { graph } = await recorded("production");
    const findings = evaluate(graph, { allowedRegions: ["fr-par"], environment: "production" });
    expect(findings.filter((f) => f.ruleId === "scw-data-residency").map((f) => f.message)).toEqual([
      expect.stringMatching(/automatic backups \(off-site\) .* may be nl-ams or pl-waw/),
    ]);
  });

  it("judges the production stack as production, through its environment tags", async () => {
    const { graph } = await recorded("production");
    // Without the environment setting, production-only rules still apply: the resources say production.
    const findings = evaluate(graph);
    expect(findings.filter((f) => f.severity === "mandatory")).toEqual([]);
    const instance = graph.one(SCALEWAY_TYPES.databaseInstance);
    expect(instance.inputs.tags).toContain("environment=production");
  });

  it("reports no finding on any stack, advisories included: every API key the stacks create expires", async () => {
    const ids = new Set<string>();
    for (const stack of STACKS) {
      const { graph } = await recorded(stack);
      for (const f of evaluate(graph, { environment: stack })) ids.add(f.ruleId);
    }
    expect([...ids]).toEqual([]);
  });
});

describe("production rules, stated once in @scaleway-blocks/policy", () => {
  const production = stackYaml("production");
  const database = production["platform:database"] as Record<string, unknown>;
  const CASES = [
    {
      what: "a database without high availability",
      change: { "platform:database": { ...database, highAvailability: false } },
      ruleIds: ["scw-database-ha-in-production"],
    },
    {
      what: "database backups kept in the instance's region",
      change: { "platform:database": { ...database, backups: { inAnotherRegion: false } } },
      ruleIds: ["scw-database-backup-off-site-in-production"],
    },
    {
      what: "an API that scales to zero",
      change: { "platform:api": { ...(production["platform:api"] as object), minScale: 0 } },
      ruleIds: ["scw-production-service-goals"],
    },
    {
      what: "an alert manager without contact points",
      change: { "platform:monitoring": { contactPoints: [] } },
      // Stated once: the service goals rule leaves this gap to the rule that reports it.
      ruleIds: ["scw-monitoring-alert-contacts-in-production"],
    },
  ];

  it.each(CASES)(
    "lets $what through the stack's validation and reports it by the policy's rule $ruleIds.0",
    async ({ change, ruleIds }) => {
      const config = { ...production, ...change };
      expect(() => validateConfig(config, "Pulumi.production.yaml")).not.toThrow();
      const { graph } = await recordStack("production", config);
      const findings = evaluate(graph, { ...platformPolicy, environment: "production" });
      expect([...new Set(findings.map((f) => f.ruleId))]).toEqual(ruleIds);
    },
  );
});
