import { describe, expect, it } from "vitest";
import { extractSnippets } from "../src/extract";
import { generateModule } from "../src/generate";

const md = (...lines: string[]) => lines.join("\n");

describe("extractSnippets", () => {
  it("takes ts blocks and leaves other languages alone", () => {
    const snippets = extractSnippets(md("```sh", "npm i", "```", "", "```ts", "const a = 1;", "```"), "R.md");
    expect(snippets.map((s) => [s.line, s.code])).toEqual([[6, "const a = 1;"]]);
  });

  it("appends a continued block to the snippet before it, keeping each line's place in the file", () => {
    const [snippet, ...rest] = extractSnippets(
      md("```ts", "const a = 1;", "```", "text", "```ts continued", "console.log(a);", "```"),
      "R.md",
    );
    expect(rest).toEqual([]);
    expect(snippet?.code).toBe("const a = 1;\nconsole.log(a);");
    expect(snippet?.lines).toEqual([2, 6]);
  });

  it("reads the error a snippet must throw from the fence", () => {
    const [snippet] = extractSnippets(md("```ts throws=ConfigError", "f();", "```"), "R.md");
    expect(snippet?.throws).toBe("ConfigError");
  });
});

describe("generateModule", () => {
  it("hoists imports, drops export and returns the exported values", () => {
    const [snippet] = extractSnippets(
      md("```ts", 'import { a } from "x";', "export const out = a;", 'import { b } from "y";', "```"),
      "R.md",
    );
    const generated = generateModule(snippet!);
    const lines = generated.text.split("\n");
    expect(lines.findIndex((l) => l.includes('from "y"'))).toBeLessThan(
      lines.findIndex((l) => l.startsWith("export async function program")),
    );
    expect(generated.text).toContain("const out = a;");
    expect(generated.text).not.toContain("export const out");
    expect(generated.exports).toEqual(["out"]);
  });

  it("treats a block importing it and expect from vitest as a test file", () => {
    const [snippet] = extractSnippets(md("```ts", 'import { expect, it } from "vitest";', "```"), "R.md");
    expect(generateModule(snippet!).isTest).toBe(true);
  });

  it("refuses other vitest imports, naming the README line", () => {
    const [snippet] = extractSnippets(md("", "```ts", 'import { describe } from "vitest";', "```"), "R.md");
    expect(() => generateModule(snippet!)).toThrow(
      'R.md:3: README tests may import only { it, expect } from "vitest"',
    );
  });
});
