#!/usr/bin/env node
// Sums vitest's "Tests  N passed | M failed (T)" lines from a CI log (stdin or a file) and prints one
// closing line, "N passed, M failed", so a reader of the log sees the total at the end.
//   node scripts/test-summary.mjs ci.log
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2] ?? 0, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let runs = 0;
for (const line of text.split("\n")) {
  const match = /^(?:\S+:\s+)?\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.trim());
  if (!match) continue;
  runs++;
  passed += Number(/(\d+) passed/.exec(match[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(match[1])?.[1] ?? 0);
}
if (runs === 0) {
  console.error("test-summary: no vitest result line found");
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
