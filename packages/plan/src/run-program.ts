import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ResourceGraph } from "@scaleway-blocks/recorder";
import type { LoadedProject } from "./load-project";
import { PROGRAM_NODE_FLAGS } from "./program-flags";
import { explainSecurePlaceholder } from "./secure-value";
import type { HostJob, HostMessage, WireError } from "./program-wire";
import { decodeGraph, decodeValue, JOB_ENV } from "./program-wire";

export class ProgramError extends Error {
  override readonly name = "ProgramError";
  /** The program's own stack, when it threw (printed with --debug). */
  readonly programStack: string | undefined;
  constructor(message: string, programStack?: string) {
    super(message);
    this.programStack = programStack;
  }
}

/** How long the plan waits for the program by default (--timeout). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long a program stopped at the timeout has to answer whether its event loop still turns. */
const PING_GRACE_MS = 1_000;
/** How long the host may take to load the SDK and the mocks before the program starts (a loaded CI machine). */
const STARTUP_MS = 120_000;

export interface ProgramRun {
  graph: ResourceGraph;
  /** The stack outputs: what the program exported or returned, resolved by the SDK. */
  outputs: Record<string, unknown>;
  warnings: string[];
}

export interface RunProgramOptions {
  /** Stop the program after this long (default 60 s). */
  timeoutMs?: number;
  /** Where what the program prints goes (default: the plan's stderr; stdout is the plan's). */
  output?: (text: string) => void;
}

function realpathOr(path: string | undefined): string | undefined {
  try {
    return path === undefined ? undefined : realpathSync(path);
  } catch {
    return undefined;
  }
}

function resolveFrom(require: NodeJS.Require, id: string): string | undefined {
  try {
    return require.resolve(id);
  } catch {
    return undefined;
  }
}

/**
 * The copy of @pulumi/pulumi the program loads must be the one the mocks are installed in, or the
 * program's resources are never seen. Returns a warning when they differ.
 */
function sdkMismatch(projectRequire: NodeJS.Require): string | undefined {
  const programSdk = realpathOr(resolveFrom(projectRequire, "@pulumi/pulumi"));
  const recorderEntry = resolveFrom(createRequire(__filename), "@scaleway-blocks/recorder");
  const planSdk = realpathOr(recorderEntry && resolveFrom(createRequire(recorderEntry), "@pulumi/pulumi"));
  if (programSdk === undefined || planSdk === undefined || programSdk === planSdk) return undefined;
  return `the program loads @pulumi/pulumi from ${programSdk} but the plan's mocks run in ${planSdk}: resources registered through the program's copy are not recorded. Install one copy (dedupe) so both resolve to the same path`;
}

