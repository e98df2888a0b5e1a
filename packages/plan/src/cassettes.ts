import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * Create durations measured in the Terraform provider's recorded acceptance tests: real API traffic
 * in `internal/services/<svc>/testdata/*.cassette.yaml`, with the HTTP `Date` header of every
 * response (one-second resolution; the provider polls every few seconds, 30 s at most for RDB).
 * A creation is the POST to the type's collection; it ends at the first later response for the same
 * id whose status is a ready one. A POST whose answer is already ready (or has no status at all) is
 * synchronous: 0 s. Used by scripts/measure-durations.mjs and by the test that checks the figures of
 * TYPE_DURATIONS against the recordings.
 */

export const PROVIDER_MODULE = "github.com/scaleway/terraform-provider-scaleway/v2";
export const PROVIDER_VERSION = "v2.79.0";

/** One kind of API object, how its creation starts and when it is done. */
export interface CassetteKind {
  /** The plan's short type, e.g. "databases.Instance". */
  readonly type: string;
  /** The POST path that creates one, after https://api.scaleway.com (locality and ids as wildcards). */
  readonly create: RegExp;
  /** Statuses that mean "created and usable". */
  readonly ready: readonly string[];
  /** Statuses that mean "failed": counted apart, never as a duration. */
  readonly failed: readonly string[];
}

const LOCALITY = "[a-z]{2}-[a-z]{3}(?:-[0-9])?";
const ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const regional = (path: string) => new RegExp(`^/${path.replace("{r}", `regions/${LOCALITY}`)}$`);
const zonal = (path: string) => new RegExp(`^/${path.replace("{z}", `zones/${LOCALITY}`)}$`);

export const CASSETTE_KINDS: readonly CassetteKind[] = [
  {
    type: "databases.Instance",
    create: new RegExp(`^/rdb/v1/regions/${LOCALITY}/(?:instances|snapshots/${ID}/create-instance)$`),
    ready: ["ready"],
    failed: ["error", "locked"],
  },
  {
    type: "databases.ReadReplica",
    create: regional("rdb/v1/{r}/read-replicas"),
    ready: ["ready"],
    failed: ["error"],
  },
  {
    type: "databases.ServerlessDatabase",
    create: regional("serverless-sqldb/v1alpha1/{r}/databases"),
    ready: ["ready"],
    failed: ["error", "locked"],
  },
  {
    type: "containers.Container",
    create: regional("containers/v1(?:beta1)?/{r}/containers"),
    ready: ["ready"],
    failed: ["error"],
  },
  {
    type: "containers.Namespace",
    create: regional("containers/v1(?:beta1)?/{r}/namespaces"),
    ready: ["ready"],
    failed: ["error"],
  },
  {
    type: "containers.Domain",
    create: regional("containers/v1(?:beta1)?/{r}/domains"),
    ready: ["ready"],
    failed: ["error"],
  },
  { type: "network.Vpc", create: regional("vpc/v2/{r}/vpcs"), ready: ["ready"], failed: [] },
  {
    type: "network.PrivateNetwork",
    create: regional("vpc/v2/{r}/private-networks"),
    ready: ["ready"],
    failed: [],
  },
  {
    type: "network.PublicGateway",
    create: zonal("vpc-gw/v2/{z}/gateways"),
    ready: ["running"],
    failed: ["failed"],
  },
  {
    type: "network.GatewayNetwork",
    create: zonal("vpc-gw/v2/{z}/gateway-networks"),
    ready: ["ready"],
    failed: ["failed"],
  },
  { type: "network.PublicGatewayIp", create: zonal("vpc-gw/v2/{z}/ips"), ready: ["ready"], failed: [] },
  {
    type: "secrets.Secret",
    create: regional("secret-manager/v1beta1/{r}/secrets"),
    ready: ["ready"],
    failed: [],
  },
  {
    type: "observability.Source",
    create: regional("cockpit/v1/{r}/data-sources"),
    ready: ["ready"],
    failed: [],
  },
  { type: "keymanager.Key", create: regional("key-manager/v1alpha1/{r}/keys"), ready: ["ready"], failed: [] },
];

