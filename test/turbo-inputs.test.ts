import { execFileSync } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// turbo.json's inputs decide when a cached result is reused: a file missing from them gives stale
// hits. These tests change one file at a time in a copy of the working tree and compare the task
// hashes of `turbo run … --dry=json` (nothing is built) before and after.

const root = join(__dirname, "..");
/**
 * turbo's native binary, the one its npm shim (node_modules/.bin/turbo, a Node process) starts: called
 * directly, each of the fifty-odd dry runs here costs about 0.1 s of CPU less. The shim where the binary
 * is not found where the shim looks first.
 */
const turbo = (() => {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const arch = process.arch === "x64" ? "64" : process.arch;
  try {
    return createRequire(require.resolve("turbo/package.json")).resolve(
      `@turbo/${platform}-${arch}/bin/turbo${platform === "windows" ? ".exe" : ""}`,
    );
  } catch {
    return join(root, "node_modules", ".bin", "turbo");
  }
})();
/** The steps of the `ci` script (`turbo run … && turbo run …`), each as its words. */
const ciSteps = (
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts
  .ci!.split("&&")
  .map((step) => step.trim().split(/\s+/));
/** The turbo tasks the CI runs: those of every `turbo run` step, without the options. */
const ciTasks = ciSteps
  .filter((words) => words[0] === "turbo" && words[1] === "run")
  .flatMap((words) => words.slice(2).filter((word) => !word.startsWith("-")));

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  directory: string;
  hash: string;
  command: string;
  inputs: Record<string, string>;
  resolvedTaskDefinition: { inputs: string[]; env: string[] };
  dependencies: string[];
}

let copy: string;

/**
 * The packages check:package:all checks (scripts/check-package.mjs's own `--all` selection; its test
 * shows that is every published package), each with its directory and package.json `files`.
 */
async function checkedPackages(): Promise<{ name: string; dir: string; files: string[] }[]> {
  const { packagesToCheck } = (await import(
    pathToFileURL(join(root, "scripts", "check-package.mjs")).href
  )) as { packagesToCheck: () => string[] };
  return packagesToCheck().map((path) => {
    const { name, files } = JSON.parse(readFileSync(join(path, "package.json"), "utf8")) as {
      name: string;
      files: string[];
    };
    return { name, dir: relative(root, path), files };
  });
}

