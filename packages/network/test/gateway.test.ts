import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import type { NetworkArgs } from "../src/index";
import { PROJECT_ID, T, base } from "./helpers";

const twoNetworks = [{ name: "app" }, { name: "data" }];
const withGateway = (publicGateway: NetworkArgs["publicGateway"], extra: Partial<NetworkArgs> = {}) =>
  record(() => new Network("net", { ...base, ...extra, publicGateway }));

describe("public gateway defaults", () => {
  it("creates one gateway and one flexible IP", async () => {
    const { graph } = await withGateway({});
    expect(graph.byType(T.gateway)).toHaveLength(1);
    expect(graph.byType(T.gatewayIp)).toHaveLength(1);
  });

  it("uses the VPC-GW-S offer", async () => {
    const { graph } = await withGateway({});
    expect(graph.inputsOf(T.gateway).type).toBe("VPC-GW-S");
  });

  it("attaches the flexible IP to the gateway", async () => {
    const { graph } = await withGateway({});
    const ip = graph.one(T.gatewayIp);
    expect(graph.inputsOf(T.gateway).ipId).toBe(ip.id);
    expect(graph.one(T.gateway).propertyDependencies.ipId).toEqual([ip.urn]);
  });

  it.each([
    ["fr-par", "fr-par-1"],
    ["nl-ams", "nl-ams-1"],
    ["pl-waw", "pl-waw-1"],
  ] as const)("places the gateway and its IP in %s's -1 zone", async (region, zone) => {
    const { graph } = await withGateway({}, { region });
    expect(graph.inputsOf(T.gateway).zone).toBe(zone);
    expect(graph.inputsOf(T.gatewayIp).zone).toBe(zone);
    expect(graph.inputsOf(T.gatewayNetwork).zone).toBe(zone);
  });

  it("keeps the SSH bastion off", async () => {
    const { graph } = await withGateway({});
    const inputs = graph.inputsOf(T.gateway);
    expect(inputs.bastionEnabled).toBe(false);
    expect(inputs).not.toHaveProperty("allowedIpRanges");
    expect(inputs).not.toHaveProperty("bastionPort");
  });

  it("keeps SMTP blocked", async () => {
    const { graph } = await withGateway({});
    expect(graph.inputsOf(T.gateway).enableSmtp).toBe(false);
  });

  it("attaches every private network", async () => {
    const { graph } = await withGateway({}, { privateNetworks: twoNetworks });
    const attached = graph.byType(T.gatewayNetwork).map((r) => r.inputs.privateNetworkId);
    expect(attached).toEqual(graph.byType(T.privateNetwork).map((r) => r.id));
  });

  it("pushes a default route and masquerades through IPAM on each attachment", async () => {
    const { graph } = await withGateway({});
    const inputs = graph.inputsOf(T.gatewayNetwork);
    expect(inputs.ipamConfigs).toEqual([{ pushDefaultRoute: true }]);
    expect(inputs.enableMasquerade).toBe(true);
    expect(inputs.gatewayId).toBe(graph.one(T.gateway).id);
  });

  it("uses none of the deprecated DHCP inputs on attachments", async () => {
    const { graph } = await withGateway({});
    const inputs = graph.inputsOf(T.gatewayNetwork);
    for (const key of ["dhcpId", "enableDhcp", "staticAddress", "cleanupDhcp"])
      expect(inputs).not.toHaveProperty(key);
  });

  it("does not use the deprecated moveToIpam input", async () => {
    const { graph } = await withGateway({});
    expect(graph.inputsOf(T.gateway)).not.toHaveProperty("moveToIpam");
  });

  it("names and tags the gateway and tags its IP", async () => {
    const { graph } = await withGateway({});
    expect(graph.inputsOf(T.gateway).name).toBe("shop-dev-net-gateway");
    expect(graph.inputsOf(T.gateway).tags).toContain("component=network");
    expect(graph.inputsOf(T.gatewayIp).tags).toContain("managed-by=pulumi");
  });

  it("parents the gateway, its IP and attachments to the component", async () => {
    const { graph } = await withGateway({});
    const component = graph.one(T.network);
    for (const type of [T.gateway, T.gatewayIp, T.gatewayNetwork]) {
      expect(graph.one(type).parent).toBe(component.urn);
    }
  });

  it("exposes the gateway's public IP address", async () => {
    const { result, graph } = await withGateway({});
    expect(await valueOf(result.publicGatewayIp!)).toBe(graph.one(T.gatewayIp).outputs.address);
    expect(graph.one(T.network).outputs.publicGatewayIp).toBe(graph.one(T.gatewayIp).outputs.address);
  });
});

