import { record, recordError, valueOf } from "@scaleway-blocks/testing";
import type { MockContext } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import { PN_ID, T, managed, serverless, storedValue } from "./fixtures";

/**
 * The instance as the provider may return it on a first apply (terraform-provider-scaleway issue #3979):
 * a private network endpoint without IP or hostname, and optionally the IPAM address in `privateIps`.
 */
function firstApplyInstance(privateIps: Array<{ id: string; address: string }>, hostname = "") {
  return {
    [T.instance]: (ctx: MockContext) => ({
      state: {
        privateNetwork: {
          pnId: PN_ID,
          enableIpam: true,
          ip: "",
          hostname,
          port: 5432,
          endpointId: `${ctx.name}-endpoint`,
          ipNet: "",
          name: "",
        },
        privateIps,
      },
    }),
  };
}

describe("Database (managed): an endpoint without an address on the first apply", () => {
  it("builds the connection string with the IPAM address when the endpoint has no IP", async () => {
    const { graph, result } = await record(() => new Database("db", managed()), {
      resources: firstApplyInstance([{ id: "ip-1", address: "172.16.4.7" }]),
    });
    expect(await valueOf(result.host)).toBe("172.16.4.7");
    const url = storedValue(graph, await valueOf(result.connectionSecret("shop").secretName));
    expect(url).toMatch(/^postgres:\/\/shop:[^@]+@172\.16\.4\.7:5432\/shop\?sslmode=require$/);
  });

  it("builds the connection string with the endpoint's hostname when no IP is known", async () => {
    const { result } = await record(() => new Database("db", managed()), {
      resources: firstApplyInstance([], "db-endpoint.privatenetwork.internal"),
    });
    expect(await valueOf(result.connectionSecret("shop").value)).toContain(
      "@db-endpoint.privatenetwork.internal:5432/",
    );
  });

  it("never writes a connection string with an empty host: the apply fails and says what to do", async () => {
    const { error, graph } = await recordError(() => new Database("db", managed()), {
      resources: firstApplyInstance([]),
    });
    expect(String(error)).toMatch(/no address yet.*pulumi up --refresh/s);
    const versions = graph.byType(T.version).map((v) => JSON.stringify(v.inputs.data ?? ""));
    expect(versions.filter((data) => data.includes("@:"))).toEqual([]);
  });
});

describe("Database (serverless): an endpoint without a hostname", () => {
  it("never writes a connection string with an empty host", async () => {
    const { error, graph } = await recordError(() => new Database("db", serverless({ iamAccess: true })), {
      resources: { [T.serverless]: () => ({ state: { endpoint: "" } }) },
    });
    expect(String(error)).toMatch(/no endpoint yet.*pulumi up --refresh/s);
    const versions = graph.byType(T.version).map((v) => JSON.stringify(v.inputs.data ?? ""));
    expect(versions.filter((data) => data.includes("postgres://"))).toEqual([]);
  });
});
