// scripts/core-internal-imports.mjs (issue 16): moves a package's imports of core's internal names to
// @scaleway-blocks/core/internal, on the toy package of test/fixtures/core-internal-imports.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

interface Script {
  internalNames(file?: string): Set<string>;
  rewriteSource(source: string, internal?: Set<string>): { text: string; moved: string[]; unsafe: string[] };
  main(argv: string[], options?: { log?: (line: string) => void; formatFiles?: boolean }): Promise<number>;
}

const root = join(__dirname, "..");
const fixture = join(root, "test", "fixtures", "core-internal-imports");
let script: Script;
let dir: string | undefined;

beforeAll(async () => {
  script = (await import(pathToFileURL(join(root, "scripts", "core-internal-imports.mjs")).href)) as Script;
});

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function files(base: string): string[] {
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name)))
    .sort();
}

/** The fixture's input as a package in a temp dir, its `.ts.txt` files renamed `.ts`. */
function toyPackage(): string {
  dir = mkdtempSync(join(tmpdir(), "core-internal-imports-"));
  cpSync(join(fixture, "input"), dir, { recursive: true });
  for (const file of files(dir)) renameSync(join(dir, file), join(dir, file.replace(/\.txt$/, "")));
  return dir;
}

describe("core-internal-imports", () => {
  it("reads the internal names from core's src/internal.ts, none of them stable", () => {
    const names = script.internalNames();
    expect(names.has("parseArgs")).toBe(true);
    expect(names.has("AssertSameShape")).toBe(true);
    expect(names.has("ConfigError")).toBe(false);
    expect(names.has("REGIONS")).toBe(false);
  });

  it("rewrites the toy package into the expected one", async () => {
    const pkg = toyPackage();
    const lines: string[] = [];
    expect(await script.main([pkg, "--no-format"], { log: (l) => lines.push(l) })).toBe(1);
    const expectedDir = join(fixture, "expected");
    const expected = files(expectedDir);
    expect(files(pkg)).toEqual(expected.map((f) => f.replace(/\.txt$/, "")));
    for (const file of expected) {
      expect(readFileSync(join(pkg, file.replace(/\.txt$/, "")), "utf8"), file).toBe(
        readFileSync(join(expectedDir, file), "utf8"),
      );
    }
    expect(lines.join("\n")).toContain("cannot rewrite a namespace import");
  });

  it("--check lists the files to rewrite and changes nothing", async () => {
    const pkg = toyPackage();
    const before = files(pkg).map((f) => readFileSync(join(pkg, f), "utf8"));
    const lines: string[] = [];
    expect(await script.main(["--check", pkg], { log: (l) => lines.push(l) })).toBe(1);
    expect(files(pkg).map((f) => readFileSync(join(pkg, f), "utf8"))).toEqual(before);
    expect(lines.some((l) => l.includes("component.ts: blockContext, parseArgs, AssertSameShape"))).toBe(
      true,
    );
  });

  it("splits a statement that mixes stable and internal names, keeping aliases and type modifiers", () => {
    const { text, moved } = script.rewriteSource(
      'import { ConfigError, parseArgs as parse, type BlockContext } from "@scaleway-blocks/core";\n',
    );
    expect(text).toBe(
      'import { ConfigError } from "@scaleway-blocks/core";\n' +
        'import { parseArgs as parse, type BlockContext } from "@scaleway-blocks/core/internal";\n',
    );
    expect(moved).toEqual(["parseArgs", "BlockContext"]);
  });

  it("leaves stable-only imports and other packages alone", () => {
    const source =
      'import { REGIONS } from "@scaleway-blocks/core";\nimport { parseArgs } from "@scaleway-blocks/testing";\n';
    expect(script.rewriteSource(source).text).toBe(source);
  });
});
