#!/usr/bin/env node
// Scaffolds a building block in the one package shape of DESIGN.md:
//   node scripts/new-package.mjs <block> "<description>" [--dep @scaleway-blocks/x ...]
// Then run `pnpm install` once and write src/<block>.ts, src/args.ts, tests and README.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [block, description, ...rest] = process.argv.slice(2);
if (!block || !/^[a-z][a-z0-9-]*$/.test(block) || !description) {
  console.error('usage: node scripts/new-package.mjs <block> "<description>" [--dep @scaleway-blocks/x ...]');
  process.exit(2);
}
const internalDeps = [];
for (let i = 0; i < rest.length; i++) if (rest[i] === "--dep" && rest[i + 1]) internalDeps.push(rest[++i]);

const dir = join(root, "packages", block);
if (existsSync(join(dir, "package.json"))) {
  console.error(`packages/${block} already exists`);
  process.exit(1);
}
const template = JSON.parse(readFileSync(join(root, "packages", "core", "package.json"), "utf8"));
const pkg = {
  ...template,
  name: `@scaleway-blocks/${block}`,
  version: "0.0.0",
  description,
  repository: { ...template.repository, directory: `packages/${block}` },
  dependencies: {
    "@pulumiverse/scaleway": "catalog:",
    "@scaleway-blocks/core": "workspace:^",
    ...Object.fromEntries(internalDeps.map((d) => [d, "workspace:^"])),
    zod: "catalog:",
  },
  devDependencies: {
    "@pulumi/pulumi": "catalog:",
    "@scaleway-blocks/testing": "workspace:*",
  },
};
mkdirSync(join(dir, "src"), { recursive: true });
mkdirSync(join(dir, "test"), { recursive: true });
writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
for (const file of ["tsconfig.json", "tsconfig.build.json"]) {
  writeFileSync(join(dir, file), readFileSync(join(root, "packages", "core", file)));
}
console.log(`created packages/${block}; now run pnpm install`);
