import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import type { CliIo, GraphResource, PlanResource } from "../src/index";
import { main } from "../src/index";

export const FIXTURES = resolve(__dirname, "fixtures");

/** A URN under stack "test" of project "proj"; `parents` are the parent type tokens, outermost first. */
export function urn(type: string, name: string, parents: readonly string[] = []): string {
  return `urn:pulumi:test::proj::${[...parents, type].join("$")}::${name}`;
}

/** A resource as the recorder gives it, with defaults for what a test does not care about. */
export function resource(partial: Partial<GraphResource> & { type: string; name: string }): GraphResource {
  return {
    urn: urn(partial.type, partial.name),
    custom: true,
    dependencies: [],
    inputs: {},
    options: {},
    ...partial,
  };
}

/** A plan resource (what the diff and the cost work on). */
export function planResource(partial: Partial<PlanResource> & { type: string; name: string }): PlanResource {
  return {
    urn: urn(partial.type, partial.name),
    custom: true,
    dependencies: [],
    inputs: {},
    protect: false,
    retainOnDelete: false,
    replaceOnChanges: [],
    aliases: [],
    ...partial,
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's main in-process, capturing its output. */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd: FIXTURES,
    env: {},
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
    ...io,
  });
  return { code, stdout, stderr };
}

/** `run(args)` once per distinct `args` in this test process; later calls with the same args share its result. */
function oncePerCommand<T>(run: (args: readonly string[]) => T): (args: readonly string[]) => T {
  const runs = new Map<string, T>();
  return (args) => {
    const key = JSON.stringify(args);
    if (!runs.has(key)) runs.set(key, run(args));
    return runs.get(key) as T;
  };
}

/**
 * runCli(argv) with the default io, run once per test process and shared by every test (of any file
 * in this process) that asks for the same command: each run of a fixture spawns a Node process for its
 * program, and a mock run of the same fixture gives the same output every time. Tests assert different
 * things about that one result; a test that needs other io (a TTY, env, a catalog) calls runCli.
 */
export const runCliShared: (argv: readonly string[]) => Promise<CliRun> = oncePerCommand((argv) =>
  runCli([...argv]),
);

/**
 * `make()` run once, on the first call, and its promise shared by every later call: for tests that
 * assert different things about one run of the same command (a mock run of a fixture gives the same
 * result every time).
 */
export function sharedRun<T>(make: () => Promise<T>): () => Promise<T> {
  let run: Promise<T> | undefined;
  return () => (run ??= make());
}

/** The published bin (the built dist/cli.js), as a user runs it: a separate Node process. */
export const CLI = resolve(__dirname, "..", "dist", "cli.js");

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin in a Node process of its own, with NO_COLOR=1 and `env` over this process's environment. */
export function runBin(args: readonly string[], env: Record<string, string> = {}): BinRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * runBin(args) with no extra environment, run once per test process and shared by every test that
 * asks for the same command (as runCliShared for the in-process CLI).
 */
export const runBinShared: (args: readonly string[]) => BinRun = oncePerCommand((args) => runBin(args));
