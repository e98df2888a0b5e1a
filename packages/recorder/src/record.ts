import * as pulumi from "@pulumi/pulumi";
import { Secret } from "@scaleway-blocks/core/internal";
import { ResourceGraph } from "./graph";
import type { RecordedCall, RecordedResource } from "./graph";
import { lazyOutputProperties } from "./lazy-outputs";
import { ScalewayMocks } from "./mocks";
import type { ScalewayMocksOptions } from "./mocks";
import { SECRET_OUTPUTS } from "./scaleway-outputs";
import { skipUnusedStackTraces } from "./sdk-stacks";
import { duplicateUrnMessage, engineUrn } from "./urn";
import { fromPulumiValue } from "./values";

export interface RecordOptions extends ScalewayMocksOptions {
  /** Pulumi project name. Default "project". */
  project?: string;
  /** Pulumi stack name. Default "test". */
  stack?: string;
  /** Stack configuration, keyed "<namespace>:<key>" (e.g. "platform:environment"); values as in Pulumi.<stack>.yaml. */
  config?: Record<string, string>;
  /** Config keys whose values are secrets. */
  secretConfigKeys?: string[];
  /** How long to wait for the program's registrations to finish before failing. Default 30 000 ms. */
  settleTimeoutMs?: number;
}

export interface Recording<T> {
  /** What the program returned (e.g. the component under test). */
  result: T;
  graph: ResourceGraph;
}

export interface FailedRecording {
  /** What the program threw. */
  error: unknown;
  /** What was registered before it threw. */
  graph: ResourceGraph;
}

type Callback = (err: unknown, response: unknown) => void;
interface Struct {
  toJavaScript(): unknown;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Struct | undefined;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): {
    forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void;
  };
  getProtect(): boolean;
  getRetainondelete(): boolean;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getAliasesList?(): Array<string | AliasMessage>;
  getProvider(): string;
}
/** Pulumi's `Alias` message: an old URN, or a spec of what differed (name, type, parent, stack, project). */
interface AliasMessage {
  getUrn?(): string;
  getSpec?():
    | {
        getName(): string;
        getType(): string;
        getStack(): string;
        getProject(): string;
        getParenturn(): string;
        getNoparent(): boolean;
      }
    | undefined;
}
interface MonitorLike {
  /** The mock monitor's URN builder (Pulumi's `MockMonitor.newUrn`); replaced with the engine's. */
  newUrn?(parent: string, type: string, name: string): string;
  registerResource(req: RegisterRequest, cb: Callback): void;
  registerResourceOutputs(req: { getUrn(): string; getOutputs(): Struct | undefined }, cb: Callback): void;
  invoke(req: { getTok(): string; getArgs(): Struct | undefined }, cb: Callback): void;
}

function deserialize(struct: Struct | undefined): Record<string, unknown> {
  if (!struct) return {};
  const value = pulumi.runtime.deserializeProperties(struct as never) as Record<string, unknown>;
  return fromPulumiValue(value) as Record<string, unknown>;
}

function markSecretOutputs(
  type: string,
  outputs: Record<string, unknown>,
  extra: string[],
): Record<string, unknown> {
  const keys = [...(SECRET_OUTPUTS[type] ?? []), ...extra];
  if (keys.length === 0) return outputs;
  const marked = { ...outputs };
  for (const key of keys) {
    if (key in marked && !(marked[key] instanceof Secret)) marked[key] = new Secret(marked[key]);
  }
  return marked;
}

/**
 * The old URN an alias stands for, as the engine collapses it (pulumi/pulumi v3.248.0
 * pkg/resource/deploy/step_generator.go `collapseAliasToUrn`, sdk/go/common/resource/alias.go
 * `CreateURN`): what the spec leaves out is the resource's own; a root-stack parent or `noParent`
 * means no parent. The aliases a child inherits from its parent's alias depend on the previous state,
 * so the engine (or a diff) adds them, not the recorder.
 */
