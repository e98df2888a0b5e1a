// The README input/output tables (scripts/readme-tables.mjs, issue 16): generated from a block's documented
// args interface and its component class, on a toy package in a temp dir; and the repository's own READMEs
// are current (what CI checks: `node scripts/readme-tables.mjs --check`).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const root = join(__dirname, "..");

interface Block {
  readme: string;
  documented: boolean;
  inputs: string;
  outputs: string;
}
interface UpdateResult {
  stale: string[];
  missingMarkers: string[];
  undocumented: string[];
  current: string[];
}
interface Generator {
  blockModel: (root: string) => Block[];
  updateReadmes: (options: { root: string; check?: boolean }) => Promise<UpdateResult>;
  exitStatus: (result: UpdateResult, check: boolean) => number;
}

const generator = async () =>
  (await import(pathToFileURL(join(root, "scripts", "readme-tables.mjs")).href)) as Generator;

const FIXTURE_SOURCE = `
declare class ComponentResource { constructor(type: string, name: string); }

/** Where a demo lives. */
export interface DemoPlacement {
  /** The zone. Default "fr-par-1". */
  zone?: string;
}

/** The args of a Demo. */
export interface DemoArgs {
  /** The demo's size in GB. It can grow, not shrink. @default 10 */
  size?: number;
  /**
   * The demo's name, e.g. "shop".
   * **Changing it RECREATES the demo.**
   */
  name: string;
  /** Retention settings. Default: the profile's. */
  retention?: { /** Days kept. Default 7. */ days?: number };
  /** Where it runs. */
  placement?: DemoPlacement | "anywhere";
}

/** A demo block. */
export class Demo extends ComponentResource {
  /** The demo's id. */
  readonly id: string;
  /** The endpoint, once it is known. Set later. */
  readonly endpoint: { host: string; port: number } | undefined;
  private readonly hidden: string;
  static readonly TYPE = "demo";
  constructor(name: string, args: DemoArgs) {
    super(Demo_TYPE, name);
    this.id = args.name;
    this.endpoint = undefined;
    this.hidden = "";
  }
}
const Demo_TYPE = "demo";
`;

const README = (inputs: string, outputs: string) =>
  `# demo\n\n## Inputs\n\n<!-- inputs:start -->\n\n${inputs}\n\n<!-- inputs:end -->\n\n## Outputs\n\n` +
  `<!-- outputs:start -->\n\n${outputs}\n\n<!-- outputs:end -->\n`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "readme-tables-"));
  mkdirSync(join(dir, "packages", "demo", "src"), { recursive: true });
  writeFileSync(join(dir, "packages", "demo", "src", "index.ts"), FIXTURE_SOURCE);
  writeFileSync(join(dir, "packages", "demo", "README.md"), README("old", "old"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the generated tables", () => {
  it("list every args field with its type as written, whether it is required, its default and first sentence", async () => {
    const [block] = (await generator()).blockModel(dir);
    expect(block?.documented).toBe(true);
    expect(block?.inputs).toBe(
      [
        "### DemoArgs",
        "",
        "| Name | Type | Required | Default | Description |",
        "| --- | --- | --- | --- | --- |",
        "| `size` | `number` | no | 10 | The demo's size in GB. |",
        '| `name` | `string` | yes |  | The demo\'s name, e.g. "shop". **Changing it RECREATES the demo.** |',
        "| `retention` | `object` | no | the profile's | Retention settings. See [retention](#demoargsretention). |",
        '| `placement` | `DemoPlacement \\| "anywhere"` | no |  | Where it runs. See [DemoPlacement](#demoplacement). |',
        "",
        "### DemoArgs.retention",
        "",
        "| Name | Type | Required | Default | Description |",
        "| --- | --- | --- | --- | --- |",
        "| `days` | `number` | no | 7 | Days kept. |",
        "",
        "### DemoPlacement",
        "",
        "| Name | Type | Required | Default | Description |",
        "| --- | --- | --- | --- | --- |",
        '| `zone` | `string` | no | "fr-par-1" | The zone. |',
      ].join("\n"),
    );
  });

  it("list the component's public readonly properties, not its private or static ones", async () => {
    const [block] = (await generator()).blockModel(dir);
    expect(block?.outputs).toBe(
      [
        "| Name | Type | Description |",
        "| --- | --- | --- |",
        "| `id` | `string` | The demo's id. |",
        "| `endpoint` | `{ host: string; port: number } \\| undefined` | The endpoint, once it is known. |",
      ].join("\n"),
    );
  });

  it("follow a declaration file that changed since an earlier run in the same process", async () => {
    // Parsed declaration files (the TypeScript libs, the dependencies' types) are reused between runs
    // in one process only while their text is the same: here a base interface in a sibling .d.ts
    // whose doc comment changes, keeping its length (and so its size), between two runs.
    const src = join(dir, "packages", "demo", "src");
    const base = (doc: string) => `export interface DemoBase {\n  /** ${doc} */\n  days?: number;\n}\n`;
    writeFileSync(join(src, "base.d.ts"), base("Days kept."));
    writeFileSync(
      join(src, "index.ts"),
      `import type { DemoBase } from "./base";\n${FIXTURE_SOURCE.replace("DemoArgs {", "DemoArgs extends DemoBase {")}`,
    );
    const { blockModel } = await generator();
    const row = () =>
      blockModel(dir)[0]
        ?.inputs.split("\n")
        .find((line) => line.startsWith("| `days`"));
    expect(row()).toBe("| `days` | `number` | no |  | Days kept. |");
    writeFileSync(join(src, "base.d.ts"), base("Logs kept."));
    expect(row()).toBe("| `days` | `number` | no |  | Logs kept. |");
  });

  it("skip a block whose args are not a documented interface yet", async () => {
    writeFileSync(
      join(dir, "packages", "demo", "src", "index.ts"),
      // As args derived from a zod schema are: properties from an object literal, no doc comments.
      `${FIXTURE_SOURCE.replace("args: DemoArgs", "args: Partial<typeof demoShape>")}\nconst demoShape = { size: 1 };`,
    );
    const { updateReadmes } = await generator();
    const result = await updateReadmes({ root: dir, check: true });
    expect(result).toMatchObject({ undocumented: [join("packages", "demo", "README.md")], stale: [] });
  });
});

