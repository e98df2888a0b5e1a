// `scaleway-blocks audit` against a loopback stand-in of the Audit Trail API. There is no Scaleway
// emulator on this machine: the stand-in answers GET /audit-trail/v1alpha1/regions/{region}/events
// with the events recorded in terraform-provider-scaleway v2.79.0 (internal/services/audittrail/
// testdata/data-source-event-basic.cassette.yaml), read here at test time (nothing is copied into the
// repository). It filters by resource_id and recorded_after, checks X-Auth-Token and organization_id,
// and answers one event per page so that next_page_token is followed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../src/audit-command";
import { stateResources } from "../src/audit";
import { providerModuleDir } from "../src/cassettes";
import { main } from "../src/index";
import {
  BLOCK_TYPES,
  RANDOM_TYPES,
  SCALEWAY_PROVIDER_TYPE,
  SCALEWAY_TYPES,
} from "@scaleway-blocks/core/internal";

const CASSETTE = join(
  "internal",
  "services",
  "audittrail",
  "testdata",
  "data-source-event-basic.cassette.yaml",
);
const SECRET_KEY = "11111111-2222-4333-8444-555555555555";
const ORG = "105bdce1-64c0-48ab-899d-868455867ecf";

interface RecordedEvent {
  id: string;
  recorded_at: string;
  principal?: { id?: string };
  method_name?: string;
  resources?: { id: string; type?: string; name?: string }[];
}

let recorded: RecordedEvent[] = [];
let skipWhy: string | undefined;
let server: Server;
let apiUrl: string;
let dir: string;
const requests: { url: URL; token: string | undefined }[] = [];

/** The events of every Audit Trail answer in the cassette, once each. */
function eventsOfCassette(text: string): RecordedEvent[] {
  const doc = parse(text) as {
    interactions: { request: { url: string }; response: { code: number; body: string } }[];
  };
  const byId = new Map<string, RecordedEvent>();
  for (const { request, response } of doc.interactions) {
    if (!/\/audit-trail\/v1alpha1\/regions\/[^/]+\/events$/.test(new URL(request.url).pathname)) continue;
    if (response.code !== 200) continue;
    for (const event of (JSON.parse(response.body) as { events?: RecordedEvent[] }).events ?? [])
      byId.set(event.id, event);
  }
  return [...byId.values()];
}

function standIn(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const token = req.headers["x-auth-token"] as string | undefined;
  requests.push({ url, token });
  const send = (code: number, body: unknown) => {
    res.writeHead(code, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const route = /^\/audit-trail\/v1alpha1\/regions\/(fr-par|nl-ams)\/events$/.exec(url.pathname);
  if (req.method !== "GET" || !route) return send(404, { message: "resource is not found" });
  if (token !== SECRET_KEY) return send(401, { message: "authentication is denied" });
  if (url.searchParams.get("organization_id") !== ORG)
    return send(403, { message: "insufficient permissions" });
  const resourceId = url.searchParams.get("resource_id");
  const after = url.searchParams.get("recorded_after") ?? new Date(Date.now() - 3_600_000).toISOString();
  let events = recorded.filter(
    (e) =>
      (resourceId === null || (e.resources ?? []).some((r) => r.id === resourceId)) &&
      Date.parse(e.recorded_at) >= Date.parse(after),
  );
  events = events.sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
  if (url.searchParams.get("order_by") !== "recorded_at_asc") events.reverse();
  const offset = Number(url.searchParams.get("page_token") ?? "0");
  const page = events.slice(offset, offset + 1);
  send(200, { events: page, next_page_token: offset + 1 < events.length ? String(offset + 1) : "" });
}

beforeAll(async () => {
  const module = await providerModuleDir({ timeoutMs: 120_000 });
  if (!module) {
    skipWhy = "the Terraform provider module (and its cassettes) is not in the Go module cache";
    return;
  }
  const original = eventsOfCassette(readFileSync(join(module, CASSETTE), "utf8"));
  const first = original[0];
  if (!first) {
    skipWhy = "the cassette holds no Audit Trail event";
    return;
  }
  // The recorded event, and the same shape one hour later from another principal: two pages.
  recorded = [
    first,
    {
      ...structuredClone(first),
      id: "019aa128-0000-7000-8000-000000000002",
      recorded_at: new Date(Date.parse(first.recorded_at) + 3_600_000).toISOString(),
      method_name: "UpdateSecret",
      principal: { id: "6a1b2c3d-0000-4000-8000-000000000009" },
    },
  ];
  server = createServer(standIn);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), "audit-"));
  const secretId = first.resources![0]!.id;
  const urn = (type: string, name: string) => `urn:pulumi:production::platform::${type}::${name}`;
  writeFileSync(
    join(dir, "state.json"),
    JSON.stringify({
      version: 3,
      deployment: {
        resources: [
          {
            urn: urn(SCALEWAY_PROVIDER_TYPE, "default"),
            type: SCALEWAY_PROVIDER_TYPE,
            custom: true,
            id: "p",
          },
          {
            urn: urn(BLOCK_TYPES.secrets, "app"),
            type: BLOCK_TYPES.secrets,
            custom: false,
          },
          {
            urn: urn(SCALEWAY_TYPES.secret, "app-db-password"),
            type: SCALEWAY_TYPES.secret,
            custom: true,
            id: `fr-par/${secretId}`,
          },
          {
            urn: urn(SCALEWAY_TYPES.bucket, "backups"),
            type: SCALEWAY_TYPES.bucket,
            custom: true,
            id: "pl-waw/platform-backups",
          },
        ],
      },
    }),
  );
}, 150_000);