describe("public gateway options", () => {
  it.each(["VPC-GW-M", "VPC-GW-L", "VPC-GW-XL"] as const)("uses the %s offer when asked", async (type) => {
    const { graph } = await withGateway({ type });
    expect(graph.inputsOf(T.gateway).type).toBe(type);
  });

  it("places the gateway in the given zone of the region", async () => {
    const { graph } = await withGateway({ zone: "fr-par-2" });
    expect(graph.inputsOf(T.gateway).zone).toBe("fr-par-2");
    expect(graph.inputsOf(T.gatewayIp).zone).toBe("fr-par-2");
  });

  it("attaches only the chosen private networks", async () => {
    const { graph } = await withGateway({ privateNetworks: ["data"] }, { privateNetworks: twoNetworks });
    const attachments = graph.byType(T.gatewayNetwork);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.inputs.privateNetworkId).toBe(graph.one(T.privateNetwork, "net-pn-data").id);
  });

  it("opens the SSH bastion to the allowed ranges on port 61000", async () => {
    const { graph } = await withGateway({ bastionEnabled: true, allowedCidrs: ["203.0.113.0/24"] });
    const inputs = graph.inputsOf(T.gateway);
    expect(inputs.bastionEnabled).toBe(true);
    expect(inputs.allowedIpRanges).toEqual(["203.0.113.0/24"]);
    expect(inputs.bastionPort).toBe(61000);
  });

  it("uses the given bastion port", async () => {
    const { graph } = await withGateway({
      bastionEnabled: true,
      allowedCidrs: ["203.0.113.7/32"],
      bastionPort: 2222,
    });
    expect(graph.inputsOf(T.gateway).bastionPort).toBe(2222);
  });

  it("opens the bastion to 0.0.0.0/0 only with allowFromAnywhere", async () => {
    const { graph } = await withGateway({
      bastionEnabled: true,
      allowedCidrs: ["0.0.0.0/0"],
      allowFromAnywhere: true,
    });
    expect(graph.inputsOf(T.gateway).allowedIpRanges).toEqual(["0.0.0.0/0"]);
  });

  it("opens the bastion to the internet in pieces with allowFromAnywhere", async () => {
    const { graph } = await withGateway({
      bastionEnabled: true,
      allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"],
      allowFromAnywhere: true,
    });
    expect(graph.inputsOf(T.gateway).allowedIpRanges).toEqual(["0.0.0.0/1", "128.0.0.0/1"]);
  });

  it("tags a gateway whose bastion is open to the internet on purpose public=true, for the policy", async () => {
    const { graph } = await withGateway({
      bastionEnabled: true,
      allowedCidrs: ["0.0.0.0/0"],
      allowFromAnywhere: true,
    });
    expect(graph.inputsOf(T.gateway).tags).toContain("public=true");
  });

  it("does not tag a gateway public=true when its bastion answers listed ranges only", async () => {
    const { graph } = await withGateway({
      bastionEnabled: true,
      allowedCidrs: ["203.0.113.0/24"],
      allowFromAnywhere: true,
    });
    expect(graph.inputsOf(T.gateway).tags).not.toContain("public=true");
  });

  it("enables SMTP when asked", async () => {
    const { graph } = await withGateway({ enableSmtp: true });
    expect(graph.inputsOf(T.gateway).enableSmtp).toBe(true);
  });

  it("creates the gateway and its IP in the given Scaleway project", async () => {
    const { graph } = await withGateway({}, { projectId: PROJECT_ID });
    expect(graph.inputsOf(T.gateway).projectId).toBe(PROJECT_ID);
    expect(graph.inputsOf(T.gatewayIp).projectId).toBe(PROJECT_ID);
  });

  it.each(["dev", "staging", "production"] as const)(
    "creates the same gateway in %s",
    async (environment) => {
      const { graph } = await withGateway({}, { environment });
      expect(graph.inputsOf(T.gateway)).toMatchObject({
        type: "VPC-GW-S",
        bastionEnabled: false,
        enableSmtp: false,
      });
      expect(graph.inputsOf(T.gateway).tags).toContain(`environment=${environment}`);
    },
  );
});
