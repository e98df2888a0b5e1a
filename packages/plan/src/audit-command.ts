import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { auditStack, AuditError, renderAudit, stateResources } from "./audit";
import { EXIT } from "./exit-codes";

export const AUDIT_HELP = `scaleway-blocks audit --stack <name> [options]

Who changed the stack's resources, and when: Scaleway Audit Trail events for every resource id in the
stack's state (\`pulumi stack export\`), oldest first.

Options:
  --stack <name>           the Pulumi stack (required)
  --cwd <dir>              the Pulumi project directory (default .)
  --state <file>           a \`pulumi stack export\` JSON file instead of running the pulumi CLI
  --since <when>           RFC 3339 time or <n>d (default 90d: the window Scaleway's exports cover)
  --region <region>        region of resources whose id and outputs name none (default fr-par)
  --organization <id>      the Organization (default SCW_DEFAULT_ORGANIZATION_ID)
  --json                   print the events as JSON

Environment: SCW_SECRET_KEY (an API key whose principal holds AuditTrailReadOnly on the Organization),
SCW_DEFAULT_ORGANIZATION_ID, SCW_API_URL (default https://api.scaleway.com).
`;

interface AuditIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now?: Date;
  fetch?: typeof fetch;
}

/** "90d" → the RFC 3339 time 90 days before now; an RFC 3339 time as is. */
export function sinceTime(text: string, now: Date): string {
  const days = /^(\d+)d$/.exec(text);
  if (days) return new Date(now.getTime() - Number(days[1]) * 86_400_000).toISOString();
  if (Number.isNaN(Date.parse(text)))
    throw new AuditError(`--since: expected <n>d or an RFC 3339 time, got "${text}"`);
  return new Date(text).toISOString();
}

function readState(io: AuditIo, options: { state?: string; stack: string; cwd?: string }): unknown {
  if (options.state !== undefined) {
    const path = resolve(io.cwd, options.state);
    try {
      return JSON.parse(readFileSync(path, "utf8")) as unknown;
    } catch (error) {
      throw new AuditError(
        `cannot read the state file ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const result = spawnSync("pulumi", ["stack", "export", "--stack", options.stack], {
    cwd: resolve(io.cwd, options.cwd ?? "."),
    encoding: "utf8",
    env: { ...io.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error || result.status !== 0)
    throw new AuditError(
      `\`pulumi stack export --stack ${options.stack}\` failed (${result.error?.message ?? (result.stderr || `exit ${String(result.status)}`).trim()}); log in to the stack's backend or pass --state <file>`,
    );
  return JSON.parse(result.stdout) as unknown;
}

/** `scaleway-blocks audit …`: returns the exit status (0 printed, 3 the events could not be read). */
export async function runAudit(argv: readonly string[], io: AuditIo): Promise<number> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        stack: { type: "string" },
        cwd: { type: "string" },
        state: { type: "string" },
        since: { type: "string", default: "90d" },
        region: { type: "string", default: "fr-par" },
        organization: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(AUDIT_HELP);
      return EXIT.ok;
    }
    if (values.stack === undefined) throw new AuditError("audit needs --stack <name>");
    const secretKey = io.env.SCW_SECRET_KEY;
    const organizationId = values.organization ?? io.env.SCW_DEFAULT_ORGANIZATION_ID;
    if (!secretKey) throw new AuditError("SCW_SECRET_KEY is not set (an API key allowed AuditTrailReadOnly)");
    if (!organizationId)
      throw new AuditError("no Organization: set SCW_DEFAULT_ORGANIZATION_ID or pass --organization <id>");
    const since = sinceTime(values.since, io.now ?? new Date());
    const resources = stateResources(
      readState(io, {
        stack: values.stack,
        ...(values.state ? { state: values.state } : {}),
        ...(values.cwd ? { cwd: values.cwd } : {}),
      }),
    );
    const result = await auditStack(
      resources,
      {
        apiUrl: io.env.SCW_API_URL || "https://api.scaleway.com",
        secretKey,
        organizationId,
        since,
        ...(io.fetch ? { fetch: io.fetch } : {}),
      },
      values.region,
    );
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ stack: values.stack, since, events: result.events, notCovered: result.notCovered.map((r) => r.urn) }, null, 2)}\n`
        : renderAudit(values.stack, result, since),
    );
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`scaleway-blocks audit: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.error;
  }
}
