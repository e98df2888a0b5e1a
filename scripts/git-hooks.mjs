#!/usr/bin/env node
// The repository's git hooks, installed by `pnpm install` (root `prepare` script → simple-git-hooks,
// configured under "simple-git-hooks" in package.json). Skip them the standard way: `git commit --no-verify`.
//   node scripts/git-hooks.mjs pre-commit          prettier + eslint on the staged files only
//   node scripts/git-hooks.mjs commit-msg <file>   a published package's src/ changed → a changeset in
//                                                  the commit, or a "[no changeset] <why>" line
// Both read the staged content (the index git hands the hook, also for `git commit -- <paths>`), not
// the working tree, and change nothing: a refused commit says what to run.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const NO_CHANGESET = /^\[no changeset\][\s:–-]*(\S.*)?$/im;

function git(args, cwd) {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Staged paths (added, copied, modified, renamed), relative to the repository root. */
export function stagedFiles(root) {
  return git(["diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"], root)
    .split("\0")
    .filter((path) => path !== "");
}

/** The staged content of a path (what the commit will hold). */
function stagedContent(root, path) {
  return git(["cat-file", "blob", `:${path}`], root);
}

/** Staged files prettier formats differently, or whose content it cannot parse. */
async function prettierFailures(root, files) {
  const prettier = await import("prettier");
  const failures = [];
  for (const file of files) {
    const filepath = join(root, file);
    const info = await prettier.getFileInfo(filepath, {
      ignorePath: [join(root, ".prettierignore"), join(root, ".gitignore")],
    });
    if (info.ignored || info.inferredParser === null) continue;
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    try {
      if (!(await prettier.check(stagedContent(root, file), { ...options, filepath }))) failures.push(file);
    } catch (error) {
      failures.push(`${file} (${String(error).split("\n")[0]})`);
    }
  }
  return failures;
}

/** ESLint messages (errors) for the staged TypeScript files the config covers. */
async function eslintFailures(root, files) {
  const candidates = files.filter((file) => /\.(c|m)?tsx?$/.test(file));
  if (candidates.length === 0) return [];
  const { ESLint } = await import("eslint");
  // Type-aware rules need the whole TypeScript program of the package (a minute on a loaded machine):
  // the hook runs every other rule, `pnpm lint` and CI run them all. HOOKS_TYPED_LINT=1 runs them here too.
  const typed = process.env.HOOKS_TYPED_LINT === "1";
  const overrideConfig = typed
    ? undefined
    : (await import("typescript-eslint")).default.configs.disableTypeChecked;
  const eslint = new ESLint({ cwd: root, ...(overrideConfig ? { overrideConfig } : {}) });
  const lines = [];
  for (const file of candidates) {
    const filePath = join(root, file);
    if (await eslint.isPathIgnored(filePath)) continue;
    const results = await eslint.lintText(stagedContent(root, file), { filePath });
    for (const result of results)
      for (const m of result.messages.filter((message) => message.severity === 2))
        lines.push(`${file}:${m.line}:${m.column} ${m.message} (${m.ruleId ?? "parse"})`);
  }
  return lines;
}

export async function preCommit(root) {
  const files = stagedFiles(root);
  const unformatted = await prettierFailures(root, files);
  const lint = await eslintFailures(root, files);
  const problems = [];
  if (unformatted.length > 0)
    problems.push(
      `prettier: not formatted:\n${unformatted.map((f) => `  ${f}`).join("\n")}\n` +
        `  fix: npx prettier --write <files> && git add <files>`,
    );
  if (lint.length > 0) problems.push(`eslint:\n${lint.map((l) => `  ${l}`).join("\n")}`);
  return problems;
}

/** Published packages (package.json without "private": true) by folder: packages/<dir> → name. */
function publishedPackages(root) {
  const dir = join(root, "packages");
  if (!existsSync(dir)) return new Map();
  const packages = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const manifest = join(dir, entry.name, "package.json");
    if (!entry.isDirectory() || !existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8"));
    if (pkg.private !== true && typeof pkg.name === "string")
      packages.set(`packages/${entry.name}`, pkg.name);
  }
  return packages;
}

/** Package names a changeset file's front matter lists (`"@scope/name": minor`). */
export function changesetPackages(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!match) return [];
  return match[1]
    .split(/\r?\n/)
    .map((line) => /^\s*["']?([^"':\s]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line)?.[1])
    .filter((name) => name !== undefined);
}

/** The message as git will record it: comment lines dropped. */
function messageText(raw) {
  return raw
    .split(/\r?\n/)
    .filter((line) => !line.startsWith("#"))
    .join("\n");
}

export function commitMsg(root, rawMessage) {
  const files = stagedFiles(root);
  const packages = publishedPackages(root);
  const changed = new Set();
  for (const file of files)
    for (const [dir, name] of packages) if (file.startsWith(`${dir}/src/`)) changed.add(name);
  if (changed.size === 0) return [];
  const covered = new Set(
    files
      .filter((file) => /^\.changeset\/[^/]+\.md$/.test(file) && file !== ".changeset/README.md")
      .flatMap((file) => changesetPackages(stagedContent(root, file))),
  );
  const missing = [...changed].filter((name) => !covered.has(name)).sort();
  if (missing.length === 0) return [];
  const optOut = NO_CHANGESET.exec(messageText(rawMessage));
  if (optOut?.[1]) return [];
  return [
    `changeset: this commit changes the src/ of ${missing.join(", ")} but adds no changeset for ${missing.length > 1 ? "them" : "it"}.\n` +
      `  fix: add .changeset/<pkg>-<topic>.md ("<name>": patch|minor|major, then what changes for users) to the commit,\n` +
      `  or say why none is needed on a line of the message: "[no changeset] <why>" (e.g. a refactor with no user-visible change).` +
      (optOut ? `\n  "[no changeset]" needs a reason after it.` : ""),
  ];
}

function report(hook, problems) {
  if (problems.length === 0) return 0;
  console.error(
    `${hook} hook refused the commit:\n${problems.join("\n")}\n(skip the hooks once with git commit --no-verify)`,
  );
  return 1;
}

async function main() {
  const [hook, messageFile] = process.argv.slice(2);
  const root = git(["rev-parse", "--show-toplevel"], process.cwd()).trim();
  if (hook === "pre-commit") return report(hook, await preCommit(root));
  if (hook === "commit-msg" && messageFile !== undefined)
    return report(hook, commitMsg(root, readFileSync(messageFile, "utf8")));
  console.error("usage: node scripts/git-hooks.mjs pre-commit | commit-msg <message-file>");
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main();
