// Stack traces (and debugging properties) the Pulumi SDK takes for the engine and for its
// promise-leak report, which a mock run never shows. @pulumi/pulumi 3.248 captures one in
// debuggablePromise for every promise it makes (runtime/debuggable.js: `_debugStackTrace: new
// Error().stack`, read only when PULUMI_DEBUG_PROMISE_LEAKS is set), and a full one
// (Error.stackTraceLimit = Infinity) in the constructor of every resource (resource.js,
// Resource.callsites, for the source position and the stack trace sent to the engine's
// RegisterResource; the mock monitor drops both). With source maps on (as Pulumi runs programs, and
// as vitest runs tests), formatting these stacks was most of a large program's time under the plan,
// the strings most of its memory, and a quarter of a package's unit tests' CPU (issue 19). Upstream,
// the SDK should take them only when they are used: see the package README.
//
// While record() runs a program (the test kit and the plan), the SDK skips them. Errors keep their
// stacks: only these two captures are skipped, and Error.stackTraceLimit is left as it is.
import { EAGER_ENV } from "./lazy-outputs";

interface Debuggable {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
  /** The SDK's own switch, set from PULUMI_DEBUG_PROMISE_LEAKS when the SDK is loaded. */
  debugPromiseLeaks?: boolean;
}

interface State {
  getStore(): { leakCandidates: Set<Promise<unknown>> };
}

interface ResourceClass {
  callsites(): unknown[];
}

/** What the wrapped functions skip for now: the promises' stack traces, the resources' callsites. */
interface Switches {
  promises: boolean;
  callsites: boolean;
}

/** The SDKs (by their debuggable module) whose functions are wrapped, and the switches of each. */
const wrapped = new WeakMap<Debuggable, Switches>();

/**
 * Wraps the SDK's debuggablePromise and Resource.callsites (of the SDK that `sdkRequire` loads) once,
 * so that each skips its stack traces while its switch is on, and is the SDK's own while it is off.
 */
function wrap(debuggable: Debuggable, sdkRequire: NodeJS.Require): Switches {
  const existing = wrapped.get(debuggable);
  if (existing) return existing;
  const switches: Switches = { promises: false, callsites: false };
  wrapped.set(debuggable, switches);
  const state = sdkRequire("@pulumi/pulumi/runtime/state") as State;
  const debuggablePromise = debuggable.debuggablePromise.bind(debuggable);
  let first = true;
  // What debuggablePromise does, without the three debugging properties it puts on every promise (an
  // id, the context and a stack trace, read only by the PULUMI_DEBUG_PROMISE_LEAKS report): the
  // promise is still a leak candidate until it settles, and a rejection still carries it.
  debuggable.debuggablePromise = <T>(p: Promise<T>, ctx: unknown): Promise<T> => {
    if (!switches.promises) return debuggablePromise(p, ctx);
    if (first) {
      // The SDK's own, once: it registers the report of leaked promises at exit.
      first = false;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return debuggablePromise(p, ctx);
      } finally {
        Error.stackTraceLimit = limit;
      }
    }
    const leakCandidates = state.getStore().leakCandidates;
    leakCandidates.add(p);
    // then() and catch() as the SDK chains them: one handler fewer would settle the result a microtask
    // sooner, and change the order in which resources waiting on it register.
    return p
      .then((value) => {
        leakCandidates.delete(p);
        return value;
      })
      .catch((error: unknown) => {
        leakCandidates.delete(p);
        (error as { promise?: unknown }).promise = p;
        throw error;
      });
  };
  const resource = (sdkRequire("@pulumi/pulumi/resource") as { Resource: ResourceClass }).Resource;
  const callsites = resource.callsites.bind(resource);
  resource.callsites = () => (switches.callsites ? [] : callsites());
  return switches;
}

/**
 * From now until the returned function is called, the SDK that `sdkRequire` loads (by default the
 * recorder's) skips the stack traces a mock run never reads: the promises' (unless
 * PULUMI_DEBUG_PROMISE_LEAKS asks for them, as the SDK's leak report then prints them) and the
 * resources' source positions. Errors keep their stacks. Skips nothing when
 * SCALEWAY_BLOCKS_PLAN_EAGER=1 (the plan's switch to compare with the SDK's own behaviour). The
 * returned function restores what was before (calls nest).
 */
export function skipUnusedStackTraces(sdkRequire: NodeJS.Require = require): () => void {
  if (process.env[EAGER_ENV] === "1") return () => undefined;
  const debuggable = sdkRequire("@pulumi/pulumi/runtime/debuggable") as Debuggable;
  const switches = wrap(debuggable, sdkRequire);
  const before = { ...switches };
  // The SDK reads the variable when it is loaded; a test may set it later.
  switches.promises = !process.env.PULUMI_DEBUG_PROMISE_LEAKS && !debuggable.debugPromiseLeaks;
  switches.callsites = true;
  return () => Object.assign(switches, before);
}
