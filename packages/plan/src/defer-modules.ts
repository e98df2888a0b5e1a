// Deferring modules a process loads but may never use, to their first use. @pulumi/pulumi 3.248
// loads TypeScript (through its typescript-shim.js, a 9 MB file) and the npm installer stack
// (@npmcli/arborist, pacote, sigstore, through runtime/closure/codePaths.js) when it is imported,
// though only closure serialisation (pulumi.runtime.serializeFunction, computeCodePaths) and the
// provider analyzer use them: measured in issue 19, they are about 60 % of the time it takes to load
// the SDK. The plan's processes install a require hook that hands out a stand-in for these modules
// instead, and loads the real module the first time anything is read from the stand-in: a program
// that serialises a closure or runs through ts-node still gets the real TypeScript (test/deferred).
import Module from "node:module";

/** A module to defer: the request as written in require(), and the file it must resolve to. */
export interface Deferral {
  /** The require() argument, e.g. "../../typescript-shim" (compared as written, before resolving). */
  request: string;
  /** The resolved file must end with this path, e.g. "/@pulumi/pulumi/typescript-shim.js". */
  file: string;
  /** Only when required by a module whose path contains this, e.g. "/@pulumi/pulumi/" (default: any). */
  from?: string;
  /**
   * The value of the real module's `__esModule` flag, answered without loading it: TypeScript's
   * `__importStar` reads the flag as soon as the module is imported (true for compiled TypeScript).
   */
  esModule?: boolean;
  /**
   * Exports known to be functions that a module importing this one copies at load time (runtime's
   * `exports.computeCodePaths = codePaths_1.computeCodePaths`): read before the load, each is a
   * function that loads the real module when called and calls the real export.
   */
  functions?: readonly string[];
  /**
   * The module's export names, listed without loading it: TypeScript's `__exportStar` lists a
   * re-exported module's keys as soon as it is imported, and makes a getter for each, which loads
   * the real module when read (test/deferred checks the list against the real module).
   */
  keys?: readonly string[];
}

interface ModuleInternals {
  _load: (this: unknown, request: string, parent: NodeJS.Module | undefined, isMain: boolean) => unknown;
  _resolveFilename: (request: string, parent: NodeJS.Module | undefined, isMain: boolean) => string;
}

const internals = Module as unknown as ModuleInternals;
/** Stand-ins handed out, by resolved file name, and the real modules once loaded. */
const standIns = new Map<string, object>();
/** The files whose real module has been loaded (by a read from its stand-in). */
const loadedFiles = new Set<string>();

/**
 * An object that loads the real module on the first read (or any other inspection) and then
 * behaves as it. Only the `__esModule` flag is answered before, from what the deferral declares.
 */
function standIn(deferral: Deferral, loadReal: () => object): object {
  let real: object | undefined;
  const target = (): object => (real ??= loadReal());
  return new Proxy(
    {},
    {
      get: (_, key) => {
        if (real === undefined && key === "__esModule" && deferral.esModule !== undefined)
          return deferral.esModule;
        if (real === undefined && typeof key === "string" && deferral.functions?.includes(key))
          return (...args: unknown[]): unknown =>
            (Reflect.get(target(), key) as (...a: unknown[]) => unknown)(...args);
        return Reflect.get(target(), key) as unknown;
      },
      set: (_, key, value) => Reflect.set(target(), key, value),
      has: (_, key) => Reflect.has(target(), key),
      ownKeys: () => (real === undefined && deferral.keys ? [...deferral.keys] : Reflect.ownKeys(target())),
      getOwnPropertyDescriptor: (shadow, key) => {
        if (real === undefined && typeof key === "string" && deferral.keys?.includes(key))
          return { configurable: true, enumerable: true, writable: true, value: undefined };
        const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
        // A proxy may only report a property as non-configurable when its target has it so.
        if (descriptor && !descriptor.configurable) Object.defineProperty(shadow, key, descriptor);
        return descriptor;
      },
      defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
      deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
      // A module whose keys are declared is a plain exports object (for…in walks its prototype).
      getPrototypeOf: () =>
        real === undefined && deferral.keys ? Object.prototype : Reflect.getPrototypeOf(target()),
    },
  );
}

/**
 * The environment variable that turns the plan's load-time shortcuts off (deferred modules and
 * skipped stack traces): `SCALEWAY_BLOCKS_PLAN_EAGER=1` loads everything as Pulumi does, to compare.
 */
export const EAGER_ENV = "SCALEWAY_BLOCKS_PLAN_EAGER";

/** Whether the load-time shortcuts are on (unless SCALEWAY_BLOCKS_PLAN_EAGER=1). */
export function shortcutsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[EAGER_ENV] !== "1";
}

let installed: Deferral[] | undefined;

/**
 * From now on, a require() of one of the deferrals gets a stand-in that loads the real module on
 * first use. Modules already loaded are not affected. Call it before the modules that require them.
 */
