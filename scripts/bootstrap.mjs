#!/usr/bin/env node
// Fresh clone → working tree with only Node and npm: install the pinned pnpm (into .tools/ unless the
// right version is already on PATH), install with the frozen lockfile, then run `pnpm run <script>`.
//   node scripts/bootstrap.mjs <script> [args...]
//   node scripts/bootstrap.mjs --install-only
// What bootstrapping and installing print goes to stderr: stdout carries only the script's own output,
// so that `npm run -s plan -- --stack dev --json > plan.json` holds the JSON alone.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/bootstrap.mjs <script> [args...]");
  process.exit(2);
}

/** Bootstrap and install steps: their stdout goes to our stderr. */
const TO_STDERR = ["inherit", 2, "inherit"];

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", cwd: root, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function versionOf(command, env) {
  const result = spawnSync(command, ["--version"], { encoding: "utf8", env });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const toolsBin = join(root, ".tools", "node_modules", ".bin");
const env = { ...process.env, PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ""}` };
if (versionOf("pnpm", env) !== pinned) {
  console.error(`» installing pnpm ${pinned} into .tools/`);
  const status = run(
    "npm",
    [
      "install",
      "--prefix",
      join(root, ".tools"),
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `pnpm@${pinned}`,
    ],
    { stdio: TO_STDERR },
  );
  if (status !== 0 || !existsSync(join(toolsBin, "pnpm"))) {
    console.error(`could not install pnpm ${pinned}`);
    process.exit(status || 1);
  }
}

console.error("» pnpm install --frozen-lockfile");
let status = run("pnpm", ["install", "--frozen-lockfile"], { env, stdio: TO_STDERR });
if (status !== 0) process.exit(status);

if (script === "--install-only") process.exit(0);
console.error(`» pnpm run ${[script, ...args].join(" ")}`);
// --silent: no "> script" header on stdout, only what the script prints.
status = run("pnpm", ["run", "--silent", script, ...args], { env });
process.exit(status);
