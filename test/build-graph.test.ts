import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The build: the root solution (tsconfig.build.json, the root `build:all` script, turbo's
// `//#build:all`) builds every package in one `tsc -b` process; each package's `build` script
// (`tsc -b tsconfig.build.json`) then finds its dist/ up to date. `tsc -b` decides "up to date" from
// timestamps: those of the project's own inputs and the outputs of the projects it references. So
// the configs must mirror the package.json files: a package left out of the solution is not built by
// `build:all`, and a dependency missing from a package's references leaves its dist/ stale (and its
// type errors unreported) when that dependency changes.

const root = join(__dirname, "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

interface Manifest {
  name: string;
  private?: boolean;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Every workspace package (pnpm-workspace.yaml's `dir/*` globs), with its directory from the root. */
const workspace = (() => {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^\s+-\s+"?([\w.-]+)\/\*"?\s*$/gm)].map((m) => m[1]!);
  return globs.flatMap((glob) =>
    readdirSync(join(root, glob), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(root, glob, e.name, "package.json")))
      .map((e) => {
        const dir = `${glob}/${e.name}`;
        const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as Manifest;
        return { dir, manifest };
      }),
  );
})();
const built = workspace.filter((p) => p.manifest.scripts?.build !== undefined);
const byName = new Map(workspace.map((p) => [p.manifest.name, p]));

/** The workspace packages a package depends on (any kind of dependency), by name. */
function workspaceDependencies(manifest: Manifest): string[] {
  const all = {
    ...manifest.dependencies,
    ...manifest.devDependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  };
  return Object.entries(all)
    .filter(([name, range]) => range.startsWith("workspace:") && byName.has(name))
    .map(([name]) => name);
}

/** A tsconfig file as written (tsconfig files may hold comments). */
function readConfig(file: string): { references?: { path: string }[]; files?: string[] } {
  const { config, error } = ts.readConfigFile(file, (path) => ts.sys.readFile(path));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return config as { references?: { path: string }[]; files?: string[] };
}

/** The package directories (from the root) a config's references point at. */
function referencedDirs(file: string): string[] {
  return (readConfig(file).references ?? []).map((ref) => {
    const target = resolve(dirname(file), ref.path);
    const config = statSync(target).isDirectory() ? join(target, "tsconfig.json") : target;
    expect(existsSync(config), `${relative(root, file)} references ${ref.path}`).toBe(true);
    expect(config.endsWith("/tsconfig.build.json"), `${relative(root, file)} references ${ref.path}`).toBe(
      true,
    );
    return relative(root, dirname(config));
  });
}

describe("the build graph", () => {
  it("has packages that build, each with `tsc -b tsconfig.build.json`", () => {
    expect(built.length).toBeGreaterThan(10);
    for (const { dir, manifest } of built)
      expect(manifest.scripts!.build, dir).toBe("tsc -b tsconfig.build.json");
  });

  it("the root solution references every package that has a build, and builds nothing itself", () => {
    const solution = join(root, "tsconfig.build.json");
    expect(readConfig(solution).files).toEqual([]);
    expect(referencedDirs(solution).sort()).toEqual(built.map((p) => p.dir).sort());
    const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest).scripts!;
    expect(scripts["build:all"]).toBe("tsc -b tsconfig.build.json");
  });

  it("each build config references exactly the workspace dependencies of its package that have a build", () => {
    for (const { dir, manifest } of built) {
      const expected = workspaceDependencies(manifest)
        .map((name) => byName.get(name)!)
        .filter((dep) => dep.manifest.scripts?.build !== undefined)
        .map((dep) => dep.dir);
      expect(referencedDirs(join(root, dir, "tsconfig.build.json")).sort(), dir).toEqual(expected.sort());
    }
  });

  it("each build config is composite, reads the install stamp, and keeps its build info inside dist/, which no package publishes", () => {
    for (const { dir, manifest } of built) {
      const file = join(root, dir, "tsconfig.build.json");
      const parsed = ts.getParsedCommandLineOfConfigFile(
        file,
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
          },
        },
      )!;
      expect(parsed.errors, dir).toEqual([]);
      expect(parsed.options.composite, dir).toBe(true);
      // The install stamp (scripts/dependency-stamp.mjs): tsc -b rebuilds when the dependencies change.
      expect(parsed.fileNames, `${dir} (pnpm install's postinstall writes the stamp)`).toContain(
        join(root, "node_modules", ".cache", "scaleway-blocks", "dependencies.d.ts"),
      );
      expect(parsed.options.outDir, dir).toBe(join(root, dir, "dist"));
      expect(relative(join(root, dir), parsed.options.tsBuildInfoFile!), dir).toMatch(
        /^dist\/[^/]+\.tsbuildinfo$/,
      );
      if (!manifest.private)
        expect(manifest.files, dir).toEqual(expect.arrayContaining(["dist", "!dist/**/*.tsbuildinfo"]));
    }
  });
});

