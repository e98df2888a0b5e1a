#!/usr/bin/env node
// Benchmark (not a test): in a fresh clone of a commit of this repository (HEAD unless --ref), times
// `npm test` step by step twice: right after the clone (cold turbo cache, warm pnpm store) and again on
// the unchanged tree (everything cached). The steps are those of the clone's own `ci` script, so
// `--ref <old commit>` measures the loop as it was then. Prints one line per phase:
//   install            bootstrap: the pinned pnpm + `pnpm install --frozen-lockfile`
//   format:check, test:repo, release rehearsal (test:release): each step of `ci`, wall time
//   turbo …            the turbo step, wall time; under it build, typecheck, lint, test, check:package:
//                      the sum of their tasks' run times from turbo's run summary (tasks run side by
//                      side, so these add up to more than the wall time)
// The engine suite (test:engine, the last step of `ci`) is left out unless --engine is given.
//   node scripts/bench-install.mjs [--ref <commit>] [--engine] [--keep]
//   EMPTY_STORE=1 also empties pnpm's store: a truly cold install.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    ref: { type: "string", default: "HEAD" },
    engine: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clone = mkdtempSync(join(tmpdir(), "scaleway-blocks-bench-"));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", CI: "true" };
// pnpm 12 reads its settings from pnpm_config_* variables (not npm_config_*).
if (process.env.EMPTY_STORE) env.pnpm_config_store_dir = join(clone, ".bench-store");

/** The phases of the turbo step, in the order they are printed. */
const TURBO_PHASES = ["build", "typecheck", "lint", "test", "check:package"];
/** typecheck:all and lint:all (one run for the whole repository) count as typecheck and lint. */
const phaseOf = (task) => task.replace(/:all$/, "");

const failed = new Set();

/** Runs one step, and returns its wall time; a step that fails is timed too, and reported. */
function run(label, command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: clone,
    stdio: ["ignore", "pipe", "pipe"],
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    failed.add(label);
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n").slice(-40).join("\n");
    console.error(`${label} FAILED (exit ${result.status}); the end of its output:\n${output}`);
  }
  return seconds;
}

/** The newest turbo run summary: the sum of each phase's task run times, and the cache hits. */
function turboSummary() {
  const dir = join(clone, ".turbo", "runs");
  const newest = readdirSync(dir)
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const summary = JSON.parse(readFileSync(newest, "utf8"));
  const phases = {};
  let hits = 0;
  for (const task of summary.tasks) {
    if (task.command === "<NONEXISTENT>") continue;
    const phase = phaseOf(task.task);
    phases[phase] = (phases[phase] ?? 0) + (task.execution.endTime - task.execution.startTime) / 1000;
    if (task.cache.status === "HIT") hits++;
  }
  return { phases, hits, tasks: summary.tasks.filter((t) => t.command !== "<NONEXISTENT>").length };
}

/** The steps of the clone's `ci` script (`a && b && …`), as [label, command, args]. */
function ciSteps(pnpm) {
  const ci = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")).scripts.ci;
  return ci
    .split("&&")
    .map((step) => step.trim().split(/\s+/))
    .map((words) => {
      // --continue: a failing task is reported, and the others still run and are timed.
      if (words[0] === "turbo")
        return [words.join(" "), pnpm, ["exec", ...words, "--summarize", "--continue"]];
      if (words[0] === "pnpm" && words[1] === "run") return [words[2], pnpm, ["run", ...words.slice(2)]];
      return [words.join(" "), "sh", ["-c", words.join(" ")]];
    })
    .filter(([label]) => options.engine || label !== "test:engine");
}

/** One pass of `npm test`: the install, then every ci step. */
function pass() {
  const times = {
    install: run("install", process.execPath, [join(clone, "scripts", "bootstrap.mjs"), "--install-only"]),
  };
  const localPnpm = join(clone, ".tools", "node_modules", ".bin", "pnpm");
  const pnpm = existsSync(localPnpm) ? localPnpm : "pnpm";
  for (const [label, command, args] of ciSteps(pnpm)) {
    times[label] = run(label, command, args);
    if (label.startsWith("turbo")) times.turbo = { label, ...turboSummary() };
  }
  return times;
}

const s = (seconds) => (seconds === undefined ? "" : `${seconds.toFixed(1)} s`).padStart(10);
const mark = (label) => (failed.has(label) ? " (FAILED)" : "");

try {
  execFileSync("git", ["clone", "-q", "--no-checkout", root, clone]);
  execFileSync("git", ["checkout", "-q", options.ref], { cwd: clone });
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: clone,
    encoding: "utf8",
  }).trim();
  console.log(
    `fresh clone of ${root} at ${commit} in ${clone}; ${process.env.EMPTY_STORE ? "empty" : "warm"} pnpm store; ` +
      `${options.engine ? "with" : "without"} the engine suite`,
  );
  const fresh = pass();
  const unchanged = pass();
  console.log(`${"phase".padEnd(40)}${"fresh clone".padStart(12)}${"unchanged".padStart(12)}`);
  const line = (label, a, b) => console.log(`${label.padEnd(40)}${s(a)}  ${s(b)}`);
  const unitSteps = [];
  let total = [0, 0];
  for (const label of Object.keys(fresh)) {
    if (label === "turbo") continue;
    line(
      `${label === "test:release" ? "release rehearsal (test:release)" : label}${mark(label)}`,
      fresh[label],
      unchanged[label],
    );
    total = [total[0] + fresh[label], total[1] + unchanged[label]];
    if (label !== "test:release" && label !== "test:engine") unitSteps.push(label);
    if (label === fresh.turbo?.label) {
      for (const phase of TURBO_PHASES)
        line(`  ${phase} (sum of task times)`, fresh.turbo.phases[phase], unchanged.turbo.phases[phase]);
      console.log(
        `  cache hits: ${fresh.turbo.hits}/${fresh.turbo.tasks} fresh, ${unchanged.turbo.hits}/${unchanged.turbo.tasks} unchanged`,
      );
    }
  }
  const unit = unitSteps.reduce((sum, label) => sum + fresh[label], 0);
  console.log(
    `${"fresh clone → green unit tests".padEnd(40)}${s(unit)}              (target < 120 s: ${unitSteps.join(" + ")})`,
  );
  line(`npm test${options.engine ? "" : " without the engine suite"}`, total[0], total[1]);
  console.log(`${"".padEnd(40)}${"".padStart(12)}              (target for the unchanged tree < 30 s)`);
  if (failed.size > 0) process.exitCode = 1;
} finally {
  if (options.keep) console.log(`kept ${clone}`);
  else rmSync(clone, { recursive: true, force: true });
}
