// Writes schema/plan.schema.json and schema/usage.schema.json from the zod schemas of the plan document
// and the usage file (run after a build):
//   npx tsc -p tsconfig.build.json && node scripts/generate-schema.mjs
// test/schema.test.ts and test/usage.test.ts fail when a shipped file and its zod schema disagree.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { planJsonSchema } = require(join(here, "..", "dist", "schema.js"));
const { usageJsonSchema } = require(join(here, "..", "dist", "usage.js"));
for (const [file, schema] of [
  ["plan.schema.json", planJsonSchema()],
  ["usage.schema.json", usageJsonSchema()],
]) {
  const target = join(here, "..", "schema", file);
  let text = `${JSON.stringify(schema, null, 2)}\n`;
  try {
    const prettier = await import("prettier");
    const options = (await prettier.resolveConfig(target)) ?? {};
    text = await prettier.format(text, { ...options, filepath: target });
  } catch {
    // prettier is a workspace tool; without it the file is still valid JSON
  }
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
