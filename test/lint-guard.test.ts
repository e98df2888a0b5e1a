import { ESLint } from "eslint";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const fixture = join(__dirname, "fixtures", "output-in-template.ts");
const GUARD_RULES = [
  "@typescript-eslint/restrict-template-expressions",
  "@typescript-eslint/no-base-to-string",
];

const bugLines = () =>
  readFileSync(fixture, "utf8")
    .split("\n")
    .flatMap((line, i) => (line.includes("// BUG") ? [i + 1] : []));

describe("the lint guard against Outputs in strings", () => {
  // A workspace-like package with the fixture as its src/, as `lint:all` lints packages/*/src: the
  // ESLint config's project service types it with the package's tsconfig.json (a program of that one
  // file), and the CI's runner lints a package's src and test with the program of that tsconfig.json.
  let pkg: string;
  let names: string;
  beforeAll(() => {
    pkg = mkdtempSync(join(__dirname, "fixtures", "lint-guard-run-"));
    mkdirSync(join(pkg, "src"));
    names = join(pkg, "src", "names.ts");
    copyFileSync(fixture, names);
    writeFileSync(
      join(pkg, "package.json"),
      JSON.stringify({
        name: "lint-guard-run",
        private: true,
        scripts: { typecheck: "tsc -p tsconfig.json --noEmit" },
      }),
    );
    writeFileSync(
      join(pkg, "tsconfig.json"),
      JSON.stringify({
        extends: relative(pkg, join(root, "tsconfig.base.json")),
        compilerOptions: { rootDir: ".", noEmit: true, types: [] },
        include: ["src"],
      }),
    );
  });
  afterAll(() => {
    if (pkg) rmSync(pkg, { recursive: true, force: true });
  });

  it("reports every line that turns an Output into a string, and only those", async () => {
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintFiles([names]);
    expect(
      result!.messages.filter((m) => m.fatal),
      "the project service found the package's program",
    ).toEqual([]);
    const flagged = new Set(
      result!.messages.filter((m) => GUARD_RULES.includes(m.ruleId ?? "")).map((m) => m.line),
    );
    expect(bugLines()).toHaveLength(2);
    expect([...flagged].sort()).toEqual(bugLines());
  });

  it("the CI's runner (typecheck-all.mjs --lint, typescript-eslint given its program) flags the same lines", async () => {
    // the runner's own function, in-process (test/typecheck-all.test.ts runs its command line)
    const { typecheckAll } = (await import(
      pathToFileURL(join(root, "scripts", "typecheck-all.mjs")).href
    )) as {
      typecheckAll: (options: {
        packages: string[];
        lint: boolean;
        write: (text: string) => void;
      }) => Promise<number>;
    };
    let stdout = "";
    const status = await typecheckAll({
      packages: [relative(root, pkg)],
      lint: true,
      write: (text) => (stdout += text),
    });
    const flagged = new Set(
      stdout.split("\n").flatMap((line) => {
        const match = /^\s+(\d+):\d+\s+error\s.*\s(\S+)$/.exec(line);
        return match && GUARD_RULES.includes(match[2]!) ? [Number(match[1])] : [];
      }),
    );
    expect(status).toBe(1);
    expect([...flagged].sort()).toEqual(bugLines());
  });
});

describe("the lint of the root tests (lint:all's config for test/ and the root vitest configs)", () => {
  // No tsconfig.json sits beside the root vitest configs for the project service to find: the config
  // names test/tsconfig.json's program for the root tests, the program typecheck-all.mjs --lint hands
  // typescript-eslint for them (test/typecheck-all.test.ts lints planted errors in a copy of them).
  const eslint = new ESLint({ cwd: root });
  const parserOptions = async (file: string) =>
    (
      (await eslint.calculateConfigForFile(join(root, file))) as {
        languageOptions: { parserOptions: object };
      }
    ).languageOptions.parserOptions;
  const rules = async (file: string) =>
    ((await eslint.calculateConfigForFile(join(root, file))) as { rules: Record<string, unknown> }).rules;

  it("types a root test file and each root vitest config with test/tsconfig.json's program", async () => {
    for (const file of [
      "test/readme-size.test.ts",
      "test/engine/support/s3.ts",
      "vitest.repo.config.mts",
      "vitest.engine.config.mts",
    ])
      expect(await parserOptions(file), file).toMatchObject({
        projectService: false,
        project: "./test/tsconfig.json",
      });
  });

  it("lints a root test file with the rules of a package's test files", async () => {
    expect(await rules("test/readme-size.test.ts")).toEqual(await rules("packages/core/test/any.test.ts"));
  });

  it("leaves test/fixtures to the project service (each fixture's own tsconfig, as lint-guard's package)", async () => {
    expect(await parserOptions("test/fixtures/output-in-template.ts")).toMatchObject({
      projectService: true,
    });
  });
});
