import type { ResourceGraph } from "@scaleway-blocks/recorder";
import type { LoadedProject } from "./load-project";
import type { Outcome } from "./program-process";
import { DEFAULT_TIMEOUT_MS, ProgramError, takeProgramProcess } from "./program-process";
import type { WireError } from "./program-wire";
import { decodeGraph, decodeValue } from "./program-wire";
import { explainSecurePlaceholder } from "./secure-value";

export {
  DEFAULT_TIMEOUT_MS,
  discardPrestartedProgram,
  prestartProgram,
  ProgramError,
} from "./program-process";

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

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function programError(error: WireError, secretConfigKeys: readonly string[]): ProgramError {
  const message = explainSecurePlaceholder(error.message, secretConfigKeys);
  const what = error.name === "Error" || error.name === "" ? message : `${error.name}: ${message}`;
  const where = error.location ? `\n    at ${error.location}` : "";
  return new ProgramError(`the program failed under mocks: ${what}${where}`, error.stack);
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
  const { run, ended } = await startProgramRun(project, options);
  await ended;
  return run;
}

/**
 * runProgram in two steps, for the CLI: the run as soon as the program's result comes, and the end
 * of its process (`ended`), which rejects with the ProgramError runProgram would throw when the
 * process then does not end (a program that keeps its event loop alive). The CLI builds the plan
 * from the run while the process exits, and prints it once `ended` has resolved.
 */
export async function startProgramRun(
  project: LoadedProject,
  options: RunProgramOptions = {},
): Promise<{ run: ProgramRun; ended: Promise<void> }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const output = options.output ?? ((text: string) => void process.stderr.write(text));
  const program = takeProgramProcess(project, timeoutMs);
  program.attach(output);
  const { warnings, mismatch } = program;
  const result = await program.result;
  if (result) {
    const run = programRun(result, warnings, mismatch);
    const ended = program.outcome.then((outcome) => {
      if (outcome.type !== "result") throw outcomeError(outcome, project, timeoutMs);
    });
    // Nothing may be left unhandled while the caller works on the run: it awaits `ended` after.
    ended.catch(() => undefined);
    return { run, ended };
  }
  const outcome = await program.outcome;
  if (outcome.type === "result")
    return { run: programRun(outcome, warnings, mismatch), ended: Promise.resolve() };
  throw outcomeError(outcome, project, timeoutMs);
}

function programRun(
  message: Extract<Outcome, { type: "result" }>,
  warnings: string[],
  mismatch: string | undefined,
): ProgramRun {
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

/** The error for an outcome without a result. */
function outcomeError(
  message: Exclude<Outcome, { type: "result" }>,
  project: LoadedProject,
  timeoutMs: number,
): ProgramError {
  const limit = `(the plan's --timeout is ${seconds(timeoutMs)}; pass --timeout <duration>, e.g. --timeout 5m, to wait longer)`;
  switch (message.type) {
    case "timeout":
      if (message.result)
        return new ProgramError(
          `the program finished but kept Node's event loop alive for ${seconds(timeoutMs)} (a timer such as setInterval, an open socket or server): pulumi up would wait for it too, so the plan stopped it. Clear the timer or close the handle when the program is done ${limit}`,
        );
      return new ProgramError(
        message.answered
          ? `the program did not finish within ${seconds(timeoutMs)}: it is still waiting (a promise that never settles, or an Output that never resolves, while a timer or socket keeps Node running), so the plan stopped it ${limit}`
          : `the program did not finish within ${seconds(timeoutMs)}: it keeps the CPU busy without ever yielding (an endless loop?), so the plan stopped it ${limit}`,
      );
    case "unsettled":
      return new ProgramError(
        "the program never settled: it is waiting for a promise (or an Output) that nothing left in the program can resolve, and Node had nothing more to run, so the plan stopped it",
      );
    case "failed":
      return message.error;
    case "error":
      return programError(message.error, project.secretConfigKeys);
    case "pong":
    case "started":
      return new ProgramError("the program host answered without a result");
  }
}
