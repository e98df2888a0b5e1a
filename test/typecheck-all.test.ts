import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// scripts/typecheck-all.mjs checks every package's typecheck program in one process (the CI's
// typecheck:all task): it must report what tsc reports and fail as tsc fails.
const root = join(__dirname, "..");
const fixtures = "test/fixtures/typecheck-all";

function typecheckAll(...packages: string[]) {
  const result = spawnSync(process.execPath, [join(root, "scripts", "typecheck-all.mjs"), ...packages], {
    cwd: root,
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("typecheck-all", () => {
  it("reports a type error in a package's test file with its place, and exits 1", () => {
    const { status, output } = typecheckAll(`${fixtures}/clean`, `${fixtures}/broken`);
    expect(status).toBe(1);
    expect(output).toContain("broken/test/wrong.ts");
    expect(output).toContain("TS2322");
    expect(output).toMatch(/typecheck-all\/clean: ok/);
    expect(output).toMatch(/typecheck-all\/broken: 1 error/);
  });

  it("exits 0 when every package checks", () => {
    const { status, output } = typecheckAll(`${fixtures}/clean`);
    expect(output).toMatch(/typecheck-all\/clean: ok/);
    expect(status).toBe(0);
  });
});
