import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";

// scripts/check-package.mjs is every published package's check:package: publint --strict and attw's
// node16 profile in one process. Each fixture package plants one problem; the check must fail on it as
// `publint --strict` or `attw --pack . --profile node16` fails, and pass a package both accept. One test
// runs the command line in the package's directory, as check:package does; the others call the function
// it runs (`checkPackage`, the same output and exit status) in this process.
const root = join(__dirname, "..");
const fixtures = join(__dirname, "fixtures", "check-package");

// publint colours its messages wherever CI is set (picocolors), as npm test and .ci/run set it.
const plain = (text: string) => stripVTControlCharacters(text);

interface Script {
  checkPackage: (dir: string, options: { log: (line: string) => void }) => Promise<number>;
  checkPackages: (dirs: string[], options: { log: (line: string) => void }) => Promise<number>;
  packagesToCheck: (packagesDir?: string) => string[];
  CHECK_PACKAGE_SCRIPT: string;
}
const script = async () =>
  (await import(pathToFileURL(join(root, "scripts", "check-package.mjs")).href)) as Script;

/** What `node scripts/check-package.mjs` prints and exits with in the fixture's directory, run in-process. */
async function checkPackage(fixture: string) {
  const lines: string[] = [];
  const status = await (
    await script()
  ).checkPackage(join(fixtures, fixture), { log: (line) => lines.push(line) });
  return { status, output: plain(lines.join("\n")) };
}

/** The command line itself, run as check:package runs it: in the package's directory (or with `args`). */
function checkPackageCommand(fixture: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(root, "scripts", "check-package.mjs"), ...args], {
    cwd: join(fixtures, fixture),
    encoding: "utf8",
  });
  return { status: result.status, output: plain(`${result.stdout}${result.stderr}`) };
}

describe("check-package", () => {
  it("passes a package publint --strict and attw (node16) both accept", async () => {
    const { status, output } = await checkPackage("clean");
    expect(output).toContain("check-package-clean: publint --strict ok, attw (node16) ok");
    expect(status).toBe(0);
  });

  it("fails on a publint error: the types condition after default (the command line)", () => {
    const { status, output } = checkPackageCommand("publint-broken");
    expect(output).toMatch(/publint error: pkg\.exports\["\."\]\.types should be the first/);
    expect(output).toContain("publint --strict 2 error(s), attw (node16) ok");
    expect(status).toBe(1);
  });

  it("fails on a publint warning, as --strict does: a repository string that is no shorthand", async () => {
    const { status, output } = await checkPackage("publint-warning");
    expect(output).toMatch(
      /publint error: pkg\.repository is https:\/\/github\.com\/\S+ which isn't a valid shorthand/,
    );
    expect(status).toBe(1);
  });

  it("fails on an attw problem: ESM types for a CommonJS implementation", async () => {
    const { status, output } = await checkPackage("attw-broken");
    expect(output).toContain("attw: Types are ESM, but implementation is CJS (FalseESM)");
    expect(output).toContain("attw (node16) 1 problem(s)");
    expect(status).toBe(1);
  });

  it("fails on an attw problem alone, which publint does not see: types that import a file the package lacks", async () => {
    const { status, output } = await checkPackage("attw-only");
    expect(output).toContain("attw: Internal resolution error (InternalResolutionError)");
    expect(output).toMatch(/publint --strict ok, attw \(node16\) [1-9]\d* problem\(s\)/);
    expect(status).toBe(1);
  });

  it("checks several packages in turn in one run, and fails when one of them fails, naming each", async () => {
    const lines: string[] = [];
    const status = await (
      await script()
    ).checkPackages(
      ["attw-only", "clean"].map((fixture) => join(fixtures, fixture)),
      { log: (line) => lines.push(line) },
    );
    const summaries = lines.map(plain).filter((line) => line.startsWith("check-package-"));
    expect(summaries).toEqual([
      expect.stringMatching(
        /^check-package-attw-only: publint --strict ok, attw \(node16\) [1-9]\d* problem\(s\)$/,
      ),
      "check-package-clean: publint --strict ok, attw (node16) ok",
    ]);
    expect(status).toBe(1);
  });

  it("passes several packages that all pass, from the command line (package directories as arguments)", () => {
    const { status, output } = checkPackageCommand("clean", [".", join(fixtures, "clean")]);
    expect(output.match(/check-package-clean: publint --strict ok, attw \(node16\) ok/g)).toHaveLength(2);
    expect(status).toBe(0);
  });

  it("refuses --all beside package directories, before checking anything", () => {
    const { status, output } = checkPackageCommand("clean", ["--all", "."]);
    expect(output).toContain("give either --all or package directories");
    expect(output).not.toContain("publint");
    expect(status).toBe(2);
  });

  it("--all picks the packages whose check:package script is this check, and nothing else", async () => {
    const { packagesToCheck, CHECK_PACKAGE_SCRIPT } = await script();
    const dir = mkdtempSync(join(tmpdir(), "check-package-all-"));
    try {
      const write = (pkg: string, scripts: Record<string, string>) => {
        mkdirSync(join(dir, pkg));
        writeFileSync(join(dir, pkg, "package.json"), JSON.stringify({ name: pkg, scripts }));
      };
      write("published", { "check:package": CHECK_PACKAGE_SCRIPT });
      write("other-check", { "check:package": "publint" });
      write("no-check", { build: "tsc" });
      mkdirSync(join(dir, "not-a-package"));
      writeFileSync(join(dir, "README.md"), "a file, not a package");
      expect(packagesToCheck(dir)).toEqual([join(dir, "published")]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--all of this repository is every published package", async () => {
    const published = readdirSync(join(root, "packages"))
      .filter(
        (pkg) =>
          !(
            JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8")) as {
              private?: boolean;
            }
          ).private,
      )
      .map((pkg) => join(root, "packages", pkg))
      .sort();
    expect(published.length).toBeGreaterThan(10);
    expect((await script()).packagesToCheck()).toEqual(published);
  });

  it("is the check:package of every published package", () => {
    const packages = readdirSync(join(root, "packages"));
    expect(packages.length).toBeGreaterThan(10);
    for (const pkg of packages) {
      const manifest = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8")) as {
        private?: boolean;
        scripts: Record<string, string>;
      };
      if (!manifest.private)
        expect(manifest.scripts["check:package"], pkg).toBe("node ../../scripts/check-package.mjs");
    }
  });
});
