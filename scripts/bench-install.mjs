#!/usr/bin/env node
// Benchmark (not a test): prints the fresh-clone install time and the cold and cached
// `turbo run test` times, measured in a fresh clone of this repository's HEAD.
//   node scripts/bench-install.mjs          (EMPTY_STORE=1 also empties pnpm's store: a truly cold install)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const clone = mkdtempSync(join(tmpdir(), "scaleway-blocks-bench-"));

function timed(label, command, args, env = {}) {
  const start = process.hrtime.bigint();
  execFileSync(command, args, {
    cwd: clone,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s`);
  return seconds;
}

try {
  execFileSync("git", ["clone", "-q", root, clone]);
  const env = { TURBO_TELEMETRY_DISABLED: "1", CI: "true" };
  // pnpm 12 reads its settings from pnpm_config_* variables (not npm_config_*).
  if (process.env.EMPTY_STORE) env.pnpm_config_store_dir = join(clone, ".bench-store");
  console.log(
    `fresh clone of ${root} in ${clone}; ${process.env.EMPTY_STORE ? "empty" : "shared"} pnpm store`,
  );
  const install = timed(
    "install (bootstrap pnpm + install)",
    process.execPath,
    [join(clone, "scripts", "bootstrap.mjs"), "--install-only"],
    env,
  );
  const localPnpm = join(clone, ".tools", "node_modules", ".bin", "pnpm");
  const bin = existsSync(localPnpm) ? localPnpm : "pnpm";
  const cold = timed("turbo run test (cold)", bin, ["exec", "turbo", "run", "test"], env);
  const cached = timed("turbo run test (cached)", bin, ["exec", "turbo", "run", "test"], env);
  console.log(
    `${"fresh clone → green tests".padEnd(34)} ${(install + cold).toFixed(1).padStart(7)} s   (target < 120 s)`,
  );
  console.log(`cached speed-up: ${(cold / cached).toFixed(1)}×`);
} finally {
  rmSync(clone, { recursive: true, force: true });
}
