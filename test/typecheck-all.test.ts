import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

// scripts/typecheck-all.mjs checks every package's typecheck program in one process (typecheck:all):
// it must report what tsc reports and fail as tsc fails. With --lint (the CI's typecheck-lint:all) it
// also lints each package's src and test with that same program: it must report what eslint reports
// and fail as eslint fails, and still fail on a type error. One test runs the command line; the others
// call the function it runs (`typecheckAll`, the same arguments, output and exit status) in this
// process, loading TypeScript and ESLint once.
const root = join(__dirname, "..");
const fixtures = "test/fixtures/typecheck-all";

interface Script {
  typecheckAll: (options: {
    packages: string[];
    lint: boolean;
    write: (text: string) => void;
  }) => Promise<number>;
}

/** What `node scripts/typecheck-all.mjs [--lint] <packages>` prints and exits with, run in-process. */
async function typecheckAll(...args: string[]) {
  const { typecheckAll } = (await import(
    pathToFileURL(join(root, "scripts", "typecheck-all.mjs")).href
  )) as Script;
  let output = "";
  const status = await typecheckAll({
    lint: args.includes("--lint"),
    packages: args.filter((arg) => arg !== "--lint"),
    write: (text) => (output += text),
  });
  return { status, output };
}

describe("typecheck-all", () => {
  it("reports a type error in a package's test file with its place, and exits 1", async () => {
    const { status, output } = await typecheckAll(`${fixtures}/clean`, `${fixtures}/broken`);
    expect(status).toBe(1);
    expect(output).toContain("broken/test/wrong.ts");
    expect(output).toContain("TS2322");
    expect(output).toMatch(/typecheck-all\/clean: ok/);
    expect(output).toMatch(/typecheck-all\/broken: 1 error/);
  });

  it("exits 0 when every package checks", async () => {
    const { status, output } = await typecheckAll(`${fixtures}/clean`);
    expect(output).toMatch(/typecheck-all\/clean: ok/);
    expect(status).toBe(0);
  });

  it("with --lint, reports a lint error in a package that type-checks, with its rule and place, and exits 1", async () => {
    const { status, output } = await typecheckAll("--lint", `${fixtures}/clean`, `${fixtures}/lint-broken`);
    expect(status).toBe(1);
    expect(output).toMatch(
      /lint-broken\/src\/promise\.ts\n\s+5:3\s+error\s.*@typescript-eslint\/no-floating-promises/,
    );
    expect(output).toMatch(/typecheck-all\/lint-broken: ok, lint 1 error/);
    expect(output).toMatch(/typecheck-all\/clean: ok, lint ok/);
  });

  it("with --lint, a type error still fails the run (the command line)", () => {
    const run = spawnSync(
      process.execPath,
      [join(root, "scripts", "typecheck-all.mjs"), "--lint", `${fixtures}/broken`],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    const { status, output } = { status: run.status, output: `${run.stdout}${run.stderr}` };
    expect(status).toBe(1);
    expect(output).toContain("TS2322");
    expect(output).toMatch(/typecheck-all\/broken: 1 error\(s\), lint ok/);
  });

  it("with --lint, a linted file that is in no program is an error, not a file skipped", async () => {
    const { status, output } = await typecheckAll("--lint", `${fixtures}/outside-program`);
    expect(status).toBe(1);
    expect(output).toContain("outside-program/test/outside.ts");
    expect(output).toMatch(/typecheck-all\/outside-program: ok, lint 1 error/);
  });

  it("checks a declaration file that changed since an earlier run in the same process", async () => {
    // Parsed declaration files are shared between packages and runs in one process only while their
    // text is the same: here a .d.ts whose field type changes, keeping its size, between two runs.
    const pkg = mkdtempSync(join(root, fixtures, "changed-"));
    try {
      cpSync(join(root, fixtures, "clean"), pkg, { recursive: true });
      const shape = (type: string) => `export interface Shape {\n  size: ${type};\n}\n`;
      writeFileSync(join(pkg, "src", "shape.d.ts"), shape("number"));
      writeFileSync(
        join(pkg, "src", "use.ts"),
        'import type { Shape } from "./shape";\nexport const s: Shape = { size: 1 };\n',
      );
      const name = relative(root, pkg);
      expect((await typecheckAll(name)).status).toBe(0);
      writeFileSync(join(pkg, "src", "shape.d.ts"), shape("string"));
      const { status, output } = await typecheckAll(name);
      expect(output).toContain("TS2322");
      expect(status).toBe(1);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });

  it("with --lint, exits 0 when every package type-checks and lints", async () => {
    const { status, output } = await typecheckAll("--lint", `${fixtures}/clean`);
    expect(output).toMatch(/typecheck-all\/clean: ok, lint ok/);
    expect(status).toBe(0);
  });
});