export function deferModules(deferrals: readonly Deferral[]): void {
  if (!shortcutsEnabled()) return;
  if (installed) {
    installed.push(...deferrals);
    return;
  }
  installed = [...deferrals];
  const all = installed;
  const load = internals._load;
  internals._load = function (
    this: unknown,
    request: string,
    parent: NodeJS.Module | undefined,
    isMain: boolean,
  ): unknown {
    const deferral = isMain
      ? undefined
      : all.find(
          (d) => d.request === request && (d.from === undefined || parent?.filename?.includes(d.from)),
        );
    if (deferral === undefined) return load.call(this, request, parent, isMain);
    const file = internals._resolveFilename(request, parent, isMain);
    if (!file.endsWith(deferral.file) || loadedFiles.has(file) || require.cache[file])
      return load.call(this, request, parent, isMain);
    let known = standIns.get(file);
    if (known === undefined) {
      known = standIn(deferral, () => {
        loadedFiles.add(file);
        return load.call(this, request, parent, isMain) as object;
      });
      standIns.set(file, known);
    }
    return known;
  };
}

/** Whether the real module behind a deferred file has been loaded (for tests and the benchmark). */
export function deferredModuleLoaded(file: string): boolean {
  return [...loadedFiles].some((f) => f.endsWith(file));
}

/**
 * The parts of @pulumi/pulumi 3.248 that a program under the plan's mocks does not use unless it
 * serialises a closure (TypeScript parses the function, the code paths list its packages), drives
 * Pulumi through the Automation API or serves a provider.
 */
export const UNUSED_SDK_PARTS: readonly Deferral[] = [
  { request: "../../typescript-shim", file: "/@pulumi/pulumi/typescript-shim.js" },
  { request: "./typescript-shim", file: "/@pulumi/pulumi/typescript-shim.js" },
  // The Automation API (execa, js-yaml, semver, a log tailer) and the provider server (the
  // analyzer): the SDK's index imports both, for programs that drive Pulumi or serve a provider.
  { request: "./automation", file: "/@pulumi/pulumi/automation/index.js", esModule: true },
  { request: "./provider", file: "/@pulumi/pulumi/provider/index.js", esModule: true },
  // Compiled TypeScript (an __esModule flag); the SDK's runtime reads them in functions only, for
  // trace propagation to the engine and to compare provider versions.
  {
    request: "@opentelemetry/api",
    file: "/@opentelemetry/api/dist/index.cjs",
    from: "/@pulumi/pulumi/",
    esModule: true,
  },
  // semver has no __esModule flag: the SDK's __importStar copies its keys (loading it) unless the
  // stand-in says it has one, and then takes the stand-in as it is. Only for the SDK's own modules,
  // which call semver.eq/gt/new semver.SemVer… in functions: a program's own import is untouched.
  { request: "semver", file: "/semver/index.js", from: "/@pulumi/pulumi/", esModule: true },
  // gRPC (@grpc/grpc-js and the node:http2 stack it loads) and the SDK's generated gRPC clients and
  // servers: a mock run talks to the mocks' monitor in the process, never over gRPC. The SDK reads
  // grpc.status, grpc.credentials… and the clients only in functions (error paths, connecting to the
  // engine, callback servers). The generated *_grpc_pb.js files are not compiled TypeScript, but
  // the SDK's __importStar only needs the flag to take the stand-in as it is.
  {
    request: "@grpc/grpc-js",
    file: "/@grpc/grpc-js/build/src/index.js",
    from: "/@pulumi/pulumi/",
    esModule: true,
  },
  { request: "../proto/resource_grpc_pb", file: "/@pulumi/pulumi/proto/resource_grpc_pb.js", esModule: true },
  { request: "../proto/engine_grpc_pb", file: "/@pulumi/pulumi/proto/engine_grpc_pb.js", esModule: true },
  { request: "../proto/callback_grpc_pb", file: "/@pulumi/pulumi/proto/callback_grpc_pb.js", esModule: true },
  // Closure serialisation (createClosure, parseFunction, rewriteSuper…): runtime/index.js copies
  // its two functions at load; they load it when called. And the server of callbacks
  // (transforms, hooks over gRPC), which runtime/settings.js creates in a function.
  {
    request: "./closure/serializeClosure",
    file: "/@pulumi/pulumi/runtime/closure/serializeClosure.js",
    esModule: true,
    functions: ["serializeFunctionAsync", "serializeFunction"],
  },
  {
    request: "./callbacks",
    file: "/@pulumi/pulumi/runtime/callbacks.js",
    from: "/@pulumi/pulumi/",
    esModule: true,
  },
  {
    request: "./closure/codePaths",
    file: "/@pulumi/pulumi/runtime/closure/codePaths.js",
    esModule: true,
    functions: ["computeCodePaths"],
  },
];

/** zod 4's locales other than English (z.locales), which only z.config(z.locales.xx()) uses. */
export const ZOD_LOCALES: readonly Deferral[] = [
  { request: "../locales/index.cjs", file: "/zod/v4/locales/index.cjs", esModule: true },
];

/**
 * The whole Pulumi SDK, for the plan's own process: it reads the recorded graph, which the
 * program's process made; it needs the SDK only where a shared package (core, recorder) refers to
 * it in a function the plan does not call.
 */
export const WHOLE_SDK: readonly Deferral[] = [
  { request: "@pulumi/pulumi", file: "/@pulumi/pulumi/index.js", esModule: true },
];
