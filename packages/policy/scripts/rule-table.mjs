#!/usr/bin/env node
// Writes the rule and settings tables, rendered from the built rules, into README.md between the
// <!-- rules:start --> / <!-- rules:end --> and <!-- settings:start --> / <!-- settings:end --> markers.
//   npx tsc -p tsconfig.build.json && node scripts/rule-table.mjs          (update)
//   node scripts/rule-table.mjs --check                                   (exit 1 when README is stale)
// test/readme.test.ts asserts the same from the sources, so the table and the code never disagree.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { renderRuleTable, renderSettingsTable } = createRequire(import.meta.url)(
  join(root, "dist", "index.js"),
);
const readmePath = join(root, "README.md");
const readme = readFileSync(readmePath, "utf8");

function replaceBetween(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n\n${content}\n\n${text.slice(to)}`;
}

const updated = replaceBetween(
  replaceBetween(readme, "rules", renderRuleTable()),
  "settings",
  renderSettingsTable(),
);
if (process.argv.includes("--check")) {
  if (updated !== readme) {
    console.error("README.md is out of date: run `node scripts/rule-table.mjs` after building");
    process.exit(1);
  }
  console.log("README.md tables are up to date");
} else {
  writeFileSync(readmePath, updated);
  console.log(updated === readme ? "README.md already up to date" : "README.md tables updated");
}
