#!/usr/bin/env node
// A published package's `check:package`: what `publint --strict && attw --pack . --profile node16` checked,
// in one node process instead of two (and no npm process):
// - publint, called as its CLI calls it: the package directory, `strict: true` (its warnings are
//   errors), `pack: "auto"` (here `pnpm pack`'s file list), the CLI's default level; the run fails on an
//   error, as `publint --strict` exits 1;
// - @arethetypeswrong/core (the library the attw CLI runs) on the package's tarball, packed by `pnpm pack`
//   (the packer the release publishes with; `attw --pack` ran `npm pack`, which packs the same files:
//   only package.json differs, pnpm replacing workspace:/catalog: versions and dropping scripts); the run
//   fails on any problem outside the `node16` profile's ignored resolution (`node10`), as
//   `attw --profile node16` exits 1. A package without types, which attw passes, fails here: every
//   published package has types.
//   node scripts/check-package.mjs [package dir ...]   (default: the current directory)
//   node scripts/check-package.mjs --all               every package with this as its check:package script
// Several packages are checked in turn in one process (the CI's root task `check:package:all`): publint,
// attw and the TypeScript attw runs load once, not once per package (about 0.85 s of CPU each).
// The same check in-process (the tests): `await checkPackage(dir, { log })` → the exit status;
// `await checkPackages(dirs, { log })` for several.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A package's own check:package script when it is this check (`pnpm check:package` in its directory). */
export const CHECK_PACKAGE_SCRIPT = "node ../../scripts/check-package.mjs";

/**
 * What `--all` checks: the packages under `packagesDir` whose own check:package script is this check
 * (every published package has it: test/check-package.test.ts).
 */
export function packagesToCheck(packagesDir = join(root, "packages")) {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(packagesDir, entry.name))
    .filter((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
        return manifest.scripts?.["check:package"] === CHECK_PACKAGE_SCRIPT;
      } catch {
        return false; // no package.json: no package
      }
    })
    .sort();
}

/** The `attw --profile node16` resolutions whose problems do not fail the check. */
const NODE16_IGNORED_RESOLUTIONS = ["node10"];

/** The package's tarball as `pnpm pack` writes it. */
function pack(dir) {
  const destination = mkdtempSync(join(tmpdir(), "check-package-"));
  try {
    execFileSync("pnpm", ["pack", "--pack-destination", destination], {
      cwd: dir,
      stdio: ["ignore", "ignore", "inherit"],
    });
    const [tarball, ...others] = readdirSync(destination);
    if (!tarball || others.length > 0)
      throw new Error(`pnpm pack wrote ${readdirSync(destination).join(", ")}`);
    return readFileSync(join(destination, tarball));
  } finally {
    rmSync(destination, { recursive: true, force: true });
  }
}

/** `publint --strict` on the package directory: prints its messages, returns how many are errors. */
async function publintErrors(dir, log) {
  const { publint } = await import("publint");
  const { formatMessage } = await import("publint/utils");
  const { messages, pkg } = await publint({ pkgDir: dir, strict: true, pack: "auto" });
  for (const message of messages) log(`publint ${message.type}: ${formatMessage(message, pkg)}`);
  return messages.filter((message) => message.type === "error").length;
}

/** attw's checks of the tarball under the node16 profile: the problems that fail it. */
async function attwErrors(tarball, log) {
  const { checkPackage, createPackageFromTarballData } = await import("@arethetypeswrong/core");
  const { problemKindInfo } = await import("@arethetypeswrong/core/problems");
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(tarball)));
  if (!analysis.types) {
    log("attw: the package has no type declarations");
    return 1;
  }
  const failing = analysis.problems.filter(
    (problem) =>
      !("resolutionKind" in problem) || !NODE16_IGNORED_RESOLUTIONS.includes(problem.resolutionKind),
  );
  for (const problem of failing) {
    const where = [problem.entrypoint, problem.resolutionKind].filter(Boolean).join(", ");
    log(`attw: ${problemKindInfo[problem.kind].title} (${problem.kind}${where ? `: ${where}` : ""})`);
  }
  return failing.length;
}

/**
 * The check of the package in `dir`, printing each line with `log` as the command line prints it.
 * Returns the command line's exit status: 1 when publint or attw fails, else 0.
 */
export async function checkPackage(dir, { log = console.log } = {}) {
  const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name;
  const publint = await publintErrors(dir, log);
  const attw = await attwErrors(pack(dir), log);
  log(
    `${name}: publint --strict ${publint === 0 ? "ok" : `${publint} error(s)`}, attw (node16) ${attw === 0 ? "ok" : `${attw} problem(s)`}`,
  );
  return publint > 0 || attw > 0 ? 1 : 0;
}

/**
 * The check of each package in `dirs`, in turn, in this process. Returns 1 when any of them fails
 * (each is checked, and each failure printed), else 0.
 */
export async function checkPackages(dirs, { log = console.log } = {}) {
  let status = 0;
  for (const dir of dirs) if ((await checkPackage(dir, { log })) !== 0) status = 1;
  return status;
}

// The command line (not when imported). argv[1] as a real path: node runs the script's real path.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes("--all") && args.length > 1) {
    console.error("check-package: --all checks every package; give either --all or package directories");
    process.exitCode = 2;
  } else {
    const dirs = args.includes("--all")
      ? packagesToCheck()
      : (args.length > 0 ? args : ["."]).map((a) => resolve(a));
    process.exitCode = await checkPackages(dirs);
  }
}
