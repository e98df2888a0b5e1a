import { resolve } from "node:path";
import { main } from "@scaleway-blocks/plan";
import type { PlanDocument } from "@scaleway-blocks/plan";
import { describe, expect, it } from "vitest";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

/**
 * `scaleway-blocks plan` of this project's stacks (it runs the built program, dist/, which turbo builds
 * before these tests). Every price a source gives is priced, and the stacks that matter deploy within
 * the 10-minute target with the measured durations.
 */
const PLATFORM = resolve(__dirname, "..");

async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd: PLATFORM,
    env: {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** Price keys no source gives a figure for (see the README's price table): they may stay unknown. */
const NO_SOURCE = new Set(["sdb.compute", "sdb.storage", "kms.key"]);

/** One plan of each stack, shared by the tests that assert different things about it (each run spawns the program's process). */
const runs = new Map<string, ReturnType<typeof runCli>>();

async function planOf(stack: string): Promise<PlanDocument> {
  if (!runs.has(stack)) runs.set(stack, runCli(["plan", "--stack", stack, "--cwd", PLATFORM, "--json"]));
  const run = await runs.get(stack)!;
  expect(run.stderr, `scaleway-blocks plan --stack ${stack}`).not.toMatch(/error/i);
  return JSON.parse(run.stdout) as PlanDocument;
}

describe.each(["dev", "staging", "production"])("the platform's %s stack", (stack) => {
  it("leaves unknown only the prices no source gives", async () => {
    const plan = await planOf(stack);
    const unknown = plan.cost.resources
      .flatMap((r) => r.lines)
      .filter((l) => l.monthly === null)
      .map((l) => l.priceKey);
    expect([...new Set(unknown)].filter((key) => !NO_SOURCE.has(key))).toEqual([]);
  });
});

describe.each(["staging", "production"])("the platform's %s stack", (stack) => {
  it("deploys within the 10-minute target with the measured durations", async () => {
    const plan = await planOf(stack);
    const instance = plan.deployTime.steps.find((s) => s.type === SCALEWAY_TYPES.databaseInstance);
    expect(instance?.basis).toBe("measured");
    expect(plan.deployTime.totalSeconds).toBeLessThan(600);
    expect(plan.deployTime.withinTarget).toBe(true);
  });
});
