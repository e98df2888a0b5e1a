// The built CLI in its own process, as users run it, with its start-up shortcuts on (the program's
// process started early, the code cache): --baseline loads the plan's document schema on first use
// (main.ts), which must still work there. Mock runs: nothing is deployed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers";

const CLI = resolve(__dirname, "..", "dist", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "plan-cli-baseline-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plan(...args: string[]) {
  return spawnSync(
    process.execPath,
    [CLI, "plan", "--stack", "dev", "--cwd", join(FIXTURES, "top-level"), ...args],
    {
      encoding: "utf8",
    },
  );
}

describe("the CLI's --baseline in the CLI's own process", () => {
  it("refuses a file that is not a plan with the BaselineError, exit 3", () => {
    const notAPlan = join(dir, "not-a-plan.json");
    writeFileSync(notAPlan, "{}");
    const run = plan("--baseline", notAPlan);
    expect(run.stderr).toContain("not a scaleway-blocks plan (--json output)");
    expect(run.status).toBe(3);
  });

  it("compares against an earlier plan of the same program", () => {
    const earlier = plan("--json");
    expect(earlier.status).toBe(0);
    const baseline = join(dir, "baseline.json");
    writeFileSync(baseline, earlier.stdout);
    const run = plan("--baseline", baseline, "--json");
    expect(run.stderr).not.toContain("error");
    expect(run.status).toBe(0);
  });
});
