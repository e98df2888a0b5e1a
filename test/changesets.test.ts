// The pending changesets must pass `changeset version` (the release rehearsal runs it much later): each names
// packages that exist at a valid level, and none mixes published packages with private ones, which changesets
// refuses ("Mixed changesets that contain both ignored and not ignored packages are not allowed").
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

/** Every workspace package's name and whether it is private. */
function workspacePackages(): Map<string, boolean> {
  const packages = new Map<string, boolean>();
  for (const group of ["packages", "deployments", "checks"]) {
    for (const dir of readdirSync(join(root, group))) {
      const file = join(root, group, dir, "package.json");
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { name: string; private?: boolean };
      packages.set(manifest.name, manifest.private === true);
    }
  }
  return packages;
}

/** The "package": level lines of a changeset's front matter. */
function releases(text: string): { name: string; level: string }[] {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
  return front
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const match = /^"([^"]+)":\s*(\S+)\s*$/.exec(line.trim());
      return { name: match?.[1] ?? line, level: match?.[2] ?? "" };
    });
}

const changesets = readdirSync(join(root, ".changeset"))
  .filter((file) => file.endsWith(".md") && file !== "README.md")
  .map((file) => ({ file, text: readFileSync(join(root, ".changeset", file), "utf8") }));

describe("pending changesets", () => {
  const packages = workspacePackages();

  it.each(changesets)("$file names existing packages at major, minor or patch", ({ text }) => {
    const found = releases(text);
    expect(found.length).toBeGreaterThan(0);
    for (const { name, level } of found) {
      expect(packages.has(name), `unknown package ${name}`).toBe(true);
      expect(["major", "minor", "patch"]).toContain(level);
    }
  });

  it.each(changesets)("$file does not mix published and private packages", ({ text }) => {
    const kinds = new Set(releases(text).map(({ name }) => packages.get(name)));
    expect(kinds.size, "split it: changesets refuses a changeset naming both kinds").toBeLessThanOrEqual(1);
  });
});