function aliasUrn(
  alias: string | AliasMessage,
  self: { stack: string; project: string; parent: string; type: string; name: string },
): string {
  if (typeof alias === "string") return alias;
  const urn = alias.getUrn?.() ?? "";
  const spec = alias.getSpec?.();
  if (urn !== "" || !spec) return urn;
  const name = spec.getName() || self.name;
  const type = spec.getType() || self.type;
  const parent = spec.getNoparent() ? "" : spec.getParenturn() || self.parent;
  return engineUrn(
    spec.getStack() || self.stack,
    spec.getProject() || self.project,
    parent || undefined,
    type,
    name,
  );
}

/**
 * The SDK's set of promises it reports as leaked ("The Pulumi runtime detected that N promises were still
 * active") and fails the process for at exit (@pulumi/pulumi runtime/debuggable.js). Undefined when this
 * SDK keeps it elsewhere.
 */
function sdkLeakCandidates(): Set<unknown> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as { getStore?(): { leakCandidates?: unknown } };
    const candidates = state.getStore?.().leakCandidates;
    return candidates instanceof Set ? candidates : undefined;
  } catch {
    return undefined;
  }
}

const SETTLE_POLL_MS = 20;
const QUIET_TURNS = 3;

/**
 * Waits until the SDK has no registration or invoke in flight, including ones started inside applies.
 * Once an error was raised asynchronously (inside an apply), stops as soon as nothing is in flight: a
 * resource whose input rejected never registers, and the SDK's queue would wait for it forever.
 * Gives up with a clear error after `timeoutMs`.
 */
async function settle(inFlight: () => number, failedAsync: () => boolean, timeoutMs: number): Promise<void> {
  const waitForRPCs = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
  let drained = false;
  let queue = Promise.resolve();
  const watchQueue = () => {
    drained = false;
    queue = (waitForRPCs?.() ?? Promise.resolve()).then(() => {
      drained = true;
    });
  };
  watchQueue();
  const deadline = Date.now() + timeoutMs;
  for (let quietTurns = 0; quietTurns < QUIET_TURNS;) {
    if (failedAsync() && inFlight() === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `the program did not settle within ${timeoutMs} ms (${inFlight()} registrations or invokes in flight): an Output that never resolves?`,
      );
    }
    await Promise.race([queue, new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))]);
    await new Promise((resolve) => setImmediate(resolve));
    if (!drained) {
      quietTurns = 0;
      continue;
    }
    quietTurns = inFlight() === 0 ? quietTurns + 1 : 0;
    watchQueue(); // look again: work started inside an apply extends the SDK's queue
  }
}

type Outcome<T> = { result?: T; error?: unknown; failed: boolean; graph: ResourceGraph };

async function run<T>(program: () => T | Promise<T>, options: RecordOptions): Promise<Outcome<T>> {
  // The stack traces the SDK takes for the engine, skipped while the program runs (sdk-stacks.ts).
  const restoreStackTraces = skipUnusedStackTraces();
  try {
    return await runUnderMocks(program, options);
  } finally {
    restoreStackTraces();
  }
}

