import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as main from "../src/index";
import * as internal from "../src/internal";

/** The stable API, as a user of the blocks sees it: the spec the two entries are checked against. */
const STABLE_VALUES = [
  "ConfigError",
  "formatConfigError",
  "StackConfigError",
  "formatStackConfigError",
  "ENVIRONMENTS",
  "environmentProfile",
  "REGIONS",
  "ZONES",
  "REGIONS_BY_PRODUCT",
  "ZONES_BY_PRODUCT",
  "regionFor",
  "zoneFor",
  "regionOfZone",
  "defaultZone",
  "backupRegionFor",
  "s3Host",
  "s3Endpoint",
  "NAME_LIMITS",
  "NAME_PATTERN",
  "resourceName",
  "TAG_MAX_LENGTH",
  "RESERVED_TAG_KEYS",
  "scalewayTags",
  "ObjectLockMode",
];

const source = (file: string) => readFileSync(join(__dirname, "..", file), "utf8");

/** Names in `export { … }` (or `export type { … }`) lists of a source file. */
function exportedNames(text: string, kind: "value" | "type"): string[] {
  const pattern = kind === "type" ? /export type \{([^}]*)\}/g : /export \{([^}]*)\}/g;
  return [...text.matchAll(pattern)].flatMap((m) =>
    m[1]!
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== ""),
  );
}

/** The names listed after `label` in internal.ts's header comment. */
function commentList(label: string): string[] {
  const header = source("src/internal.ts").split("*/")[0]!;
  const start = header.indexOf(label);
  const block = header.slice(header.indexOf(":", start) + 1).split(/\n \*\s*\n| \* Stable| \* Until/)[0]!;
  return block
    .replace(/\n \*/g, " ")
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
}

describe("core's entries", () => {
  it("the main entry's own exports are exactly the stable values", () => {
    expect(exportedNames(source("src/index.ts"), "value").sort()).toEqual([...STABLE_VALUES].sort());
  });

  it("the main entry exports the stable values only, and the internal entry every other one", () => {
    const internalNames = Object.keys(internal);
    expect(internalNames.filter((n) => STABLE_VALUES.includes(n))).toEqual([]);
    expect(Object.keys(main).sort()).toEqual([...STABLE_VALUES].sort());
  });

  it("internal.ts's header lists the stable values and types the main entry exports", () => {
    expect(commentList("Stable values").sort()).toEqual([...STABLE_VALUES].sort());
    expect(commentList("Stable types").sort()).toEqual(exportedNames(source("src/index.ts"), "type").sort());
  });

  it("no type is exported from both entries", () => {
    const stableTypes = exportedNames(source("src/index.ts"), "type");
    expect(exportedNames(source("src/internal.ts"), "type").filter((n) => stableTypes.includes(n))).toEqual(
      [],
    );
  });

  it("package.json publishes the internal entry with its types", () => {
    const manifest = JSON.parse(source("package.json")) as { exports: Record<string, unknown> };
    expect(manifest.exports["./internal"]).toEqual({
      types: "./dist/internal.d.ts",
      default: "./dist/internal.js",
    });
  });
});
