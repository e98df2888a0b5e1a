// The README's route to a JSON plan from a fresh clone: `npm run -s plan -- --stack <s> --json`
// goes through scripts/bootstrap.mjs (pnpm, install) and turbo (build) before the plan itself.
// Everything but the plan must go to stderr, or `> plan.json` holds install lines before the JSON.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");

describe("npm run -s plan -- --json", () => {
  it("prints only the plan's JSON on stdout", { timeout: 900_000 }, () => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const run = spawnSync(npm, ["run", "-s", "plan", "--", "--stack", "dev", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as { project: string; stack: string; mockRun: boolean };
    expect(plan).toMatchObject({ project: "platform", stack: "dev", mockRun: true });
    // what bootstrapping said went to stderr
    expect(run.stderr).toContain("» pnpm install --frozen-lockfile");
  });
});