/** One creation seen in a recording. */
export interface CreationSample {
  type: string;
  /** Seconds from the POST's answer to the first ready answer; 0 when the POST answered ready. */
  seconds: number;
  /** The cassette, relative to internal/services (e.g. "rdb/testdata/instance-basic.cassette.yaml"). */
  cassette: string;
  /** The day of the recording (UTC). */
  day: string;
}

/** A creation that ended in a failed status. */
export interface FailedCreation {
  type: string;
  secondsToFailure: number;
  cassette: string;
}

export interface CassetteMeasurement {
  samples: CreationSample[];
  failures: FailedCreation[];
}

interface Interaction {
  method: string;
  path: string;
  /** The response's Date header, in ms; undefined when missing. */
  at: () => number | undefined;
  /** The response body, JSON-decoded; undefined when it is not JSON. */
  body: () => unknown;
}

/**
 * The interactions of a cassette, read lazily: the request line and method come from a text scan,
 * the YAML of an interaction (its response body and headers) is parsed only when asked for. Parsing
 * every recording whole takes minutes; the measure only needs a few answers of each.
 */
function* interactionsOf(text: string): Generator<Interaction> {
  const indent = /^( *)- id: \d+$/m.exec(text)?.[1];
  if (indent === undefined) return;
  const starts = [...text.matchAll(new RegExp(`^${indent}- id: \\d+$`, "gm"))].map((m) => m.index);
  for (let n = 0; n < starts.length; n++) {
    const chunk = text.slice(starts[n], starts[n + 1] ?? text.length);
    const url = /^\s*url: (\S+)\s*$/m.exec(chunk)?.[1];
    const method = /^\s*method: (\S+)\s*$/m.exec(chunk)?.[1] ?? "";
    if (url === undefined) continue;
    let path: string;
    try {
      path = new URL(url.replace(/^["']|["']$/g, "")).pathname;
    } catch {
      continue;
    }
    let parsed: { body?: unknown; at?: number } | undefined;
    const read = () => {
      if (parsed) return parsed;
      const lines = chunk.split("\n").map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
      const item = (parse(lines.join("\n"), { maxAliasCount: -1 }) as unknown[] | null)?.[0] as
        { response?: { body?: unknown; headers?: Record<string, unknown> } } | undefined;
      const date = item?.response?.headers?.Date;
      const first = Array.isArray(date) ? (date[0] as unknown) : date;
      let body: unknown;
      try {
        body = typeof item?.response?.body === "string" ? JSON.parse(item.response.body) : undefined;
      } catch {
        body = undefined;
      }
      parsed = { body, at: typeof first === "string" ? Date.parse(first) : undefined };
      return parsed;
    };
    yield { method, path, at: () => read().at, body: () => read().body };
  }
}

function field(body: unknown, key: string): string | undefined {
  if (body === null || typeof body !== "object") return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Every creation of a known kind in one cassette, in order. */
export function measureCassette(
  text: string,
  cassette: string,
  kinds: readonly CassetteKind[] = CASSETTE_KINDS,
): CassetteMeasurement {
  const samples: CreationSample[] = [];
  const failures: FailedCreation[] = [];
  const pending = new Map<string, { kind: CassetteKind; at: number }>();
  for (const i of interactionsOf(text)) {
    const kind = i.method === "POST" ? kinds.find((k) => k.create.test(i.path)) : undefined;
    if (kind !== undefined) {
      const id = field(i.body(), "id");
      const at = i.at();
      if (id === undefined || at === undefined) continue;
      const status = field(i.body(), "status");
      if (status === undefined || kind.ready.includes(status)) {
        samples.push({ type: kind.type, seconds: 0, cassette, day: day(at) });
      } else pending.set(id, { kind, at });
      continue;
    }
    const id = i.path.slice(i.path.lastIndexOf("/") + 1);
    const waiting = pending.get(id);
    if (waiting === undefined || field(i.body(), "id") !== id) continue;
    const status = field(i.body(), "status");
    const at = i.at();
    if (status === undefined || at === undefined) continue;
    if (waiting.kind.ready.includes(status)) {
      samples.push({
        type: waiting.kind.type,
        seconds: Math.round((at - waiting.at) / 1000),
        cassette,
        day: day(waiting.at),
      });
      pending.delete(id);
    } else if (waiting.kind.failed.includes(status)) {
      failures.push({
        type: waiting.kind.type,
        secondsToFailure: Math.round((at - waiting.at) / 1000),
        cassette,
      });
      pending.delete(id);
    }
  }
  return { samples, failures };
}

/** Every creation in every cassette of the provider's source tree (the module directory). */
export function measureProviderModule(
  moduleDir: string,
  kinds: readonly CassetteKind[] = CASSETTE_KINDS,
): CassetteMeasurement {
  const services = join(moduleDir, "internal", "services");
  const samples: CreationSample[] = [];
  const failures: FailedCreation[] = [];
  for (const service of readdirSync(services).sort()) {
    const testdata = join(services, service, "testdata");
    if (!existsSync(testdata)) continue;
    for (const file of readdirSync(testdata).sort()) {
      if (!file.endsWith(".cassette.yaml")) continue;
      const text = readFileSync(join(testdata, file), "utf8");
      // Parse only the recordings that create something we measure (most create nothing of it).
      if (!/method: POST/.test(text) || !kinds.some((k) => mentionsCreate(text, k))) continue;
      const measured = measureCassette(text, `${service}/testdata/${file}`, kinds);
      samples.push(...measured.samples);
      failures.push(...measured.failures);
    }
  }
  return { samples, failures };
}

function mentionsCreate(text: string, kind: CassetteKind): boolean {
  const urls = text.matchAll(/url: https:\/\/api\.scaleway\.com(\/[^\s?]*)/g);
  for (const [, path] of urls) if (path !== undefined && kind.create.test(path)) return true;
  return false;
}

/** n, median, p90 (nearest rank), min and max of a set of durations, in seconds. */
export interface DurationStats {
  n: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  /** Of the n, how many were synchronous (0 s). */
  synchronous: number;
  firstDay: string;
  lastDay: string;
}

export function durationStats(samples: readonly CreationSample[]): DurationStats | undefined {
  if (samples.length === 0) return undefined;
  const sorted = samples.map((s) => s.seconds).sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const days = samples.map((s) => s.day).sort();
  return {
    n,
    min: sorted[0]!,
    median,
    p90: sorted[Math.ceil(0.9 * n) - 1]!,
    max: sorted[n - 1]!,
    synchronous: sorted.filter((s) => s === 0).length,
    firstDay: days[0]!,
    lastDay: days[days.length - 1]!,
  };
}

/** Per type: the statistics of its creations (types with no creation are left out). */
export function statsByType(samples: readonly CreationSample[]): Map<string, DurationStats> {
  const out = new Map<string, DurationStats>();
  for (const type of [...new Set(samples.map((s) => s.type))].sort()) {
    const stats = durationStats(samples.filter((s) => s.type === type));
    if (stats) out.set(type, stats);
  }
  return out;
}

/**
 * The provider's module directory: asks `go mod download -json` (which downloads the module into
 * the Go module cache when it is not there yet). Undefined when Go is missing or the download fails.
 */
export function providerModuleDir(
  options: { version?: string; timeoutMs?: number } = {},
): Promise<string | undefined> {
  const version = options.version ?? PROVIDER_VERSION;
  return new Promise((resolve) => {
    execFile(
      "go",
      ["mod", "download", "-json", `${PROVIDER_MODULE}@${version}`],
      { cwd: tmpdir(), timeout: options.timeoutMs ?? 120_000, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) return resolve(undefined);
        try {
          const dir = (JSON.parse(stdout) as { Dir?: string }).Dir;
          resolve(dir !== undefined && existsSync(join(dir, "internal", "services")) ? dir : undefined);
        } catch {
          resolve(undefined);
        }
      },
    );
  });
}
