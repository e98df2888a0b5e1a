import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { parseArgs } from "@scaleway-blocks/core/internal";
import { BLOCK_TYPES, record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Network, privateNetworkIdOf, privateNetworkInputSchema } from "../src/index";
import { Consumer, T, base } from "./helpers";

const ID = "fr-par/8cef1b6f-2f3a-4e5b-9c1d-0123456789ab";

describe("privateNetworkIdOf", () => {
  it("returns a Network's first private network id", async () => {
    const { result, graph } = await record(() => new Network("net", base));
    expect(await valueOf(privateNetworkIdOf(result))).toBe(graph.one(T.privateNetwork).id);
  });

  it("returns a Network's named private network id", async () => {
    const { result, graph } = await record(
      () => new Network("net", { ...base, privateNetworks: [{ name: "app" }, { name: "data" }] }),
    );
    expect(await valueOf(privateNetworkIdOf(result, "data"))).toBe(
      graph.one(T.privateNetwork, "net-pn-data").id,
    );
  });

  it("throws naming the known private networks for an unknown name", async () => {
    const { result } = await record(() => new Network("net", base));
    expect(() => privateNetworkIdOf(result, "cache")).toThrow(/main/);
  });

  it("returns a string id as is", async () => {
    expect(await valueOf(privateNetworkIdOf(ID))).toBe(ID);
  });

  it("returns the value of an Output id", async () => {
    const { result } = await record(() => privateNetworkIdOf(pulumi.output(ID)));
    expect(await valueOf(result)).toBe(ID);
  });

  it("returns the value of a Promise id", async () => {
    expect(await valueOf(privateNetworkIdOf(Promise.resolve(ID)))).toBe(ID);
  });

  it("refuses a name with a plain id, since an id names one network already", () => {
    expect(() => privateNetworkIdOf(ID, "main")).toThrow(/only applies to a Network/);
  });

  it("makes a consumer depend on the Network's private network", async () => {
    const { graph } = await record(() => {
      const net = new Network("net", base);
      return new Consumer("db", { pnId: privateNetworkIdOf(net) });
    });
    expect(graph.one("test:index:Consumer").propertyDependencies.pnId).toEqual([
      graph.one(T.privateNetwork).urn,
    ]);
  });

  it("recognises a Network built by another copy of this package", async () => {
    const foreign = {
      [Symbol.for(BLOCK_TYPES.network)]: true,
      privateNetworkId: (name?: string) => pulumi.output(`fr-par/${name ?? "first"}`),
    } as unknown as Network;
    expect(await valueOf(privateNetworkIdOf(foreign, "data"))).toBe("fr-par/data");
  });
});

describe("privateNetworkInputSchema", () => {
  it("accepts a Network and keeps the same instance", async () => {
    const { result } = await record(() => new Network("net", base));
    expect(privateNetworkInputSchema.parse(result)).toBe(result);
  });

  it.each([ID, "nl-ams/8cef1b6f-2f3a-4e5b-9c1d-0123456789ab", "8cef1b6f-2f3a-4e5b-9c1d-0123456789ab"])(
    "accepts the id %s",
    (id) => {
      expect(privateNetworkInputSchema.parse(id)).toBe(id);
    },
  );

  it("accepts an Output and a Promise", () => {
    const output = pulumi.output(ID);
    const promise = Promise.resolve(ID);
    expect(privateNetworkInputSchema.parse(output)).toBe(output);
    expect(privateNetworkInputSchema.parse(promise)).toBe(promise);
  });

  it.each([
    ["a name", "main"],
    ["an id in an unknown region", "us-east/8cef1b6f-2f3a-4e5b-9c1d-0123456789ab"],
    ["a number", 42],
    ["a plain object", { id: ID }],
    ["nothing", undefined],
  ])("refuses %s", (_what, value) => {
    expect(privateNetworkInputSchema.safeParse(value).success).toBe(false);
  });

  it("reports the field path and what it expects inside another component's args", () => {
    const consumer = z.object({ network: privateNetworkInputSchema });
    let caught: unknown;
    try {
      parseArgs(consumer, { network: "main" }, { type: BLOCK_TYPES.database, name: "db" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues).toEqual([
      {
        path: "network",
        expected:
          'expected a Network, a private network id ("fr-par/<uuid>" or a UUID), an Output or a Promise',
        received: '"main"',
      },
    ]);
  });
});
