#!/usr/bin/env node
// Type-checks every workspace package in one process: for each package, the program its own
// `typecheck` script checks (`tsc -p tsconfig.json --noEmit`: src, test and the root *.ts files), with
// the same compiler options and the same diagnostics as tsc. It also type-checks the repository's own
// tests, the program of test/tsconfig.json (test/**/*.ts, the engine suite's included, but not
// test/fixtures; and the root vitest.repo and vitest.engine configs), which vitest runs without checking
// their types and no package's typecheck reads. What the programs share, the declaration files of @pulumi/pulumi,
// @pulumiverse/scaleway and the built workspace packages (about 200,000 lines, most of each program),
// is parsed and bound once instead of once per program, as a language service does with its document
// registry. Run by turbo as the root task `typecheck:all` (after every build).
//
// With --lint it also lints each package's src and test directories (what `lint:all`, the eslint CLI,
// lints) with eslint.config.mjs, giving typescript-eslint the program it has just type-checked
// (`parserOptions.programs`) instead of letting its project service build the same program again from
// the same tsconfig.json: the types the rules ask for are the ones the type check already computed.
// Same rules, same files, same tsconfig; it fails on any type error or lint error. This is the CI's
// root task `typecheck-lint:all` (one process instead of typecheck:all + lint:all). The root tests are
// linted too, every file of their program (test/**/*.ts but test/fixtures, the two root vitest configs:
// what lint:all lints at the root), with that program (eslint.config.mjs gives them test/tsconfig.json).
//   node scripts/typecheck-all.mjs [--lint] [dir ...]
// A dir is a package directory (its typecheck script's tsconfig; src and test linted), or a directory
// without a package.json whose tsconfig.json is checked (and linted: the files it includes) (`test`:
// the root tests). No dir: every typechecked package and `test`.
// The same run in-process (the tests): `await typecheckAll({ packages, lint, write })` → the exit status.
import { readFileSync, readdirSync, existsSync, realpathSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The workspace package directories (pnpm-workspace.yaml's `dir/*` globs). */
function workspacePackages() {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...workspace.matchAll(/^\s+-\s+"?([\w.-]+)\/\*"?\s*$/gm)].map((m) => m[1]);
  return globs.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, "package.json")))
      .map((entry) => join(dir, entry.name)),
  );
}

/** The workspace packages that have a typecheck script. */
function typecheckedPackages() {
  return workspacePackages().filter(
    (pkg) => JSON.parse(readFileSync(join(root, pkg, "package.json"), "utf8")).scripts?.typecheck,
  );
}

/**
 * The programs of the repository's own code that belong to no package, checked after the packages:
 * the root tests (test/tsconfig.json). Linted as lint:all lints them: the files their tsconfig includes.
 */
const ROOT_PROGRAMS = ["test"];

/** What a run with no directory given checks: every typechecked package, then the root programs. */
export function defaultPrograms() {
  return [...typecheckedPackages(), ...ROOT_PROGRAMS];
}

/** A directory without a package.json (the root tests) is its tsconfig.json's program, not a package. */
const isPackage = (dir) => existsSync(join(root, dir, "package.json"));

/**
 * The tsconfig a directory's program is: a package's typecheck script's (any other script is refused,
 * not guessed at), else the directory's tsconfig.json.
 */
function configOf(pkg) {
  if (!isPackage(pkg)) return join(root, pkg, "tsconfig.json");
  const script = JSON.parse(readFileSync(join(root, pkg, "package.json"), "utf8")).scripts.typecheck;
  const match = /^tsc -p (\S+) --noEmit$/.exec(script);
  if (!match) throw new Error(`${pkg}: the typecheck script "${script}" is not "tsc -p <tsconfig> --noEmit"`);
  return join(root, pkg, match[1]);
}

const sourceFiles = new Map();

/**
 * Makes `host` hand out again a declaration file parsed earlier in this process, by any program, while
 * its text is unchanged, as a language service's document registry does; a changed file is parsed again.
 * `cache` holds the parsed files (default: the one typecheck-all's programs share; a host whose
 * SourceFiles carry more than the parse, such as a solution builder's, needs its own). Returns `host`.
 */
export function reuseDeclarationFiles(host, cache = sourceFiles) {
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!fileName.endsWith(".d.ts") || shouldCreateNewSourceFile)
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    // The same key as a document registry: the file, its language version and its module format.
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    const cached = cache.get(key);
    if (cached !== undefined && host.readFile(fileName) === cached.text) return cached;
    const file = getSourceFile(fileName, languageVersionOrOptions, onError);
    if (file) cache.set(key, file);
    return file;
  };
  return host;
}

