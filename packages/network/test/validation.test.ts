import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import { base, issueAt, refuse } from "./helpers";

const gw = (publicGateway: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...base,
  ...extra,
  publicGateway,
});
const pns = (...privateNetworks: Array<Record<string, unknown>>) => ({ ...base, privateNetworks });

describe("bad input is refused before any resource is registered", () => {
  it.each([
    ["a malformed subnet", pns({ name: "a", subnet: "10.0.0.0" })],
    ["overlapping subnets", pns({ name: "a", subnet: "10.0.0.0/22" }, { name: "b", subnet: "10.0.1.0/24" })],
    ["duplicate names", pns({ name: "a" }, { name: "a" })],
    ["a gateway in fr-par-3", gw({ zone: "fr-par-3" })],
    ["a bastion without allowed ranges", gw({ bastionEnabled: true })],
  ])("registers nothing for %s", async (_what, args) => {
    const { error, graph } = await refuse(args);
    expect(error.componentType).toBe(Network.TYPE);
    expect(graph.registered).toEqual([]);
  });

  it("names the component and every bad field in one error", async () => {
    const { error } = await refuse({
      project: "shop",
      environment: "prod",
      privateNetworks: [{ name: "a", subnet: "8.8.8.0/24" }],
    });
    expect(error.componentName).toBe("net");
    expect(error.issues.map((i) => i.path)).toEqual(["environment", "privateNetworks[0].subnet"]);
    expect(error.message).toContain('scaleway-blocks:network:Network "net"');
  });
});

describe("private network subnets", () => {
  it.each([
    ["10.0.0.0", "an IPv4 CIDR"],
    ["300.1.0.0/22", "an IPv4 CIDR"],
    ["10.0.0.0/33", "an IPv4 CIDR"],
    ["fd00::/64", "an IPv4 CIDR"],
    ["10.0.0.1/24", 'host bits at zero, e.g. "10.0.0.0/24"'],
    ["8.8.8.0/24", "RFC 1918"],
    ["100.64.0.0/22", "RFC 1918"],
    ["172.32.0.0/22", "RFC 1918"],
    ["10.0.0.0/16", "/20 to /28"],
    ["192.168.0.0/29", "/20 to /28"],
  ])("refuses %s at privateNetworks[0].subnet", async (subnet, expected) => {
    const { error } = await refuse(pns({ name: "a", subnet }));
    const issue = issueAt(error, "privateNetworks[0].subnet");
    expect(issue?.expected).toContain(expected);
    expect(issue?.received).toBe(JSON.stringify(subnet));
  });

  it("refuses a subnet that overlaps an earlier one, naming both", async () => {
    const { error } = await refuse(
      pns({ name: "a" }, { name: "b", subnet: "10.0.0.0/24" }, { name: "c", subnet: "10.0.0.128/28" }),
    );
    expect(issueAt(error, "privateNetworks[2].subnet")?.expected).toContain(
      'privateNetworks[1] ("b", 10.0.0.0/24)',
    );
  });

  it("refuses a subnet that overlaps a later network's derived subnet, at the subnet given", async () => {
    const { error } = await refuse(pns({ name: "a", subnet: "172.16.4.0/24" }, { name: "b" }));
    const issue = issueAt(error, "privateNetworks[0].subnet");
    expect(issue?.expected).toContain('privateNetworks[1] ("b", 172.16.4.0/22, derived from its position');
  });

  it("refuses a subnet that overlaps an earlier network's derived subnet", async () => {
    const { error } = await refuse(pns({ name: "a" }, { name: "b", subnet: "172.16.2.0/24" }));
    expect(issueAt(error, "privateNetworks[1].subnet")?.expected).toContain("172.16.0.0/22");
  });

  it("refuses two identical subnets", async () => {
    const { error } = await refuse(
      pns({ name: "a", subnet: "10.0.0.0/24" }, { name: "b", subnet: "10.0.0.0/24" }),
    );
    expect(issueAt(error, "privateNetworks[1].subnet")).toBeDefined();
  });
});

