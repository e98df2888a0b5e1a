import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// turbo.json's inputs decide when a cached result is reused: a file missing from them gives stale
// hits. These tests change one file at a time in a copy of the working tree and compare the task
// hashes of `turbo run … --dry=json` (nothing is built) before and after.

const root = join(__dirname, "..");
const turbo = join(root, "node_modules", ".bin", "turbo");
/** The turbo tasks the CI runs, read from the `ci` script (`turbo run build typecheck …`). */
const ciTasks = (() => {
  const ci = (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts.ci!;
  const step = ci.split("&&").find((s) => s.trim().startsWith("turbo run"));
  return step!.trim().split(/\s+/).slice(2);
})();

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  hash: string;
  command: string;
  inputs: Record<string, string>;
  resolvedTaskDefinition: { inputs: string[] };
}

let copy: string;

function dryRun(): DryTask[] {
  const out = execFileSync(turbo, ["run", ...ciTasks, "--dry=json"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== "<NONEXISTENT>");
}

let last: DryTask[] | undefined;

/** The tasks of the last dry run (one run per change: each compares with the one before). */
const current = (): DryTask[] => (last ??= dryRun());

/** The tasks whose hash changes when `file` (relative to the root) changes. */
function tasksMissedAfterTouching(file: string): string[] {
  const before = current();
  appendFileSync(join(copy, file), "\n");
  last = dryRun();
  const after = new Map(last.map((t) => [t.taskId, t.hash]));
  return before.filter((t) => after.get(t.taskId) !== t.hash).map((t) => t.taskId);
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "turbo-inputs-"));
  const files = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(copy, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error; // deleted, not yet committed
    }
  }
  // A repository as a clone has it (turbo hashes what git tracks); turbo reads the lockfile and the
  // package.json files only, node_modules just lets it find itself.
  execFileSync("git", ["init", "-q"], { cwd: copy });
  execFileSync("git", ["add", "-A"], { cwd: copy });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }), 120_000);

// Each dry run takes under a second on an idle machine, many more on a loaded one.
describe("turbo.json inputs", { timeout: 180_000 }, () => {
  it("the CI's turbo step runs build, typecheck, lint, test and check:package", () => {
    const phases = new Set(current().map((t) => t.task.split(":")[0]));
    expect([...phases].sort()).toEqual(["build", "check", "lint", "test", "typecheck"]);
  });

  it("touching tsconfig.base.json misses the cache of every task", () => {
    const all = current().map((t) => t.taskId);
    expect(all.length).toBeGreaterThan(30);
    expect(tasksMissedAfterTouching("tsconfig.base.json").sort()).toEqual(all.sort());
  });

  it("touching eslint.config.mjs misses the cache of every lint task", () => {
    const lints = current()
      .filter((t) => t.task.startsWith("lint"))
      .map((t) => t.taskId);
    expect(lints.length).toBeGreaterThan(0);
    expect(tasksMissedAfterTouching("eslint.config.mjs")).toEqual(expect.arrayContaining(lints));
  });

  it("a package's vitest.config.mts is an input of its tests", () => {
    expect(tasksMissedAfterTouching("packages/plan/vitest.config.mts")).toContain(
      "@scaleway-blocks/plan#test",
    );
  });

  it("the plan's published JSON schema is an input of its check:package", () => {
    expect(tasksMissedAfterTouching("packages/plan/schema/plan.schema.json")).toContain(
      "@scaleway-blocks/plan#check:package",
    );
  });

  it("the policy pack fixture the policy tests load from scripts/ is an input of them", () => {
    expect(tasksMissedAfterTouching("scripts/release-fixture/policy-pack.cjs")).toContain(
      "@scaleway-blocks/policy#test",
    );
  });

  it("the repository-wide typecheck and lint wait for the build of every published package", () => {
    const published = current()
      .filter((t) => t.task === "check:package")
      .map((t) => `${t.package}#build`);
    expect(published.length).toBeGreaterThan(5);
    for (const task of ["//#typecheck:all", "//#lint:all"]) {
      const rootTask = current().find((t) => t.taskId === task);
      expect(rootTask, task).toBeDefined();
      expect(rootTask!.dependencies, task).toEqual(expect.arrayContaining(published));
    }
  });

  it("lint:all lints what every package's own lint script lints (src and test)", () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    const linted = scripts["lint:all"]!.split(/\s+/).slice(1);
    const workspace = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
    const dirs = [...workspace.matchAll(/^\s+-\s+"?([\w.-]+)\/\*"?\s*$/gm)].map((m) => m[1]!);
    expect(dirs.length).toBeGreaterThan(1);
    for (const dir of dirs)
      expect(linted, dir).toEqual(expect.arrayContaining([`${dir}/*/src`, `${dir}/*/test`]));
    const packageScripts = dirs.flatMap((dir) =>
      readdirSync(join(root, dir), { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(join(root, dir, e.name, "package.json")))
        .map((e) => {
          const manifest = JSON.parse(readFileSync(join(root, dir, e.name, "package.json"), "utf8")) as {
            scripts?: Record<string, string>;
          };
          return [`${dir}/${e.name}`, manifest.scripts?.lint] as const;
        }),
    );
    expect(packageScripts.length).toBeGreaterThan(10);
    for (const [pkg, lint] of packageScripts)
      if (lint) expect(lint, pkg).toMatch(/^eslint src test( --ignore-pattern 'test\/fixtures\/\*\*')?$/);
  });

  it("check:package hashes every file a package publishes (its package.json `files`)", () => {
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter(Boolean);
    const checks = current().filter((t) => t.task === "check:package");
    expect(checks.length).toBeGreaterThan(5);
    for (const check of checks) {
      const dir = `packages/${check.package.replace("@scaleway-blocks/", "")}/`;
      const manifest = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
        files: string[];
      };
      const published = manifest.files.filter((f) => !f.startsWith("!"));
      // dist/ is built, not tracked: it must be named in the inputs.
      expect(check.resolvedTaskDefinition.inputs, check.taskId).toContain("dist/**");
      const publishedTracked = tracked
        .filter((f) => f.startsWith(dir))
        .map((f) => f.slice(dir.length))
        .filter((f) => f === "package.json" || published.some((p) => f === p || f.startsWith(`${p}/`)));
      expect(publishedTracked.length, check.taskId).toBeGreaterThan(1);
      expect(Object.keys(check.inputs), check.taskId).toEqual(expect.arrayContaining(publishedTracked));
    }
  });
});
