#!/usr/bin/env node
// Benchmark (not a test): the wall time of `scaleway-blocks plan` against the floor of loading the
// Pulumi SDK and the Scaleway provider SDK, which any in-process plan must pay.
//
//   node bench/plan-vs-floor.mjs [--cwd <project dir>] [--stack production] [--runs 3]
//
// Default project: ../../deployments/platform (relative to this package). Build the package first
// (npx tsc -p tsconfig.build.json) and the project (its package.json "main").
// Target (issue 19): plan ≤ 1.0 × floor, the naive floor of loading the two SDKs. It also checks that
// the --json output is byte-identical with the plan's load-time shortcuts off
// (SCALEWAY_BLOCKS_PLAN_EAGER=1: nothing deferred, every stack trace taken), and prints that plan too.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TARGET_RATIO = 1.0;
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const cli = join(packageDir, "dist", "cli.js");

const { values } = parseArgs({
  options: {
    cwd: { type: "string", default: join(packageDir, "..", "..", "deployments", "platform") },
    stack: { type: "string", default: "production" },
    runs: { type: "string", default: "3" },
  },
});
const projectDir = resolve(process.cwd(), values.cwd);
const runs = Math.max(1, Number(values.runs) || 3);

function fail(message) {
  console.error(`plan-vs-floor: ${message}`);
  process.exit(1);
}
if (!existsSync(cli)) fail(`${cli} does not exist: build the package first (npx tsc -p tsconfig.build.json)`);
if (!existsSync(join(projectDir, "Pulumi.yaml")))
  fail(`no Pulumi project in ${projectDir}: pass --cwd <dir>`);

/** Runs a command and returns its wall time in ms (and its status). */
function timed(args, cwd, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The --json output without its timestamp, the one field two runs may differ in. */
const comparable = (stdout) => stdout.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "…"');
const EAGER = { SCALEWAY_BLOCKS_PLAN_EAGER: "1" };

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const floorArgs = ["-e", "require('@pulumi/pulumi'); require('@pulumiverse/scaleway')"];
// The floor loads the SDKs the way the program does: resolved from the project directory.
const floorCwd = timed(floorArgs, projectDir).status === 0 ? projectDir : packageDir;
const planArgs = [cli, "plan", "--stack", values.stack, "--cwd", projectDir, "--json"];

// One warm-up of each (file-system cache; the plan's first run after a build also writes its code
// cache, src/code-cache.ts), then alternate the measured runs.
const loadBefore = loadavg()[0];
const warm = timed(planArgs, packageDir);
if (warm.status === null || warm.status > 2) fail(`the plan failed (exit ${warm.status}):\n${warm.stderr}`);
const eagerWarm = timed(planArgs, packageDir, EAGER);
const identical = comparable(warm.stdout) === comparable(eagerWarm.stdout);
const floors = [];
const plans = [];
const eagerPlans = [];
for (let i = 0; i < runs; i++) {
  const floor = timed(floorArgs, floorCwd);
  if (floor.status !== 0) fail(`the floor command failed:\n${floor.stderr}`);
  floors.push(floor.ms);
  plans.push(timed(planArgs, packageDir).ms);
  eagerPlans.push(timed(planArgs, packageDir, EAGER).ms);
}

const floorMs = median(floors);
const planMs = median(plans);
const ratio = planMs / floorMs;
const eagerMs = median(eagerPlans);
console.log(`project      ${projectDir} (stack ${values.stack}, plan exit ${warm.status})`);
console.log(`runs         ${runs} (median; after one warm-up)`);
console.log(
  `machine      load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, ${availableParallelism()} cores (a load above the cores: wall times include waiting for a core)`,
);
console.log(
  `plan         ${planMs.toFixed(0)} ms   scaleway-blocks plan --stack ${values.stack} --cwd <dir>`,
);
console.log(
  `floor        ${floorMs.toFixed(0)} ms   node -e "require('@pulumi/pulumi'); require('@pulumiverse/scaleway')"`,
);
console.log(
  `eager plan   ${eagerMs.toFixed(0)} ms   the same with SCALEWAY_BLOCKS_PLAN_EAGER=1 (${(eagerMs / floorMs).toFixed(2)}× the floor)`,
);
console.log(
  `ratio        ${ratio.toFixed(2)}×   target ≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? "(met)" : "(MISSED)"}`,
);
console.log(
  `--json       ${identical ? "byte-identical" : "DIFFERS"} with the shortcuts off (generatedAt aside)`,
);
if (!identical) process.exitCode = 1;
