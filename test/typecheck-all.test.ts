import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// scripts/typecheck-all.mjs checks every package's typecheck program in one process (typecheck:all):
// it must report what tsc reports and fail as tsc fails. With --lint (the CI's typecheck-lint:all) it
// also lints each package's src and test with that same program: it must report what eslint reports
// and fail as eslint fails, and still fail on a type error.
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

  it("with --lint, reports a lint error in a package that type-checks, with its rule and place, and exits 1", () => {
    const { status, output } = typecheckAll("--lint", `${fixtures}/clean`, `${fixtures}/lint-broken`);
    expect(status).toBe(1);
    expect(output).toMatch(
      /lint-broken\/src\/promise\.ts\n\s+5:3\s+error\s.*@typescript-eslint\/no-floating-promises/,
    );
    expect(output).toMatch(/typecheck-all\/lint-broken: ok, lint 1 error/);
    expect(output).toMatch(/typecheck-all\/clean: ok, lint ok/);
  });

  it("with --lint, a type error still fails the run", () => {
    const { status, output } = typecheckAll("--lint", `${fixtures}/broken`);
    expect(status).toBe(1);
    expect(output).toContain("TS2322");
    expect(output).toMatch(/typecheck-all\/broken: 1 error\(s\), lint ok/);
  });

  it("with --lint, a linted file that is in no program is an error, not a file skipped", () => {
    const { status, output } = typecheckAll("--lint", `${fixtures}/outside-program`);
    expect(status).toBe(1);
    expect(output).toContain("outside-program/test/outside.ts");
    expect(output).toMatch(/typecheck-all\/outside-program: ok, lint 1 error/);
  });

  it("with --lint, exits 0 when every package type-checks and lints", () => {
    const { status, output } = typecheckAll("--lint", `${fixtures}/clean`);
    expect(output).toMatch(/typecheck-all\/clean: ok, lint ok/);
    expect(status).toBe(0);
  });
});