describe("--check", () => {
  it("names a README whose tables are stale, and passes once they are rewritten", async () => {
    const { updateReadmes, exitStatus } = await generator();
    const readme = join("packages", "demo", "README.md");
    const stale = await updateReadmes({ root: dir, check: true });
    expect(stale.stale).toEqual([readme]);
    expect(exitStatus(stale, true), "--check exits 1").toBe(1);
    expect(readFileSync(join(dir, readme), "utf8"), "--check writes nothing").toBe(README("old", "old"));

    const rewrite = await updateReadmes({ root: dir });
    expect(rewrite.stale).toEqual([readme]);
    expect(exitStatus(rewrite, false), "the rewrite exits 0").toBe(0);
    expect(readFileSync(join(dir, readme), "utf8")).toContain("| `size` ");
    const current = await updateReadmes({ root: dir, check: true });
    expect(current).toMatchObject({ stale: [], current: [readme] });
    expect(exitStatus(current, true), "--check exits 0 once current").toBe(0);
  });

  it("exits 1 from the command line with --check, naming the stale README, and 0 from the rewrite, which leaves it current", async () => {
    // The command line's exit status for current tables (0) is exitStatus()'s, checked above.
    const script = join(root, "scripts", "readme-tables.mjs");
    const readme = join("packages", "demo", "README.md");
    const stale = spawnSync(process.execPath, [script, "--check", "--root", dir], { encoding: "utf8" });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(readme);
    expect(readFileSync(join(dir, readme), "utf8"), "--check writes nothing").toBe(README("old", "old"));
    const rewrite = spawnSync(process.execPath, [script, "--root", dir], { encoding: "utf8" });
    expect(rewrite.status).toBe(0);
    expect(rewrite.stderr).toContain(`${readme}: tables rewritten`);
    const { updateReadmes } = await generator();
    expect(await updateReadmes({ root: dir, check: true })).toMatchObject({ stale: [], current: [readme] });
  });

  it("names a documented block whose README has no markers", async () => {
    writeFileSync(join(dir, "packages", "demo", "README.md"), "# demo\n");
    const { updateReadmes } = await generator();
    const result = await updateReadmes({ root: dir, check: true });
    expect(result.missingMarkers).toEqual([join("packages", "demo", "README.md")]);
    const { exitStatus } = await generator();
    expect(exitStatus(result, true), "--check exits 1").toBe(1);
    expect(exitStatus(result, false), "so does the rewrite").toBe(1);
  });
});
describe("the repository's block READMEs", () => {
  it("carry the tables their sources generate today (run `node scripts/readme-tables.mjs` to refresh)", async () => {
    const { updateReadmes } = await generator();
    const result = await updateReadmes({ root, check: true });
    expect(result.missingMarkers, "READMEs without the table markers").toEqual([]);
    expect(result.stale, "READMEs with stale tables").toEqual([]);
    expect(result.current.length, "at least one block has documented args").toBeGreaterThan(0);
  });
});