async function runUnderMocks<T>(program: () => T | Promise<T>, options: RecordOptions): Promise<Outcome<T>> {
  // Output properties made when first read (lazy-outputs.ts): the same graph, less memory and CPU.
  lazyOutputProperties();
  const mocks = new ScalewayMocks(options);
  // The inputs of the registration in flight, as the mock monitor deserialised them for the mocks
  // (Pulumi's MockMonitor.registerResource calls newResource before its first await): the recorder
  // keeps its own copy instead of decoding the request a second time.
  let capture: { inputs?: Record<string, unknown> } | undefined;
  const newResource = mocks.newResource.bind(mocks);
  mocks.newResource = (args) => {
    if (capture && capture.inputs === undefined)
      capture.inputs = fromPulumiValue(args.inputs) as Record<string, unknown>;
    return newResource(args);
  };
  // "organization" is what DIY backends (s3://, file://) report as the organization.
  await pulumi.runtime.setMocks(
    mocks,
    options.project ?? "project",
    options.stack ?? "test",
    false,
    "organization",
  );
  pulumi.runtime.setAllConfig(
    { "scaleway:region": mocks.region, "scaleway:zone": mocks.zone, ...(options.config ?? {}) },
    options.secretConfigKeys ?? [],
  );

  const leakCandidates = sdkLeakCandidates();
  const pendingBefore = new Set(leakCandidates ?? []);
  const monitor = pulumi.runtime.getMonitor() as unknown as MonitorLike;
  const resources: RecordedResource[] = [];
  const byUrn = new Map<string, RecordedResource>();
  const calls: RecordedCall[] = [];
  let inFlight = 0;

  // URNs as the engine builds them (whole parent chain), for every registration and read.
  if (typeof monitor.newUrn !== "function")
    throw new Error("@scaleway-blocks/testing: this @pulumi/pulumi's mock monitor has no newUrn to replace");
  const [stackName, projectName] = [pulumi.getStack(), pulumi.getProject()];
  monitor.newUrn = (parent, type, name) => engineUrn(stackName, projectName, parent, type, name);

  // The engine refuses a second registration of a URN in one deployment; so does the recorder.
  const seenUrns = new Set<string>();
  const engineErrors: Error[] = [];

  const registerResource = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    const urn = engineUrn(stackName, projectName, req.getParent() || undefined, req.getType(), req.getName());
    if (seenUrns.has(urn)) {
      const error = Object.assign(new Error(duplicateUrnMessage(urn)), { details: duplicateUrnMessage(urn) });
      engineErrors.push(error);
      cb(error, undefined);
      return;
    }
    seenUrns.add(urn);
    inFlight++;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((value, key) => {
      propertyDependencies[key] = value.getUrnsList();
    });
    const registration: { inputs?: Record<string, unknown> } = {};
    // A mock monitor that did not hand the inputs to newResource synchronously: decode them here.
    const inputsOf = () => registration.inputs ?? (registration.inputs = deserialize(req.getObject()));
    capture = registration;
    try {
      registerResource(req, onRegistered);
    } finally {
      capture = undefined;
    }
    inputsOf();
    function onRegistered(err: unknown, response: unknown): void {
      inFlight--;
      if (!err && response) {
        const res = response as { getUrn(): string; getId(): string; getObject(): Struct | undefined };
        const additionalSecretOutputs = req.getAdditionalsecretoutputsList();
        const recorded: RecordedResource = {
          urn: res.getUrn(),
          type: req.getType(),
          name: req.getName(),
          custom: req.getCustom(),
          id: res.getId() || undefined,
          parent: req.getParent() || undefined,
          dependencies: req.getDependenciesList(),
          propertyDependencies,
          inputs: inputsOf(),
          outputs: req.getCustom()
            ? markSecretOutputs(req.getType(), deserialize(res.getObject()), additionalSecretOutputs)
            : {},
          options: {
            protect: req.getProtect(),
            retainOnDelete: req.getRetainondelete(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            additionalSecretOutputs,
            aliases: (req.getAliasesList?.() ?? []).map((a) =>
              aliasUrn(a, {
                stack: stackName,
                project: projectName,
                parent: req.getParent(),
                type: req.getType(),
                name: req.getName(),
              }),
            ),
            provider: req.getProvider() || undefined,
          },
        };
        resources.push(recorded);
        byUrn.set(recorded.urn, recorded);
      }
      cb(err, response);
    }
  };

  const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (req, cb) => {
    const recorded = byUrn.get(req.getUrn());
    if (recorded) recorded.outputs = deserialize(req.getOutputs());
    registerResourceOutputs(req, cb);
  };

  const invoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req, cb) => {
    inFlight++;
    calls.push({ token: req.getTok(), inputs: deserialize(req.getArgs()) });
    invoke(req, (err, response) => {
      inFlight--;
      // The SDK presents a failed invoke with the engine's gRPC `details`; the mock monitor passes the
      // mock's own Error, whose message would otherwise be lost.
      if (err instanceof Error && !("details" in err)) Object.assign(err, { details: err.message });
      cb(err, response);
    });
  };

  let result: T | undefined;
  let error: unknown;
  let failed = false;
  // An error thrown inside an apply (or a failed data source) surfaces as an unhandled rejection, which
  // fails a real `pulumi up`. Attribute it to this program while it runs, instead of to the test runner.
  const asyncErrors: unknown[] = [];
  const previousListeners = process.listeners("unhandledRejection");
  const onUnhandled = (reason: unknown) => void asyncErrors.push(reason);
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", onUnhandled);
  try {
    await runProgram();
    await settle(
      () => inFlight,
      () => asyncErrors.length > 0 || engineErrors.length > 0,
      options.settleTimeoutMs ?? 30_000,
    );
  } finally {
    process.removeListener("unhandledRejection", onUnhandled);
    for (const listener of previousListeners) process.on("unhandledRejection", listener);
  }
  // An engine refusal comes first: it is what `pulumi up` reports, and what the program then throws
  // (a registration rejected) is only its consequence.
  if (engineErrors.length > 0) {
    failed = true;
    error = engineErrors[0];
  } else if (!failed && asyncErrors.length > 0) {
    failed = true;
    error = asyncErrors[0];
  }
  // A failed program is over, as a failed `pulumi up` is (the engine ends the deployment it refused): what
  // it still waited for (e.g. the children of a resource refused for a duplicate URN) never settles, and
  // must not fail the process at exit as leaked promises.
  if (failed && leakCandidates)
    for (const p of [...leakCandidates]) if (!pendingBefore.has(p)) leakCandidates.delete(p);
  return { result, error, failed, graph: new ResourceGraph(resources, calls) };

  async function runProgram(): Promise<void> {
    await pulumi.runtime.runInPulumiStack(async () => {
      try {
        result = await program();
      } catch (e) {
        error = e;
        failed = true;
        return undefined;
      }
      // A plain object returned by the program becomes the stack's outputs, as `export` would.
      const isPlainObject =
        result !== null && typeof result === "object" && Object.getPrototypeOf(result) === Object.prototype;
      return isPlainObject ? (result as Record<string, unknown>) : undefined;
    });
  }
}