/**
 * A compiler host that parses each declaration file once per process and hands the same SourceFile to
 * every program that reads it again unchanged (scripts/readme-tables.mjs uses it too).
 */
export function createHost(options) {
  return reuseDeclarationFiles(ts.createCompilerHost(options));
}

/** The directories of a package that `lint:all` lints (`eslint <dir>/src <dir>/test`). */
const LINTED_DIRS = ["src", "test"];

/**
 * What lint:all lints of a program: a package's src and test; a root program's own files, the ones its
 * tsconfig includes (not a dependency's under node_modules).
 */
function lintedFiles(pkg, config) {
  if (!isPackage(pkg))
    return config.fileNames.filter((file) => !file.split(/[\\/]/).includes("node_modules"));
  return LINTED_DIRS.map((dir) => join(root, pkg, dir)).filter((dir) => existsSync(dir));
}

/**
 * Lints `files` (a package's src and test, or the files a root program's tsconfig includes) with
 * eslint.config.mjs, typescript-eslint reading types from `program` (the package's tsconfig.json program,
 * the one its project service would build for these files; test/tsconfig.json's for the root tests, the
 * one eslint.config.mjs names for them). A linted file that is not in the program is a parse error of
 * that file, not a skipped file. Returns the number of errors, after printing them as the eslint CLI does.
 */
async function lintFiles(files, program, write) {
  const { ESLint } = await import("eslint");
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [program] } } },
  });
  if (files.length === 0) return 0;
  const results = await eslint.lintFiles(files);
  const output = await (await eslint.loadFormatter("stylish")).format(results);
  if (output) write(output);
  return results.reduce((sum, result) => sum + result.errorCount, 0); // fatal (parse) errors included
}

const formatHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => root,
  getNewLine: () => "\n",
};

/**
 * Type-checks (and with `lint`, lints) `packages` (directories relative to the
 * repository root; none: defaultPrograms(), every typechecked workspace package and the root tests),
 * writing what the command line prints to `write`. Returns the command line's exit status: 1 on any
 * type or lint error, else 0.
 */
export async function typecheckAll({
  packages = [],
  lint = false,
  write = (text) => void process.stdout.write(text),
} = {}) {
  const log = (line) => write(`${line}\n`);
  if (lint && packages.length === 0) {
    // lint:all lints every workspace package's src and test: each needs a program to lint with.
    const typechecked = new Set(typecheckedPackages());
    const unlinted = workspacePackages().filter(
      (pkg) => !typechecked.has(pkg) && LINTED_DIRS.some((dir) => existsSync(join(root, pkg, dir))),
    );
    if (unlinted.length > 0)
      throw new Error(`${unlinted.join(", ")}: no typecheck script, so no program to lint src and test with`);
  }
  let errors = 0;
  let lintErrors = 0;
  for (const pkg of packages.length > 0 ? packages : defaultPrograms()) {
    const started = performance.now();
    const configDiagnostics = [];
    const config = ts.getParsedCommandLineOfConfigFile(
      configOf(pkg),
      { noEmit: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configDiagnostics.push(d) },
    );
    const program =
      config &&
      ts.createProgram({
        rootNames: config.fileNames,
        options: config.options,
        projectReferences: config.projectReferences,
        host: createHost(config.options),
      });
    const diagnostics = program
      ? [...config.errors, ...ts.getPreEmitDiagnostics(program)]
      : configDiagnostics;
    const found = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
    errors += found;
    if (diagnostics.length > 0) write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
    let linted = "";
    if (lint) {
      const found = program ? await lintFiles(lintedFiles(pkg, config), program, write) : 0;
      lintErrors += found;
      linted = `, lint ${found === 0 ? "ok" : `${found} error(s)`}`;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `${relative(root, join(root, pkg))}: ${found === 0 ? "ok" : `${found} error(s)`}${linted} (${seconds} s)`,
    );
  }
  if (errors > 0) log(`typecheck: ${errors} error(s)`);
  if (lintErrors > 0) log(`lint: ${lintErrors} error(s)`);
  return errors > 0 || lintErrors > 0 ? 1 : 0;
}

// The command line (not when imported). argv[1] as a real path: node runs the script's real path.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const status = await typecheckAll({
    lint: args.includes("--lint"),
    packages: args.filter((arg) => arg !== "--lint"),
  });
  if (status !== 0) process.exit(status);
}
