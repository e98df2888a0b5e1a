#!/usr/bin/env node
// Scaffolds a building block in the one package shape of DESIGN.md:
//   node scripts/new-package.mjs <block> "<description>" [--dep @scaleway-blocks/x ...]
// Then run `pnpm install` once and write src/<block>.ts, src/args.ts, tests and README.
import { execFileSync } from "node:child_process";
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
writeFileSync(join(dir, "tsconfig.json"), readFileSync(join(root, "packages", "core", "tsconfig.json")));
// The build config references the build configs of the workspace packages it depends on, and the root
// solution (tsconfig.build.json, `pnpm build:all`) lists the package: test/build-graph.test.ts.
const buildConfig = JSON.parse(readFileSync(join(root, "packages", "core", "tsconfig.build.json"), "utf8"));
const workspaceDeps = [...new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])]
  .filter((name) => name.startsWith("@scaleway-blocks/"))
  .sort();
buildConfig.references = workspaceDeps.map((name) => ({
  path: `../${name.slice("@scaleway-blocks/".length)}/tsconfig.build.json`,
}));
writeFileSync(join(dir, "tsconfig.build.json"), `${JSON.stringify(buildConfig, null, 2)}\n`);
const solutionFile = join(root, "tsconfig.build.json");
const solution = readFileSync(solutionFile, "utf8");
const entry = `{ "path": "./packages/${block}/tsconfig.build.json" }`;
writeFileSync(
  solutionFile,
  solution.replace(/\n(\s*)\]\s*\}\s*$/, (end, indent) => `,\n${indent}  ${entry}${end}`),
);
// In the repository's format (the CI runs prettier --check).
execFileSync(join(root, "node_modules", ".bin", "prettier"), ["--write", solutionFile, dir], {
  stdio: "ignore",
});
console.log(`created packages/${block}; now run pnpm install`);