afterAll(async () => {
  if (server) await new Promise((done) => server.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function io(env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  return {
    io: {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: { SCW_SECRET_KEY: SECRET_KEY, SCW_DEFAULT_ORGANIZATION_ID: ORG, SCW_API_URL: apiUrl, ...env },
      cwd: dir,
    },
    out: () => stdout,
    err: () => stderr,
  };
}

const args = ["--stack", "production", "--state", "state.json", "--since", "2025-11-01T00:00:00Z"];

describe("scaleway-blocks audit (against a loopback Audit Trail stand-in)", () => {
  it("prints who changed each resource of the stack and when, oldest first, across pages", async (ctx) => {
    if (skipWhy) return ctx.skip(skipWhy);
    const run = io();
    expect(await runAudit(args, run.io), run.err()).toBe(0);
    const first = recorded[0]!;
    const lines = run.out().split("\n");
    expect(lines[0]).toBe("Audit Trail events for stack production since 2025-11-01T00:00:00.000Z: 2");
    expect(lines[1]).toContain(first.recorded_at);
    expect(lines[1]).toContain(first.principal!.id!);
    const about = first.resources![0]!;
    expect(lines[1]).toContain(`${first.method_name!} (200)`);
    expect(lines[1]).toContain(`app-db-password [${about.type!} ${about.name!}]`);
    expect(lines[2]).toContain("6a1b2c3d-0000-4000-8000-000000000009  UpdateSecret (200)  app-db-password");
    expect(run.out()).toContain("Not covered (Audit Trail records fr-par and nl-ams only): backups");
  });

  it("asks for the stack's resource ids only, with the key, the Organization and the start time", async (ctx) => {
    if (skipWhy) return ctx.skip(skipWhy);
    requests.length = 0;
    await runAudit(args, io().io);
    expect(requests.length).toBe(2); // two pages for the one covered resource
    for (const { url, token } of requests) {
      expect(token).toBe(SECRET_KEY);
      expect(url.pathname).toBe("/audit-trail/v1alpha1/regions/fr-par/events");
      expect(url.searchParams.get("organization_id")).toBe(ORG);
      expect(url.searchParams.get("resource_id")).toBe(recorded[0]!.resources![0]!.id);
      expect(url.searchParams.get("recorded_after")).toBe("2025-11-01T00:00:00.000Z");
    }
    expect(requests[1]!.url.searchParams.get("page_token")).toBe("1");
  });

  it("leaves out events before --since", async (ctx) => {
    if (skipWhy) return ctx.skip(skipWhy);
    const run = io();
    const after = new Date(Date.parse(recorded[0]!.recorded_at) + 60_000).toISOString();
    await runAudit(["--stack", "production", "--state", "state.json", "--since", after, "--json"], run.io);
    const doc = JSON.parse(run.out()) as {
      events: { method: string; principalId: string }[];
      notCovered: string[];
    };
    expect(doc.events.map((e) => e.method)).toEqual(["UpdateSecret"]);
    expect(doc.notCovered).toEqual([expect.stringContaining("::backups")]);
  });

  it("says which permission set is missing when Audit Trail refuses the Organization", async (ctx) => {
    if (skipWhy) return ctx.skip(skipWhy);
    const run = io({ SCW_DEFAULT_ORGANIZATION_ID: "00000000-0000-4000-8000-000000000000" });
    expect(await runAudit(args, run.io)).toBe(3);
    expect(run.err()).toContain("answered 403");
    expect(run.err()).toContain("AuditTrailReadOnly");
  });

  it("is the audit command of the scaleway-blocks CLI", async (ctx) => {
    if (skipWhy) return ctx.skip(skipWhy);
    const run = io();
    expect(await main(["audit", ...args], run.io), run.err()).toBe(0);
    expect(run.out()).toContain("UpdateSecret (200)");
  });
});

describe("the state's resources", () => {
  it("are the Scaleway resources with an id, without locality, with their region", () => {
    const resources = stateResources({
      deployment: {
        resources: [
          { urn: "u1", type: SCALEWAY_TYPES.bucket, custom: true, id: "nl-ams/b" },
          { urn: "u2", type: SCALEWAY_TYPES.publicGateway, custom: true, id: "fr-par-2/g" },
          { urn: "u3", type: SCALEWAY_TYPES.iamApplication, custom: true, id: "a", outputs: {} },
          { urn: "u4", type: BLOCK_TYPES.storage, custom: false },
          { urn: "u5", type: RANDOM_TYPES.password, custom: true, id: "r" },
        ],
      },
    });
    expect(resources).toEqual([
      { urn: "u1", type: SCALEWAY_TYPES.bucket, id: "b", region: "nl-ams" },
      { urn: "u2", type: SCALEWAY_TYPES.publicGateway, id: "g", region: "fr-par" },
      { urn: "u3", type: SCALEWAY_TYPES.iamApplication, id: "a", region: undefined },
    ]);
  });

  it("refuse a file that is not a stack export", () => {
    expect(() => stateResources({ resources: [] })).toThrow(/pulumi stack export/);
  });
});