/**
 * Pulumi's mocks are process-wide, so runs take turns: a recording started while another is in
 * flight (e.g. two started at describe level) waits for it instead of mixing their resources.
 */
let previousRun: Promise<unknown> = Promise.resolve();
function serialized<R>(task: () => Promise<R>): Promise<R> {
  const next = previousRun.then(task, task);
  previousRun = next.catch(() => undefined);
  return next;
}

/**
 * Runs a Pulumi program (or builds a component) in-process under Scaleway mocks and records
 * every resource it registers. Throws what the program throws.
 *
 * @example
 * const { result: network, graph } = await record(() => new Network("net", { project: "shop", environment: "dev" }));
 * expect(graph.byType("scaleway:network/privateNetwork:PrivateNetwork")).toHaveLength(1);
 */
export async function record<T>(
  program: () => T | Promise<T>,
  options: RecordOptions = {},
): Promise<Recording<T>> {
  const outcome = await serialized(() => run(program, options));
  if (outcome.failed) throw outcome.error;
  return { result: outcome.result as T, graph: outcome.graph };
}

/**
 * Runs a program that is expected to throw, and returns the error with what was registered
 * before it, so that a test can show bad input fails before any resource is created.
 */
export async function recordError(
  program: () => unknown,
  options: RecordOptions = {},
): Promise<FailedRecording> {
  const outcome = await serialized(() => run(program, options));
  if (!outcome.failed) throw new Error("expected the program to throw, but it completed");
  return { error: outcome.error, graph: outcome.graph };
}

/** Resolves an Output's value under mocks (for assertions on component outputs). */
export function valueOf<T>(output: pulumi.Output<T> | pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => {
    pulumi.output(output).apply((v) => {
      resolve(v as T);
      return v;
    });
  });
}

/** Whether an Output is marked secret. */
export function isSecretOutput(output: pulumi.Output<unknown>): Promise<boolean> {
  return pulumi.isSecret(output);
}
