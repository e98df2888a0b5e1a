// What every published package promises its installers: a @pulumi/pulumi peer floor no lower than its
// dependencies need, internal dependencies that follow minor releases, and source maps whose sources ship.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

const published = readdirSync(join(root, "packages"))
  .map((dir) => join(root, "packages", dir))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, manifest: readJson<Manifest>(join(dir, "package.json")) }))
  .filter(({ manifest }) => !manifest.private);

/** The lowest version a range admits: "^3.204.0" → [3, 204, 0]. Only the forms our manifests use. */
function floor(range: string): [number, number, number] {
  const match = /^(?:\^|~|>=\s*)?(\d+)\.(\d+)\.(\d+)/.exec(range.trim());
  if (!match) throw new Error(`cannot read the floor of the range "${range}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const atLeast = (a: number[], b: number[]) => {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

/** The @pulumi/pulumi ranges that a package's installed runtime dependencies ask for. */
function pulumiRangesOfDependencies(dir: string, manifest: Manifest): { from: string; range: string }[] {
  const ranges: { from: string; range: string }[] = [];
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (dep.startsWith("@scaleway-blocks/")) continue; // checked as packages of their own
    // pnpm links every declared dependency into the package's own node_modules (exports maps may hide
    // package.json from require.resolve).
    const depManifest = readJson<Manifest & { version: string }>(
      join(dir, "node_modules", dep, "package.json"),
    );
    const range =
      depManifest.peerDependencies?.["@pulumi/pulumi"] ?? depManifest.dependencies?.["@pulumi/pulumi"];
    if (range) ranges.push({ from: `${dep}@${depManifest.version}`, range });
  }
  return ranges;
}

describe.each(published.map((p) => [p.manifest.name, p] as const))("%s", (_name, { dir, manifest }) => {
  it("asks for a @pulumi/pulumi peer no older than any of its dependencies needs", () => {
    const peer = manifest.peerDependencies?.["@pulumi/pulumi"] ?? "";
    expect(peer, "a @pulumi/pulumi peer dependency").not.toBe("");
    const tooLow = pulumiRangesOfDependencies(dir, manifest).filter(
      ({ range }) => !atLeast(floor(peer), floor(range)),
    );
    expect(tooLow, `peer ${peer} starts below what these need`).toEqual([]);
  });

  it("depends on sibling packages with workspace:^, so mixed minor versions share one copy", () => {
    const exact = Object.entries(manifest.dependencies ?? {}).filter(
      ([dep, range]) => dep.startsWith("@scaleway-blocks/") && range !== "workspace:^",
    );
    expect(exact).toEqual([]);
  });

  it("tells in its README how to install it", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    expect(readme).toMatch(new RegExp(`npm install[^\\n]* ${manifest.name.replace("/", "\\/")}(\\s|$)`, "m"));
  });

  it("links nothing outside the package from its README (the links would break on npm)", () => {
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const leaving = [...readme.matchAll(/\]\((\.\.\/[^)\s]*)\)/g)].map((m) => m[1]);
    expect(leaving).toEqual([]);
  });

  it("ships the source of every source map it ships", () => {
    const [pack] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
        cwd: dir,
        encoding: "utf8",
      }),
    ) as [{ files: { path: string }[] }];
    const shipped = new Set(pack.files.map((f) => normalize(f.path)));
    const maps = [...shipped].filter((path) => path.endsWith(".map"));
    expect(maps.length, "the package is built (dist/ has source maps)").toBeGreaterThan(0);
    const missing: string[] = [];
    for (const map of maps) {
      const { sources } = readJson<{ sources: string[] }>(join(dir, map));
      for (const source of sources) {
        const path = normalize(join(dirname(map), source));
        if (path.startsWith("..") || !shipped.has(relative(".", path))) missing.push(`${map} → ${source}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the root README", () => {
  it("lists every published package in its package table, with a link", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const unlisted = published
      .map(({ dir, manifest }) => `| [\`${manifest.name}\`](${relative(root, dir)})`)
      .filter((row) => !readme.includes(row));
    expect(unlisted).toEqual([]);
  });
});
