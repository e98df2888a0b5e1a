// Stack traces (and debugging properties) the Pulumi SDK takes for the engine and for its
// promise-leak report, which a mock run never shows. @pulumi/pulumi 3.248 captures one in debuggablePromise for every promise it makes
// (runtime/debuggable.js: `_debugStackTrace: new Error().stack`, read only when
// PULUMI_DEBUG_PROMISE_LEAKS is set), and a full one (Error.stackTraceLimit = Infinity) in the
// constructor of every resource (resource.js, Resource.callsites, for the source position and the
// stack trace sent to the engine's RegisterResource; the mock monitor drops both). With source
// maps on, as Pulumi runs programs, formatting these stacks was most of a large program's time
// under the plan, and the strings most of its memory (issue 19). Upstream, the SDK should take
// them only when they are used: see the package README.
import type * as Pulumi from "@pulumi/pulumi";
import { shortcutsEnabled } from "./defer-modules";

interface Debuggable {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
}

interface State {
  getStore(): { leakCandidates: Set<Promise<unknown>> };
}

interface ResourceClass {
  callsites(): unknown[];
}

/**
 * Makes the SDK loaded by `sdkRequire` skip the stack traces a mock run never reads: the promise
 * stacks (unless PULUMI_DEBUG_PROMISE_LEAKS asks for them) and the resources' source positions.
 * Errors keep their stacks. For the program's process only.
 */
export function skipUnusedStackTraces(sdkRequire: NodeJS.Require): void {
  if (!shortcutsEnabled()) return;
  if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) {
    const debuggable = sdkRequire("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    const state = sdkRequire("@pulumi/pulumi/runtime/state") as State;
    const debuggablePromise = debuggable.debuggablePromise.bind(debuggable);
    let first = true;
    // What debuggablePromise does, without the three debugging properties it puts on every promise
    // (an id, the context and a stack trace, read only by the PULUMI_DEBUG_PROMISE_LEAKS report): the
    // promise is still a leak candidate until it settles, and a rejection still carries it.
    debuggable.debuggablePromise = <T>(p: Promise<T>, ctx: unknown): Promise<T> => {
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
      // then() and catch() as the SDK chains them: one handler fewer would settle the result a
      // microtask sooner, and change the order in which resources waiting on it register.
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
  }
  const pulumi = sdkRequire("@pulumi/pulumi") as typeof Pulumi;
  (pulumi.Resource as unknown as ResourceClass).callsites = () => [];
}
