// What the plan defers to its first use (src/defer-modules.ts) and the stack traces its mock runs skip
// (@scaleway-blocks/recorder's src/sdk-stacks.ts, tested there) stay correct: a program that uses
// them gets the real thing, and the plan's output is the same as with everything loaded eagerly.
// Mock runs: nothing is deployed.
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Deferral } from "../src/defer-modules";
import {
  deferModules,
  deferredModuleLoaded,
  EAGER_ENV,
  UNUSED_SDK_PARTS,
  WHOLE_SDK,
} from "../src/defer-modules";
import { loadProject, runProgram } from "../src/index";
import type { BinRun } from "./helpers";
import { FIXTURES, runBin, runBinShared, sharedRun } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const MODULES = join(FIXTURES, "deferred-module");

/** Runs `run` with the load-time shortcuts off (SCALEWAY_BLOCKS_PLAN_EAGER=1), as Pulumi loads everything. */
async function eagerly<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env[EAGER_ENV];
  process.env[EAGER_ENV] = "1";
  try {
    return await run();
  } finally {
    if (saved === undefined) delete process.env[EAGER_ENV];
    else process.env[EAGER_ENV] = saved;
  }
}
const loads = () => (globalThis as { __deferredHeavyLoads?: number }).__deferredHeavyLoads ?? 0;

describe("deferModules", () => {
  const heavy: Deferral = {
    request: "./heavy",
    file: "/deferred-module/heavy.js",
    esModule: true,
    functions: ["twice"],
  };
  deferModules([heavy]);
  const consumer = createRequire(join(MODULES, "index.js"))("./consumer.js") as {
    heavy: { answer: number; __esModule: boolean };
    twice: (n: number) => number;
  };

  it("hands out a stand-in, answering __esModule and copied functions without loading the module", () => {
    expect(loads()).toBe(0);
    expect(consumer.heavy.__esModule).toBe(true);
    expect(typeof consumer.twice).toBe("function");
    expect(loads()).toBe(0);
    expect(deferredModuleLoaded(heavy.file)).toBe(false);
  });

  it("loads the real module once, on the first read, and then behaves as it", () => {
    expect(consumer.twice(21)).toBe(42);
    expect(consumer.heavy.answer).toBe(42);
    expect(Object.keys(consumer.heavy)).toEqual(["answer", "twice"]);
    expect(loads()).toBe(1);
    expect(deferredModuleLoaded(heavy.file)).toBe(true);
    // Once loaded, a new require() gets the real module itself.
    const again = createRequire(join(MODULES, "consumer.js"))("./heavy") as { answer: number };
    expect(again.answer).toBe(42);
    expect(loads()).toBe(1);
  });
});

describe("the deferrals the plan declares", () => {
  it("name the files their requests resolve to, from the SDK modules that make them", () => {
    const sdk = resolve(createRequire(__filename).resolve("@pulumi/pulumi"), "..");
    const requiredFrom: Record<string, string> = {
      "../../typescript-shim": "runtime/closure/parseFunction.js",
      "./typescript-shim": "tsutils.js",
      "./automation": "index.js",
      "./provider": "index.js",
      "@opentelemetry/api": "runtime/settings.js",
      semver: "runtime/rpc.js",
      "@grpc/grpc-js": "errors.js",
      "../proto/resource_grpc_pb": "runtime/settings.js",
      "../proto/engine_grpc_pb": "runtime/settings.js",
      "../proto/callback_grpc_pb": "runtime/callbacks.js",
      "./closure/serializeClosure": "runtime/index.js",
      "./callbacks": "runtime/settings.js",
      "./closure/codePaths": "runtime/index.js",
    };
    expect(Object.keys(requiredFrom).sort()).toEqual(UNUSED_SDK_PARTS.map((d) => d.request).sort());
    for (const deferral of UNUSED_SDK_PARTS) {
      const from = join(sdk, requiredFrom[deferral.request]!);
      expect(from).toContain(deferral.from ?? "");
      expect(createRequire(from).resolve(deferral.request)).toMatch(new RegExp(`${deferral.file}$`));
    }
    const recorderEntry = createRequire(__filename).resolve("@scaleway-blocks/recorder");
    expect(createRequire(recorderEntry).resolve(WHOLE_SDK[0]!.request)).toMatch(
      /\/@pulumi\/pulumi\/index\.js$/,
    );
  });
});

describe("a program that uses what the plan defers", () => {
  const project = () => loadProject(join(FIXTURES, "deferred"), "dev");
  const deferredRun = sharedRun(() => runProgram(project()));

  it("runs through ts-node and serialises a closure with the SDK's TypeScript and code paths", async () => {
    const run = await deferredRun();
    expect(run.outputs.exportName).toBe("handler");
    expect(run.outputs.closureText).toContain('with({ greeting: "hello"');
    expect(run.outputs.codePaths).toEqual(["Pulumi.yaml"]);
    expect(run.graph.resources.map((r) => r.type)).toContain(SCALEWAY_TYPES.bucket);
  });

  it("gets the same result as with everything loaded eagerly", async () => {
    const deferred = await deferredRun();
    const eager = await eagerly(() => runProgram(project()));
    expect(deferred.outputs).toEqual(eager.outputs);
    expect(deferred.graph.resources).toEqual(eager.graph.resources);
  });
});

describe("a program that uses the SDK's gRPC module and its callback server", () => {
  const project = () => loadProject(join(FIXTURES, "deferred-grpc"), "dev");
  const deferredRun = sharedRun(() => runProgram(project()));

  it("gets the real @grpc/grpc-js, which the SDK reads on first use", async () => {
    const run = await deferredRun();
    expect(run.outputs.grpcErrorCodes).toEqual([1, 14]);
    expect(run.outputs.bucketName).toBe("deferred-grpc-assets");
  });

  it("records the same resources as with everything loaded eagerly", async () => {
    const deferred = await deferredRun();
    const eager = await eagerly(() => runProgram(project()));
    expect(deferred.graph.resources).toEqual(eager.graph.resources);
    expect(deferred.outputs).toEqual(eager.outputs);
  });
});

describe("the bin's --json output", () => {
  const plan = ({ code, stdout }: BinRun) => {
    expect(code).toBe(0);
    // The timestamp is the only line that may differ between two runs.
    return stdout.replace(/"generatedAt": "[^"]*"/, '"generatedAt": "…"');
  };
  const args = ["plan", "--stack", "dev", "--cwd", join(FIXTURES, "platform"), "--json"];

  it("is byte-identical with the load-time shortcuts off (SCALEWAY_BLOCKS_PLAN_EAGER=1)", () => {
    // The run with the shortcuts is the one bin.test.ts plans too.
    const shortcuts = plan(runBinShared(args));
    expect(shortcuts).toContain('"resources"');
    expect(shortcuts).toBe(plan(runBin(args, { [EAGER_ENV]: "1" })));
  });
});
