#!/usr/bin/env node
// Writes the tables rendered from the built rules between their markers: the rule summary
// (<!-- rule-summary:start --> … end) and the settings (<!-- settings:start --> … end) in README.md, the full
// rule table with why and fix (<!-- rules:start --> … end) in the repository's docs/policy.md.
//   npx tsc -p tsconfig.build.json && node scripts/rule-table.mjs          (update)
//   node scripts/rule-table.mjs --check                                   (exit 1 when a file is stale)
// test/readme.test.ts asserts the same from the sources, so the table and the code never disagree.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { renderRuleSummary, renderRuleTable, renderSettingsTable } = createRequire(import.meta.url)(
  join(root, "dist", "index.js"),
);

function replaceBetween(text, name, content, file) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`${file} lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

const files = [
  {
    path: join(root, "README.md"),
    tables: { "rule-summary": renderRuleSummary(), settings: renderSettingsTable() },
  },
  { path: join(root, "..", "..", "docs", "policy.md"), tables: { rules: renderRuleTable() } },
];
let stale = false;
for (const { path, tables } of files) {
  const text = readFileSync(path, "utf8");
  const updated = Object.entries(tables).reduce(
    (acc, [name, content]) => replaceBetween(acc, name, content, path),
    text,
  );
  if (updated === text) continue;
  stale = true;
  if (process.argv.includes("--check")) {
    console.error(`${path} is out of date: run \`node scripts/rule-table.mjs\` after building`);
  } else {
    writeFileSync(path, updated);
    console.log(`${path}: tables updated`);
  }
}
if (process.argv.includes("--check") && stale) process.exit(1);
if (!stale) console.log("the tables are up to date");
