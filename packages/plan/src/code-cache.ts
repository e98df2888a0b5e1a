// A V8 code cache for the CommonJS modules the program's process loads (the Pulumi SDK, the
// Scaleway provider SDK, the blocks, zod, the program), and those of the plan's own process (the
// CLI: core, zod, yaml, policy, the plan's modules), so that a second plan does not parse and
// compile them again. Node 20 has no module.enableCompileCache (Node 22.1 added
// it, https://nodejs.org/api/module.html#moduleenablecompilecachecachedir); this is the classic
// require hook instead: each module is compiled with vm.Script and the cachedData V8 produced for
// it after the program ran (script.createCachedData(), which includes the functions compiled while
// it ran; https://nodejs.org/api/vm.html#scriptcreatecacheddata).
//
// An entry is served only for the exact source it was made from: it is keyed on the file name and
// the SHA-1 of the module's source, in a file keyed on the Node version, the platform and the
// process's V8 flags (V8 itself checks only the source's length and rejects data from another V8
// version or flag set: a rejected entry is compiled again). A missing, corrupt or unreadable cache
// file is no cache. SCALEWAY_BLOCKS_PLAN_EAGER=1 turns it off with the other load-time shortcuts.
import * as crypto from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { Script } from "node:vm";
import { shortcutsEnabled } from "./defer-modules";

/** The environment variable that names the code cache file of the program's process (set by the plan). */
export const CODE_CACHE_ENV = "SCALEWAY_BLOCKS_PLAN_CODE_CACHE";

interface Entry {
  /** SHA-1 of the module's source, as passed to Module.prototype._compile. */
  hash: string;
  data: Buffer;
}

interface CacheFile {
  /** What the data was made by: another Node, platform or set of V8 flags makes a new file. */
  format: string;
  entries: Map<string, Entry>;
}

interface Compile {
  (this: NodeJS.Module, content: string, filename: string, format?: string): unknown;
}

const FORMAT = "scaleway-blocks-plan-code-cache/1";
/** The most cache files kept in the directory (one per project, about 2 MB each): the least recently used go first. */
export const MAX_CACHE_FILES = 24;
/** Where a module's stub finds its compiled wrapper. */
const RUN = Symbol.for("@scaleway-blocks/plan:code-cache");
/** What Node compiles for a module served here: a call of the wrapper compiled from the cache. */
const STUB = `return globalThis[Symbol.for(${JSON.stringify(RUN.description)})](this, arguments);`;
/** The length of the function header Module.wrap puts before a module's source, on its first line. */
const HEADER_LENGTH = Module.wrap("\0").indexOf("\0");

/** Counters for tests and the benchmark: how the modules of this process were compiled. */
export interface CodeCacheStats {
  /** Compiled from a cache entry V8 accepted. */
  hits: number;
  /** Compiled from source: no entry, another source, or an entry V8 rejected. */
  misses: number;
  /** Entries V8 rejected (another V8 version or flags under the same key, or corrupt data). */
  rejected: number;
  /** Whether the cache file was written at the end (only when something was compiled from source). */
  written: boolean;
}

interface State {
  file: string;
  entries: Map<string, Entry>;
  /** Modules compiled from source this run: their data is made at the end, once they have run. */
  fresh: Map<string, { hash: string; script: Script }>;
  stats: CodeCacheStats;
}

let state: State | undefined;

/** The cache directory: $XDG_CACHE_HOME (else ~/.cache) /scaleway-blocks/plan-code-cache. */
export function defaultCodeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "scaleway-blocks", "plan-code-cache");
}

/**
 * The cache file of one kind of process: a project's program process (keyed on the project
 * directory) or the plan's own (keyed on its entry file), one per Node version, platform and Node
 * flags, NODE_OPTIONS included (the flags change what V8 accepts).
 */
export function codeCacheFile(dir: string, owner: string, nodeFlags: readonly string[]): string {
  const key = crypto
    .createHash("sha1")
    .update(
      JSON.stringify([
        owner,
        process.version,
        process.platform,
        process.arch,
        nodeFlags,
        process.env.NODE_OPTIONS ?? "",
      ]),
    )
    .digest("hex")
    .slice(0, 20);
  return join(dir, `${key}.bin`);
}

function format(): string {
  // NODE_OPTIONS may carry V8 flags too, which change what V8 accepts.
  return JSON.stringify([
    FORMAT,
    process.version,
    process.arch,
    process.execArgv,
    process.env.NODE_OPTIONS ?? "",
  ]);
}

function readCache(file: string): Map<string, Entry> {
  try {
    const cache = deserialize(readFileSync(file)) as CacheFile;
    if (cache?.format !== format() || !(cache.entries instanceof Map)) return new Map();
    return cache.entries;
  } catch {
    return new Map(); // missing, unreadable or corrupt: compile from source, and write a new one
  }
}

/** SHA-1 of a module's source (crypto.hash, one call, from Node 20.12). */
function sha1(content: string): string {
  return typeof crypto.hash === "function"
    ? crypto.hash("sha1", content)
    : crypto.createHash("sha1").update(content).digest("hex");
}

