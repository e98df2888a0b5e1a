#!/usr/bin/env node
// Rewrites a package's imports of @scaleway-blocks/core's internal names to @scaleway-blocks/core/internal
// (issue 16: core's stable API and its internal entry). The internal names are the ones exported by
// packages/core/src/internal.ts; everything else stays on @scaleway-blocks/core.
//
//   node scripts/core-internal-imports.mjs packages/storage [packages/network …]   rewrite (then prettier)
//   node scripts/core-internal-imports.mjs --check packages/storage                 list, exit 1 if any
//   --no-format: leave the rewritten statements as written (one line each), without prettier
//
// It rewrites `import { … } from "@scaleway-blocks/core"`, `import type { … }` and `export { … } from`,
// splitting a statement in two when it mixes stable and internal names, in .ts/.mts/.cts/.tsx/.js/.mjs/.cjs
// files and the code blocks of Markdown files (READMEs; not CHANGELOG.md), not in node_modules or dist.
// What it cannot rewrite safely (`import * as core`, `require(…)`, `import("…")`, `export *`, a comment
// inside the braces) it lists for a person to fix. Tested in
// test/core-internal-imports.test.ts on test/fixtures/core-internal-imports.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CORE = "@scaleway-blocks/core";
const INTERNAL = `${CORE}/internal`;
const EXTENSIONS = /\.(?:[cm]?ts|tsx|[cm]?js|md)$/;
const SKIP_DIRS = new Set(["node_modules", "dist", ".turbo", "coverage"]);

/** Names (values and types) exported by core's internal entry, read from its source. */
export function internalNames(file = join(root, "packages", "core", "src", "internal.ts")) {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const names = new Set();
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const spec of m[1].split(",")) {
      const exported = spec
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (exported) names.add(exported);
    }
  }
  return names;
}

const STATEMENT = new RegExp(
  String.raw`(^|\n)([ \t]*)(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*(["'])${CORE.replace("/", "\\/")}\6(\s*;)?`,
  "g",
);
const UNSAFE = [
  { pattern: /import\s+\*\s+as\s+\w+\s+from\s+["']@scaleway-blocks\/core["']/, what: "namespace import" },
  { pattern: /require\(\s*["']@scaleway-blocks\/core["']\s*\)/, what: "require()" },
  { pattern: /import\(\s*["']@scaleway-blocks\/core["']\s*\)/, what: "dynamic import()" },
  { pattern: /export\s+\*\s+from\s+["']@scaleway-blocks\/core["']/, what: "export *" },
];

/** One specifier: `a`, `a as b`, `type A`, `type A as B`: the imported name decides where it comes from. */
function parseSpecifier(raw) {
  const text = raw.trim().replace(/\s+/g, " ");
  const typeOnly = text.startsWith("type ");
  const body = typeOnly ? text.slice(5) : text;
  return { text, imported: body.split(" as ")[0].trim() };
}

function statement(indent, keyword, typeKeyword, specifiers, from, semicolon) {
  return `${indent}${keyword}${typeKeyword ?? ""} { ${specifiers.map((s) => s.text).join(", ")} } from "${from}"${semicolon ?? ";"}`;
}

/**
 * The source with its core imports of internal names moved to the internal entry:
 * `{ text, moved: [names], unsafe: [what] }`.
 */
export function rewriteSource(source, internal = internalNames()) {
  const moved = [];
  const unsafe = UNSAFE.filter(({ pattern }) => pattern.test(source)).map(({ what }) => what);
  const text = source.replace(
    STATEMENT,
    (whole, lead, indent, keyword, typeKeyword, list, _quote, semicolon) => {
      if (/\/\/|\/\*/.test(list)) {
        unsafe.push("a comment inside an import's braces");
        return whole;
      }
      const specifiers = list
        .split(",")
        .filter((s) => s.trim() !== "")
        .map(parseSpecifier);
      const inner = specifiers.filter((s) => internal.has(s.imported));
      if (inner.length === 0) return whole;
      moved.push(...inner.map((s) => s.imported));
      const stable = specifiers.filter((s) => !internal.has(s.imported));
      const out = [];
      if (stable.length > 0) out.push(statement(indent, keyword, typeKeyword, stable, CORE, semicolon));
      out.push(statement(indent, keyword, typeKeyword, inner, INTERNAL, semicolon));
      return lead + out.join("\n");
    },
  );
  return { text, moved, unsafe };
}

function* sourceFiles(path) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (EXTENSIONS.test(path) && !path.endsWith(".d.ts") && !path.endsWith("CHANGELOG.md")) yield path;
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.isDirectory() && (SKIP_DIRS.has(entry.name) || entry.name.startsWith("."))) continue;
    yield* sourceFiles(join(path, entry.name));
  }
}

/** Formats the rewritten files with the repository's prettier, when it can be loaded. */
async function format(files) {
  let prettier;
  try {
    prettier = await import("prettier");
  } catch {
    console.warn("prettier not found: run `npx prettier --write` on the files above");
    return;
  }
  for (const file of files) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(readFileSync(file, "utf8"), { ...options, filepath: file }));
  }
}

/** Runs over packages or files; returns the exit code. */
export async function main(argv, { log = console.log, formatFiles = true } = {}) {
  const check = argv.includes("--check");
  const formatting = formatFiles && !argv.includes("--no-format");
  const paths = argv.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    log("usage: node scripts/core-internal-imports.mjs [--check] <package dir or file>…");
    return 2;
  }
  const internal = internalNames();
  const changed = [];
  let unsafeCount = 0;
  for (const path of paths) {
    for (const file of sourceFiles(path)) {
      const source = readFileSync(file, "utf8");
      if (!source.includes(CORE)) continue;
      const { text, moved, unsafe } = rewriteSource(source, internal);
      const shown = relative(process.cwd(), file);
      for (const what of unsafe) log(`${shown}: cannot rewrite a ${what} of ${CORE}: fix it by hand`);
      unsafeCount += unsafe.length;
      if (moved.length === 0) continue;
      log(`${shown}: ${moved.join(", ")} → ${INTERNAL}`);
      changed.push(file);
      if (!check) writeFileSync(file, text);
    }
  }
  if (!check && formatting && changed.length > 0) await format(changed);
  log(
    `${changed.length} file(s) ${check ? "import" : "now import"} internal names${check ? ` from ${CORE}` : ` from ${INTERNAL}`}` +
      (unsafeCount > 0 ? `; ${unsafeCount} import(s) to fix by hand` : ""),
  );
  if (check) return changed.length > 0 || unsafeCount > 0 ? 1 : 0;
  return unsafeCount > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
