import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const fixture = join(__dirname, "fixtures", "output-in-template.ts");

describe("the lint guard against Outputs in strings", () => {
  it("reports every line that turns an Output into a string, and only those", async () => {
    const eslint = new ESLint({ cwd: join(__dirname, ".."), ignore: false });
    const [result] = await eslint.lintFiles([fixture]);
    const flagged = new Set(
      result!.messages
        .filter((m) =>
          [
            "@typescript-eslint/restrict-template-expressions",
            "@typescript-eslint/no-base-to-string",
          ].includes(m.ruleId ?? ""),
        )
        .map((m) => m.line),
    );
    const bugLines = readFileSync(fixture, "utf8")
      .split("\n")
      .flatMap((line, i) => (line.includes("// BUG") ? [i + 1] : []));
    expect(bugLines).toHaveLength(2);
    expect([...flagged].sort()).toEqual(bugLines);
  });
});
