#!/usr/bin/env node
// Writes node_modules/.cache/scaleway-blocks/dependencies.d.ts: the hash of the pnpm-lock.yaml that was
// installed, as a comment of an empty module. Run after every `pnpm install` (the root `postinstall`).
// Every tsconfig.build.json includes it because `tsc -b` decides that a project is up to date from the
// timestamps of the project's own files, its tsconfig files and its references' outputs, never from
// node_modules: after a dependency changes, the packages would keep a dist/ built against the old
// declarations (and their type errors against the new ones unreported). The file changes (and so its
// timestamp) exactly when the installed lockfile does; tsc -b then opens the program, and its
// incremental build info finds which declarations really changed.
//   node scripts/dependency-stamp.mjs [<workspace root>]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const lockfile = join(root, "pnpm-lock.yaml");
const stamp = join(root, "node_modules", ".cache", "scaleway-blocks", "dependencies.d.ts");
const hash = existsSync(lockfile)
  ? createHash("sha256").update(readFileSync(lockfile)).digest("hex")
  : "none";
const text =
  `// The installed pnpm-lock.yaml, sha256 ${hash} (scripts/dependency-stamp.mjs): part of every\n` +
  "// package's build so that tsc -b rebuilds when the dependencies change.\nexport {};\n";
// Rewritten only when it changes: its timestamp is what tsc -b compares.
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== text) {
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, text);
}
