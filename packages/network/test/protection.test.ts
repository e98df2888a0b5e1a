import { record } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import type { NetworkArgs } from "../src/index";
import { T, base } from "./helpers";

const withGateway = { ...base, publicGateway: {} } as const satisfies NetworkArgs;

/** The children whose deletion loses something: the VPC, its private networks, the gateway's public IP. */
const STATEFUL = [T.vpc, T.privateNetwork, T.gatewayIp];
/** The children a replacement loses nothing with: the gateway and its attachments. */
const OTHERS = [T.gateway, T.gatewayNetwork];

function protectOf(graph: ResourceGraph, types: readonly string[]): Record<string, boolean> {
  return Object.fromEntries(types.map((type) => [type, graph.one(type).options.protect]));
}

const all = (types: readonly string[], value: boolean) =>
  Object.fromEntries(types.map((type) => [type, value]));

describe("protection", () => {
  it("protects the VPC, the private networks and the gateway's flexible IP in production", async () => {
    const { graph } = await record(() => new Network("net", { ...withGateway, environment: "production" }));
    expect(protectOf(graph, STATEFUL)).toEqual(all(STATEFUL, true));
  });

  it("leaves the gateway and its attachments replaceable in production", async () => {
    const { graph } = await record(() => new Network("net", { ...withGateway, environment: "production" }));
    expect(protectOf(graph, OTHERS)).toEqual(all(OTHERS, false));
  });

  it("protects nothing in dev", async () => {
    const { graph } = await record(() => new Network("net", withGateway));
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], false));
  });

  it("protects every child, the gateway too, with the protect arg", async () => {
    const { graph } = await record(() => new Network("net", { ...withGateway, protect: true }));
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], true));
  });

  it("protects every child with the component's protect option, as with the arg", async () => {
    const { graph } = await record(() => new Network("net", withGateway, { protect: true }));
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], true));
  });

  it("lets protect: false in the args win over the component's protect option", async () => {
    const { graph } = await record(
      () => new Network("net", { ...withGateway, protect: false }, { protect: true }),
    );
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], false));
  });

  it("lets protect: false in the args win over production's profile", async () => {
    const { graph } = await record(
      () => new Network("net", { ...withGateway, environment: "production", protect: false }),
    );
    expect(protectOf(graph, STATEFUL)).toEqual(all(STATEFUL, false));
  });

  it("forwards the component's retainOnDelete option to every child", async () => {
    const { graph } = await record(() => new Network("net", withGateway, { retainOnDelete: true }));
    expect(graph.customResources.map((r) => [r.type, r.options.retainOnDelete])).toEqual(
      graph.customResources.map((r) => [r.type, true]),
    );
    expect(graph.customResources).toHaveLength(5);
  });
});