function dryRun(env: Record<string, string> = {}): DryTask[] {
  const out = execFileSync(turbo, ["run", ...ciTasks, "--dry=json"], {
    cwd: copy,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks.filter((t) => t.command !== "<NONEXISTENT>");
}

let last: DryTask[] | undefined;

/** The tasks of the last dry run (one run per change: each compares with the one before). */
const current = (): DryTask[] => (last ??= dryRun());

/**
 * Which tasks a file's change misses, per file: it depends on the file and turbo.json, not on what the
 * file holds, so a file that several tests touch (pnpm-lock.yaml, a package's src) is dry-run once.
 */
const missedByFile = new Map<string, string[]>();

/** The tasks whose hash changes when `file` (relative to the root) changes. */
function tasksMissedAfterTouching(file: string): string[] {
  const known = missedByFile.get(file);
  if (known) return known;
  const before = current();
  mkdirSync(dirname(join(copy, file)), { recursive: true }); // an ignored file may be new
  appendFileSync(join(copy, file), "\n");
  last = dryRun();
  const after = new Map(last.map((t) => [t.taskId, t.hash]));
  const missed = before.filter((t) => after.get(t.taskId) !== t.hash).map((t) => t.taskId);
  missedByFile.set(file, missed);
  return missed;
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
  // A repository as a clone has it (turbo hashes what git tracks, and the root tasks the files git
  // does not ignore); turbo reads the lockfile and the package.json files only, node_modules/turbo just
  // lets it find itself (a real node_modules/ directory, which .gitignore excludes as in a clone).
  execFileSync("git", ["init", "-q"], { cwd: copy });
  execFileSync("git", ["add", "-A"], { cwd: copy });
  mkdirSync(join(copy, "node_modules"));
  symlinkSync(join(root, "node_modules", "turbo"), join(copy, "node_modules", "turbo"));
}, 120_000);

afterAll(() => rmSync(copy, { recursive: true, force: true }), 120_000);

/** The files git tracks in the copy under `paths` (all of them: none). */
const trackedFiles = (...paths: string[]): string[] =>
  execFileSync("git", ["ls-files", "-z", "--cached", ...paths], { cwd: copy, encoding: "utf8" })
    .split("\0")
    .filter(Boolean);

/**
 * The repository files `start` reads (relative to the root), with those their relative imports read in
 * turn. For vitest an import of a .mjs file is that file; for the type checker (`tsc`), the .d.mts
 * beside it (no allowJs), and an import of a .js file is its .ts source.
 */
function importedFiles(start: string[], reader: "vitest" | "tsc"): string[] {
  const pending = [...start];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.[cm]?ts$/.test(file)) continue;
    const text = readFileSync(join(copy, file), "utf8");
    // Import declarations only (at the start of a line), not import text inside a test's strings.
    for (const match of text.matchAll(/^(?:import|export)\b[^"'`;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gm)) {
      const spec = match[1]!;
      const base = join(file, "..", spec);
      const candidates =
        reader === "tsc"
          ? [base.replace(/\.mjs$/, ".d.mts"), base.replace(/\.js$/, ".ts"), `${base}.ts`, `${base}/index.ts`]
          : [base, `${base}.ts`, `${base}/index.ts`];
      const target = candidates.find(
        (f) => existsSync(join(copy, f)) && !statSync(join(copy, f)).isDirectory(),
      );
      expect(target, `${file} imports ${spec}`).toBeDefined();
      pending.push(target!);
    }
  }
  return [...seen];
}

// Each dry run takes under a second on an idle machine, many more on a loaded one.
describe("turbo.json inputs", { timeout: 180_000 }, () => {
  it("every step of the CI is a turbo task: an unchanged tree runs nothing again", () => {
    expect(ciSteps.length).toBeGreaterThan(0);
    for (const words of ciSteps) expect(words.slice(0, 2).join(" ")).toBe("turbo run");
    expect([...new Set(current().map((t) => t.task))].sort()).toEqual([
      "build",
      "build:all",
      "check:package:all",
      "format:check",
      "test",
      "test:engine",
      "test:release",
      "test:repo",
      "typecheck-lint:all",
      "urn-guard",
    ]);
  });

  it("touching tsconfig.base.json misses the cache of every task", () => {
    const all = current().map((t) => t.taskId);
    expect(all.length).toBeGreaterThan(30);
    expect(tasksMissedAfterTouching("tsconfig.base.json").sort()).toEqual(all.sort());
  });

  it("touching eslint.config.mjs misses the cache of every lint task", () => {
    const lints = current()
      .filter((t) => /\blint\b/.test(t.task))
      .map((t) => t.taskId);
    expect(lints.length).toBeGreaterThan(0);
    expect(tasksMissedAfterTouching("eslint.config.mjs")).toEqual(expect.arrayContaining(lints));
  });

  it("a package's vitest.config.mts is an input of its tests", () => {
    expect(tasksMissedAfterTouching("packages/plan/vitest.config.mts")).toContain(
      "@scaleway-blocks/plan#test",
    );
  });

  it("the plan's published JSON schema is an input of check:package:all", () => {
    expect(tasksMissedAfterTouching("packages/plan/schema/plan.schema.json")).toContain(
      "//#check:package:all",
    );
  });

  it("the policy pack fixture the policy tests load from scripts/ is an input of them", () => {
    expect(tasksMissedAfterTouching("scripts/release-fixture/policy-pack.cjs")).toContain(
      "@scaleway-blocks/policy#test",
    );
  });

  it("the repository-wide typecheck and lint, and check:package:all, wait for the build of every published package", async () => {
    const builds = (await checkedPackages()).map((p) => `${p.name}#build`);
    expect(builds.length).toBeGreaterThan(5);
    for (const task of ["//#typecheck-lint:all", "//#check:package:all"]) {
      const rootTask = current().find((t) => t.taskId === task);
      expect(rootTask, task).toBeDefined();
      expect(rootTask!.dependencies, task).toEqual(expect.arrayContaining(builds));
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

  it("check:package:all hashes every file each package publishes (its package.json `files`)", async () => {
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter(Boolean);
    const check = current().find((t) => t.taskId === "//#check:package:all")!;
    const packages = await checkedPackages();
    expect(packages.length).toBeGreaterThan(5);
    for (const { name, dir, files } of packages) {
      const published = files.filter((f) => !f.startsWith("!"));
      // dist/ is built, not tracked: it is what the package's build made from the build's inputs, and
      // check:package:all waits for that build, so the build's hash is part of its hash. (dist/** as an
      // input would be hashed before the build runs: a fresh clone would cache the result under a
      // "no dist/" hash, and the unchanged tree would miss it.)
      expect(check.dependencies, name).toContain(`${name}#build`);
      const publishedTracked = tracked
        .filter((f) => f.startsWith(`${dir}/`))
        .filter((f) => {
          const inPackage = f.slice(dir.length + 1);
          return (
            inPackage === "package.json" ||
            published.some((p) => inPackage === p || inPackage.startsWith(`${p}/`))
          );
        });
      expect(publishedTracked.length, name).toBeGreaterThan(1);
      expect(Object.keys(check.inputs), name).toEqual(expect.arrayContaining(publishedTracked));
    }
  });
  describe("the root tasks (the repository's own checks)", () => {
    // Per root task: a file of each kind it reads (touching it must miss its cache), and files it does
    // not read (touching them must not). format:check, test:repo and test:release read every file git
    // sees (prettier walks the tree; the turbo-inputs test and the release rehearsal copy every tracked
    // file), so only an ignored file is unrelated to them. A package's src reaches urn-guard, the release
    // rehearsal and the engine suite through the builds they wait for (dist/). (Every file of the
    // packages the root package.json depends on, @scaleway-blocks/plan and its workspace dependencies,
    // is in turbo's global hash: touching one, even a test, misses every task; so the unrelated files
    // below lie outside them.)
    const ROOT_TASKS: Record<string, { reads: string[]; unrelated: string[] }> = {
      "//#build:all": {
        reads: [
          "packages/storage/src/bucket.ts",
          "packages/storage/tsconfig.build.json",
          "packages/storage/package.json",
          "deployments/platform/src/index.ts",
          "deployments/platform/tsconfig.build.json",
          "deployments/platform/package.json",
          "tsconfig.build.json",
          "pnpm-workspace.yaml",
          "pnpm-lock.yaml",
        ],
        unrelated: ["docs/plan.md", "deployments/platform/test/plan.test.ts", "test/readme-size.test.ts"],
      },
      "//#typecheck-lint:all": {
        reads: [
          "scripts/typecheck-all.mjs",
          "eslint.config.mjs",
          "packages/storage/src/bucket.ts",
          "packages/storage/test/defaults.test.ts",
          "packages/storage/tsconfig.json",
          "deployments/platform/test/plan.test.ts",
          // The root tests' program (test/tsconfig.json).
          "test/readme-size.test.ts",
          "test/engine/support/s3.ts",
          "test/tsconfig.json",
          "vitest.repo.config.mts",
          "vitest.engine.config.mts",
          "scripts/pulumi-tools.d.mts",
          "package.json",
          "pnpm-lock.yaml",
        ],
        // test/fixtures is data for the tests, in no program it checks (test/tsconfig.json excludes it).
        unrelated: ["docs/plan.md", "test/fixtures/output-in-template.ts", "coverage/ignored.txt"],
      },
      "//#check:package:all": {
        reads: [
          "scripts/check-package.mjs",
          "packages/storage/src/bucket.ts",
          "packages/storage/package.json",
          "packages/storage/README.md",
          "packages/plan/schema/plan.schema.json",
          "pnpm-workspace.yaml",
          "pnpm-lock.yaml",
        ],
        unrelated: ["docs/storage.md", "deployments/platform/test/plan.test.ts", "test/readme-size.test.ts"],
      },
      "//#format:check": {
        reads: ["docs/plan.md", "packages/storage/src/bucket.ts", ".prettierrc.json", "pnpm-lock.yaml"],
        unrelated: ["coverage/ignored.txt"],
      },
      "//#test:repo": {
        reads: [
          "test/readme-size.test.ts",
          "test/fixtures/output-in-template.ts",
          "vitest.repo.config.mts",
          "README.md",
          ".changeset/storage-initial.md",
          "scripts/git-hooks.mjs",
          "packages/storage/src/bucket.ts",
          "packages/storage/test/defaults.test.ts",
          "pnpm-lock.yaml",
        ],
        unrelated: ["coverage/ignored.txt"],
      },
      "//#urn-guard": {
        reads: [
          "scripts/urn-guard.mjs",
          "scripts/urn-guard-cases.mjs",
          "packages/storage/snapshots/urns.json",
          "deployments/platform/snapshots/production.json",
          "deployments/platform/Pulumi.production.yaml",
          ".changeset/storage-initial.md",
          "packages/storage/src/bucket.ts",
          "packages/storage/package.json",
          "pnpm-lock.yaml",
        ],
        unrelated: ["docs/storage.md", "deployments/platform/test/plan.test.ts", "test/readme-size.test.ts"],
      },
      "//#test:release": {
        reads: [
          "scripts/release-test.mjs",
          "scripts/release-fixture/consumer.cjs",
          ".changeset/storage-initial.md",
          "packages/storage/README.md",
          "packages/storage/src/bucket.ts",
          ".npmrc",
          "pnpm-lock.yaml",
        ],
        unrelated: ["coverage/ignored.txt"],
      },
      "//#test:engine": {
        reads: [
          "test/engine/support/s3.ts",
          "vitest.engine.config.mts",
          "scripts/pulumi-tools.versions.json",
          "scripts/pulumi-tools.mjs",
          "packages/plan/src/main.ts",
          "packages/plan/test/fixtures/preview/update.json",
          "packages/storage/src/bucket.ts",
          "pnpm-lock.yaml",
        ],
        unrelated: ["docs/plan.md", "deployments/platform/test/plan.test.ts", "test/readme-size.test.ts"],
      },
    };

    it("are the root tasks the CI runs", () => {
      const rootTasks = current()
        .filter((t) => t.package === "//")
        .map((t) => t.taskId);
      expect(rootTasks.sort()).toEqual(Object.keys(ROOT_TASKS).sort());
    });

    for (const [task, { reads, unrelated }] of Object.entries(ROOT_TASKS)) {
      it(`${task}: touching any file it reads misses its cache`, () => {
        for (const file of reads) expect(tasksMissedAfterTouching(file), file).toContain(task);
      });

      it(`${task}: touching a file it does not read keeps its cache`, () => {
        for (const file of unrelated) expect(tasksMissedAfterTouching(file), file).not.toContain(task);
      });
    }

    it("format:check, test:repo and test:release hash every file git tracks", () => {
      const tracked = trackedFiles();
      expect(tracked.length).toBeGreaterThan(500);
      for (const task of ["//#format:check", "//#test:repo", "//#test:release"]) {
        const hashed = new Set(Object.keys(current().find((t) => t.taskId === task)!.inputs));
        expect(
          tracked.filter((file) => !hashed.has(file)),
          task,
        ).toEqual([]);
      }
    });

    it("test:repo, urn-guard, test:release and test:engine wait for the build of every package", () => {
      const builds = current()
        .filter((t) => t.task === "build")
        .map((t) => t.taskId);
      expect(builds.length).toBeGreaterThan(10);
      for (const task of ["//#test:repo", "//#urn-guard", "//#test:release", "//#test:engine"])
        expect(current().find((t) => t.taskId === task)!.dependencies, task).toEqual(
          expect.arrayContaining(builds),
        );
    });

    it("build:all hashes every file of every project the root solution builds", () => {
      // The solution's references (tsconfig.build.json) are the packages build:all compiles; what each
      // compiles is its src/, under its tsconfig.build.json, with the package.json its imports resolve by.
      const solution = readFileSync(join(copy, "tsconfig.build.json"), "utf8");
      const projects = [...solution.matchAll(/"path":\s*"\.\/([^"]+)\/tsconfig\.build\.json"/g)].map(
        (m) => m[1]!,
      );
      expect(projects.length).toBeGreaterThan(10);
      const tracked = trackedFiles(...projects);
      const read = tracked.filter((f) =>
        projects.some(
          (p) => f.startsWith(`${p}/src/`) || f === `${p}/tsconfig.build.json` || f === `${p}/package.json`,
        ),
      );
      expect(read.length).toBeGreaterThan(projects.length * 3);
      const hashed = Object.keys(current().find((t) => t.taskId === "//#build:all")!.inputs);
      expect(hashed).toEqual(expect.arrayContaining([...read, "tsconfig.build.json", "tsconfig.base.json"]));
    });

    it("the CI builds everything in one process (build:all) in a step before the one that runs the package builds", () => {
      const stepOf = (task: string) =>
        ciSteps.findIndex((words) => words[0] === "turbo" && words.slice(2).includes(task));
      expect(stepOf("build:all")).toBeGreaterThanOrEqual(0);
      // The package builds then find their dist/ up to date; in the same turbo run they could write the
      // same dist/ at the same time. (They do not depend on build:all: a task's hash holds those of the
      // tasks it depends on, so every build, and every test after it, would miss on any change.)
      expect(stepOf("build")).toBeGreaterThan(stepOf("build:all"));
      for (const task of current().filter((t) => t.task === "build"))
        expect(task.dependencies, task.taskId).not.toContain("//#build:all");
    });

    it("each package build waits for the builds of the workspace packages it depends on", () => {
      const builds = current().filter((t) => t.task === "build");
      expect(builds.length).toBeGreaterThan(10);
      const built = new Set(builds.map((t) => t.package));
      let edges = 0;
      for (const build of builds) {
        const manifest = JSON.parse(
          readFileSync(join(copy, build.directory, "package.json"), "utf8"),
        ) as Record<string, Record<string, string> | undefined>;
        const deps = ["dependencies", "devDependencies", "peerDependencies"]
          .flatMap((field) => Object.entries(manifest[field] ?? {}))
          .filter(([name, range]) => range.startsWith("workspace:") && built.has(name))
          .map(([name]) => `${name}#build`);
        expect(build.dependencies, build.taskId).toEqual(expect.arrayContaining(deps));
        edges += deps.length;
      }
      expect(edges).toBeGreaterThan(builds.length);
    });

    it("urn-guard hashes every snapshot, stack configuration and changeset", () => {
      const tracked = trackedFiles();
      const read = tracked.filter(
        (f) =>
          /^(packages|deployments)\/[^/]+\/snapshots\//.test(f) ||
          /^deployments\/[^/]+\/Pulumi(\.[\w-]+)?\.yaml$/.test(f) ||
          /^\.changeset\/[^/]+\.md$/.test(f) ||
          /^scripts\/urn-guard/.test(f),
      );
      expect(read.length).toBeGreaterThan(20);
      const hashed = Object.keys(current().find((t) => t.taskId === "//#urn-guard")!.inputs);
      expect(hashed).toEqual(expect.arrayContaining(read));
    });

    it("test:engine hashes every file of test/engine and every repository file its tests import", () => {
      const hashed = new Set(Object.keys(current().find((t) => t.taskId === "//#test:engine")!.inputs));
      const files = trackedFiles("test/engine");
      expect(files.length).toBeGreaterThan(5);
      const seen = importedFiles(files, "vitest");
      for (const file of seen) expect(hashed.has(file), file).toBe(true);
      expect(seen.some((f) => f.startsWith("packages/plan/src/"))).toBe(true);
      // The preview test compares the real CLI's output with the plan's fixtures.
      for (const fixture of readdirSync(join(copy, "packages/plan/test/fixtures/preview")))
        expect(hashed.has(`packages/plan/test/fixtures/preview/${fixture}`), fixture).toBe(true);
    });

    it("typecheck-lint:all hashes every repository file the root tests' program reads", () => {
      // test/tsconfig.json: test/**/*.ts but test/fixtures, the two root vitest configs, and what their
      // relative imports read (the workspace packages they import by name are read from dist/, built by
      // the builds the task waits for).
      const config = ts.readConfigFile(join(copy, "test", "tsconfig.json"), (file) => ts.sys.readFile(file));
      const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(copy, "test"));
      const included = parsed.fileNames.map((f) => relative(copy, f));
      expect(included).toEqual(
        expect.arrayContaining(["vitest.repo.config.mts", "test/turbo-inputs.test.ts"]),
      );
      expect(included.some((f) => f.startsWith("test/engine/"))).toBe(true);
      expect(included.filter((f) => f.startsWith("test/fixtures/"))).toEqual([]);
      const read = [
        ...importedFiles(included, "tsc"),
        "test/tsconfig.json",
        "tsconfig.base.json",
        "package.json",
      ];
      expect(read).toEqual(
        expect.arrayContaining(["scripts/pulumi-tools.d.mts", "packages/plan/src/main.ts"]),
      );
      const hashed = Object.keys(current().find((t) => t.taskId === "//#typecheck-lint:all")!.inputs);
      expect(hashed).toEqual(expect.arrayContaining(read));
    });

    it("typecheck:all hashes what typecheck-lint:all does for its type check (all but the lint config)", () => {
      const tasks = (
        JSON.parse(readFileSync(join(root, "turbo.json"), "utf8")) as {
          tasks: Record<string, { inputs: string[]; dependsOn: string[] }>;
        }
      ).tasks;
      const typecheck = tasks["//#typecheck:all"]!;
      const both = tasks["//#typecheck-lint:all"]!;
      expect(typecheck.inputs.sort()).toEqual(both.inputs.filter((i) => i !== "eslint.config.mjs").sort());
      expect(typecheck.dependsOn.sort()).toEqual(both.dependsOn.sort());
    });

    it("the variables that change what a root task does are part of its hash", () => {
      const hashes = (env: Record<string, string>) =>
        new Map(dryRun(env).map((t) => [t.taskId, t.hash] as const));
      const base = new Map(current().map((t) => [t.taskId, t.hash] as const)); // the tree as it is now
      const changed = (env: Record<string, string>) => {
        const after = hashes(env);
        return [...base.keys()].filter((id) => after.get(id) !== base.get(id)).sort();
      };
      expect(changed({ GOPROXY: "https://proxy.example" })).toEqual(["//#test:engine"]);
      expect(changed({ SCALEWAY_BLOCKS_TOOLS_DIR: "/elsewhere" })).toEqual(["//#test:engine"]);
      expect(changed({ UPDATE_PREVIEW_FIXTURES: "1" })).toEqual(["//#test:engine"]);
      expect(changed({ HOOKS_TYPED_LINT: "1" })).toEqual(["//#test:repo"]);
      expect(changed({ npm_config_registry: "http://127.0.0.1:1/" })).toEqual(["//#test:release"]);
      expect(changed({ CI: process.env.CI === "true" ? "false" : "true" })).toEqual([
        "//#test:engine",
        "//#test:repo",
      ]);
    });
  });
});
