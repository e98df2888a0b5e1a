import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { record } from "@scaleway-blocks/testing";
import type { LoadedProject } from "./load-project";
import { ProjectError } from "./load-project";

export class ProgramError extends Error {
  override readonly name = "ProgramError";
}

export interface ProgramRun {
  graph: ResourceGraph;
  /** What main() returned: the stack outputs. */
  outputs: Record<string, unknown>;
  warnings: string[];
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
  const testingEntry = resolveFrom(createRequire(__filename), "@scaleway-blocks/testing");
  const planSdk = realpathOr(testingEntry && resolveFrom(createRequire(testingEntry), "@pulumi/pulumi"));
  if (programSdk === undefined || planSdk === undefined || programSdk === planSdk) return undefined;
  return `the program loads @pulumi/pulumi from ${programSdk} but the plan's mocks run in ${planSdk}: resources registered through the program's copy are not recorded. Install one copy (dedupe) so both resolve to the same path`;
}

/** Sends writes to process.stdout to process.stderr until the returned function is called. */
function redirectStdoutToStderr(): () => void {
  const own = Object.getOwnPropertyDescriptor(process.stdout, "write");
  Object.defineProperty(process.stdout, "write", {
    value: process.stderr.write.bind(process.stderr),
    configurable: true,
    writable: true,
  });
  return () => {
    if (own) Object.defineProperty(process.stdout, "write", own);
    else Reflect.deleteProperty(process.stdout, "write");
  };
}

/**
 * Runs the project's built program in-process under the Scaleway mocks of
 * @scaleway-blocks/testing (a mock run: nothing is deployed, no credentials are used) and records
 * the resource graph. The program is the module at package.json `main`, exporting
 * `main(): Promise<Record<string, unknown>>` (or being that function itself, as Pulumi allows).
 */
export async function runProgram(project: LoadedProject): Promise<ProgramRun> {
  const projectRequire = createRequire(join(project.dir, "package.json"));
  const warnings: string[] = [];
  const mismatch = sdkMismatch(projectRequire);
  if (mismatch) warnings.push(mismatch);

  let outputs: Record<string, unknown> = {};
  const program = async (): Promise<void> => {
    let mod: unknown;
    try {
      mod = projectRequire(project.mainPath);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "MODULE_NOT_FOUND" && String((error as Error).message).includes(project.mainPath))
        throw new ProjectError(
          `the program is not built: ${project.mainPath} cannot be loaded. Build the project first (e.g. npm run build)`,
        );
      throw error;
    }
    // The contract: a `main` export. A module that is itself the function (Pulumi's `export = main`) works too.
    const main = typeof mod === "function" ? mod : (mod as { main?: unknown } | undefined)?.main;
    if (typeof main !== "function")
      throw new ProjectError(
        `${project.mainPath} does not export main(): the project contract is \`export async function main(): Promise<Record<string, unknown>>\``,
      );
    const result: unknown = await (main as () => unknown)();
    if (result !== null && typeof result === "object") outputs = result as Record<string, unknown>;
  };

  // What the program and the SDK print (console.log, pulumi.log) goes to stderr: stdout is the plan's.
  const restoreStdout = redirectStdoutToStderr();
  try {
    const { graph } = await record(program, {
      project: project.name,
      stack: project.stack,
      config: project.config,
      secretConfigKeys: project.secretConfigKeys,
      region: project.defaultRegion,
    });
    if (mismatch && graph.registered.length === 0) throw new ProgramError(mismatch);
    return { graph, outputs, warnings };
  } catch (error) {
    if (error instanceof ProjectError || error instanceof ProgramError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ProgramError(`the program failed under mocks: ${message}`);
  } finally {
    restoreStdout();
  }
}