/**
 * The line of the comment that points at a module's source map ("\n//# sourceMappingURL=…"), if
 * any: kept in the stub, so that Node still finds the module's source map.
 */
function sourceMapComment(content: string): string {
  const at = content.lastIndexOf("sourceMappingURL=");
  if (at < 0) return "";
  const start = content.lastIndexOf("\n", at) + 1;
  const end = content.indexOf("\n", at);
  return `\n${content.slice(start, end < 0 ? undefined : end)}`;
}

/**
 * From now on, CommonJS modules loaded by this process are compiled with the code cache in `file`
 * (when the load-time shortcuts are on). Call saveCodeCache() once the program has run.
 */
/** A call of import() anywhere in a module's source (a comment or a string saying so counts too). */
const DYNAMIC_IMPORT = /\bimport\s*\(/;

export function enableCodeCache(file: string): void {
  if (state || !shortcutsEnabled()) return;
  const current: State = {
    file,
    entries: readCache(file),
    fresh: new Map(),
    stats: { hits: 0, misses: 0, rejected: 0, written: false },
  };
  state = current;
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  const pending = new Map<string, (...args: unknown[]) => unknown>();
  (globalThis as Record<symbol, unknown>)[RUN] = (thisValue: unknown, args: IArguments): unknown => {
    const filename = args[3] as string;
    const wrapper = pending.get(filename)!;
    pending.delete(filename);
    return Reflect.apply(wrapper, thisValue, args) as unknown;
  };
  proto._compile = function (this: NodeJS.Module, content: string, filename: string, kind?: string) {
    // Only plain CommonJS .js/.cjs files: an ES module, a file with a #! line (V8 accepts it only at
    // the very start of a script) or another extension's loader (ts-node) goes to Node as it is. So
    // does a module that may call import(): Node 20 fails it from a vm.Script in the plan's process
    // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING) and warns that USE_MAIN_CONTEXT_DEFAULT_LOADER is
    // experimental elsewhere.
    if (
      kind === "module" ||
      !/\.c?js$/.test(filename) ||
      content.startsWith("#!") ||
      DYNAMIC_IMPORT.test(content)
    )
      return original.call(this, content, filename, kind);
    const hash = sha1(content);
    const entry = current.entries.get(filename);
    const cachedData = entry?.hash === hash ? entry.data : undefined;
    let script: Script;
    try {
      script = new Script(Module.wrap(content), {
        filename,
        // The wrapper's header is on the first line: columns there are the file's own.
        columnOffset: -HEADER_LENGTH,
        ...(cachedData ? { cachedData } : {}),
      });
    } catch {
      // A syntax error: Node compiles it again and reports it as it always does.
      return original.call(this, content, filename, kind);
    }
    if (cachedData && !script.cachedDataRejected) {
      current.stats.hits++;
    } else {
      if (cachedData) current.stats.rejected++;
      current.stats.misses++;
      current.fresh.set(filename, { hash, script });
    }
    pending.set(filename, script.runInThisContext() as (...args: unknown[]) => unknown);
    // Node compiles and runs a stub that calls the wrapper compiled above, with the require, module
    // and exports Node made for it; the source map comment stays, so Node still reads the map.
    return original.call(this, `${STUB}${sourceMapComment(content)}`, filename, kind);
  };
}

/**
 * Writes the cache file when modules were compiled from source this run (their data now includes
 * the functions compiled while the program ran), with the entries it had: another stack of the
 * project may load modules this run did not (an entry whose source changed is replaced). Never throws.
 */
export function saveCodeCache(): CodeCacheStats | undefined {
  if (!state) return undefined;
  const { file, fresh, entries: previous, stats } = state;
  if (stats.written) return stats;
  if (fresh.size === 0) {
    // Served from the cache: marked as used, so that pruning (by time written) keeps it.
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // a read-only or vanished cache: nothing to mark
    }
    return stats;
  }
  const entries = new Map(previous);
  for (const [filename, { hash, script }] of fresh) {
    try {
      entries.set(filename, { hash, data: script.createCachedData() });
    } catch {
      // no data for this one: it is compiled from source next time
    }
  }
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, serialize({ format: format(), entries } satisfies CacheFile));
    // Atomic: a plan running at the same time reads the old file or the new one, never half of one.
    renameSync(temporary, file);
    stats.written = true;
    fresh.clear();
    pruneCacheFiles(dirname(file));
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
  return stats;
}

/** Deletes the least recently used cache files (written, or served from) beyond MAX_CACHE_FILES. Never throws. */
export function pruneCacheFiles(dir: string, keep = MAX_CACHE_FILES): void {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith(".bin"))
      .map((name) => ({ path: join(dir, name), written: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { path } of files.slice(keep)) unlinkSync(path);
  } catch {
    // another plan pruned at the same time, or the directory is gone: nothing to do
  }
}

/** How this process's modules were compiled (undefined when the cache is off). */
export function codeCacheStats(): CodeCacheStats | undefined {
  return state?.stats;
}
