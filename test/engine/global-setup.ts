// Builds (or reuses) the tools the engine tests run, once per `pnpm run test:engine`:
// the pinned `pulumi` CLI, the YAML language host and the versitygw S3 server
// (scripts/pulumi-tools.mjs, cached outside the work tree). Without Go or the module proxy the tests
// skip with the script's message; any other failure to build fails the run.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node" with { "resolution-mode": "import" };

export const ENGINE_TOOLS = ["pulumi", "pulumi-language-yaml", "versitygw"] as const;

declare module "vitest" {
  export interface ProvidedContext {
    engineTools: { bin: string; skip?: undefined } | { bin?: undefined; skip: string };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const script = join(__dirname, "..", "..", "scripts", "pulumi-tools.mjs");
  const started = Date.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) => {
      const child = spawn(process.execPath, [script, "--only", ENGINE_TOOLS.join(",")], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => {
        err += c.toString();
        process.stderr.write(c);
      });
      child.on("close", (c) => resolve({ code: c ?? 1, stdout: out, stderr: err }));
    },
  );
  if (code === 0) {
    process.stderr.write(`[engine] tools ready in ${Math.round((Date.now() - started) / 1000)} s\n`);
    project.provide("engineTools", { bin: stdout.trim().split("\n").pop()! });
    return;
  }
  const message = stderr.replace(/^\[tools\] /gm, "").trim();
  if (code === 2 && /Go is not installed|cannot be reached|GOPROXY is off/.test(message)) {
    process.stderr.write(`[engine] SKIPPING the engine tests: the tools cannot be built here.\n`);
    project.provide("engineTools", { skip: message.split("\n").slice(-3).join(" ") });
    return;
  }
  throw new Error(
    `scripts/pulumi-tools.mjs could not build ${ENGINE_TOOLS.join(", ")} (exit ${code}):\n${message}`,
  );
}