/** The compiled program host: next to this file in dist/, or in dist/ when this runs from src/ (tests). */
function hostPath(): string {
  const beside = join(__dirname, "program-host.js");
  if (existsSync(beside)) return beside;
  const built = join(__dirname, "..", "dist", "program-host.js");
  if (existsSync(built)) return built;
  throw new ProgramError(`${beside} is missing: build @scaleway-blocks/plan (tsc -p tsconfig.build.json)`);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function programError(error: WireError, secretConfigKeys: readonly string[]): ProgramError {
  const message = explainSecurePlaceholder(error.message, secretConfigKeys);
  const what = error.name === "Error" || error.name === "" ? message : `${error.name}: ${message}`;
  const where = error.location ? `\n    at ${error.location}` : "";
  return new ProgramError(`the program failed under mocks: ${what}${where}`, error.stack);
}

function jobOf(project: LoadedProject, timeoutMs: number): HostJob {
  return {
    mainPath: project.mainPath,
    projectDir: project.dir,
    programDir: project.programDir,
    esm: project.esm,
    ...(project.typescript ? { typescript: { tsconfig: project.tsconfig ?? "tsconfig.json" } } : {}),
    project: project.name,
    stack: project.stack,
    config: project.config,
    secretConfigKeys: project.secretConfigKeys,
    region: project.defaultRegion,
    settleTimeoutMs: timeoutMs,
  };
}

/** Two runs of the same program: the same job, the same Node arguments. */
function keyOf(project: LoadedProject, timeoutMs: number): string {
  return JSON.stringify([jobOf(project, timeoutMs), project.nodeargs]);
}

type Outcome =
  | HostMessage
  | { type: "timeout"; answered: boolean; result: boolean }
  | { type: "failed"; error: ProgramError };

/** The Node process that runs one program, from its start to its outcome. */
class ProgramProcess {
  readonly key: string;
  readonly warnings: string[];
  readonly mismatch: string | undefined;
  readonly outcome: Promise<Outcome>;
  private readonly child: ChildProcess;
  private output: ((text: string) => void) | undefined;
  private buffered: string[] = [];

  constructor(
    project: LoadedProject,
    readonly timeoutMs: number,
  ) {
    this.warnings = [...project.warnings];
    this.mismatch = sdkMismatch(createRequire(join(project.programDir, "__program__.js")));
    if (this.mismatch) this.warnings.push(this.mismatch);
    const job = jobOf(project, timeoutMs);
    this.key = keyOf(project, timeoutMs);
    const child = spawn(process.execPath, [...PROGRAM_NODE_FLAGS, ...project.nodeargs, hostPath()], {
      cwd: project.programDir,
      env: { ...process.env, [JOB_ENV]: JSON.stringify(job) },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child = child;
    // What the program and the SDK print goes to the plan's stderr: stdout is the plan's.
    child.stdout?.on("data", (chunk: Buffer) => this.write(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => this.write(chunk.toString()));

    this.outcome = new Promise<Outcome>((resolve) => {
      let received: HostMessage | undefined;
      let answered = false;
      let stopped: { answered: boolean } | undefined;
      const stop = () => {
        if (child.connected) child.send({ type: "ping" }, () => undefined);
        setTimeout(() => {
          stopped = { answered };
          child.kill("SIGKILL");
        }, PING_GRACE_MS).unref();
      };
      // The timeout counts from when the program starts, not while Node loads the SDK.
      let timer = setTimeout(stop, timeoutMs + STARTUP_MS);
      child.on("message", (m: HostMessage) => {
        if (m.type === "started") {
          clearTimeout(timer);
          timer = setTimeout(stop, timeoutMs);
        } else if (m.type === "pong") answered = true;
        else received ??= m;
      });
      child.on("error", (error) => {
        clearTimeout(timer);
        resolve({
          type: "failed",
          error: new ProgramError(`cannot start Node for the program: ${error.message}`),
        });
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        if (stopped)
          return resolve({ type: "timeout", answered: stopped.answered, result: received !== undefined });
        if (received) return resolve(received);
        const how = signal ? `signal ${signal}` : `exit code ${String(code)}`;
        resolve({
          type: "failed",
          error: new ProgramError(
            `the program's process ended before the program finished (${how}): does it call process.exit()?`,
          ),
        });
      });
    });
  }

  private write(text: string): void {
    if (this.output) this.output(text);
    else this.buffered.push(text);
  }

  /** From now on (and for what was printed so far), what the program prints goes to `output`. */
  attach(output: (text: string) => void): void {
    this.output = output;
    for (const text of this.buffered) output(text);
    this.buffered = [];
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }
}

let prestarted: ProgramProcess | undefined;

/**
 * Starts the program's process ahead of time (the CLI does, before it loads the SDK and the plan's
 * modules, so that both processes load at once); runProgram takes it over when the project and the
 * timeout are the same.
 */
export function prestartProgram(project: LoadedProject, timeoutMs = DEFAULT_TIMEOUT_MS): void {
  discardPrestartedProgram();
  prestarted = new ProgramProcess(project, timeoutMs);
}

/** Stops a process prestartProgram started that runProgram did not take over. */
export function discardPrestartedProgram(): void {
  prestarted?.kill();
  prestarted = undefined;
}

/**
 * Runs the project's program under the Scaleway mocks of @scaleway-blocks/recorder (a mock run:
 * nothing is deployed, no credentials are used) and records the resource graph. The program runs
 * in a separate Node process, loaded the way Pulumi loads it (see program-host.ts and
 * resolveProgram): a program that does not finish within the timeout is stopped.
 */
export async function runProgram(
  project: LoadedProject,
  options: RunProgramOptions = {},
): Promise<ProgramRun> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const output = options.output ?? ((text: string) => void process.stderr.write(text));
  const reuse = prestarted !== undefined && prestarted.key === keyOf(project, timeoutMs);
  const program = reuse ? prestarted! : new ProgramProcess(project, timeoutMs);
  if (!reuse) discardPrestartedProgram();
  prestarted = undefined;
  program.attach(output);
  const { warnings, mismatch } = program;
  const message = await program.outcome;

  const limit = `(the plan's --timeout is ${seconds(timeoutMs)}; pass --timeout <duration>, e.g. --timeout 5m, to wait longer)`;
  switch (message.type) {
    case "timeout":
      if (message.result)
        throw new ProgramError(
          `the program finished but kept Node's event loop alive for ${seconds(timeoutMs)} (a timer such as setInterval, an open socket or server): pulumi up would wait for it too, so the plan stopped it. Clear the timer or close the handle when the program is done ${limit}`,
        );
      throw new ProgramError(
        message.answered
          ? `the program did not finish within ${seconds(timeoutMs)}: it is still waiting (a promise that never settles, or an Output that never resolves, while a timer or socket keeps Node running), so the plan stopped it ${limit}`
          : `the program did not finish within ${seconds(timeoutMs)}: it keeps the CPU busy without ever yielding (an endless loop?), so the plan stopped it ${limit}`,
      );
    case "unsettled":
      throw new ProgramError(
        "the program never settled: it is waiting for a promise (or an Output) that nothing left in the program can resolve, and Node had nothing more to run, so the plan stopped it",
      );
    case "failed":
      throw message.error;
    case "error":
      throw programError(message.error, project.secretConfigKeys);
    case "pong":
    case "started":
      throw new ProgramError("the program host answered without a result");
    case "result": {
      const graph = decodeGraph(message.graph);
      warnings.push(...message.warnings);
      if (mismatch && graph.registered.length === 0) throw new ProgramError(mismatch);
      if (graph.registered.length === 0) warnings.push("the program registered no resources");
      const outputs = decodeValue(message.outputs);
      return {
        graph,
        outputs: outputs !== null && typeof outputs === "object" ? (outputs as Record<string, unknown>) : {},
        warnings,
      };
    }
  }
}
