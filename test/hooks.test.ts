// The git hooks (scripts/git-hooks.mjs, installed by the root `prepare` script through simple-git-hooks),
// in a throw-away repository shaped like this one. Real `git commit`s prove that git runs the installed
// hooks and obeys them: a refusal by pre-commit, a commit that both hooks let through (commit-msg reading
// the message git hands it), and --no-verify. The hooks' decisions on staged content (what pre-commit
// refuses, the changeset rule) are checked by calling the hooks' own functions on the same staged index,
// in this process: one ESLint and prettier load instead of one per commit.
// Timeouts are generous: ESLint loads, and CI machines may be busy. The hooks' own speed is a figure,
// not a test: CONTRIBUTING.md ("Git hooks") gives it and how to measure it.
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
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

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

interface Hooks {
  preCommit: (root: string) => Promise<string[]>;
  commitMsg: (root: string, rawMessage: string) => string[];
}
let hooks: Hooks;

/** Stages `files` (path → content), runs `check` on the staged index as the hook would, then unstages. */
async function staged<T>(files: Record<string, string>, check: () => T | Promise<T>): Promise<T> {
  for (const [path, text] of Object.entries(files)) write(path, text);
  expect(run("git", ["add", ...Object.keys(files)]).status).toBe(0);
  try {
    return await check();
  } finally {
    run("git", ["reset", "-q", "--hard", "HEAD"]); // leave the next test a clean index
  }
}

/** What the pre-commit hook says of `files` staged: its problems, one text per kind (none: it accepts). */
const preCommitOf = (files: Record<string, string>) => staged(files, () => hooks.preCommit(repo));

/** What the commit-msg hook says of `files` staged with `message`: its problems (none: it accepts). */
const commitMsgOf = (files: Record<string, string>, message: string) =>
  staged(files, () => hooks.commitMsg(repo, message));

const CLEAN_TS = 'export function greet(name: string): string {\n  return "hello " + name;\n}\n';
const CHANGESET = '---\n"@scaleway-blocks/demo": minor\n---\n\nGreets by name.\n';

beforeAll(async () => {
  hooks = (await import(pathToFileURL(join(root, "scripts", "git-hooks.mjs")).href)) as Hooks;
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
  it("refuses, run by git, a staged file prettier would format differently, and names it", () => {
    const head = run("git", ["rev-parse", "HEAD"]).output;
    const result = commit({ "docs/guide.md": "#  Title\n\n*  item\n" }, "docs: guide");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("pre-commit hook refused the commit");
    expect(result.output).toContain("prettier: not formatted");
    expect(result.output).toContain("docs/guide.md");
    expect(run("git", ["rev-parse", "HEAD"]).output, "no commit was made").toBe(head);
  });

  it("refuses a staged TypeScript file with an ESLint error", async () => {
    const problems = await preCommitOf({
      "packages/demo/test/unused.ts": "const unused = 1;\nexport const used = 2;\n",
    });
    expect(problems.join("\n")).toContain("'unused' is assigned a value but never used");
  });

  it("leaves type-aware rules to CI unless HOOKS_TYPED_LINT=1 asks for them", async () => {
    const file = { "packages/demo/test/text.ts": "const n: unknown = 1;\nexport const text = `${n}`;\n" };
    expect(await preCommitOf(file)).toEqual([]);
    vi.stubEnv("HOOKS_TYPED_LINT", "1");
    try {
      expect((await preCommitOf(file)).join("\n")).toContain("restrict-template-expressions");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("lets clean, formatted files through", async () => {
    const files = { "docs/guide.md": "# Title\n\n- item\n", "packages/demo/test/helper.ts": CLEAN_TS };
    expect(await preCommitOf(files)).toEqual([]);
  });

  it("looks only at staged files: a badly formatted file left unstaged does not block", async () => {
    write("docs/draft.md", "#  Draft\n");
    try {
      expect(await preCommitOf({ "docs/other.md": "# Other\n" })).toEqual([]);
    } finally {
      rmSync(join(repo, "docs", "draft.md"));
    }
  });

  it("reads the staged content, not the working tree's", async () => {
    const problems = await staged({ "docs/staged.md": "#  Staged\n" }, () => {
      write("docs/staged.md", "# Staged\n"); // fixed in the working tree, not staged
      return hooks.preCommit(repo);
    });
    expect(problems.join("\n")).toContain("docs/staged.md");
  });

  it("is skipped by git commit --no-verify", () => {
    const result = commit({ "docs/messy.md": "#  Messy\n" }, "docs: messy", "--no-verify");
    expect(result.status, result.output).toBe(0);
  });
});

describe("the changeset rule (commit-msg hook)", { timeout: 180_000 }, () => {
  const change = (n: number) => ({ "packages/demo/src/index.ts": `${CLEAN_TS}export const n${n} = ${n};\n` });

  it("refuses a change to a published package's src/ without a changeset, naming the package", async () => {
    const problems = await commitMsgOf(change(1), "demo: n1");
    expect(problems.join("\n")).toContain("changes the src/ of @scaleway-blocks/demo but adds no changeset");
  });

  it("accepts the same change with a changeset naming the package", async () => {
    expect(await commitMsgOf({ ...change(2), ".changeset/demo-n2.md": CHANGESET }, "demo: n2")).toEqual([]);
  });

  it("refuses a changeset that names another package", async () => {
    const other = CHANGESET.replace("@scaleway-blocks/demo", "@scaleway-blocks/other");
    const problems = await commitMsgOf({ ...change(3), ".changeset/other.md": other }, "demo: n3");
    expect(problems.join("\n")).toContain("changes the src/ of @scaleway-blocks/demo but adds no changeset");
  });

  it('accepts it, run by git with both hooks, without a changeset when a "[no changeset] <why>" line says why', () => {
    // git runs commit-msg and obeys it: a change to src/ (a JSON file: prettier alone checks it before)
    // without a changeset or the line is refused…
    const head = run("git", ["rev-parse", "HEAD"]).output;
    const refused = commit(
      { "packages/demo/src/strings.json": '{ "greeting": "hello" }\n' },
      "demo: strings",
    );
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain("commit-msg hook refused the commit");
    expect(refused.output).toContain("changes the src/ of @scaleway-blocks/demo but adds no changeset");
    expect(run("git", ["rev-parse", "HEAD"]).output, "no commit was made").toBe(head);
    // …and the hook reads the message from the file git hands it: the line lets the commit through
    const message = "demo: rename a local\n\n[no changeset] internal rename, nothing users see";
    const result = commit(change(4), message);
    expect(result.status, result.output).toBe(0);
    expect(run("git", ["log", "-1", "--format=%B"]).output.trim()).toBe(message);
  });

  it('refuses a bare "[no changeset]" with no reason', async () => {
    const problems = await commitMsgOf(change(5), "demo: n5\n\n[no changeset]");
    expect(problems.join("\n")).toContain("needs a reason");
  });

  it("does not ask for a changeset for a private package or outside src/", async () => {
    const internal = { "packages/internal/src/index.ts": `${CLEAN_TS}export const x = 1;\n` };
    expect(await commitMsgOf(internal, "internal")).toEqual([]);
    const test = { "packages/demo/test/helper.ts": `${CLEAN_TS}export const y = 1;\n` };
    expect(await commitMsgOf(test, "demo test")).toEqual([]);
  });
});
