// Output properties made on first read, for mock runs (the test kit and the plan). When a custom
// resource is constructed, @pulumi/pulumi 3.248 (runtime/rpc.js `transferProperties`, called from
// runtime/resource.js `prepareResource`) gives it one Output per property of its type, each of four
// pending promises wrapped by `debuggablePromise` and an OutputImpl of about a dozen more promises
// and closures (output.js). A Scaleway object Bucket has about 25 such properties, and a program
// reads two or three of them: at 1,000 storage Bucket components, these Outputs were about half of
// the program's live heap while it ran, and their resolution a large part of its CPU time (issue 19).
//
// Here each property is a getter (not enumerable: see transferProperties below) that makes the very
// same Output (same promises, same labels, same order of resolution) the first time it is read, then
// replaces itself with a plain, enumerable data property as the SDK's assignment would have made. A
// value the engine (here the mocks) returned before that is kept and handed to the Output as soon as
// it is made. A property nobody reads costs a getter and a resolver. Upstream, the SDK could do the same in `transferProperties`: see the README.
type Resolver = (value: unknown, isKnown: boolean, isSecret: boolean, deps?: unknown[], err?: Error) => void;
type Outcome = { err: Error } | { value: unknown; isKnown: boolean; isSecret: boolean; deps: unknown[] };

interface Rpc {
  transferProperties(onto: object, label: string, props: Record<string, unknown>): Record<string, Resolver>;
}
interface Debuggable {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
  debugPromiseLeaks?: boolean;
}
interface Errors {
  isGrpcError(err: Error): boolean;
}
interface OutputModule {
  Output: {
    new (
      resources: unknown,
      promise: Promise<unknown>,
      isKnown: Promise<unknown>,
      isSecret: Promise<unknown>,
      allResources: Promise<unknown>,
    ): unknown;
    isInstance(value: unknown): boolean;
  };
  OutputToStringError: { isInstance(err: unknown): boolean };
}

/** The SDK's `safeToString` (runtime/rpc.js): what a pending property's debugging label shows of its input. */
function labelOf(output: OutputModule, value: unknown): string {
  if (output.Output.isInstance(value)) return "Output<T>";
  try {
    return `${value as string}`;
  } catch (err) {
    if (output.OutputToStringError.isInstance(err)) return "Output<T>";
    throw err;
  }
}

const installed = new WeakSet<object>();

/** Whether a class up `onto`'s prototype chain defines `key` as an accessor (a getter or a setter). */
function inheritsAccessor(onto: object, key: string): boolean {
  for (
    let proto = Object.getPrototypeOf(onto) as object | null;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (descriptor) return descriptor.get !== undefined || descriptor.set !== undefined;
  }
  return false;
}

/** `scaleway-blocks plan`'s switch that turns off its shortcuts (packages/plan/src/defer-modules.ts). */
export const EAGER_ENV = "SCALEWAY_BLOCKS_PLAN_EAGER";

/**
 * Makes the SDK loaded by `sdkRequire` create a resource's output properties on first read (see the
 * top of this file). Does nothing for an SDK without the internals it replaces, when
 * PULUMI_DEBUG_PROMISE_LEAKS asks for the SDK's full report of pending promises, which lists every
 * property's, or when SCALEWAY_BLOCKS_PLAN_EAGER=1. Returns whether the SDK now makes them lazily.
 */
