// The process that runs the project's program for the plan (started by run-program.ts): it loads the
// program the way @pulumi/pulumi's cmd/run/run.js does, under the Scaleway mocks of
// @scaleway-blocks/recorder, and sends the recorded graph back over the IPC channel. It runs apart
// from the plan so that the plan can stop a program that hangs, and so that what the program does to
// its process (chdir, globals, timers, process.exit) stays out of the plan's.
import { existsSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { extname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Recorder from "@scaleway-blocks/recorder";
import { CODE_CACHE_ENV, enableCodeCache, saveCodeCache } from "./code-cache";
import { deferModules, UNUSED_SDK_PARTS, ZOD_LOCALES } from "./defer-modules";
import type { HostJob, HostMessage, PlanMessage, WireError } from "./program-wire";
import { encodeGraph, encodeValue } from "./program-wire";

let finished = false;

function send(message: HostMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, undefined, () => resolve());
  });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** "a.b.c" → [a, b, c] numbers, for the TypeScript version check Pulumi makes (>= 4.7: nodenext). */
function atLeast(version: string, wanted: [number, number]): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > wanted[0] || (major === wanted[0] && minor >= wanted[1]);
}

/**
 * Registers ts-node as @pulumi/pulumi 3.248's cmd/run/run.js does when PULUMI_NODEJS_TYPESCRIPT is
 * true: the ts-node and TypeScript its tsutils find (the project's, else the SDK's vendored
 * ts-node 7.0.1 and TypeScript 3.8.3), the tsconfig's compiler options over target ES2020 and
 * module nodenext (commonjs before TypeScript 4.7), source maps on, and type checking unless
 * PULUMI_NODEJS_TRANSPILE_ONLY=true or the tsconfig sets noCheck. The registration waits until the
 * first .ts file is loaded, so that a compiled program does not pay for loading the compiler
 * (unless the tsconfig sets allowJs, where ts-node compiles .js files too).
 */
function registerTypeScript(job: HostJob, tsconfig: string): void {
  const projectRequire = createRequire(join(job.programDir, "__program__.js"));
  let sdkRequire: NodeJS.Require;
  try {
    sdkRequire = createRequire(projectRequire.resolve("@pulumi/pulumi/tsutils"));
  } catch {
    return; // no SDK next to the program: the mocks' warning says so
  }
  const tsutils = sdkRequire("./tsutils") as {
    loadTypeScriptCompilerOptions(path: string): Record<string, unknown>;
    typeScriptRequireStrings(): { tsnodeRequire: string; typescriptRequire: string };
  };
  const skipProject = !existsSync(tsconfig);
  if (skipProject && job.typescript?.tsconfig !== "tsconfig.json")
    throw new Error(`tsconfig path was set to ${tsconfig} but the file was not found`);
  const compilerOptions = tsutils.loadTypeScriptCompilerOptions(tsconfig);
  const register = () => {
    const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
    const transpileOnlyEnv = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    const transpileOnly = transpileOnlyEnv ? transpileOnlyEnv === "true" : compilerOptions.noCheck;
    const ts = sdkRequire(typescriptRequire) as { version: string };
    const nodeNext = atLeast(ts.version, [4, 7]);
    const tsNode = sdkRequire(tsnodeRequire) as { register(options: unknown): unknown };
    tsNode.register({
      compiler: typescriptRequire,
      transpileOnly,
      project: tsconfig,
      skipProject,
      compilerOptions: {
        target: "ES2020",
        module: nodeNext ? "nodenext" : "commonjs",
        moduleResolution: nodeNext ? "nodenext" : "node",
        sourceMap: "true",
        ...compilerOptions,
      },
    });
  };
  if (compilerOptions.allowJs === true) return register();
  const extensions = require.extensions;
  const loadJs = extensions[".js"];
  let registered = false;
  for (const ext of [".ts", ".tsx"]) {
    extensions[ext] = (module: NodeJS.Module, filename: string): void => {
      // ts-node's own hook calls the one it replaced (this one) once it has set up the compilation.
      if (registered) {
        loadJs(module, filename);
        return;
      }
      registered = true;
      register();
      extensions[extname(filename)]!(module, filename);
    };
  }
}

/** Loads the program as Pulumi does: require() for CommonJS, import() for an ES module package. */
async function load(job: HostJob): Promise<unknown> {
  if (job.esm) {
    let mainPath = realpathSync(job.mainPath);
    if (isDirectory(mainPath)) {
      const index = ["index.js", "index.mjs", "index.ts", "index.mts"].find((f) =>
        existsSync(join(mainPath, f)),
      );
      if (index === undefined) throw new Error(`No entrypoint found in ${mainPath}`);
      mainPath = join(mainPath, index);
    }
    const namespace = (await import(pathToFileURL(mainPath).href)) as Record<string, unknown>;
    // An ES module's default export is the program (named exports beside it are refused, as by Pulumi).
    if (Object.getOwnPropertyDescriptor(namespace, "default") !== undefined) {
      if (Object.keys(namespace).length !== 1)
        throw new Error(
          "expected entrypoint module to have either a default export or named exports but not both",
        );
      return namespace.default;
    }
    return { ...namespace };
  }
  const program =
    isDirectory(job.mainPath) && !job.mainPath.endsWith(sep) ? job.mainPath + sep : job.mainPath;
  return createRequire(__filename)(program) as unknown;
}

