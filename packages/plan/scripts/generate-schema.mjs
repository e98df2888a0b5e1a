// Writes schema/plan.schema.json from the zod schema of the plan document (run after a build):
//   npx tsc -p tsconfig.build.json && node scripts/generate-schema.mjs
// test/schema.test.ts fails when the shipped file and the zod schema disagree.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { planJsonSchema } = require(join(here, "..", "dist", "schema.js"));
const target = join(here, "..", "schema", "plan.schema.json");
let text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
try {
  const prettier = await import("prettier");
  const options = (await prettier.resolveConfig(target)) ?? {};
  text = await prettier.format(text, { ...options, filepath: target });
} catch {
  // prettier is a workspace tool; without it the file is still valid JSON
}
writeFileSync(target, text);
console.log(`wrote ${target}`);
