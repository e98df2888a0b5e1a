import { parseArgs } from "node:util";

export interface CliOptions {
  command: "plan" | "help" | "version";
  stack?: string;
  cwd?: string;
  json: boolean;
  baseline?: string;
  /** "key=value" flags, in order. */
  assume: string[];
  assumptions?: string;
  livePrices: boolean;
  policyConfig?: string;
  targetMinutes?: number;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const HELP = `scaleway-blocks plan — an offline plan of a Pulumi deployment on Scaleway

Usage:
  scaleway-blocks plan --stack <name> [options]

Runs the project's built program under mocks (no credentials, nothing deployed) and prints the
resource tree, the monthly cost, policy findings, the deployment time and, with --baseline,
the resources a deployment would destroy.

Options:
  -s, --stack <name>           stack to plan (reads Pulumi.<name>.yaml)               [required]
  -C, --cwd <dir>              the Pulumi project directory                  [default: current]
      --json                   print the plan as JSON (schema version 1.x) instead of text
      --baseline <plan.json>   compare with an earlier plan (its --json output)
      --assume <key=value>     override a usage assumption (repeatable), e.g.
                               --assume containers.activeHoursPerMonth=200
      --assumptions <file>     read assumption overrides from a JSON file (flags win)
      --live-prices            price from Scaleway's public product catalog; falls back to
                               the shipped table with a warning when it cannot be reached
      --policy-config <file>   JSON configuration for @scaleway-blocks/policy (settings,
                               per-rule enforcement levels)
      --target-minutes <n>     deployment-time target                          [default: 10]
  -h, --help                   show this help
  -v, --version                show the version

Exit status:
  0  plan made, no mandatory policy failure, no data-loss risk
  1  a mandatory policy rule fails
  2  a stateful resource (database, bucket, secret, …) would be deleted or replaced
  3  no plan could be made (bad flags, project or program error)
  When several apply, the highest wins.
`;

/** Parses the command line (without the node and script arguments). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        stack: { type: "string", short: "s" },
        cwd: { type: "string", short: "C" },
        json: { type: "boolean", default: false },
        baseline: { type: "string" },
        assume: { type: "string", multiple: true, default: [] },
        assumptions: { type: "string" },
        "live-prices": { type: "boolean", default: false },
        "policy-config": { type: "string" },
        "target-minutes": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const base = {
    json: values.json === true,
    assume: values.assume ?? [],
    livePrices: values["live-prices"] === true,
  };
  if (values.help) return { command: "help", ...base };
  if (values.version) return { command: "version", ...base };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError("expected a command: scaleway-blocks plan --stack <name>");
  if (command !== "plan") throw new UsageError(`unknown command "${command}": the command is plan`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest.join(" ")}"`);
  if (values.stack === undefined || values.stack === "") throw new UsageError("--stack <name> is required");
  let targetMinutes: number | undefined;
  if (values["target-minutes"] !== undefined) {
    targetMinutes = Number(values["target-minutes"]);
    if (!Number.isFinite(targetMinutes) || targetMinutes <= 0)
      throw new UsageError(`--target-minutes expects a positive number, got "${values["target-minutes"]}"`);
  }
  return {
    command: "plan",
    ...base,
    stack: values.stack,
    cwd: values.cwd,
    baseline: values.baseline,
    assumptions: values.assumptions,
    policyConfig: values["policy-config"],
    targetMinutes,
  };
}
