#!/usr/bin/env node
// Type-checks every workspace package in one process: for each package, the program its own
// `typecheck` script checks (`tsc -p tsconfig.json --noEmit`: src, test and the root *.ts files), with
// the same compiler options and the same diagnostics as tsc. What the programs share, the declaration
// files of @pulumi/pulumi, @pulumiverse/scaleway and the built workspace packages (about 200,000 lines,
// most of each program), is parsed and bound once instead of once per package, as a language service
// does with its document registry. Run by turbo as the root task `typecheck:all` (after every build).
//   node scripts/typecheck-all.mjs [package dir ...]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The workspace package directories (pnpm-workspace.yaml's `dir/*` globs) that have a typecheck script. */
function typecheckedPackages() {
  const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...workspace.matchAll(/^\s+-\s+"?([\w.-]+)\/\*"?\s*$/gm)].map((m) => m[1]);
  return globs.flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, "package.json")))
      .map((entry) => join(dir, entry.name))
      .filter((pkg) => JSON.parse(readFileSync(join(root, pkg, "package.json"), "utf8")).scripts?.typecheck),
  );
}

/** The tsconfig a package's typecheck script checks; any other script is refused, not guessed at. */
function configOf(pkg) {
  const script = JSON.parse(readFileSync(join(root, pkg, "package.json"), "utf8")).scripts.typecheck;
  const match = /^tsc -p (\S+) --noEmit$/.exec(script);
  if (!match) throw new Error(`${pkg}: the typecheck script "${script}" is not "tsc -p <tsconfig> --noEmit"`);
  return join(root, pkg, match[1]);
}

const sourceFiles = new Map();

function createHost(options) {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!fileName.endsWith(".d.ts") || shouldCreateNewSourceFile)
      return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    // The same key as a document registry: the file, its language version and its module format.
    const key = `${fileName}\0${JSON.stringify(languageVersionOrOptions)}`;
    let file = sourceFiles.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersionOrOptions, onError);
      if (file) sourceFiles.set(key, file);
    }
    return file;
  };
  return host;
}

const formatHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: () => root,
  getNewLine: () => "\n",
};

const packages = process.argv.length > 2 ? process.argv.slice(2) : typecheckedPackages();
let errors = 0;
for (const pkg of packages) {
  const started = performance.now();
  const configDiagnostics = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    configOf(pkg),
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configDiagnostics.push(d) },
  );
  const diagnostics = config
    ? [
        ...config.errors,
        ...ts.getPreEmitDiagnostics(
          ts.createProgram({
            rootNames: config.fileNames,
            options: config.options,
            projectReferences: config.projectReferences,
            host: createHost(config.options),
          }),
        ),
      ]
    : configDiagnostics;
  const found = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  errors += found;
  if (diagnostics.length > 0)
    process.stdout.write(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${relative(root, join(root, pkg))}: ${found === 0 ? "ok" : `${found} error(s)`} (${seconds} s)`,
  );
}
if (errors > 0) {
  console.log(`typecheck: ${errors} error(s)`);
  process.exit(1);
}