describe("private network list", () => {
  it("refuses a duplicate name at the second occurrence", async () => {
    const { error } = await refuse(pns({ name: "app" }, { name: "data" }, { name: "app" }));
    expect(issueAt(error, "privateNetworks[2].name")?.expected).toContain("privateNetworks[0].name");
  });

  it("refuses a name that is not a lowercase name segment", async () => {
    const { error } = await refuse(pns({ name: "Main_1" }));
    expect(issueAt(error, "privateNetworks[0].name")).toBeDefined();
  });

  it("refuses an empty list", async () => {
    const { error } = await refuse(pns());
    expect(issueAt(error, "privateNetworks")?.expected).toContain("at least one");
  });

  it("refuses more private networks than derived subnets can number", async () => {
    const { error } = await refuse(pns(...Array.from({ length: 65 }, (_, i) => ({ name: `n${i}` }))));
    expect(issueAt(error, "privateNetworks")?.expected).toContain("at most 64");
  });

  it("refuses an unknown key in a private network", async () => {
    const { error } = await refuse(pns({ name: "a", zone: "fr-par-1" }));
    expect(issueAt(error, "privateNetworks[0]")?.received).toContain("zone");
  });
});

describe("common args", () => {
  it("refuses an unknown environment", async () => {
    const { error } = await refuse({ project: "shop", environment: "prod" });
    expect(issueAt(error, "environment")?.expected).toContain("dev | staging | production");
  });

  it("refuses a zone given as region", async () => {
    const { error } = await refuse({ ...base, region: "fr-par-1" });
    expect(issueAt(error, "region")).toBeDefined();
  });

  it("refuses a missing project", async () => {
    const { error } = await refuse({ environment: "dev" });
    expect(issueAt(error, "project")).toBeDefined();
  });

  it("refuses an unknown top-level key", async () => {
    const { error } = await refuse({ ...base, vpcName: "mine" });
    expect(error.issues[0]?.received).toContain("vpcName");
  });

  it("refuses a project id that is not a UUID", async () => {
    const { error } = await refuse({ ...base, projectId: "my-project" });
    expect(issueAt(error, "projectId")).toBeDefined();
  });
});

describe("VPC routing", () => {
  it("refuses enableRouting: false, since Scaleway routes between the private networks of every new VPC", async () => {
    const { error } = await refuse({ ...base, enableRouting: false });
    const issue = issueAt(error, "enableRouting");
    expect(issue?.expected).toContain("Scaleway turns routing on for every new VPC");
    expect(issue?.expected).toContain("separate Network");
  });
});

describe("options given as something other than an object literal", () => {
  it.each([
    ["a Promise", Promise.resolve({})],
    ["a Date", new Date()],
  ])("refuses a publicGateway given as %s instead of creating a default gateway", async (_what, value) => {
    const { error, graph } = await refuse({ ...base, publicGateway: value });
    expect(issueAt(error, "publicGateway")).toBeDefined();
    expect(graph.registered).toEqual([]);
  });

  it("refuses a private network given as a Promise", async () => {
    const { error } = await refuse({ ...base, privateNetworks: [Promise.resolve({ name: "app" })] });
    expect(issueAt(error, "privateNetworks[0]")).toBeDefined();
  });
});

