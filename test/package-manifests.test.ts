// What every published package promises its installers: a @pulumi/pulumi peer floor no lower than its
// dependencies need, internal dependencies that follow minor releases, and source maps whose sources ship.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

interface Manifest {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  bundleDependencies?: string[];
  bundledDependencies?: string[];
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

/** The npm CLI on PATH (the one `npm pack` runs), as the directory of its own package. */
function npmRoot(): string {
  for (const bin of (process.env.PATH ?? "").split(delimiter)) {
    const cli = join(bin, "npm");
    // bin/npm is a link to (or a copy of) <npm>/bin/npm-cli.js
    if (existsSync(cli)) return dirname(dirname(realpathSync(cli)));
  }
  throw new Error("npm is not on PATH");
}

type Tree = { isProjectRoot: boolean };
const npmRequire = createRequire(join(npmRoot(), "package.json"));
const Arborist = npmRequire("@npmcli/arborist") as new (opts: { path: string }) => {
  loadActual(opts: { filter: (node: Tree, kid: string) => boolean }): Promise<Tree>;
};
const packlist = npmRequire("npm-packlist") as (tree: Tree, opts: { path: string }) => Promise<string[]>;

/**
 * The files `npm pack` puts in a package's tarball, by npm's own code: for a directory npm pack runs
 * pacote's DirFetcher, which is `packlist(await new Arborist({ path }).loadActual(), { path })`
 * (pacote/lib/dir.js in the npm on PATH). npm-packlist reads the tree's children only for bundled
 * dependencies, so the tree is loaded with those alone: walking every pnpm link in node_modules cost
 * ~1.5 s of CPU per package, and spawning npm itself ~1.3 s more. The test below that compares this
 * list with `npm pack --dry-run` keeps the shortcut honest.
 */
async function packedFiles(dir: string, manifest: Manifest): Promise<string[]> {
  const bundled = new Set<string>(manifest.bundleDependencies ?? manifest.bundledDependencies ?? []);
  const tree = await new Arborist({ path: dir }).loadActual({
    filter: (node, kid) => !node.isProjectRoot || bundled.has(kid),
  });
  return packlist(tree, { path: dir });
}

const npmPackDryRun = (dir: string): string[] => {
  const [pack] = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8" }),
  ) as [{ files: { path: string }[] }];
  return pack.files.map((f) => f.path);
};

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

  it("ships the source of every source map it ships", async () => {
    const shipped = new Set((await packedFiles(dir, manifest)).map((f) => normalize(f)));
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

describe("the packed file list read above", () => {
  it("is the list `npm pack --dry-run` prints (checked on the smallest package, one npm run)", async () => {
    const smallest = published
      .map((p) => ({ ...p, files: readdirSync(join(p.dir, "dist"), { recursive: true }).length }))
      .sort((a, b) => a.files - b.files)[0]!;
    const viaNpm = npmPackDryRun(smallest.dir);
    expect(viaNpm.length).toBeGreaterThan(0);
    expect((await packedFiles(smallest.dir, smallest.manifest)).sort()).toEqual(viaNpm.sort());
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
