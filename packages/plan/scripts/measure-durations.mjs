#!/usr/bin/env node
// Measures create durations in the Terraform Scaleway provider's recorded acceptance tests
// (internal/services/*/testdata/*.cassette.yaml, HTTP Date headers) and prints n / median / p90 / max
// per resource type: the figures behind the plan's deploy-time table (src/durations.ts).
//
//   npx tsc -p tsconfig.build.json        # the script uses the built dist/cassettes.js
//   node scripts/measure-durations.mjs [--dir <module dir>] [--version v2.79.0] [--json] [--samples]
//
// Without --dir it asks `go mod download -json github.com/scaleway/terraform-provider-scaleway/v2@<version>`
// for the module directory (downloading the module into the Go module cache if needed).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const {
  measureProviderModule,
  statsByType,
  providerModuleDir,
  PROVIDER_MODULE,
  PROVIDER_VERSION,
} = require("../dist/cassettes.js");

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const version = flag("--version") ?? PROVIDER_VERSION;
const dir = flag("--dir") ?? (await providerModuleDir({ version }));
if (dir === undefined) {
  console.error(
    `measure-durations: cannot find ${PROVIDER_MODULE}@${version}: install Go and run ` +
      `\`go mod download -json ${PROVIDER_MODULE}@${version}\`, or pass --dir <module dir>.`,
  );
  process.exit(1);
}

const { samples, failures } = measureProviderModule(dir);
const stats = statsByType(samples);
if (args.includes("--json")) {
  console.log(
    JSON.stringify(
      { module: `${PROVIDER_MODULE}@${version}`, dir, stats: Object.fromEntries(stats), failures },
      null,
      2,
    ),
  );
  process.exit(0);
}

console.log(`${PROVIDER_MODULE}@${version} (${dir})`);
console.log("create durations in seconds, from the HTTP Date headers of the recorded acceptance tests\n");
const rows = [["type", "n", "sync", "min", "median", "p90", "max", "recorded"]];
for (const [type, s] of stats)
  rows.push(
    [type, s.n, s.synchronous, s.min, s.median, s.p90, s.max, `${s.firstDay} … ${s.lastDay}`].map(String),
  );
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows)
  console.log(
    r.map((cell, c) => (c === 0 || c === 7 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "),
  );
if (failures.length > 0) {
  console.log("\ncreations that ended in a failed status (not counted above):");
  for (const f of failures) console.log(`  ${f.type}: failed after ${f.secondsToFailure} s (${f.cassette})`);
}
if (args.includes("--samples")) {
  console.log("\nsamples:");
  for (const s of samples) console.log(`  ${s.type} ${s.seconds} s ${s.day} ${s.cassette}`);
}
