// The Node process that runs the project's program (program-host.ts), from its spawn to its outcome.
// This module loads nothing but Node's own modules and the plan's small ones, so that the CLI can
// start the program's process first, before it reads the project (yaml) and loads its own modules:
// the program's process loads the Pulumi SDK meanwhile, on the other core, and gets its job (the
// project and stack) over the IPC channel once the CLI has read the project.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { CODE_CACHE_ENV, codeCacheFile, defaultCodeCacheDir } from "./code-cache";
import { shortcutsEnabled } from "./defer-modules";
import type { LoadedProject } from "./load-project";
import { PROGRAM_NODE_FLAGS } from "./program-flags";
import type { HostJob, HostMessage, PlanMessage } from "./program-wire";

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
export function keyOf(project: LoadedProject, timeoutMs: number): string {
  return JSON.stringify([jobOf(project, timeoutMs), project.nodeargs]);
}

export type Outcome =
  | HostMessage
  | { type: "timeout"; answered: boolean; result: boolean }
  | { type: "failed"; error: ProgramError };

/**
 * The Node process that runs one program. It is spawned for a project directory and its Node
 * arguments, loads the SDK and the mocks, and runs the program once it gets its job (start()).
 */
export class ProgramProcess {
  key: string | undefined;
  readonly warnings: string[] = [];
  mismatch: string | undefined;
  readonly outcome: Promise<Outcome>;
  /**
   * The program's result as soon as it comes, before the process has ended (undefined when it ends
   * or is stopped without one): the plan works on it while the process exits. The outcome still
   * says whether the process then ended (a program that keeps its event loop alive is an error).
   */
  readonly result: Promise<Extract<HostMessage, { type: "result" }> | undefined>;
  private readonly child: ChildProcess;
  private output: ((text: string) => void) | undefined;
  private buffered: string[] = [];

  constructor(
    /** The project directory (where Pulumi.yaml is): the code cache is the project's. */
    readonly dir: string,
    readonly nodeargs: readonly string[],
    readonly timeoutMs: number,
    cwd: string,
  ) {
    // The program's process compiles its modules with a code cache (code-cache.ts), one per project.
    const codeCache = shortcutsEnabled()
      ? { [CODE_CACHE_ENV]: codeCacheFile(defaultCodeCacheDir(), dir, [...PROGRAM_NODE_FLAGS, ...nodeargs]) }
      : {};
    const child = spawn(process.execPath, [...PROGRAM_NODE_FLAGS, ...nodeargs, hostPath()], {
      cwd,
      env: { ...process.env, ...codeCache },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.child = child;
    // What the program and the SDK print goes to the plan's stderr: stdout is the plan's.
    child.stdout?.on("data", (chunk: Buffer) => this.write(chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => this.write(chunk.toString()));

    let resultCame: (message: Extract<HostMessage, { type: "result" }> | undefined) => void;
    this.result = new Promise((resolve) => (resultCame = resolve));
    this.outcome = new Promise<Outcome>((resolve) => {
      let received: HostMessage | undefined;
      let answered = false;
      let stopped: { answered: boolean } | undefined;
      const stop = () => {
        if (child.connected) child.send({ type: "ping" } satisfies PlanMessage, () => undefined);
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
        else {
          received ??= m;
          if (received.type === "result") resultCame(received);
        }
      });
      child.on("error", (error) => {
        clearTimeout(timer);
        resultCame(undefined);
        resolve({
          type: "failed",
          error: new ProgramError(`cannot start Node for the program: ${error.message}`),
        });
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        resultCame(undefined);
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

  /** Whether this process can run `project`: spawned for its directory and its Node arguments. */
  fits(project: LoadedProject, timeoutMs: number): boolean {
    return (
      this.key === undefined &&
      this.dir === project.dir &&
      this.timeoutMs === timeoutMs &&
      JSON.stringify(this.nodeargs) === JSON.stringify(project.nodeargs)
    );
  }

  /** Sends the process its job: it runs the project's program as soon as it has loaded the SDK. */
  start(project: LoadedProject): this {
    this.warnings.push(...project.warnings);
    this.mismatch = sdkMismatch(createRequire(join(project.programDir, "__program__.js")));
    if (this.mismatch) this.warnings.push(this.mismatch);
    this.key = keyOf(project, this.timeoutMs);
    const job: PlanMessage = { type: "job", job: jobOf(project, this.timeoutMs) };
    if (this.child.connected) this.child.send(job, () => undefined);
    return this;
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

/** A program's process for `project`: started for it now. */
export function programProcess(project: LoadedProject, timeoutMs: number): ProgramProcess {
  return new ProgramProcess(project.dir, project.nodeargs, timeoutMs, project.programDir).start(project);
}

/** Started before the project was read (startEarly), waiting for its job. */
let early: ProgramProcess | undefined;
/** Started with its job (prestartProgram), for runProgram to take over. */
let prestarted: ProgramProcess | undefined;

/**
 * Starts the program's process for the project in `cwd` before the project is read (the CLI's first
 * step), when the project's Node arguments are known without parsing Pulumi.yaml: only when its text
 * does not mention `nodeargs` (a project with nodeargs is started by prestartProgram instead).
 * Off with the other load-time shortcuts (SCALEWAY_BLOCKS_PLAN_EAGER=1). Returns whether it started
 * one; never throws.
 */
export function startEarly(cwd: string, timeoutMs = DEFAULT_TIMEOUT_MS): boolean {
  if (!shortcutsEnabled()) return false;
  try {
    const dir = resolve(cwd);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(dir, f)).find((p) => existsSync(p));
    if (projectFile === undefined || readFileSync(projectFile, "utf8").includes("nodeargs")) return false;
    discardEarlyProgram();
    early = new ProgramProcess(dir, [], timeoutMs, dir);
    return true;
  } catch {
    // no early start: prestartProgram or runProgram starts it, and reports what is wrong
    return false;
  }
}

/** Stops a process startEarly started that no run took over. */
export function discardEarlyProgram(): void {
  early?.kill();
  early = undefined;
}

/**
 * Starts the program's process ahead of time (the CLI does, before it loads the plan's modules, so
 * that both processes load at once): the one startEarly started when it fits the project, else a new
 * one. runProgram takes it over when the project and the timeout are the same.
 */
export function prestartProgram(project: LoadedProject, timeoutMs = DEFAULT_TIMEOUT_MS): void {
  prestarted?.kill();
  if (early?.fits(project, timeoutMs)) prestarted = early.start(project);
  else {
    early?.kill();
    prestarted = programProcess(project, timeoutMs);
  }
  early = undefined;
}

/** Stops a process prestartProgram (or startEarly) started that runProgram did not take over. */
export function discardPrestartedProgram(): void {
  discardEarlyProgram();
  prestarted?.kill();
  prestarted = undefined;
}

/** The prestarted process when it runs `project` with this timeout (and forgets it), else a new one. */
export function takeProgramProcess(project: LoadedProject, timeoutMs: number): ProgramProcess {
  const reuse = prestarted !== undefined && prestarted.key === keyOf(project, timeoutMs);
  const program = reuse ? prestarted! : programProcess(project, timeoutMs);
  if (!reuse) discardPrestartedProgram();
  prestarted = undefined;
  return program;
}