export function lazyOutputProperties(sdkRequire: NodeJS.Require = require): boolean {
  let rpc: Rpc, debuggable: Debuggable, errors: Errors, output: OutputModule;
  try {
    rpc = sdkRequire("@pulumi/pulumi/runtime/rpc") as Rpc;
    debuggable = sdkRequire("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    errors = sdkRequire("@pulumi/pulumi/errors") as Errors;
    output = sdkRequire("@pulumi/pulumi/output") as OutputModule;
  } catch {
    return false;
  }
  if (installed.has(rpc)) return true;
  // The SDK's report of pending promises lists every property's; the plan's switch to compare runs
  // without its shortcuts (docs/plan.md) turns this one off too.
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS || process.env[EAGER_ENV] === "1") return false;
  const usable =
    typeof rpc.transferProperties === "function" &&
    typeof debuggable.debuggablePromise === "function" &&
    typeof errors.isGrpcError === "function" &&
    typeof output.Output === "function" &&
    typeof output.Output.isInstance === "function" &&
    typeof output.OutputToStringError?.isInstance === "function";
  if (!usable) return false;

  /** The Output the SDK makes for property `key`, and how to settle its four promises. */
  const makeOutput = (onto: object, label: string, key: string, input: unknown) => {
    const text = labelOf(output, input);
    const settlers: Array<[(value: unknown) => void, (err: Error) => void]> = [];
    const pending = (what: string) =>
      debuggable.debuggablePromise(
        new Promise((resolve, reject) => void settlers.push([resolve, reject])),
        `${what}(${label}, ${key}, ${text})`,
      );
    const made = new output.Output(
      onto,
      pending("transferProperty"),
      pending("transferIsStable"),
      pending("transferIsSecret"),
      pending("transferDeps"),
    );
    const settle = (outcome: Outcome): void => {
      if ("err" in outcome) for (const [, reject] of settlers) reject(outcome.err);
      else {
        const values = [outcome.value, outcome.isKnown, outcome.isSecret, outcome.deps];
        settlers.forEach(([resolve], i) => resolve(values[i]));
      }
    };
    return { made, settle };
  };

  rpc.transferProperties = (onto, label, props) => {
    const resolvers: Record<string, Resolver> = {};
    for (const key of Object.keys(props)) {
      // "id" and "urn" are the SDK's own (resolveID, resolveURN).
      if (key === "id" || key === "urn") continue;
      if (Object.prototype.hasOwnProperty.call(onto, key))
        throw new Error(`Property '${key}' is already initialized on target '${label}`);
      let property: ReturnType<typeof makeOutput> | undefined;
      let outcome: Outcome | undefined;
      if (inheritsAccessor(onto, key)) {
        // The SDK assigns the Output, which runs (or is refused by) the class's own accessor: do that.
        property = makeOutput(onto, label, key, props[key]);
        (onto as Record<string, unknown>)[key] = property.made;
      }
      // Until the property is read or assigned, a getter stands in for it.
      let standIn = property === undefined;
      const assign = (value: unknown) => {
        standIn = false;
        Object.defineProperty(onto, key, { value, writable: true, enumerable: true, configurable: true });
      };
      const make = () => {
        property = makeOutput(onto, label, key, props[key]);
        if (standIn) assign(property.made);
        return property;
      };
      // Not enumerable until made: the SDK's containsUnknowns (output.js) reads every enumerable
      // property of a resource found in an Output's value (e.g. dependsOn given as a Promise, which
      // mergeOptions wraps in an Output), which would make every one of its Outputs. An unread
      // property cannot hold an unknown value, so that walk answers the same without it.
      if (standIn)
        Object.defineProperty(onto, key, {
          enumerable: false,
          configurable: true,
          get() {
            const made = make();
            if (outcome) made.settle(outcome);
            return made.made;
          },
          set: assign,
        });
      resolvers[key] = (value, isKnown, isSecret, deps = [], err) => {
        if (err) {
          // As the SDK: a lost connection to the engine leaves the property pending.
          if (errors.isGrpcError(err)) {
            if (debuggable.debugPromiseLeaks) console.error("info: skipped rejection in transferProperties");
            return;
          }
          outcome = { err };
          // A failed registration rejects every property now, as the SDK's do: their rejections are
          // the failed program's (a mock run reports them), not those of whoever reads one later.
          (property ?? make()).settle(outcome);
          return;
        }
        outcome = { value, isKnown, isSecret, deps };
        property?.settle(outcome);
      };
    }
    return resolvers;
  };
  installed.add(rpc);
  return true;
}
