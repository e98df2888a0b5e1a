import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import { T, base } from "./helpers";

// Mock runs (the test kit): each property is the resource the component registered, the same URN.
describe("Network exposes its main child resources", () => {
  it("`vpc` is the registered VPC", async () => {
    const { result, graph } = await record(() => new Network("net", base));
    expect(result.vpc).toBeInstanceOf(scaleway.network.Vpc);
    expect(await valueOf(result.vpc.urn)).toBe(graph.one(T.vpc).urn);
  });

  it("`privateNetworks` holds each registered private network under its name", async () => {
    const { result, graph } = await record(
      () => new Network("net", { ...base, privateNetworks: [{ name: "app" }, { name: "data" }] }),
    );
    expect(Object.keys(result.privateNetworks)).toEqual(["app", "data"]);
    expect(result.privateNetworks.app).toBeInstanceOf(scaleway.network.PrivateNetwork);
    expect(await valueOf(result.privateNetworks.app!.urn)).toBe(
      graph.one(T.privateNetwork, "net-pn-app").urn,
    );
    expect(await valueOf(result.privateNetworks.data!.urn)).toBe(
      graph.one(T.privateNetwork, "net-pn-data").urn,
    );
    expect(Object.isFrozen(result.privateNetworks)).toBe(true);
  });

  it("`publicGateway` is the registered Public Gateway, and undefined without one", async () => {
    const { result, graph } = await record(() => new Network("net", { ...base, publicGateway: {} }));
    expect(await valueOf(result.publicGateway!.urn)).toBe(graph.one(T.gateway).urn);
    const { result: bare } = await record(() => new Network("bare", base));
    expect(bare.publicGateway).toBeUndefined();
  });
});
