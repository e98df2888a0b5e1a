#!/usr/bin/env node
// Benchmark (not a test): how `scaleway-blocks plan` scales with the size of a program. It writes a
// program of N storage `Bucket` components (each a component and its Scaleway resources) into a
// temporary Pulumi project, plans it (a mock run: nothing is deployed), and prints per size the wall
// time, the milliseconds per Pulumi resource above the floor of loading the two SDKs, and the peak
// memory (the largest process's RSS, from /usr/bin/time: the program's process).
//
//   node bench/scale.mjs [--sizes 10,100,1000,3000] [--runs 1]
//
// Build the plan, testing and storage packages first. Targets (issue 19), at 1,000 components:
// at most 1.5 ms per Pulumi resource above the floor, and a peak under 400 MiB.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const TARGET_MS_PER_RESOURCE = 1.5;
const TARGET_PEAK_MIB = 400;
const TARGET_SIZE = 1000;

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "..");
const repoDir = resolve(packageDir, "..", "..");
const cli = join(packageDir, "dist", "cli.js");
const storageDir = join(repoDir, "packages", "storage");
const TIME = "/usr/bin/time";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10,100,1000,3000" },
    runs: { type: "string", default: "1" },
  },
});
const sizes = values.sizes
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const runs = Math.max(1, Number(values.runs) || 1);

function fail(message) {
  console.error(`scale: ${message}`);
  process.exit(1);
}
if (!existsSync(cli)) fail(`${cli} does not exist: build the package first (npx tsc -p tsconfig.build.json)`);
if (!existsSync(join(storageDir, "dist", "index.js"))) fail("build @scaleway-blocks/storage first");
if (!existsSync(TIME)) fail(`${TIME} is needed for the peak memory (apt-get install time)`);

// The project links the same copies of the SDKs and of storage that the plan's mocks use.
const storageRequire = createRequire(join(storageDir, "package.json"));
const sdkDir = dirname(realpathSync(storageRequire.resolve("@pulumi/pulumi/package.json")));
const providerDir = dirname(realpathSync(storageRequire.resolve("@pulumiverse/scaleway/package.json")));

const projectDir = mkdtempSync(join(tmpdir(), "scaleway-blocks-scale-"));
process.on("exit", () => rmSync(projectDir, { recursive: true, force: true }));
for (const [name, target] of [
  ["@pulumi/pulumi", sdkDir],
  ["@pulumiverse/scaleway", providerDir],
  ["@scaleway-blocks/storage", storageDir],
]) {
  mkdirSync(dirname(join(projectDir, "node_modules", name)), { recursive: true });
  symlinkSync(target, join(projectDir, "node_modules", name), "dir");
}
writeFileSync(
  join(projectDir, "Pulumi.yaml"),
  "name: scale\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n",
);
writeFileSync(join(projectDir, "Pulumi.bench.yaml"), "config:\n  scaleway:region: fr-par\n");
writeFileSync(join(projectDir, "package.json"), '{ "name": "scale", "main": "index.js" }\n');

/** Runs a command under /usr/bin/time: wall ms, peak RSS in MiB, and its output. */
function timed(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ["-f", "peak-kib=%M cpu-s=%U+%S", process.execPath, ...args], {
    cwd: projectDir,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = /peak-kib=(\d+) cpu-s=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? "");
  return {
    ...result,
    ms,
    peakMib: peak ? Number(peak[1]) / 1024 : NaN,
    cpuMs: peak ? (Number(peak[2]) + Number(peak[3])) * 1000 : NaN,
  };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The machine's load averages (1, 5, 15 min), to say how loaded it was while this measured. */
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
const loadBefore = load();
const cpus = availableParallelism();
const floorArgs = ["-e", "require('@pulumi/pulumi'); require('@pulumiverse/scaleway')"];
timed(floorArgs); // warm-up (file-system cache)
const rows = [];
for (const size of sizes) {
  writeFileSync(
    join(projectDir, "index.js"),
    [
      'const { Bucket } = require("@scaleway-blocks/storage");',
      "module.exports = () => {",
      `  for (let i = 0; i < ${size}; i++) new Bucket(\`b\${i}\`, { project: "scale", environment: "dev" });`,
      "};",
      "",
    ].join("\n"),
  );
  const planArgs = [cli, "plan", "--stack", "bench", "--json", "--timeout", "10m"];
  const floors = [];
  const plans = [];
  let resources = 0;
  for (let i = 0; i < runs; i++) {
    const floor = timed(floorArgs);
    if (floor.status !== 0) fail(`the floor command failed:\n${floor.stderr}`);
    floors.push(floor);
    const plan = timed(planArgs);
    if (plan.status === null || plan.status > 2) fail(`the plan of ${size} failed:\n${plan.stderr}`);
    resources = JSON.parse(plan.stdout).resources.length;
    plans.push(plan);
  }
  const floorMs = median(floors.map((f) => f.ms));
  const planMs = median(plans.map((p) => p.ms));
  const floorCpuMs = median(floors.map((f) => f.cpuMs));
  const planCpuMs = median(plans.map((p) => p.cpuMs));
  rows.push({
    size,
    resources,
    planMs,
    floorMs,
    perResource: (planMs - floorMs) / resources,
    planCpuMs,
    cpuPerResource: (planCpuMs - floorCpuMs) / resources,
    peakMib: Math.max(...plans.map((p) => p.peakMib)),
  });
}

const pad = (text, width) => String(text).padStart(width);
const columns = [
  ["components", (r) => r.size],
  ["resources", (r) => r.resources],
  ["plan ms", (r) => r.planMs.toFixed(0)],
  ["floor ms", (r) => r.floorMs.toFixed(0)],
  ["ms/res above floor", (r) => r.perResource.toFixed(2)],
  ["cpu ms", (r) => r.planCpuMs.toFixed(0)],
  ["cpu ms/res above floor", (r) => r.cpuPerResource.toFixed(2)],
  ["peak MiB", (r) => r.peakMib.toFixed(0)],
];
console.log(`scale        storage Bucket components (environment dev), ${runs} run(s) each (median)`);
console.log(columns.map(([title]) => title).join("  "));
for (const r of rows) console.log(columns.map(([title, value]) => pad(value(r), title.length)).join("  "));
console.log("(cpu: user + system of all the plan's processes, steadier than wall time on a shared machine)");
console.log(
  `load         ${loadBefore} before, ${load()} after (load averages over 1, 5, 15 min; ${cpus} cores)`,
);
const at = rows.find((r) => r.size === TARGET_SIZE);
if (at) {
  const timeMet = at.perResource <= TARGET_MS_PER_RESOURCE;
  const peakMet = at.peakMib < TARGET_PEAK_MIB;
  // Wall time is the target; on a loaded machine the CPU time is the steadier check of the same bound.
  const cpuMet = at.cpuPerResource <= TARGET_MS_PER_RESOURCE;
  console.log(
    `target       at ${TARGET_SIZE}: ≤ ${TARGET_MS_PER_RESOURCE} ms/resource above the floor ${timeMet ? "(met)" : "(MISSED)"} (cpu ${cpuMet ? "met" : "MISSED"}), peak < ${TARGET_PEAK_MIB} MiB ${peakMet ? "(met)" : "(MISSED)"}`,
  );
}
