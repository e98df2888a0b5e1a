#!/usr/bin/env node
// Benchmark (not a test): in a fresh clone of a commit of this repository (HEAD unless --ref), times
// `npm test` step by step twice: right after the clone (cold turbo cache, warm pnpm store) and again on
// the unchanged tree (everything cached), then runs `npm test` itself once more on the unchanged tree
// (the number the issue's target is about: bootstrap, pnpm and turbo overhead included). The steps
// are those of the clone's own `ci` script, so `--ref <old commit>` measures the loop as it was then.
// Prints one line per phase, for each pass:
//   install              bootstrap: the pinned pnpm + `pnpm install --frozen-lockfile` (wall time)
//   format:check, build, typecheck, lint (or typecheck + lint, one task), test, check:package,
//   test:repo, urn-guard,
//   release rehearsal (test:release), engine (test:engine):
//                        a phase that is a turbo task: the sum of its tasks' run times from turbo's run
//                        summary (tasks run side by side, so these add up to more than the wall time),
//                        with its cache hits; a phase that is a step of `ci` of its own (as before
//                        these became turbo tasks): that step's wall time
//   turbo …              each turbo step of `ci`, wall time, and the CPU time (user + system) of every
//                        process it ran (Linux: the finished children's times in /proc/self/stat): on a
//                        machine with N cores a step cannot take less wall time than its CPU time / N
// The engine suite runs unless --without-engine is given (it builds the pinned Go tools into
// ~/.cache on first use, see scripts/pulumi-tools.mjs).
//   node scripts/bench-install.mjs [--ref <commit>] [--without-engine] [--keep]
//   EMPTY_STORE=1 also empties pnpm's store: a truly cold install.
// The machine is shared: say how loaded it was (the load average is printed before and after).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values: options } = parseArgs({
  options: {
    ref: { type: "string", default: "HEAD" },
    // The default since the engine suite became a turbo task; kept so that older command lines work.
    engine: { type: "boolean", default: true },
    "without-engine": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const withEngine = !options["without-engine"];
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clone = mkdtempSync(join(tmpdir(), "scaleway-blocks-bench-"));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", CI: "true" };
// pnpm 12 reads its settings from pnpm_config_* variables (not npm_config_*).
if (process.env.EMPTY_STORE) env.pnpm_config_store_dir = join(clone, ".bench-store");

/** The phases, in the order they are printed; a turbo task or a step of `ci` maps to one. */
const PHASES = [
  "install",
  "format:check",
  "build",
  "typecheck",
  "lint",
  "typecheck + lint",
  "test",
  "check:package",
  "test:repo",
  "urn-guard",
  "release rehearsal",
  "engine",
];
/** The phase of a turbo task or of a step of `ci` (by its label); undefined: none of them. */
function phaseOf(name) {
  if (name === "test:release") return "release rehearsal";
  if (name === "test:engine") return "engine";
  // One process type-checks and lints each package's program (scripts/typecheck-all.mjs --lint).
  if (name === "typecheck-lint:all") return "typecheck + lint";
  // The one-process build of every package (`tsc -b` of the root solution), then each package's build
  // (`tsc -b` finding its dist/ up to date): both are the build phase.
  if (name === "build:all") return "build";
  if (/\burn-guard(\.mjs)?$/.test(name)) return "urn-guard";
  const phase = name.replace(/:all$/, "");
  return PHASES.includes(phase) ? phase : undefined;
}

const failed = new Set();

/** Clock ticks per second of /proc's times (getconf CLK_TCK; 100 on Linux). */
let ticksPerSecond;
/**
 * The CPU seconds (user + system) of this process's finished and waited-for children, their own
 * children included (cutime + cstime, fields 16 and 17 of /proc/self/stat); undefined off Linux.
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    // After the ") " that ends the command name, field 3 (state) is the first: 16 and 17 are 13, 14.
    return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** The CPU seconds of each step run so far, by label (the last run of a label). */
const cpu = {};

/** Runs one step, and returns its wall time; a step that fails is timed too, and reported. */
function run(label, command, args) {
  const cpuBefore = childrenCpuSeconds();
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: clone,
    stdio: ["ignore", "pipe", "pipe"],
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuAfter = childrenCpuSeconds();
  if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[label] = cpuAfter - cpuBefore;
  if (result.status !== 0) {
    failed.add(label);
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.split("\n").slice(-40).join("\n");
    console.error(`${label} FAILED (exit ${result.status}); the end of its output:\n${output}`);
  }
  return seconds;
}

/** The run summaries turbo has written so far (their file names). */
const summaries = () => {
  const dir = join(clone, ".turbo", "runs");
  return existsSync(dir) ? readdirSync(dir) : [];
};

/** The run summary turbo wrote since `before`: each task's phase, run time and cache status. */
function turboTasks(before) {
  const written = summaries().filter((name) => !before.includes(name));
  if (written.length !== 1) throw new Error(`expected one new turbo run summary, found ${written.length}`);
  const summary = JSON.parse(readFileSync(join(clone, ".turbo", "runs", written[0]), "utf8"));
  return summary.tasks
    .filter((task) => task.command !== "<NONEXISTENT>")
    .map((task) => ({
      phase: phaseOf(task.task) ?? task.task,
      seconds: (task.execution.endTime - task.execution.startTime) / 1000,
      hit: task.cache.status === "HIT",
    }));
}

/** The steps of the clone's `ci` script (`a && b && …`), as [label, command, args]. */
function ciSteps(pnpm) {
  const ci = JSON.parse(readFileSync(join(clone, "package.json"), "utf8")).scripts.ci;
  return ci
    .split("&&")
    .map((step) => step.trim().split(/\s+/))
    .map((words) => (withEngine ? words : words.filter((word) => word !== "test:engine")))
    .map((words) => {
      // --continue: a failing task is reported, and the others still run and are timed.
      if (words[0] === "turbo")
        return [words.join(" "), pnpm, ["exec", ...words, "--summarize", "--continue"], true];
      if (words[0] === "pnpm" && words[1] === "run")
        return [words[2], pnpm, ["run", ...words.slice(2)], false];
      return [words.join(" "), "sh", ["-c", words.join(" ")], false];
    })
    .filter(([label]) => label && (withEngine || label !== "test:engine"));
}

/**
 * One pass of `npm test`: the install, then every ci step. Returns the wall time of each step and,
 * per phase, the time, the cache hits and the number of tasks (a step of its own: 1 task, no hit).
 */
function pass() {
  const steps = {};
  const phases = {};
  const add = (phase, seconds, hit, step = false) => {
    const p = (phases[phase] ??= { seconds: 0, hits: 0, tasks: 0, step });
    p.seconds += seconds;
    p.tasks += 1;
    if (hit) p.hits += 1;
  };
  steps.install = run("install", process.execPath, [
    join(clone, "scripts", "bootstrap.mjs"),
    "--install-only",
  ]);
  add("install", steps.install, false, true);
  const localPnpm = join(clone, ".tools", "node_modules", ".bin", "pnpm");
  const pnpm = existsSync(localPnpm) ? localPnpm : "pnpm";
  for (const [label, command, args, isTurbo] of ciSteps(pnpm)) {
    const before = summaries();
    steps[label] = run(label, command, args);
    if (isTurbo) for (const task of turboTasks(before)) add(task.phase, task.seconds, task.hit);
    else add(phaseOf(label) ?? label, steps[label], false, true);
  }
  return { steps, phases };
}

const s = (seconds) => (seconds === undefined ? "" : `${seconds.toFixed(1)} s`).padStart(10);
const mark = (label) => (failed.has(label) ? " (FAILED)" : "");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

try {
  execFileSync("git", ["clone", "-q", "--no-checkout", root, clone]);
  execFileSync("git", ["checkout", "-q", options.ref], { cwd: clone });
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: clone,
    encoding: "utf8",
  }).trim();
  console.log(
    `fresh clone of ${root} at ${commit} in ${clone}; ${process.env.EMPTY_STORE ? "empty" : "warm"} pnpm store; ` +
      `${withEngine ? "with" : "without"} the engine suite; load average before: ${load()}`,
  );
  const fresh = pass();
  const freshCpu = { ...cpu };
  const unchanged = pass();
  // `npm test` as a developer runs it, on the unchanged tree (bootstrap + `pnpm run ci`).
  const npmTest = withEngine ? run("npm test", "npm", ["test"]) : undefined;

  // A phase that is a step of its own (the install, or a step of an older `ci`) is never cached.
  const cell = (phase) =>
    (!phase ? "" : phase.step ? "(step)" : `${phase.hits}/${phase.tasks} hit`).padStart(11);
  console.log(
    `${"phase".padEnd(34)}${"fresh clone".padStart(10)}${"".padStart(11)}  ${"unchanged".padStart(10)}${"".padStart(11)}`,
  );
  for (const phase of PHASES) {
    const [a, b] = [fresh.phases[phase], unchanged.phases[phase]];
    if (!a && !b) continue;
    const label = phase === "release rehearsal" ? "release rehearsal (test:release)" : phase;
    console.log(
      `${`${label}${mark(phase)}`.padEnd(34)}${s(a?.seconds)}${cell(a)}  ${s(b?.seconds)}${cell(b)}`,
    );
  }
  console.log("(a turbo task's phase: the sum of its tasks' run times; they run side by side)");
  let total = [0, 0];
  const unitSteps = [];
  const cores = availableParallelism();
  let unitCpu = 0;
  for (const label of Object.keys(fresh.steps)) {
    const stepCpu = freshCpu[label];
    const cpuNote =
      stepCpu === undefined
        ? ""
        : `  (fresh: CPU ${stepCpu.toFixed(1)} s, ≥ ${(stepCpu / cores).toFixed(1)} s on ${cores} cores)`;
    console.log(
      `${`step: ${label}${mark(label)}`.slice(0, 33).padEnd(34)}${s(fresh.steps[label])}${"".padStart(11)}  ${s(unchanged.steps[label])}${cpuNote}`,
    );
    total = [total[0] + fresh.steps[label], total[1] + (unchanged.steps[label] ?? 0)];
    if (!/test:(release|engine)/.test(label)) {
      unitSteps.push(label);
      unitCpu += stepCpu ?? 0;
    }
  }
  const unit = unitSteps.reduce((sum, label) => sum + fresh.steps[label], 0);
  console.log(
    `${"fresh clone → green unit tests".padEnd(34)}${s(unit)}  (target < 120 s; steps: ${unitSteps.join(" + ")})`,
  );
  if (unitCpu > 0)
    console.log(
      `${"  its CPU time, all processes".padEnd(34)}${s(unitCpu)}  (so at least ${(unitCpu / cores).toFixed(1)} s of wall time on ${cores} cores)`,
    );
  console.log(
    `${`sum of the steps${withEngine ? "" : " without the engine suite"}`.padEnd(34)}${s(total[0])}${"".padStart(11)}  ${s(total[1])}`,
  );
  if (npmTest !== undefined)
    console.log(
      `${`npm test, unchanged tree${mark("npm test")}`.padEnd(34)}${"".padStart(10)}${"".padStart(11)}  ${s(npmTest)}  (target < 30 s)`,
    );
  console.log(`load average after: ${load()} (2 cores, shared with other work)`);
  if (failed.size > 0) process.exitCode = 1;
} finally {
  if (options.keep) console.log(`kept ${clone}`);
  else rmSync(clone, { recursive: true, force: true });
}
