import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// The script is an ES module and this test a CommonJS one: load it with import().
import type * as ToolsModule from "../scripts/pulumi-tools.mjs" with { "resolution-mode": "import" };
import type { PinnedTool, PinnedTools } from "../scripts/pulumi-tools.mjs" with {
  "resolution-mode": "import",
};

type Tools = typeof ToolsModule;
let allTools: Tools["allTools"];
let checkPins: Tools["checkPins"];
let checkTestTools: Tools["checkTestTools"];
let explainGoError: Tools["explainGoError"];
let parseGoModReplaces: Tools["parseGoModReplaces"];
let pseudoVersion: Tools["pseudoVersion"];
let toolsBaseDir: Tools["toolsBaseDir"];
let toolsKey: Tools["toolsKey"];
let wrap: Tools["wrap"];
let catalog: Record<string, string>;
let versions: PinnedTools;

beforeAll(async () => {
  const tools = await import("../scripts/pulumi-tools.mjs");
  ({
    allTools,
    checkPins,
    checkTestTools,
    explainGoError,
    parseGoModReplaces,
    pseudoVersion,
    toolsBaseDir,
    toolsKey,
    wrap,
  } = tools);
  catalog = tools.parseCatalog(readFileSync(join(__dirname, "..", "pnpm-workspace.yaml"), "utf8"));
  versions = JSON.parse(readFileSync(tools.versionsFile, "utf8")) as PinnedTools;
});

const clone = (): PinnedTools => structuredClone(versions);
const tool = (tools: PinnedTools, binary: string): PinnedTool =>
  tools.tools.find((t) => t.binary === binary)!;

