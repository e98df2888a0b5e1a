// Runs the real `pulumi` CLI for the engine tests: its own PULUMI_HOME (so nothing touches the user's
// ~/.pulumi), the passphrase secrets provider, no plugin downloads, no update check, and the local S3
// server's credentials and certificate.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { S3Server } from "./s3";

export const PASSPHRASE = "engine-test passphrase, not a secret";

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface PulumiOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Called with the child as soon as it started (to kill it). */
  onStart?: (child: ReturnType<typeof spawn>) => void;
}

/** A throw-away Pulumi home and the environment every command of one test file shares. */
export class PulumiSession {
  readonly home = mkdtempSync(join(tmpdir(), "sb-pulumi-home-"));
  readonly env: Record<string, string>;

  constructor(
    /** The directory of the built tools (pulumi, pulumi-language-yaml). */
    readonly toolsBin: string,
    /** The local S3 server of a DIY backend on S3; undefined for a backend on a local directory. */
    s3: S3Server | undefined,
    extraPath: string[] = [],
  ) {
    const keep = ["HOME", "TMPDIR", "LANG", "USER"];
    const base: Record<string, string> = {};
    for (const key of keep) if (process.env[key]) base[key] = process.env[key]!;
    this.env = {
      ...base,
      PATH: [...extraPath, toolsBin, "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
      PULUMI_HOME: this.home,
      PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      ...(s3
        ? {
            AWS_ACCESS_KEY_ID: s3.accessKey,
            AWS_SECRET_ACCESS_KEY: s3.secretKey,
            AWS_EC2_METADATA_DISABLED: "true",
            // The local server's self-signed certificate: Go reads the trusted roots from this file.
            SSL_CERT_FILE: s3.caFile,
          }
        : {}),
    };
  }

  pulumi(args: string[], options: PulumiOptions = {}): Promise<Run> {
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn(join(this.toolsBin, "pulumi"), [...args, "--non-interactive"], {
        cwd: options.cwd ?? this.home,
        env: { ...this.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group, so that a test can kill the CLI with its language host.
        detached: true,
      });
      options.onStart?.(child);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("close", (code, signal) =>
        resolve({ code, signal, stdout, stderr, ms: Date.now() - started }),
      );
    });
  }

  /** Runs a command that must succeed; throws with its output otherwise. */
  async ok(args: string[], options: PulumiOptions = {}): Promise<Run> {
    const run = await this.pulumi(args, options);
    if (run.code !== 0) {
      throw new Error(
        `pulumi ${args.join(" ")} exited ${String(run.code ?? run.signal)}:\n${run.stdout}\n${run.stderr}`,
      );
    }
    return run;
  }

  dispose(): void {
    rmSync(this.home, { recursive: true, force: true });
  }
}

/**
 * A directory with a `pulumi-language-yaml` that starts the real one at once the first time (the CLI
 * asks the language host about the program before it locks the stack) and `seconds` late every
 * later time: put first on PATH, it stands in for a long deployment that holds the stack's lock. (The
 * CLI prefers a language host on PATH to the one next to it, and says so with a warning.)
 */
export function slowLanguageHost(toolsBin: string, seconds: number): string {
  const dir = mkdtempSync(join(tmpdir(), "sb-slow-host-"));
  const wrapper = join(dir, "pulumi-language-yaml");
  writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      `if [ -e "${dir}/started" ]; then sleep ${seconds}; fi`,
      `touch "${dir}/started"`,
      `exec "${join(toolsBin, "pulumi-language-yaml")}" "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(wrapper, 0o755);
  return dir;
}
