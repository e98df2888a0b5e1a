import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS, CONFIG_NAMESPACE } from "../src/config";
import { PROJECT_DIR, STACKS, stackYaml } from "./stacks";

const readme = readFileSync(join(PROJECT_DIR, "README.md"), "utf8");

/** The keys of the configuration table (first cell of each row), e.g. "platform:api.minScale". */
const documented = new Set(
  readme
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...line.split("|")[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)),
);

/** Leaf settings of a stack file: "platform:api.image.tag"; cron names become "<name>". */
function settingsOf(config: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (path: string, value: unknown, parentKey: string): void => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        const segment = parentKey === "crons" ? "<name>" : key;
        walk(`${path}.${segment}`, child, key);
      }
    } else out.push(path);
  };
  for (const [key, value] of Object.entries(config)) walk(key, value, key);
  return out;
}

function isDocumented(setting: string): boolean {
  // A row may document a whole mapping ("platform:api.image", "platform:monitoring.budget.thresholds").
  const parts = setting.split(".");
  return parts.some((_, i) => documented.has(parts.slice(0, i + 1).join(".")));
}

describe("the README's configuration table", () => {
  it.each(STACKS)("documents every setting Pulumi.%s.yaml uses", (stack) => {
    const undocumented = settingsOf(stackYaml(stack))
      .filter((s) => s.startsWith(`${CONFIG_NAMESPACE}:`) || s.startsWith("scaleway:"))
      .filter((s) => !isDocumented(s));
    expect(undocumented).toEqual([]);
  });

  it("documents every top-level key the schema knows", () => {
    expect(CONFIG_KEYS.filter((k) => ![...documented].some((d) => d === k || d.startsWith(`${k}.`)))).toEqual(
      [],
    );
  });
});
