import { ESLint } from "eslint";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

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
  it("reports every line that turns an Output into a string, and only those", async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const [result] = await eslint.lintFiles([fixture]);
    const flagged = new Set(
      result!.messages.filter((m) => GUARD_RULES.includes(m.ruleId ?? "")).map((m) => m.line),
    );
    expect(bugLines()).toHaveLength(2);
    expect([...flagged].sort()).toEqual(bugLines());
  });

  it("the CI's runner (typecheck-all.mjs --lint, typescript-eslint given its program) flags the same lines", () => {
    // A workspace-like package made for the run, with the fixture as its src/: the runner lints a
    // package's src and test with the program of its tsconfig.json.
    const pkg = mkdtempSync(join(__dirname, "fixtures", "lint-guard-run-"));
    try {
      mkdirSync(join(pkg, "src"));
      copyFileSync(fixture, join(pkg, "src", "names.ts"));
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
      const run = spawnSync(
        process.execPath,
        [join(root, "scripts", "typecheck-all.mjs"), "--lint", relative(root, pkg)],
        {
          cwd: root,
          encoding: "utf8",
        },
      );
      const flagged = new Set(
        run.stdout.split("\n").flatMap((line) => {
          const match = /^\s+(\d+):\d+\s+error\s.*\s(\S+)$/.exec(line);
          return match && GUARD_RULES.includes(match[2]!) ? [Number(match[1])] : [];
        }),
      );
      expect(run.status).toBe(1);
      expect([...flagged].sort()).toEqual(bugLines());
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});
