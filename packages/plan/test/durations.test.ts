import { beforeAll, describe, expect, it } from "vitest";
import { durationOf } from "../src/index";
import { resolveAssumptions } from "../src/assumptions";
import { TYPE_DURATIONS } from "../src/durations";
import type { DurationStats } from "../src/cassettes";
import { measureCassette, measureProviderModule, providerModuleDir, statsByType } from "../src/cassettes";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

/**
 * The deploy-time table's measured figures must be what the provider's recordings say. The
 * recordings come with the provider's Go module: the test asks `go mod download` for it (Go and the
 * module proxy are on the CI machine). Without Go or the network, the check is skipped with a message.
 */
let stats: Map<string, DurationStats> | undefined;
let why = "";

beforeAll(async () => {
  const dir = await providerModuleDir({ timeoutMs: 120_000 });
  if (dir === undefined) {
    why =
      "terraform-provider-scaleway v2.79.0 is not in the Go module cache and `go mod download` failed (no Go or no network)";
    console.warn(`durations.test: skipping the check against the recordings: ${why}`);
    return;
  }
  stats = statsByType(measureProviderModule(dir).samples);
}, 180_000);

const MEASURED = Object.entries(TYPE_DURATIONS).filter(([, d]) => d.basis === "measured");
const short = (type: string) => type.replace(/^scaleway:([^/]+)\/[^:]+:(.+)$/, "$1.$2");

describe("the deploy-time table", () => {
  it("estimates every measured type with the p90 of its recordings", (ctx) => {
    if (!stats) return ctx.skip(why);
    expect(MEASURED.length).toBeGreaterThanOrEqual(9);
    for (const [type, d] of MEASURED) {
      const s = stats.get(short(type));
      expect(s, short(type)).toBeDefined();
      expect({ type: short(type), seconds: d.seconds, measured: d.measured }).toEqual({
        type: short(type),
        seconds: Math.max(s!.p90, 1),
        measured: { n: s!.n, median: s!.median, p90: s!.p90, max: s!.max },
      });
    }
  });

  it("bounds every measured type with the slowest recording", (ctx) => {
    if (!stats) return ctx.skip(why);
    for (const [type, d] of MEASURED)
      expect(d.maxSeconds, short(type)).toBe(Math.max(stats.get(short(type))!.max, 1));
  });

  it("uses measured figures for the types the platform creates", () => {
    for (const type of [
      SCALEWAY_TYPES.databaseInstance,
      SCALEWAY_TYPES.databaseReadReplica,
      SCALEWAY_TYPES.serverlessDatabase,
      SCALEWAY_TYPES.container,
      SCALEWAY_TYPES.containerNamespace,
      SCALEWAY_TYPES.containerDomain,
      SCALEWAY_TYPES.privateNetwork,
      SCALEWAY_TYPES.publicGateway,
      SCALEWAY_TYPES.gatewayNetwork,
    ])
      expect(durationOf(type, resolveAssumptions()).basis, type).toBe("measured");
  });

  it("keeps the provider's create timeout as the upper bound of an RDB instance (30 min)", () => {
    expect(TYPE_DURATIONS[SCALEWAY_TYPES.databaseInstance]!.upperBoundSeconds).toBe(30 * 60);
  });
});

describe("measureCassette", () => {
  const interaction = (
    id: number,
    method: string,
    path: string,
    date: string,
    body: object,
  ) => `    - id: ${id}
      request:
        url: https://api.scaleway.com${path}
        method: ${method}
      response:
        body: '${JSON.stringify(body)}'
        headers:
            Date:
                - ${date}
        code: 200
`;
  const cassette = `---
version: 2
interactions:
${interaction(0, "POST", "/rdb/v1/regions/fr-par/instances", "Thu, 06 Feb 2025 13:46:34 GMT", { id: "i1", status: "provisioning" })}${interaction(1, "GET", "/rdb/v1/regions/fr-par/instances/i1", "Thu, 06 Feb 2025 13:47:04 GMT", { id: "i1", status: "provisioning" })}${interaction(2, "GET", "/rdb/v1/regions/fr-par/instances/i1", "Thu, 06 Feb 2025 13:50:06 GMT", { id: "i1", status: "ready" })}${interaction(3, "POST", "/vpc/v2/regions/fr-par/private-networks", "Thu, 06 Feb 2025 13:50:07 GMT", { id: "pn1" })}`;

  it("times a creation from the POST's answer to the first ready answer", () => {
    expect(measureCassette(cassette, "x").samples).toEqual([
      { type: "databases.Instance", seconds: 212, cassette: "x", day: "2025-02-06" },
      { type: "network.PrivateNetwork", seconds: 0, cassette: "x", day: "2025-02-06" },
    ]);
  });
});
