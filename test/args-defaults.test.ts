// A block's args interface documents each default (`@default`, shown in the README's inputs table); its
// zod schema applies the defaults it has with `.default(value)`. The compile-time check
// (AssertSameShape) compares the two's types, not their values: this test compares the values, for
// every args interface whose schema is exported as `<interfaceName>Schema` from the block's built
// `dist/args.js` (issue 16). Defaults that come from the environment profile are not in the schema.
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const nodeRequire = createRequire(join(root, "package.json"));

interface Field {
  name: string;
  required: boolean;
  defaultValue: string;
}
interface Block {
  dir: string;
  documented: boolean;
  tables?: { title: string; fields: Field[] }[];
}
interface ZodLike {
  shape?: Record<string, { _zod?: { def?: { type?: string; defaultValue?: unknown } } }>;
}

/** One field whose schema has a `.default(value)`, with what its interface documents. */
interface Checked {
  where: string;
  schemaDefault: unknown;
  documented: string;
}

/** Text compared without spaces or quotes: `[{ name: "main" }]` reads as `[{"name":"main"}]`. */
const normalized = (text: string) => text.replace(/[\s"'`]/g, "");

/** Whether an interface's @default text states the schema's default value. */
function documents(documented: string, schemaDefault: unknown): boolean {
  return normalized(documented).includes(normalized(JSON.stringify(schemaDefault)));
}

let checked: Checked[] = [];
beforeAll(async () => {
  const { blockModel } = (await import(pathToFileURL(join(root, "scripts", "readme-tables.mjs")).href)) as {
    blockModel: (root: string) => Block[];
  };
  checked = blockModel(root).flatMap((block) => {
    const built = join(block.dir, "dist", "args.js");
    if (!block.documented || !block.tables || !existsSync(built)) return [];
    const schemas = nodeRequire(built) as Record<string, ZodLike | undefined>;
    return block.tables.flatMap(({ title, fields }) => {
      const shape = schemas[`${title[0]!.toLowerCase()}${title.slice(1)}Schema`]?.shape;
      if (!shape) return [];
      return fields.flatMap((field) => {
        const def = shape[field.name]?._zod?.def;
        if (def?.type !== "default") return [];
        return [
          {
            where: `${title}.${field.name}`,
            schemaDefault: def.defaultValue,
            documented: field.defaultValue,
          },
        ];
      });
    });
  });
});

describe("documented defaults", () => {
  it("reads the same text whatever its spacing and quotes", () => {
    expect(documents('[{ name: "main" }] (172.16.0.0/22), in every environment', [{ name: "main" }])).toBe(
      true,
    );
    expect(documents("false in every environment", false)).toBe(true);
    expect(documents('"PostgreSQL-16"', "PostgreSQL-17")).toBe(false);
  });

  it("finds schema defaults in the built blocks (build them first)", () => {
    expect(checked.length).toBeGreaterThan(5);
  });

  it("every schema default is the @default its args interface documents", () => {
    const wrong = checked
      .filter(({ schemaDefault, documented }) => !documents(documented, schemaDefault))
      .map(
        ({ where, schemaDefault, documented }) =>
          `${where}: schema ${JSON.stringify(schemaDefault)}, documented "${documented}"`,
      );
    expect(wrong).toEqual([]);
  });
});
