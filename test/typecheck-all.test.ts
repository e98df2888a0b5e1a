import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// scripts/typecheck-all.mjs checks every package's typecheck program in one process (typecheck:all):
// it must report what tsc reports and fail as tsc fails. With --lint (the CI's typecheck-lint:all) it
// also lints each package's src and test with that same program: it must report what eslint reports
// and fail as eslint fails, and still fail on a type error. One test runs the command line; the others
// call the function it runs (`typecheckAll`, the same arguments, output and exit status) in this
// process, loading TypeScript and ESLint once. With no package list it also type-checks the root tests
// (test/tsconfig.json's program), which nothing else type-checks (vitest strips their types), and with
// --lint lints that program's files with it, as lint:all lints them.
const root = join(__dirname, "..");
const fixtures = "test/fixtures/typecheck-all";

interface Script {
  typecheckAll: (options: {
    packages: string[];
    lint: boolean;
    write: (text: string) => void;
  }) => Promise<number>;
  defaultPrograms: () => string[];
}

const script = async () =>
  (await import(pathToFileURL(join(root, "scripts", "typecheck-all.mjs")).href)) as Script;

/** What `node scripts/typecheck-all.mjs [--lint] <packages>` prints and exits with, run in-process. */
async function typecheckAll(...args: string[]) {
  const { typecheckAll } = await script();
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

  describe("the root tests (test/tsconfig.json's program)", () => {
    // A temporary copy of the root tests' program, laid out as the repository is (test/tsconfig.json
    // as it is, the root configs it names beside it, one root test file), under test/fixtures, which
    // the real program excludes: a planted error there cannot fail a type check running meanwhile.
    let copy: string;
    const testFile = "readme-size.test.ts";
    beforeEach(() => {
      copy = mkdtempSync(join(root, fixtures, "root-tests-"));
      mkdirSync(join(copy, "test"));
      for (const file of ["tsconfig.base.json", "vitest.repo.config.mts", "vitest.engine.config.mts"])
        cpSync(join(root, file), join(copy, file));
      for (const file of ["tsconfig.json", testFile])
        cpSync(join(root, "test", file), join(copy, "test", file));
    });
    afterEach(() => rmSync(copy, { recursive: true, force: true }));

    it("are checked when no package is given, after every package", async () => {
      const programs = (await script()).defaultPrograms();
      expect(programs).toEqual(expect.arrayContaining(["packages/core", "deployments/platform"]));
      expect(programs.at(-1)).toBe("test");
    });

    it("a type error in a root test file fails the run (with --lint too), reported with its place", async () => {
      const file = join(copy, "test", testFile);
      const line = readFileSync(file, "utf8").split("\n").length; // the line the appended text starts on
      appendFileSync(file, 'export const planted: number = "a string";\n');
      const name = relative(root, join(copy, "test"));
      const { status, output } = await typecheckAll("--lint", name);
      expect(stripVTControlCharacters(output)).toContain(`${name}/${testFile}:${line}:14 - error TS2322`);
      expect(output).toContain(`${name}: 1 error(s), lint ok`);
      expect(status).toBe(1);
    });

    /** Plants a floating promise at the end of `file` (in the copy), lints the copy: the run and its line. */
    async function lintWithPlantedError(file: string) {
      const line = readFileSync(file, "utf8").split("\n").length + 1; // the appended statement's line
      appendFileSync(file, "export function planted(): void {\n  Promise.resolve(1);\n}\n");
      return { line, ...(await typecheckAll("--lint", relative(root, join(copy, "test")))) };
    }
    /** What the stylish formatter prints for that error: the file's path, then the rule at its place. */
    const floatingPromiseAt = (file: string, line: number) =>
      new RegExp(
        `${file.replace(/\./g, "\\.")}\n\\s+${line}:3\\s+error\\s.*@typescript-eslint/no-floating-promises`,
      );

    it("with --lint, a lint error in a root test file fails the run, reported with its rule and place", async () => {
      const { line, status, output } = await lintWithPlantedError(join(copy, "test", testFile));
      expect(output).toMatch(floatingPromiseAt(`test/${testFile}`, line));
      expect(output).toContain(`${relative(root, join(copy, "test"))}: ok, lint 1 error(s)`);
      expect(status).toBe(1);
    });

    it("with --lint, a lint error in a root vitest config fails the run too", async () => {
      const { line, status, output } = await lintWithPlantedError(join(copy, "vitest.repo.config.mts"));
      expect(output).toMatch(floatingPromiseAt("vitest.repo.config.mts", line));
      expect(status).toBe(1);
    });

    it("lint:all lints the files of their program, the ones typecheck-all --lint lints", () => {
      // lint:all's arguments outside the package globs, and its --ignore-pattern, as the eslint CLI takes
      // them: a directory means its .ts/.mts/.cts/.tsx files (eslint.config.mjs ignores .js/.mjs/.cjs).
      const words = (
        JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
      ).scripts["lint:all"]!.split(/\s+/);
      const ignored = words.flatMap((w, i) =>
        words[i - 1] === "--ignore-pattern" ? [w.replace(/'/g, "")] : [],
      );
      expect(ignored).toEqual(["test/fixtures/**"]);
      const rootArgs = words
        .slice(1)
        .filter((w, i, all) => !w.startsWith("-") && all[i - 1] !== "--ignore-pattern" && !w.includes("*"));
      const linted = rootArgs
        .flatMap((arg) =>
          statSync(join(root, arg)).isDirectory()
            ? readdirSync(join(root, arg), { recursive: true, encoding: "utf8" }).map((f) => join(arg, f))
            : [arg],
        )
        .filter((f) => /\.(ts|mts|cts|tsx)$/.test(f) && !f.startsWith("test/fixtures/"))
        .sort();
      const config = ts.getParsedCommandLineOfConfigFile(
        join(root, "test", "tsconfig.json"),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: () => {},
        },
      )!;
      const program = config.fileNames.map((f) => relative(root, f)).sort();
      expect(program).toEqual(
        expect.arrayContaining(["vitest.repo.config.mts", "test/typecheck-all.test.ts"]),
      );
      expect(linted).toEqual(program);
    });

    it("a clean copy of them passes", async () => {
      const name = relative(root, join(copy, "test"));
      const { status, output } = await typecheckAll(name);
      expect(output).toContain(`${name}: ok`);
      expect(status).toBe(0);
    });
  });
});