describe("the pinned Pulumi tools", () => {
  it("reads the npm pins from pnpm-workspace.yaml's catalog", () => {
    expect(catalog["@pulumi/pulumi"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(catalog["@pulumiverse/scaleway"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(catalog["@pulumi/random"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("agree with the npm pins: SDK = CLI = language host, each plugin = its SDK package", () => {
    expect(checkPins(versions, catalog)).toEqual([]);
    expect(tool(versions, "pulumi").release).toBe(catalog["@pulumi/pulumi"]);
    expect(tool(versions, "pulumi-language-nodejs").release).toBe(catalog["@pulumi/pulumi"]);
    expect(tool(versions, "pulumi-resource-scaleway").release).toBe(catalog["@pulumiverse/scaleway"]);
    expect(tool(versions, "pulumi-resource-random").release).toBe(catalog["@pulumi/random"]);
  });

  it("fails when the CLI is not the SDK's version", () => {
    const bumped = clone();
    Object.assign(tool(bumped, "pulumi"), {
      release: "3.249.0",
      tag: "v3.249.0",
      version: "v3.249.0",
      stamp: "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.249.0",
    });
    expect(checkPins(bumped, catalog)).toEqual([
      "pulumi: release 3.249.0 but @pulumi/pulumi is pinned to 3.248.0",
    ]);
  });

  it("fails when the npm pin moves and the tools do not", () => {
    const moved = { ...catalog, "@pulumiverse/scaleway": "1.55.0", "@pulumi/random": "4.22.0" };
    expect(checkPins(versions, moved)).toEqual([
      "pulumi-resource-scaleway: release 1.54.0 but @pulumiverse/scaleway is pinned to 1.55.0",
      "pulumi-resource-random: release 4.21.2 but @pulumi/random is pinned to 4.22.0",
    ]);
  });

  it("fails on a language host, a stamp or a pseudo-version of another release", () => {
    const wrong = clone();
    tool(wrong, "pulumi-language-nodejs").stamp =
      "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.1.0";
    tool(wrong, "pulumi-resource-scaleway").version = "v0.0.0-20260101000000-84311c2a8c47";
    tool(wrong, "pulumi-resource-random").tag = "v4.21.1";
    expect(checkPins(wrong, catalog)).toEqual([
      "pulumi-language-nodejs: stamps version v3.1.0, not 3.248.0",
      "pulumi-resource-scaleway: version v0.0.0-20260101000000-84311c2a8c47, but the commit of v1.54.0 is " +
        "v0.0.0-20260731071018-84311c2a8c47",
      "pulumi-resource-random: tag v4.21.1 is not v4.21.2",
      "pulumi-resource-random: commitFrom github.com/pulumi/pulumi-random/sdk/v4@v4.21.2 is not a module at tag v4.21.1",
    ]);
  });

  it("fails when a tool the engine tests need is missing, or a pin is a range", () => {
    const fewer = clone();
    fewer.tools = fewer.tools.filter((t) => t.binary !== "pulumi-resource-random");
    expect(checkPins(fewer, { ...catalog, "@pulumi/pulumi": "^3.248.0" })).toEqual([
      "pulumi-resource-random: missing (it must match the npm pin of @pulumi/random)",
      'pulumi: @pulumi/pulumi is pinned to "^3.248.0", not an exact version',
      'pulumi-language-nodejs: @pulumi/pulumi is pinned to "^3.248.0", not an exact version',
    ]);
  });

  it("computes Go pseudo-versions the way the go command does", () => {
    expect(
      pseudoVersion(
        "github.com/pulumiverse/pulumi-scaleway/provider",
        "2026-07-31T07:10:18Z",
        "84311c2a8c4742bb4056c2daaf7cd8671d24a81b",
      ),
    ).toBe("v0.0.0-20260731071018-84311c2a8c47");
    expect(
      pseudoVersion(
        "github.com/pulumi/pulumi-random/provider/v4",
        "2026-09-17T13:22:58+02:00",
        "b62f810278b9",
      ),
    ).toBe("v4.0.0-20260917112258-b62f810278b9");
    expect(() => pseudoVersion("example.com/m", "2026-01-01T00:00:00Z", "not-a-hash")).toThrow(/commit/);
  });

  it("keys the cache by the versions", () => {
    const key = toolsKey(versions);
    expect(key).toMatch(/^pulumi-3\.248\.0_scaleway-1\.54\.0_random-4\.21\.2_[0-9a-f]{10}$/);
    const other = clone();
    tool(other, "pulumi-resource-scaleway").version = "v0.0.0-20260731071018-000000000000";
    expect(toolsKey(other)).not.toBe(key);
    expect(toolsKey(clone())).toBe(key);
  });

  it("puts the cache outside the work tree, in XDG_CACHE_HOME or an explicit directory", () => {
    expect(toolsBaseDir({}, "/home/u")).toBe("/home/u/.cache/scaleway-blocks/pulumi-tools");
    expect(toolsBaseDir({ XDG_CACHE_HOME: "/c" }, "/home/u")).toBe("/c/scaleway-blocks/pulumi-tools");
    expect(toolsBaseDir({ SCALEWAY_BLOCKS_TOOLS_DIR: "/t", XDG_CACHE_HOME: "/c" }, "/home/u")).toBe("/t");
  });

  it("reads the replace lines of a go.mod, single and in blocks", () => {
    const goMod = [
      "module github.com/pulumi/pulumi/pkg/v3",
      "replace github.com/pulumi/pulumi/sdk/v3 => ../sdk",
      "replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e",
      "replace (",
      "\tgithub.com/a/b v1.0.0 => github.com/c/d v1.2.3 // why",
      ")",
      "require github.com/x/y v1.0.0",
    ].join("\n");
    expect(parseGoModReplaces(goMod)).toEqual([
      { from: "github.com/pulumi/pulumi/sdk/v3", to: "../sdk" },
      {
        from: "github.com/atotto/clipboard",
        to: "github.com/tgummerer/clipboard",
        toVersion: "v0.0.0-20241001131231-d02d263e614e",
      },
      { from: "github.com/a/b", fromVersion: "v1.0.0", to: "github.com/c/d", toVersion: "v1.2.3" },
    ]);
  });

  it("explains a refused module, an unreachable proxy, and keeps progress lines within 120 columns", () => {
    expect(
      explainGoError(
        "reading …: 403 Forbidden\n\tserver response: This module version is not available.",
        "m@v",
        "p",
      ),
    ).toBe('the Go module proxy refuses m@v ("This module version is not available")');
    expect(explainGoError("dial tcp: lookup proxy.example: no such host", "m@v", "https://p")).toBe(
      "the Go module proxy (https://p) cannot be reached while fetching m@v",
    );
    const lines = wrap(`[tools] ${"word ".repeat(80)}`);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
  });
});

describe("the engine tests' own tools", () => {
  it("are the YAML language host and the versitygw S3 server, at release tags", () => {
    expect(checkTestTools(versions)).toEqual([]);
    expect(versions.testTools?.map((t) => [t.binary, t.module, t.version])).toEqual([
      ["pulumi-language-yaml", "github.com/pulumi/pulumi-yaml", "v1.25.0"],
      ["versitygw", "github.com/versity/versitygw", "v1.8.0"],
    ]);
    expect(allTools(versions).map((t) => t.binary)).toEqual([
      "pulumi",
      "pulumi-language-nodejs",
      "pulumi-resource-scaleway",
      "pulumi-resource-random",
      "pulumi-language-yaml",
      "versitygw",
    ]);
  });

  it("fails on a pseudo-version, a stamp of another version, or a name a pinned tool has", () => {
    const wrong = clone();
    wrong.testTools = [
      { ...wrong.testTools![0]!, version: "v1.25.1-0.20260101000000-abcdefabcdef" },
      { ...wrong.testTools![1]!, stamp: "main.Version=v1.7.0" },
      { ...wrong.testTools![1]!, binary: "pulumi" },
    ];
    expect(checkTestTools(wrong)).toEqual([
      "pulumi-language-yaml: version v1.25.1-0.20260101000000-abcdefabcdef is not a release tag vX.Y.Z",
      "pulumi-language-yaml: stamps version v1.25.0, not v1.25.1-0.20260101000000-abcdefabcdef",
      "versitygw: stamps version v1.7.0, not v1.8.0",
      "pulumi: listed twice",
    ]);
  });

  it("do not change the cache key of the pinned tools (they are cached by their own markers)", () => {
    const without = clone();
    delete without.testTools;
    expect(toolsKey(without)).toBe(toolsKey(versions));
  });
});
