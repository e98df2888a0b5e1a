// What crosses the boundary between the plan and the process that runs the program
// (program-host.ts): the job, and the recorded graph or the error, as JSON over Node's IPC channel.
import { createRequire } from "node:module";
import type * as Recorder from "@scaleway-blocks/recorder";
import type { RecordedCall, RecordedResource, ResourceGraph } from "@scaleway-blocks/recorder";

/**
 * @scaleway-blocks/recorder (which loads the Pulumi SDK), required when first needed: the CLI starts
 * the program's process before it loads the SDK itself, so that both load at the same time.
 */
let loadedRecorder: typeof Recorder | undefined;
function recorder(): typeof Recorder {
  // Once: encodeValue and decodeValue ask for every value of the graph.
  return (loadedRecorder ??= createRequire(__filename)("@scaleway-blocks/recorder") as typeof Recorder);
}

export interface HostJob {
  /** The file or directory to load, as Pulumi would `require` / `import()` it. */
  mainPath: string;
  /** The Pulumi project directory (where Pulumi.yaml is): error locations are shown relative to it. */
  projectDir: string;
  programDir: string;
  esm: boolean;
  /** Set when TypeScript sources run through ts-node (runtime.options.typescript). */
  typescript?: { tsconfig: string };
  project: string;
  stack: string;
  config: Record<string, string>;
  secretConfigKeys: string[];
  region: string;
  /** record()'s own settle timeout: the plan's timeout. */
  settleTimeoutMs: number;
}

/**
 * What the plan sends the program's process: its job (sent once the plan has read the project, while
 * the process loads the SDK), and a ping when the timeout is reached.
 */
export type PlanMessage = { type: "job"; job: HostJob } | { type: "ping" };

/** Where a program error comes from, and its stack (shown with --debug). */
export interface WireError {
  /** Error, TypeError, TSError, ConfigError, … */
  name: string;
  message: string;
  stack?: string;
  /** The first place in the project's own code, "src/index.ts:12:7" (relative to the project). */
  location?: string;
}

export type HostMessage =
  | { type: "result"; graph: unknown; outputs: unknown; warnings: string[] }
  | { type: "error"; error: WireError }
  /** The event loop emptied while the program's promise was still pending: it can never settle. */
  | { type: "unsettled" }
  | { type: "pong" }
  /** The host has loaded the SDK and the mocks, and now loads the program: the timeout starts. */
  | { type: "started" };

const SECRET_TAG = "$scaleway-blocks:secret";
const REF_TAG = "$scaleway-blocks:resource";

/** The recorder's Secret and ResourceRef as tagged JSON objects (functions and undefined are dropped). */
export function encodeValue(value: unknown): unknown {
  const { ResourceRef, Secret } = recorder();
  if (value instanceof Secret) return { [SECRET_TAG]: encodeValue(value.value) };
  if (value instanceof ResourceRef) return { [REF_TAG]: { urn: value.urn, id: value.id } };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (child === undefined || typeof child === "function") continue;
      out[key] = encodeValue(child);
    }
    return out;
  }
  return typeof value === "function" ? undefined : value;
}

export function decodeValue(value: unknown): unknown {
  const { ResourceRef, Secret } = recorder();
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (SECRET_TAG in record) return new Secret(decodeValue(record[SECRET_TAG]));
    if (REF_TAG in record) {
      const ref = record[REF_TAG] as { urn: string; id?: string };
      return new ResourceRef(ref.urn, ref.id);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}

export function encodeGraph(graph: ResourceGraph): unknown {
  return { resources: encodeValue(graph.resources), calls: encodeValue(graph.calls) };
}

export function decodeGraph(wire: unknown): ResourceGraph {
  const { resources, calls } = decodeValue(wire) as {
    resources: RecordedResource[];
    calls: RecordedCall[];
  };
  return new (recorder().ResourceGraph)(resources, calls);
}