describe("tsc -b on small projects shaped like the packages (their real build config and base config)", () => {
  const temp = mkdtempSync(join(tmpdir(), "build-graph-"));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  // A workspace root of its own: the real tsconfig.base.json, a lockfile, and a node_modules that holds
  // the real @types (the base config's `types: ["node"]`), a fake external package and the stamp.
  const stamp = join(temp, "node_modules", ".cache", "scaleway-blocks", "dependencies.d.ts");
  const install = (lockfile: string): void => {
    writeFileSync(join(temp, "pnpm-lock.yaml"), lockfile);
    // What the root postinstall runs after `pnpm install`.
    const result = spawnSync(process.execPath, [join(root, "scripts", "dependency-stamp.mjs"), temp], {
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
  };
  const external = (type: string): void => {
    mkdirSync(join(temp, "node_modules", "ext"), { recursive: true });
    writeFileSync(
      join(temp, "node_modules", "ext", "package.json"),
      '{ "name": "ext", "types": "index.d.ts" }\n',
    );
    writeFileSync(
      join(temp, "node_modules", "ext", "index.d.ts"),
      `export declare const version: ${type};\n`,
    );
  };
  beforeAll(() => {
    cpSync(join(root, "tsconfig.base.json"), join(temp, "tsconfig.base.json"));
    mkdirSync(join(temp, "node_modules"));
    symlinkSync(join(root, "node_modules", "@types"), join(temp, "node_modules", "@types"));
    external("string");
    install("lockfileVersion: '9.0'\n# ext 1.0.0\n");
  });

  /** A copy of a real package's build config (core's: no references), with the references given. */
  function project(name: string, source: string, references: string[]): void {
    const config = readConfig(join(root, "packages", "core", "tsconfig.build.json"));
    const dir = join(temp, "packages", name);
    mkdirSync(join(dir, "src"), { recursive: true });
    writeFileSync(
      join(dir, "tsconfig.build.json"),
      JSON.stringify({ ...config, references: references.map((path) => ({ path })) }),
    );
    writeFileSync(join(dir, "src", "index.ts"), source);
  }

  /**
   * `tsc -b tsconfig.build.json --verbose` of one project, as its package's build script runs it, but in
   * this process: the solution builder the command line runs (typescript's performBuild: a
   * createSolutionBuilderHost on ts.sys, createSolutionBuilder, build(), whose result is the exit
   * status), with the project's directory as the current one and what it prints collected. Saves
   * loading TypeScript in a new process per build; `tscCommand` runs the real command line.
   */
  function build(name: string): { status: number; output: string } {
    const dir = join(temp, "packages", name);
    let output = "";
    const system: ts.System = {
      ...ts.sys,
      getCurrentDirectory: () => dir,
      write: (text) => {
        output += text;
      },
    };
    // No reporters given: the command line's own (diagnostics and build status written to system).
    const host = ts.createSolutionBuilderHost(system);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors; // as the command line sets it
    const createProgram = host.createProgram;
    host.createProgram = (rootNames, options, compilerHost, ...rest) => {
      if (compilerHost) reuseDeclarations(compilerHost);
      return createProgram(rootNames, options, compilerHost, ...rest);
    };
    const status = ts
      .createSolutionBuilder(host, [join(dir, "tsconfig.build.json")], { verbose: true })
      .build();
    return { status, output };
  }

  /**
   * Declaration files parsed by earlier builds (lib, @types/node: most of a small build's time), handed
   * again to a build that reads the same text with the same parse options; a changed file (a
   * dependency's new types) is parsed again (typecheck-all's reuseDeclarationFiles). The builder's own
   * getSourceFile stamps each file with a hash of its text, as tsc -b's builder programs need: these
   * files are cached apart from the ones typecheck-all's plain compiler hosts share.
   */
  const declarations = new Map<string, ts.SourceFile>();
  const reusing = new WeakSet<ts.CompilerHost>(); // one builder's host, shared by its projects' programs
  let reuseDeclarationFiles: (host: ts.CompilerHost, cache: Map<string, ts.SourceFile>) => unknown;
  beforeAll(async () => {
    ({ reuseDeclarationFiles } = (await import(
      pathToFileURL(join(root, "scripts", "typecheck-all.mjs")).href
    )) as { reuseDeclarationFiles: typeof reuseDeclarationFiles });
  });
  function reuseDeclarations(compilerHost: ts.CompilerHost): void {
    if (reusing.has(compilerHost)) return;
    reusing.add(compilerHost);
    reuseDeclarationFiles(compilerHost, declarations);
  }

  /** The real `tsc -b tsconfig.build.json --verbose` command line, in the project's directory. */
  function tscCommand(name: string): { status: number | null; output: string } {
    const result = spawnSync(process.execPath, [tsc, "-b", "tsconfig.build.json", "--verbose"], {
      cwd: join(temp, "packages", name),
      encoding: "utf8",
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** Makes every file of the temp tree older: as if built a while ago (timestamps decide). */
  function age(dir = temp, past = new Date(Date.now() - 60_000)): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) age(path, past);
      else utimesSync(path, past, past);
    }
  }

  it("a dependency's changed types make the package's build rebuild, and fail, only when it references it", () => {
    project("lib", 'export const greeting = "hello";\n', []);
    const uses =
      'import { greeting } from "../../lib/dist/index.js";\nexport const loud = greeting.toUpperCase();\n';
    project("app", uses, ["../lib/tsconfig.build.json"]);
    project("unreferenced", uses, []);
    for (const name of ["lib", "app", "unreferenced"]) expect(build(name).status, name).toBe(0);
    expect(readFileSync(join(temp, "packages", "app", "dist", "index.d.ts"), "utf8")).toContain(
      "loud: string",
    );
    age();

    // The dependency changes and is rebuilt on its own (its turbo build task); its types changed.
    writeFileSync(join(temp, "packages", "lib", "src", "index.ts"), "export const greeting = 42;\n");
    expect(build("lib").status).toBe(0);

    const app = build("app");
    // The reason tsc gives: the dependency's output is newer than this project's.
    expect(app.output).toMatch(
      /out of date because output .* is older than input '\.\.\/lib\/tsconfig\.build\.json'/,
    );
    expect(app.output).toMatch(/error TS2339: Property 'toUpperCase' does not exist on type/);
    expect(app.status).not.toBe(0);
    // Built again, unchanged, by the real command line, it fails again: the build info keeps the
    // errors, not an "up to date".
    const again = tscCommand("app");
    expect(again.output).toMatch(/error TS2339/);
    expect(again.status).not.toBe(0);

    // Without the reference, tsc -b sees only the project's own unchanged sources: a stale dist/ and
    // no error. This is what the references prevent.
    const unreferenced = build("unreferenced");
    expect(unreferenced.output).toMatch(/is up to date/);
    expect(unreferenced.status).toBe(0);
  }, 120_000);

  it("an installed dependency's changed types make the build rebuild, and fail, once the install stamps it", () => {
    project("consumer", 'import { version } from "ext";\nexport const parts = version.split(".");\n', []);
    expect(build("consumer").status).toBe(0);
    age();

    // `pnpm install` of a new version of ext: its declarations change, and so does the lockfile.
    external("number");
    const before = build("consumer");
    // tsc -b alone does not look at node_modules: the build is "up to date", against the old types.
    expect(before.output).toMatch(/is up to date/);
    expect(before.status).toBe(0);

    const old = readFileSync(stamp, "utf8");
    install("lockfileVersion: '9.0'\n# ext 2.0.0\n");
    expect(readFileSync(stamp, "utf8")).not.toBe(old);
    const after = build("consumer");
    expect(after.output).toMatch(/out of date because output .* is older than input .*dependencies\.d\.ts'/);
    expect(after.output).toMatch(/error TS2339: Property 'split' does not exist on type 'number'/);
    expect(after.status).not.toBe(0);
  }, 120_000);

  it("the install stamp is rewritten only when the lockfile changes (its timestamp is what tsc compares)", () => {
    age();
    const time = statSync(stamp).mtimeMs;
    install(readFileSync(join(temp, "pnpm-lock.yaml"), "utf8"));
    expect(statSync(stamp).mtimeMs).toBe(time);
    install("lockfileVersion: '9.0'\n# ext 3.0.0\n");
    expect(statSync(stamp).mtimeMs).toBeGreaterThan(time);
  });
});
