import type { ParseArgsConfig } from "node:util";
import { parseArgs } from "node:util";

export interface CliOptions {
  command: "plan" | "help" | "version";
  stack?: string;
  cwd?: string;
  /** --format (json for --json): text for people, json for machines, markdown for a pull request. */
  format: OutputFormat;
  /** format === "json". */
  json: boolean;
  baseline?: string;
  /** --from-preview: a `pulumi preview --json` document to plan instead of running the program. */
  fromPreview?: string;
  /** "key=value" flags, in order. */
  assume: string[];
  assumptions?: string;
  /** --usage-file: the YAML usage file (schema/usage.schema.json). */
  usageFile?: string;
  livePrices: boolean;
  policyConfig?: string;
  targetMinutes?: number;
  /** --timeout: how long the program may run, in ms. */
  timeoutMs?: number;
  /** --debug: print the program's stack with its error. */
  debug: boolean;
  /** --verbose: the text form prints every priced item, the price sources and the assumptions. */
  verbose: boolean;
}

export const OUTPUT_FORMATS = ["text", "json", "markdown"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const HELP = `scaleway-blocks plan — an offline plan of a Pulumi deployment on Scaleway

Usage:
  scaleway-blocks plan --stack <name> [options]
  scaleway-blocks plan --from-preview <preview.json> [options]
  scaleway-blocks audit --stack <name> [--state <export.json>] [--since 90d]   (audit --help)

Runs the project's built program under mocks (no credentials, nothing deployed) and prints the
resource tree, the monthly cost, policy findings, the deployment time and, with --baseline,
the resources a deployment would destroy. With --from-preview it reads a real preview's
steps and states instead: the engine's own diff, from a preview run with credentials.

Options:
  -s, --stack <name>           stack to plan (reads Pulumi.<name>.yaml)
                                                        [required, unless --from-preview]
  -C, --cwd <dir>              the Pulumi project directory                  [default: current]
      --json                   print the plan as JSON (schema version 1.x): --format json
      --format <f>             text (default), json, or markdown (a pull-request comment)
      --baseline <plan.json>   compare with an earlier plan (its --json output)
      --from-preview <file>    plan the engine's own diff: the output of a real
                               pulumi preview --json (cost, policy and data loss of its
                               steps; add --show-sames for whole-stack totals); no program
                               run, --stack optional
      --assume <key=value>     override a usage assumption (repeatable), e.g.
                               --assume containers.activeHoursPerMonth=200
      --assumptions <file>     read assumption overrides from a JSON file (flags win)
      --usage-file <file>      YAML usage per resource (by name or URN) and for the stack:
                               container active hours, GB stored and egress, requests
                               (schema/usage.schema.json); a resource's entry wins
      --live-prices            price from Scaleway's public product catalog; falls back to
                               the shipped table with a warning when it cannot be reached
      --policy-config <file>   JSON configuration for @scaleway-blocks/policy (settings,
                               per-rule enforcement levels)
      --target-minutes <n>     deployment-time target                          [default: 10]
      --timeout <duration>     stop a program that has not finished by then (exit 3),
                               e.g. 90s, 5m, 500ms; a bare number is seconds  [default: 60s]
      --debug                  with a program error, print the program's stack
      --verbose                every priced item, the price sources and the assumptions
                               (the text form's cost section is short by default)
  -h, --help                   show this help
  -v, --version                show the version

Exit status:
  0  plan made, no mandatory policy failure, no data-loss risk
  1  a mandatory policy rule fails
  2  a stateful resource (database, bucket, secret, …) would be deleted or replaced
  3  no plan could be made (bad flags, project or program error, a --from-preview
     file that is not a successful pulumi preview --json document)
  When several apply, the highest wins.
`;

const OPTIONS = {
  stack: { type: "string", short: "s" },
  cwd: { type: "string", short: "C" },
  json: { type: "boolean", default: false },
  format: { type: "string" },
  baseline: { type: "string" },
  "from-preview": { type: "string" },
  assume: { type: "string", multiple: true, default: [] as string[] },
  assumptions: { type: "string" },
  "usage-file": { type: "string" },
  "live-prices": { type: "boolean", default: false },
  "policy-config": { type: "string" },
  "target-minutes": { type: "string" },
  timeout: { type: "string" },
  debug: { type: "boolean", default: false },
  verbose: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  version: { type: "boolean", short: "v", default: false },
} satisfies ParseArgsConfig["options"];

/** Edit distance between two names (insertions, deletions, substitutions, adjacent swaps). */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The known flag closest to an unknown one, when it is close enough to be a typo. */
export function suggestFlag(unknown: string): string | undefined {
  const name = unknown.replace(/^-+/, "").split("=")[0]!;
  let best: { flag: string; score: number } | undefined;
  for (const flag of Object.keys(OPTIONS)) {
    const score = flag.startsWith(name) && name.length >= 2 ? 0.5 : distance(name, flag);
    if (best === undefined || score < best.score) best = { flag, score };
  }
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return best && best.score <= allowed ? `--${best.flag}` : undefined;
}

/** "90s", "5m", "500ms", "1h" or a bare number of seconds → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? "s"]!;
  const ms = Math.round(Number(match[1]) * unit);
  return ms > 0 ? ms : undefined;
}

/** Parses the command line (without the node and script arguments). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && unknown !== undefined) {
      const suggestion = suggestFlag(unknown);
      throw new UsageError(`unknown flag ${unknown}${suggestion ? `; did you mean ${suggestion}?` : ""}`);
    }
    throw new UsageError(message);
  }
  const { values, positionals } = parsed;
  let format: OutputFormat = values.json === true ? "json" : "text";
  if (values.format !== undefined) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(values.format))
      throw new UsageError(`--format expects ${OUTPUT_FORMATS.join(", ")}; got "${values.format}"`);
    if (values.json === true && values.format !== "json")
      throw new UsageError(`--json asks for --format json, not --format ${values.format}: give one of them`);
    format = values.format as OutputFormat;
  }
  const base = {
    format,
    json: format === "json",
    assume: values.assume ?? [],
    livePrices: values["live-prices"] === true,
    debug: values.debug === true,
    verbose: values.verbose === true,
  };
  if (values.help) return { command: "help", ...base };
  if (values.version) return { command: "version", ...base };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError("expected a command: scaleway-blocks plan --stack <name>");
  if (command !== "plan")
    throw new UsageError(
      `unknown command "${command}": the command is plan${command.startsWith("-") ? "" : ` (scaleway-blocks plan --stack <name>)`}`,
    );
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest.join(" ")}"`);
  const fromPreview = values["from-preview"];
  if (fromPreview !== undefined && values.baseline !== undefined)
    throw new UsageError(
      "--from-preview and --baseline cannot be combined: the preview already holds the engine's diff against the stack",
    );
  if (fromPreview === undefined && (values.stack === undefined || values.stack === ""))
    throw new UsageError("--stack <name> is required (or --from-preview <preview.json>)");
  let targetMinutes: number | undefined;
  if (values["target-minutes"] !== undefined) {
    targetMinutes = Number(values["target-minutes"]);
    if (!Number.isFinite(targetMinutes) || targetMinutes <= 0)
      throw new UsageError(`--target-minutes expects a positive number, got "${values["target-minutes"]}"`);
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = parseDuration(values.timeout);
    if (timeoutMs === undefined)
      throw new UsageError(
        `--timeout expects a duration such as 90s, 5m or 500ms (a bare number is seconds), got "${values.timeout}"`,
      );
  }
  return {
    command: "plan",
    timeoutMs,
    ...base,
    stack: values.stack,
    cwd: values.cwd,
    baseline: values.baseline,
    ...(fromPreview !== undefined ? { fromPreview } : {}),
    assumptions: values.assumptions,
    usageFile: values["usage-file"],
    policyConfig: values["policy-config"],
    targetMinutes,
  };
}
