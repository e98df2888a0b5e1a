import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";

// scripts/check-package.mjs is every published package's check:package: publint --strict and attw's
// node16 profile in one process. Each fixture package plants one problem; the check must fail on it as
// `publint --strict` or `attw --pack . --profile node16` fails, and pass a package both accept.
const root = join(__dirname, "..");
const fixtures = join(__dirname, "fixtures", "check-package");

function checkPackage(fixture: string) {
  const result = spawnSync(process.execPath, [join(root, "scripts", "check-package.mjs")], {
    cwd: join(fixtures, fixture),
    encoding: "utf8",
  });
  // publint colours its messages wherever CI is set (picocolors), as npm test and .ci/run set it.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

describe("check-package", () => {
  it("passes a package publint --strict and attw (node16) both accept", () => {
    const { status, output } = checkPackage("clean");
    expect(output).toContain("check-package-clean: publint --strict ok, attw (node16) ok");
    expect(status).toBe(0);
  });

  it("fails on a publint error: the types condition after default", () => {
    const { status, output } = checkPackage("publint-broken");
    expect(output).toMatch(/publint error: pkg\.exports\["\."\]\.types should be the first/);
    expect(output).toContain("publint --strict 2 error(s), attw (node16) ok");
    expect(status).toBe(1);
  });

  it("fails on a publint warning, as --strict does: a repository string that is no shorthand", () => {
    const { status, output } = checkPackage("publint-warning");
    expect(output).toMatch(
      /publint error: pkg\.repository is https:\/\/github\.com\/\S+ which isn't a valid shorthand/,
    );
    expect(status).toBe(1);
  });

  it("fails on an attw problem: ESM types for a CommonJS implementation", () => {
    const { status, output } = checkPackage("attw-broken");
    expect(output).toContain("attw: Types are ESM, but implementation is CJS (FalseESM)");
    expect(output).toContain("attw (node16) 1 problem(s)");
    expect(status).toBe(1);
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
