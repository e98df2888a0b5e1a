// The stack traces the Pulumi SDK takes for the engine and its promise-leak report, which record()
// skips while a program runs (src/sdk-stacks.ts). Mock runs: nothing is deployed.
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { record } from "../src/index";
import { skipUnusedStackTraces } from "../src/sdk-stacks";

interface Debuggable {
  debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
}
const sdkRequire = createRequire(require.resolve("@pulumi/pulumi"));
const debuggable = sdkRequire("@pulumi/pulumi/runtime/debuggable") as Debuggable;
const callsites = () => (pulumi.Resource as unknown as { callsites(): unknown[] }).callsites();

/** What the SDK's stack-taking functions leave, called now. */
function stacksTaken(): { promiseStack: boolean; callsites: number } {
  const p = Promise.resolve(1);
  void debuggable.debuggablePromise(p, "a promise of the test");
  return {
    promiseStack: Object.getOwnPropertyNames(p).includes("_debugStackTrace"),
    callsites: callsites().length,
  };
}

async function withEnv<T>(name: string, value: string, run: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  process.env[name] = value;
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

describe("the SDK's stack traces under record() (a mock run)", () => {
  it("are skipped while the program runs: no stack on the SDK's promises, no callsites for source positions", async () => {
    const { result } = await record(() => stacksTaken());
    expect(result).toEqual({ promiseStack: false, callsites: 0 });
  });

  it("are the SDK's own again once record() has returned", async () => {
    await record(() => stacksTaken());
    const after = stacksTaken();
    expect(after.promiseStack).toBe(true);
    expect(after.callsites).toBeGreaterThan(0);
  });

  it("are the SDK's own on the promises while PULUMI_DEBUG_PROMISE_LEAKS is set, as its leak report prints them", async () => {
    const { result } = await withEnv("PULUMI_DEBUG_PROMISE_LEAKS", "1", () => record(() => stacksTaken()));
    expect(result.promiseStack).toBe(true);
  });

  it("are all the SDK's own with the plan's shortcuts off (SCALEWAY_BLOCKS_PLAN_EAGER=1)", async () => {
    const { result } = await withEnv("SCALEWAY_BLOCKS_PLAN_EAGER", "1", () => record(() => stacksTaken()));
    expect(result.promiseStack).toBe(true);
    expect(result.callsites).toBeGreaterThan(0);
  });

  it("leave the program's own errors their stacks", async () => {
    const { result } = await record(() => new Error("the program's"));
    expect(result.stack).toContain("sdk-stacks.test.ts");
  });
});

describe("skipUnusedStackTraces on a copy of the SDK's debuggable module", () => {
  // A copy of the SDK's modules, so that the switch of the worker's own SDK stays as it is.
  const copy: Debuggable = { debuggablePromise: debuggable.debuggablePromise.bind(debuggable) };
  const fakeRequire = Object.assign(
    (id: string): unknown =>
      id === "@pulumi/pulumi/runtime/debuggable"
        ? copy
        : id === "@pulumi/pulumi/resource"
          ? { Resource: { callsites: () => ["a frame"] } }
          : sdkRequire(id),
    sdkRequire,
  ) as NodeJS.Require;
  const restore = skipUnusedStackTraces(fakeRequire);
  void copy.debuggablePromise(Promise.resolve(0), "the first call, which registers the leak report");

  it("settles a promise in the same microtask as the SDK's debuggablePromise, so resources register in the same order", async () => {
    const order: string[] = [];
    await Promise.all([
      debuggable.debuggablePromise(Promise.resolve(1), "sdk").then(() => order.push("sdk")),
      copy.debuggablePromise(Promise.resolve(1), "skipping").then(() => order.push("skipping")),
    ]);
    await Promise.all([
      copy.debuggablePromise(Promise.resolve(1), "skipping").then(() => order.push("skipping")),
      debuggable.debuggablePromise(Promise.resolve(1), "sdk").then(() => order.push("sdk")),
    ]);
    expect(order).toEqual(["sdk", "skipping", "skipping", "sdk"]);
  });

  it("puts no stack trace on the promise, and a rejection still carries the promise", async () => {
    const failing = Promise.reject(new Error("boom"));
    const wrapped = copy.debuggablePromise(failing, "skipping");
    expect(Object.getOwnPropertyNames(failing)).not.toContain("_debugStackTrace");
    const error = (await wrapped.catch((e: unknown) => e)) as Error & { promise?: unknown };
    expect(error.message).toBe("boom");
    expect(error.promise).toBe(failing);
  });

  it("gives the SDK's own behaviour back once restored", () => {
    restore();
    const p = Promise.resolve(1);
    void copy.debuggablePromise(p, "restored");
    expect(Object.getOwnPropertyNames(p)).toContain("_debugStackTrace");
  });
});
