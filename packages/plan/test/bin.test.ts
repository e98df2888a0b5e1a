// The published bin, as a user runs it: a separate Node process on the built dist/cli.js.
// (turbo builds this package before its tests; see turbo.json.)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, FIXTURES, runBin, runBinShared } from "./helpers";

describe("the scaleway-blocks bin", () => {
  it("is built with a node shebang", () => {
    expect(existsSync(CLI)).toBe(true);
    expect(readFileSync(CLI, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  });

  it("plans a compliant stack as JSON and exits 0", () => {
    const { code, stdout } = runBinShared([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      join(FIXTURES, "platform"),
      "--json",
    ]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as { schemaVersion: string; stack: string };
    expect(plan.schemaVersion).toMatch(/^1\./);
    expect(plan.stack).toBe("dev");
  });

  it("prints the package's version with --version and -v", () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as {
      version: string;
    };
    expect(runBin(["--version"]).stdout).toBe(`${version}\n`);
    expect(runBin(["-v"]).stdout).toBe(`${version}\n`);
  });

  it("is linked at the workspace root, so that npx scaleway-blocks finds it there", () => {
    const shim = resolve(__dirname, "..", "..", "..", "node_modules", ".bin", "scaleway-blocks");
    expect(existsSync(shim)).toBe(true);
    const result = spawnSync(shim, ["--version"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 1 when a mandatory policy rule fails", () => {
    const { code, stdout } = runBin(["plan", "--stack", "public", "--cwd", join(FIXTURES, "platform")]);
    expect(code).toBe(1);
    expect(stdout).toContain("scw-database-no-public-endpoint");
  });
});
