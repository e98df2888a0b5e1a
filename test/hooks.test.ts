// The pre-commit hooks (scripts/git-hooks.mjs, installed by the root `prepare` script through
// simple-git-hooks), run by real `git commit`s in a throw-away repository shaped like this one.
// Timeouts are generous: each commit starts ESLint, and CI machines may be busy. The hooks' own speed
// is a figure, not a test: CONTRIBUTING.md ("Git hooks") gives it and how to measure it.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  "simple-git-hooks": Record<string, string>;
};
let repo: string;

/** The environment of a developer's shell: no GIT_* variables leaking from a surrounding git process. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("GIT_")));

function run(command: string, args: string[]): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd: repo, env, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** Stages `files` (path → content) and commits them with `message`; returns git's status and output. */
function commit(files: Record<string, string>, message: string, ...flags: string[]) {
  for (const [path, text] of Object.entries(files)) write(path, text);
  expect(run("git", ["add", ...Object.keys(files)]).status).toBe(0);
  const result = run("git", ["commit", "-q", "-m", message, ...flags]);
  if (result.status !== 0) run("git", ["reset", "-q", "--hard", "HEAD"]); // leave the next test a clean index
  return result;
}

const CLEAN_TS = 'export function greet(name: string): string {\n  return "hello " + name;\n}\n';
const CHANGESET = '---\n"@scaleway-blocks/demo": minor\n---\n\nGreets by name.\n';

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "hooks-"));
  for (const file of ["eslint.config.mjs", ".prettierrc.json", ".prettierignore", ".gitignore"])
    copyFileSync(join(root, file), join(repo, file));
  mkdirSync(join(repo, "scripts"));
  copyFileSync(join(root, "scripts", "git-hooks.mjs"), join(repo, "scripts", "git-hooks.mjs"));
  symlinkSync(join(root, "node_modules"), join(repo, "node_modules"), "dir");
  write(
    "package.json",
    JSON.stringify(
      {
        name: "hooks-fixture",
        private: true,
        scripts: { prepare: rootPackage.scripts.prepare },
        "simple-git-hooks": rootPackage["simple-git-hooks"],
      },
      null,
      2,
    ) + "\n",
  );
  const tsconfig = JSON.stringify({
    compilerOptions: { strict: true, module: "nodenext", target: "es2022", noEmit: true },
    include: ["src", "test"],
  });
  write("packages/demo/package.json", '{ "name": "@scaleway-blocks/demo", "version": "0.1.0" }\n');
  write("packages/demo/tsconfig.json", tsconfig + "\n");
  write("packages/demo/src/index.ts", CLEAN_TS);
  write("packages/internal/package.json", '{ "name": "internal", "private": true }\n');
  write("packages/internal/tsconfig.json", tsconfig + "\n");
  write("packages/internal/src/index.ts", CLEAN_TS);
  write(".changeset/config.json", "{}\n");
  for (const args of [
    ["init", "-q", "-b", "main"],
    ["config", "user.email", "t@example.com"],
    ["config", "user.name", "T"],
  ])
    expect(run("git", args).status).toBe(0);
  // What `pnpm install` runs at the root: the prepare script.
  const prepare = run("pnpm", ["run", "prepare"]);
  expect(prepare.status, prepare.output).toBe(0);
  expect(run("git", ["add", "-A"]).status).toBe(0);
  expect(run("git", ["commit", "-q", "--no-verify", "-m", "base"]).status).toBe(0);
}, 120_000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("the root prepare script", { timeout: 180_000 }, () => {
  it("installs the pre-commit and commit-msg hooks", () => {
    for (const hook of ["pre-commit", "commit-msg"])
      expect(readFileSync(join(repo, ".git", "hooks", hook), "utf8")).toContain("scripts/git-hooks.mjs");
  });

  it("succeeds where there is no .git (an unpacked tarball, a CI cache)", () => {
    const bare = mkdtempSync(join(tmpdir(), "hooks-nogit-"));
    try {
      writeFileSync(
        join(bare, "package.json"),
        JSON.stringify({ "simple-git-hooks": rootPackage["simple-git-hooks"] }),
      );
      const bin = join(root, "node_modules", ".bin", "simple-git-hooks");
      const result = spawnSync(bin, [], { cwd: bare, env, encoding: "utf8" });
      expect(result.status).toBe(0);
      expect(existsSync(join(bare, ".git"))).toBe(false);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe("the pre-commit hook", { timeout: 180_000 }, () => {
  it("refuses a staged file prettier would format differently, and names it", () => {
    const result = commit({ "docs/guide.md": "#  Title\n\n*  item\n" }, "docs: guide");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("prettier: not formatted");
    expect(result.output).toContain("docs/guide.md");
  });

  it("refuses a staged TypeScript file with an ESLint error", () => {
    const result = commit(
      { "packages/demo/test/unused.ts": "const unused = 1;\nexport const used = 2;\n" },
      "demo: test helper",
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("'unused' is assigned a value but never used");
  });

  it("leaves type-aware rules to CI unless HOOKS_TYPED_LINT=1 asks for them", () => {
    const file = { "packages/demo/test/text.ts": "const n: unknown = 1;\nexport const text = `${n}`;\n" };
    const fast = commit(file, "demo: text");
    expect(fast.status, fast.output).toBe(0);
    run("git", ["reset", "-q", "--hard", "HEAD~1"]);
    const typedEnv = { ...env, HOOKS_TYPED_LINT: "1" };
    for (const [path, text] of Object.entries(file)) write(path, text);
    run("git", ["add", ...Object.keys(file)]);
    const typed = spawnSync("git", ["commit", "-q", "-m", "demo: text"], {
      cwd: repo,
      env: typedEnv,
      encoding: "utf8",
    });
    run("git", ["reset", "-q", "--hard", "HEAD"]);
    expect(typed.status).not.toBe(0);
    expect(`${typed.stdout}${typed.stderr}`).toContain("restrict-template-expressions");
  });

  it("lets clean, formatted files through", () => {
    const result = commit(
      { "docs/guide.md": "# Title\n\n- item\n", "packages/demo/test/helper.ts": CLEAN_TS },
      "docs: guide",
    );
    expect(result.status, result.output).toBe(0);
  });

  it("looks only at staged files: a badly formatted file left unstaged does not block", () => {
    write("docs/draft.md", "#  Draft\n");
    const result = commit({ "docs/other.md": "# Other\n" }, "docs: other");
    rmSync(join(repo, "docs", "draft.md"));
    expect(result.status, result.output).toBe(0);
  });

  it("is skipped by git commit --no-verify", () => {
    const result = commit({ "docs/messy.md": "#  Messy\n" }, "docs: messy", "--no-verify");
    expect(result.status, result.output).toBe(0);
  });
});

describe("the changeset rule (commit-msg hook)", { timeout: 180_000 }, () => {
  const change = (n: number) => ({ "packages/demo/src/index.ts": `${CLEAN_TS}export const n${n} = ${n};\n` });

  it("refuses a change to a published package's src/ without a changeset, naming the package", () => {
    const result = commit(change(1), "demo: n1");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("changes the src/ of @scaleway-blocks/demo but adds no changeset");
  });

  it("accepts the same change with a changeset naming the package", () => {
    const result = commit({ ...change(2), ".changeset/demo-n2.md": CHANGESET }, "demo: n2");
    expect(result.status, result.output).toBe(0);
  });

  it("refuses a changeset that names another package", () => {
    const other = CHANGESET.replace("@scaleway-blocks/demo", "@scaleway-blocks/other");
    const result = commit({ ...change(3), ".changeset/other.md": other }, "demo: n3");
    expect(result.status).not.toBe(0);
  });

  it('accepts it without a changeset when a "[no changeset] <why>" line says why', () => {
    const result = commit(
      change(4),
      "demo: rename a local\n\n[no changeset] internal rename, nothing users see",
    );
    expect(result.status, result.output).toBe(0);
  });

  it('refuses a bare "[no changeset]" with no reason', () => {
    const result = commit(change(5), "demo: n5\n\n[no changeset]");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("needs a reason");
  });

  it("does not ask for a changeset for a private package or outside src/", () => {
    expect(
      commit({ "packages/internal/src/index.ts": `${CLEAN_TS}export const x = 1;\n` }, "internal").status,
    ).toBe(0);
    expect(
      commit({ "packages/demo/test/helper.ts": `${CLEAN_TS}export const y = 1;\n` }, "demo test").status,
    ).toBe(0);
  });
});