describe("public gateway", () => {
  it("refuses fr-par-3, where Public Gateways are not offered", async () => {
    const { error } = await refuse(gw({ zone: "fr-par-3" }));
    expect(issueAt(error, "publicGateway.zone")?.expected).toContain("publicGateway is offered");
  });

  it("refuses a zone outside the network's region", async () => {
    const { error } = await refuse(gw({ zone: "nl-ams-1" }));
    expect(issueAt(error, "publicGateway.zone")?.expected).toContain("region fr-par: fr-par-1 | fr-par-2");
  });

  it("refuses an unknown gateway type", async () => {
    const { error } = await refuse(gw({ type: "VPC-GW-XXL" }));
    expect(issueAt(error, "publicGateway.type")?.expected).toContain(
      "VPC-GW-S | VPC-GW-M | VPC-GW-L | VPC-GW-XL",
    );
  });

  it("refuses a private network name the network does not have", async () => {
    const { error } = await refuse(gw({ privateNetworks: ["cache"] }));
    expect(issueAt(error, "publicGateway.privateNetworks[0]")?.expected).toContain("privateNetworks: main");
  });

  it("refuses a private network listed twice", async () => {
    const { error } = await refuse(gw({ privateNetworks: ["main", "main"] }));
    expect(issueAt(error, "publicGateway.privateNetworks[1]")?.expected).toContain("twice");
  });

  it("refuses an empty list of private networks to attach", async () => {
    const { error } = await refuse(gw({ privateNetworks: [] }));
    expect(issueAt(error, "publicGateway.privateNetworks")).toBeDefined();
  });

  it("refuses an unknown key such as the deprecated DHCP settings", async () => {
    const { error } = await refuse(gw({ enableDhcp: true }));
    expect(issueAt(error, "publicGateway")?.received).toContain("enableDhcp");
  });
});

describe("SSH bastion", () => {
  it("requires allowed IP ranges when the bastion is on", async () => {
    const { error } = await refuse(gw({ bastionEnabled: true }));
    expect(issueAt(error, "publicGateway.allowedCidrs")?.expected).toContain("at least one IPv4 range");
  });

  it("refuses an empty list of allowed IP ranges", async () => {
    const { error } = await refuse(gw({ bastionEnabled: true, allowedCidrs: [] }));
    expect(issueAt(error, "publicGateway.allowedCidrs")).toBeDefined();
  });

  it("refuses 0.0.0.0/0 without allowFromAnywhere", async () => {
    const { error } = await refuse(
      gw({ bastionEnabled: true, allowedCidrs: ["203.0.113.0/24", "0.0.0.0/0"] }),
    );
    expect(issueAt(error, "publicGateway.allowedCidrs[1]")?.expected).toContain("allowFromAnywhere: true");
  });

  it("refuses allowed ranges that together cover the whole internet, such as 0.0.0.0/1 and 128.0.0.0/1", async () => {
    const { error } = await refuse(gw({ bastionEnabled: true, allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }));
    expect(issueAt(error, "publicGateway.allowedCidrs")?.expected).toContain("allowFromAnywhere: true");
  });

  it("refuses the public internet stitched around the private ranges", async () => {
    // Every public IPv4 address, without 10.0.0.0/8: still the whole internet as far as SSH scanners go.
    const ranges = ["0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3"];
    const { error } = await refuse(
      gw({ bastionEnabled: true, allowedCidrs: [...ranges, "64.0.0.0/2", "128.0.0.0/1"] }),
    );
    expect(issueAt(error, "publicGateway.allowedCidrs")).toBeDefined();
  });

  it.each(["203.0.113.7", "203.0.113.7/24", "not-an-ip"])("refuses the allowed range %s", async (range) => {
    const { error } = await refuse(gw({ bastionEnabled: true, allowedCidrs: [range] }));
    expect(issueAt(error, "publicGateway.allowedCidrs[0]")).toBeDefined();
  });

  it.each([22, 1023, 60000, 65536, 2222.5])("refuses the bastion port %s", async (bastionPort) => {
    const { error } = await refuse(
      gw({ bastionEnabled: true, allowedCidrs: ["203.0.113.7/32"], bastionPort }),
    );
    expect(issueAt(error, "publicGateway.bastionPort")).toBeDefined();
  });

  it.each([
    ["allowedCidrs", { allowedCidrs: ["203.0.113.7/32"] }],
    ["bastionPort", { bastionPort: 2222 }],
    ["allowFromAnywhere", { allowFromAnywhere: true }],
  ])("refuses %s while the bastion is off", async (field, settings) => {
    const { error } = await refuse(gw(settings));
    expect(issueAt(error, `publicGateway.${field}`)?.expected).toContain("bastionEnabled is false");
  });
});
