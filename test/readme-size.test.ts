// READMEs are manuals a user reads first: usage, the generated inputs/outputs tables, secure defaults,
// cost notes and links. Depth (design, traps, long tables) lives in docs/<package>.md. These ceilings
// keep them that way (issue 16): a README that grows past its ceiling fails here, named with its size.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const KB = 1024;

/** Every README the repository publishes or shows first: the root's, each package's and deployment's. */
const readmes = [
  "README.md",
  ...["packages", "deployments"].flatMap((dir) =>
    readdirSync(join(root, dir))
      .map((name) => `${dir}/${name}/README.md`)
      .filter((file) => existsSync(join(root, file))),
  ),
];

/** The ceiling of a README, in bytes. */
function ceilingOf(file: string): number {
  if (file === "README.md") return 10 * KB;
  // A CLI with many flags and a rule list of 60+ rules.
  if (file === "packages/plan/README.md" || file === "packages/policy/README.md") return 20 * KB;
  // The generated tables alone (7.6 KB inputs and 3 KB outputs for database, with two args interfaces
  // and five nested ones; 9.4 KB and 2.7 KB for container, whose ServiceArgs has eight nested
  // interfaces) do not fit in 12 KB next to a usage example.
  if (file === "packages/database/README.md") return 17 * KB;
  if (file === "packages/container/README.md") return 21 * KB;
  return 12 * KB;
}

describe("README sizes", () => {
  it("finds the root README and one per package", () => {
    expect(readmes).toContain("README.md");
    expect(readmes).toContain("packages/core/README.md");
    expect(readmes.length).toBeGreaterThan(10);
  });

  it("the ceilings are the targets: 10 KB at the root, 20 KB for plan and policy, 12 KB otherwise", () => {
    expect(ceilingOf("README.md")).toBe(10 * KB);
    expect(ceilingOf("packages/plan/README.md")).toBe(20 * KB);
    expect(ceilingOf("packages/network/README.md")).toBe(12 * KB);
    expect(ceilingOf("deployments/platform/README.md")).toBe(12 * KB);
  });

  it.each(readmes)("%s stays under its ceiling", (file) => {
    const size = statSync(join(root, file)).size;
    const ceiling = ceilingOf(file);
    expect(
      size,
      `${file} is ${(size / KB).toFixed(1)} KB, over its ${ceiling / KB} KB ceiling: move depth to docs/`,
    ).toBeLessThanOrEqual(ceiling);
  });
});
