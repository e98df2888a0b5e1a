// The V8 code cache of the program's process (src/code-cache.ts): a module is served from the cache
// only for the exact source the entry was made from, and a corrupt, stale or rejected entry is
// compiled again. Each case runs in its own Node process (the cache hooks Node's module loader),
// with the built dist/code-cache.js; mock runs of a program at the end.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { codeCacheFile, defaultCodeCacheDir, pruneCacheFiles } from "../src/code-cache";
import { EAGER_ENV } from "../src/defer-modules";
import { loadProject, runProgram } from "../src/index";
import { PROGRAM_NODE_FLAGS } from "../src/program-flags";
import { FIXTURES } from "./helpers";

const CODE_CACHE = resolve(__dirname, "..", "dist", "code-cache.js");

/** Loads `entry` in a new Node process with the code cache in `cacheFile`: its exports or its error. */
const DRIVER = `
const codeCache = require(process.argv[1]);
codeCache.enableCodeCache(process.argv[2]);
const out = {};
try {
  out.value = require(process.argv[3]);
} catch (error) {
  out.error = error.stack.split("\\n").slice(0, 2).map((line) => line.trim());
}
out.stats = codeCache.saveCodeCache() ?? null;
process.stdout.write(JSON.stringify(out));
`;

interface Loaded {
  value?: unknown;
  error?: string[];
  stats: { hits: number; misses: number; rejected: number; written: boolean } | null;
}

let dir: string;
let cacheFile: string;