/**
 * Runs what the module exported, as Pulumi does: a function is called and its result awaited; any
 * other value (the module's exports, or a promise of them) is the stack outputs. One addition for
 * the plan's original project contract: a module exporting `main()` has it called, with a warning,
 * since `pulumi up` would not call it.
 */
async function runExports(exported: unknown, warnings: string[]): Promise<unknown> {
  if (typeof exported === "function") return await (exported as () => unknown)();
  if (exported !== null && typeof exported === "object") {
    const named = exported as Record<string, unknown>;
    if (typeof named.main === "function") {
      warnings.push(
        "the program exports main(), which pulumi up does not call (Pulumi calls the module when it is itself a function, or an ES module's default export): the plan called it, but pulumi up would create nothing. Export the function itself, e.g. export = Object.assign(() => main(), { main })",
      );
      return await (named.main as () => unknown)();
    }
    if (typeof named.default === "function")
      warnings.push(
        "the program's default export is a function, which Pulumi does not call in a CommonJS module (only in an ES module, or when the module itself is the function: export = async () => { … }): neither pulumi up nor the plan ran it",
      );
  }
  return await exported;
}

const FRAME = /^\s*at (?:.*? \()?((?:file:\/\/)?[^()\s]+?):(\d+):(\d+)\)?$/;

/** The first place of the project's own code in a stack (or a TypeScript diagnostic), relative to it. */
function locate(error: Error, projectDir: string): string | undefined {
  const display = (file: string, line: string, column?: string) => {
    const path = file.startsWith("file://") ? fileURLToPath(file) : file;
    const shown = isAbsolute(path) ? relative(projectDir, path) : path;
    return `${shown}:${line}${column ? `:${column}` : ""}`;
  };
  const tsDiagnostic = /^(\S.*?)\((\d+),(\d+)\): error TS\d+/m.exec(error.message);
  if (tsDiagnostic) return display(tsDiagnostic[1]!, tsDiagnostic[2]!, tsDiagnostic[3]);
  const lines = (error.stack ?? "").split("\n");
  // A SyntaxError at load time: Node puts "<file>:<line>" first, above the offending code.
  const syntax = /^((?:file:\/\/)?\/.+?):(\d+)$/.exec(lines[0] ?? "");
  if (syntax) return display(syntax[1]!, syntax[2]!);
  for (const line of lines) {
    const frame = FRAME.exec(line);
    if (!frame) continue;
    const file = frame[1]!.startsWith("file://") ? fileURLToPath(frame[1]!) : frame[1]!;
    if (!isAbsolute(file) || file.includes(`${sep}node_modules${sep}`)) continue;
    if (relative(projectDir, file).startsWith("..")) continue;
    return display(file, frame[2]!, frame[3]);
  }
  return undefined;
}

function describe(error: unknown, projectDir: string): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const location = locate(error, projectDir);
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(location ? { location } : {}),
  };
}

/**
 * Loads @scaleway-blocks/recorder and the Pulumi SDK without what a mock run does not use until it
 * is used (defer-modules.ts). The stack traces the SDK takes for the engine are skipped by record()
 * itself, while the program runs (@scaleway-blocks/recorder's src/sdk-stacks.ts).
 */
function loadRecorder(): typeof Recorder {
  deferModules([...UNUSED_SDK_PARTS, ...ZOD_LOCALES]);
  return createRequire(__filename)("@scaleway-blocks/recorder") as typeof Recorder;
}

async function main(): Promise<void> {
  // The code cache first, so that it serves the SDK's modules too (code-cache.ts).
  const codeCache = process.env[CODE_CACHE_ENV];
  delete process.env[CODE_CACHE_ENV];
  if (codeCache) enableCodeCache(codeCache);
  const { record } = loadRecorder();
  const job = await jobReceived;
  process.setSourceMapsEnabled(true);
  process.chdir(job.programDir);
  const warnings: string[] = [];
  try {
    if (job.typescript) registerTypeScript(job, job.typescript.tsconfig);
    const { graph } = await record(
      async () => {
        await send({ type: "started" });
        return await runExports(await load(job), warnings);
      },
      {
        project: job.project,
        stack: job.stack,
        config: job.config,
        secretConfigKeys: job.secretConfigKeys,
        region: job.region,
        settleTimeoutMs: job.settleTimeoutMs,
      },
    );
    finished = true;
    // The stack outputs as the SDK registered them (resolved values, not Output objects).
    const outputs = encodeValue(graph.stackOutputs);
    await send({ type: "result", graph: encodeGraph(graph), outputs, warnings });
  } catch (error) {
    finished = true;
    await send({ type: "error", error: describe(error, job.projectDir) });
  }
  // Once the program has run (its functions compiled), and after the plan has its result.
  saveCodeCache();
}

// The job comes from the plan once it has read the project (the process may start before).
let receiveJob: (job: HostJob) => void;
const jobReceived = new Promise<HostJob>((resolve) => (receiveJob = resolve));
process.on("message", (message: PlanMessage) => {
  if (message?.type === "job") {
    // The channel must not keep the process alive: the process ends when the program's work does.
    process.channel?.unref();
    receiveJob(message.job);
  }
  // The plan asks whether the event loop still turns (a program waiting) or not (a busy loop).
  else if (message?.type === "ping") void send({ type: "pong" });
});
// Until the job comes, the channel keeps the process alive (it ends if the plan goes away).
// Nothing left to run while the program has not finished: its promise can never settle.
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  void send({ type: "unsettled" });
});
void main();