function load(entry: string, env: Record<string, string> = {}): Loaded {
  const result = spawnSync(process.execPath, ["-e", DRIVER, CODE_CACHE, cacheFile, join(dir, entry)], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as Loaded;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "plan-code-cache-"));
  cacheFile = join(dir, "cache", "modules.bin");
  writeFileSync(join(dir, "main.js"), 'module.exports = require("./answer.js") + 1;\n');
  writeFileSync(join(dir, "answer.js"), "module.exports = 41;\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the program process's code cache", () => {
  it("compiles the modules from source the first time, then serves them from the cache", () => {
    expect(load("main.js")).toEqual({
      value: 42,
      stats: { hits: 0, misses: 2, rejected: 0, written: true },
    });
    expect(load("main.js")).toEqual({
      value: 42,
      stats: { hits: 2, misses: 0, rejected: 0, written: false },
    });
  });

  it("marks the cache file as used when it served every module, so that pruning keeps it", () => {
    load("main.js");
    utimesSync(cacheFile, 1000, 1000);
    expect(load("main.js").stats?.hits).toBe(2);
    expect(statSync(cacheFile).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  it("does not serve a changed source from the cache, even of the same length", () => {
    load("main.js");
    writeFileSync(join(dir, "answer.js"), "module.exports = 51;\n");
    expect(load("main.js")).toEqual({
      value: 52,
      stats: { hits: 1, misses: 1, rejected: 0, written: true },
    });
    expect(load("main.js").stats).toEqual({ hits: 2, misses: 0, rejected: 0, written: false });
  });

  it("keeps the entries of modules another run loaded (another stack of the project)", () => {
    writeFileSync(join(dir, "other.js"), 'module.exports = "other";\n');
    load("main.js");
    expect(load("other.js").stats).toEqual({ hits: 0, misses: 1, rejected: 0, written: true });
    expect(load("main.js").stats).toEqual({ hits: 2, misses: 0, rejected: 0, written: false });
    expect(load("other.js").stats).toEqual({ hits: 1, misses: 0, rejected: 0, written: false });
  });

  it("ignores a corrupt cache file, and writes a new one", () => {
    load("main.js");
    writeFileSync(cacheFile, "not a cache");
    expect(load("main.js")).toEqual({
      value: 42,
      stats: { hits: 0, misses: 2, rejected: 0, written: true },
    });
    expect(load("main.js").stats?.hits).toBe(2);
  });

  it("compiles again a module whose cached data V8 rejects, and replaces the entry", () => {
    load("main.js");
    const cache = deserialize(readFileSync(cacheFile)) as {
      entries: Map<string, { hash: string; data: Buffer }>;
    };
    const entry = cache.entries.get(join(dir, "answer.js"))!;
    entry.data = Buffer.alloc(entry.data.length, 7);
    writeFileSync(cacheFile, serialize(cache));
    expect(load("main.js")).toEqual({
      value: 42,
      stats: { hits: 1, misses: 1, rejected: 1, written: true },
    });
    expect(load("main.js").stats?.hits).toBe(2);
  });

  it("reports an error at the file, line and column Node reports without the cache", () => {
    writeFileSync(join(dir, "throws.js"), '"use strict"; throw new Error("first line");\n');
    writeFileSync(join(dir, "later.js"), '"use strict";\n\n  null.property;\n');
    const eager = { [EAGER_ENV]: "1" };
    for (const entry of ["throws.js", "later.js"]) {
      const withoutCache = load(entry, eager);
      expect(withoutCache.stats).toBeNull();
      expect(load(entry).error).toEqual(withoutCache.error);
      expect(load(entry).error).toEqual(withoutCache.error);
    }
    expect(load("throws.js").error?.[1]).toBe(`at Object.<anonymous> (${join(dir, "throws.js")}:1:21)`);
  });

  it("leaves files with a #! line and syntax errors to Node", () => {
    writeFileSync(join(dir, "script.js"), '#!/usr/bin/env node\nmodule.exports = "ran";\n');
    expect(load("script.js")).toEqual({
      value: "ran",
      stats: { hits: 0, misses: 0, rejected: 0, written: false },
    });
    writeFileSync(join(dir, "broken.js"), "module.exports = ;\n");
    const broken = load("broken.js");
    expect(broken.error?.[0]).toBe(`${join(dir, "broken.js")}:1`);
    expect(broken.stats).toEqual({ hits: 0, misses: 0, rejected: 0, written: false });
  });

  it("leaves a module that calls import() to Node, which loads what it imports, without a warning", () => {
    writeFileSync(
      join(dir, "lazy.js"),
      'exports.sep = () => import("node:path").then((path) => path.sep);\n',
    );
    const driver = `
const codeCache = require(process.argv[1]);
codeCache.enableCodeCache(process.argv[2]);
require(process.argv[3]).sep().then((sep) => {
  process.stdout.write(JSON.stringify({ sep, stats: codeCache.saveCodeCache() ?? null }));
});
`;
    const result = spawnSync(process.execPath, ["-e", driver, CODE_CACHE, cacheFile, join(dir, "lazy.js")], {
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toMatchObject({ sep: "/", stats: { hits: 0, misses: 0 } });
  });

  it("keeps the data of other V8 flags (NODE_OPTIONS) apart: another file, and not served from this one", () => {
    const plain = codeCacheFile(dir, "owner", []);
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = "--max-semi-space-size=32";
    try {
      expect(codeCacheFile(dir, "owner", [])).not.toBe(plain);
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
    }
    expect(codeCacheFile(dir, "owner", ["--stack-size=2000"])).not.toBe(plain);
    load("main.js");
    expect(load("main.js", { NODE_OPTIONS: "--max-semi-space-size=32" }).stats).toEqual({
      hits: 0,
      misses: 2,
      rejected: 0,
      written: true,
    });
  });

  it("is off with the load-time shortcuts off (SCALEWAY_BLOCKS_PLAN_EAGER=1)", () => {
    expect(load("main.js", { [EAGER_ENV]: "1" })).toEqual({ value: 42, stats: null });
    expect(() => statSync(cacheFile)).toThrow();
  });
});

describe("a program planned with the code cache", () => {
  const saved = process.env.XDG_CACHE_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });

  it("records the same graph from the cache as with everything loaded eagerly", async () => {
    process.env.XDG_CACHE_HOME = dir;
    const project = loadProject(join(FIXTURES, "platform"), "dev");
    const file = codeCacheFile(defaultCodeCacheDir(), project.dir, [
      ...PROGRAM_NODE_FLAGS,
      ...project.nodeargs,
    ]);
    expect(file.startsWith(join(dir, "scaleway-blocks", "plan-code-cache"))).toBe(true);
    const first = await runProgram(project);
    const written = statSync(file).ino;
    const cached = await runProgram(project);
    // Served from the cache: nothing was compiled from source, so no new file replaced it.
    expect(statSync(file).ino).toBe(written);
    process.env[EAGER_ENV] = "1";
    try {
      const eager = await runProgram(project);
      expect(cached.graph.resources).toEqual(eager.graph.resources);
      expect(cached.outputs).toEqual(eager.outputs);
      expect(first.graph.resources).toEqual(eager.graph.resources);
    } finally {
      delete process.env[EAGER_ENV];
    }
  });
});

describe("the code cache directory", () => {
  it("keeps the most recently written cache files and deletes the others", () => {
    const cacheDir = join(dir, "many");
    mkdirSync(cacheDir);
    for (let i = 1; i <= 5; i++) {
      writeFileSync(join(cacheDir, `${i}.bin`), "");
      utimesSync(join(cacheDir, `${i}.bin`), i * 1000, i * 1000);
    }
    writeFileSync(join(cacheDir, "other.txt"), "");
    pruneCacheFiles(cacheDir, 3);
    expect(readdirSync(cacheDir).sort()).toEqual(["3.bin", "4.bin", "5.bin", "other.txt"]);
  });

  it("holds, after a plan by the CLI, one file for the plan's own process and one for the project's", () => {
    const CLI = resolve(__dirname, "..", "dist", "cli.js");
    const plan = (env: Record<string, string>) =>
      spawnSync(process.execPath, [CLI, "plan", "--stack", "dev", "--cwd", join(FIXTURES, "top-level")], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: dir, ...env },
      }).status;
    const cacheDir = join(dir, "scaleway-blocks", "plan-code-cache");
    expect(plan({ [EAGER_ENV]: "1" })).toBe(0);
    expect(existsSync(cacheDir)).toBe(false);
    expect(plan({})).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});
