import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import { Consumer, PROJECT_ID, T, base } from "./helpers";

describe("Network with default args", () => {
  it("creates one VPC and one private network, and no gateway", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.countByType()).toEqual({ [T.network]: 1, [T.vpc]: 1, [T.privateNetwork]: 1 });
  });

  it('names the single private network "main"', async () => {
    const { result } = await record(() => new Network("net", base));
    expect(Object.keys(await valueOf(result.privateNetworkIds))).toEqual(["main"]);
  });

  it("gives the default private network the subnet 172.16.0.0/22", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.inputsOf(T.privateNetwork).ipv4Subnet).toEqual({ subnet: "172.16.0.0/22" });
  });

  it("creates the private network inside the VPC", async () => {
    const { graph } = await record(() => new Network("net", base));
    const vpc = graph.one(T.vpc);
    const pn = graph.one(T.privateNetwork);
    expect(pn.inputs.vpcId).toBe(vpc.id);
    expect(pn.propertyDependencies.vpcId).toEqual([vpc.urn]);
  });

  it("parents every resource to the component", async () => {
    const { graph } = await record(() => new Network("net", base));
    const component = graph.one(T.network);
    expect(graph.customResources.every((r) => r.parent === component.urn)).toBe(true);
    expect(graph.customResources).toHaveLength(2);
  });

  it("names resources from project, environment and component name", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.inputsOf(T.vpc).name).toBe("shop-dev-net-vpc");
    expect(graph.inputsOf(T.privateNetwork).name).toBe("shop-dev-net-main");
  });

  it("tags the VPC and private network with the standard tags", async () => {
    const { graph } = await record(() => new Network("net", base));
    const expected = ["component=network", "environment=dev", "managed-by=pulumi", "project=shop"];
    expect(graph.inputsOf(T.vpc).tags).toEqual(expected);
    expect(graph.inputsOf(T.privateNetwork).tags).toEqual(expected);
  });

  it("asks for VPC routing, which Scaleway turns on for every new VPC whatever the request says", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.inputsOf(T.vpc).enableRouting).toBe(true);
  });

  it("creates regional private networks without the deprecated zone and isRegional inputs", async () => {
    const { graph } = await record(() => new Network("net", base));
    const inputs = graph.inputsOf(T.privateNetwork);
    expect(inputs.region).toBe("fr-par");
    expect(inputs).not.toHaveProperty("zone");
    expect(inputs).not.toHaveProperty("isRegional");
  });

  it("uses the namespaced provider classes, not the deprecated top-level ones", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.customResources.every((r) => r.type.startsWith("scaleway:network/"))).toBe(true);
  });

  it("holds no secret and leaks none", async () => {
    const { graph } = await record(() => new Network("net", base));
    expect(graph.secretValues().size).toBe(0);
    expect(graph.secretLeaks()).toEqual([]);
  });
});

describe("Network outputs", () => {
  it("exposes the region as a plain value", async () => {
    const { result } = await record(() => new Network("net", { ...base, region: "pl-waw" }));
    expect(result.region).toBe("pl-waw");
  });

  it("exposes the VPC id", async () => {
    const { result, graph } = await record(() => new Network("net", base));
    expect(await valueOf(result.vpcId)).toBe(graph.one(T.vpc).id);
  });

  it("exposes private network ids by name", async () => {
    const { result, graph } = await record(
      () => new Network("net", { ...base, privateNetworks: [{ name: "app" }, { name: "data" }] }),
    );
    expect(await valueOf(result.privateNetworkIds)).toEqual({
      app: graph.one(T.privateNetwork, "net-pn-app").id,
      data: graph.one(T.privateNetwork, "net-pn-data").id,
    });
  });

  it("exposes subnets by name", async () => {
    const { result } = await record(
      () =>
        new Network("net", {
          ...base,
          privateNetworks: [{ name: "app" }, { name: "data", subnet: "10.1.0.0/24" }],
        }),
    );
    expect(await valueOf(result.subnets)).toEqual({ app: "172.16.0.0/22", data: "10.1.0.0/24" });
  });

  it("has no public gateway IP without a gateway", async () => {
    const { result } = await record(() => new Network("net", base));
    expect(result.publicGatewayIp).toBeUndefined();
  });

  it("registers region, vpcId, privateNetworkIds and subnets as component outputs", async () => {
    const { graph } = await record(() => new Network("net", base));
    const outputs = graph.one(T.network).outputs;
    expect(Object.keys(outputs).sort()).toEqual(["privateNetworkIds", "region", "subnets", "vpcId"]);
    expect(outputs.subnets).toEqual({ main: "172.16.0.0/22" });
  });
});

describe("privateNetworkId()", () => {
  const args = { ...base, privateNetworks: [{ name: "app" }, { name: "data" }] };

  it("returns the first private network's id when no name is given", async () => {
    const { result, graph } = await record(() => new Network("net", args));
    expect(await valueOf(result.privateNetworkId())).toBe(graph.one(T.privateNetwork, "net-pn-app").id);
  });

  it("returns the named private network's id", async () => {
    const { result, graph } = await record(() => new Network("net", args));
    expect(await valueOf(result.privateNetworkId("data"))).toBe(
      graph.one(T.privateNetwork, "net-pn-data").id,
    );
  });

  it("throws an error naming the known private networks for an unknown name", async () => {
    const { result } = await record(() => new Network("net", args));
    expect(() => result.privateNetworkId("cache")).toThrow(/"cache".*app, data/);
  });

  it("returns an Output that depends on the private network", async () => {
    const { graph } = await record(() => {
      const net = new Network("net", base);
      return new Consumer("consumer", { pnId: net.privateNetworkId() });
    });
    const consumer = graph.one("test:index:Consumer");
    expect(consumer.propertyDependencies.pnId).toEqual([graph.one(T.privateNetwork).urn]);
  });
});

describe("private networks option", () => {
  it("creates one private network per entry", async () => {
    const { graph } = await record(
      () => new Network("net", { ...base, privateNetworks: [{ name: "a" }, { name: "b" }, { name: "c" }] }),
    );
    expect(graph.byType(T.privateNetwork).map((r) => r.inputs.name)).toEqual([
      "shop-dev-net-a",
      "shop-dev-net-b",
      "shop-dev-net-c",
    ]);
  });

  it("derives subnets 172.16.<4 × position>.0/22 in list order", async () => {
    const { result } = await record(
      () => new Network("net", { ...base, privateNetworks: [{ name: "a" }, { name: "b" }, { name: "c" }] }),
    );
    expect(await valueOf(result.subnets)).toEqual({
      a: "172.16.0.0/22",
      b: "172.16.4.0/22",
      c: "172.16.8.0/22",
    });
  });

  it("keeps a derived subnet tied to its position when an earlier network has its own subnet", async () => {
    const { graph } = await record(
      () =>
        new Network("net", {
          ...base,
          privateNetworks: [{ name: "a", subnet: "192.168.10.0/24" }, { name: "b" }],
        }),
    );
    expect(graph.inputsOf(T.privateNetwork, "net-pn-a").ipv4Subnet).toEqual({ subnet: "192.168.10.0/24" });
    expect(graph.inputsOf(T.privateNetwork, "net-pn-b").ipv4Subnet).toEqual({ subnet: "172.16.4.0/22" });
  });

  it.each(["10.20.0.0/20", "172.31.255.240/28", "192.168.0.0/24"])(
    "accepts the subnet %s",
    async (subnet) => {
      const { graph } = await record(
        () => new Network("net", { ...base, privateNetworks: [{ name: "a", subnet }] }),
      );
      expect(graph.inputsOf(T.privateNetwork).ipv4Subnet).toEqual({ subnet });
    },
  );

  it("accepts adjacent subnets that touch without overlapping", async () => {
    const { graph } = await record(
      () =>
        new Network("net", {
          ...base,
          privateNetworks: [
            { name: "a", subnet: "10.0.0.0/24" },
            { name: "b", subnet: "10.0.1.0/24" },
          ],
        }),
    );
    expect(graph.byType(T.privateNetwork)).toHaveLength(2);
  });
});

describe("other options", () => {
  it("creates the VPC and private networks in the given region", async () => {
    const { graph } = await record(() => new Network("net", { ...base, region: "nl-ams" }));
    expect(graph.inputsOf(T.vpc).region).toBe("nl-ams");
    expect(graph.inputsOf(T.privateNetwork).region).toBe("nl-ams");
    expect(graph.one(T.privateNetwork).id).toMatch(/^nl-ams\//);
  });

  it("creates resources in the given Scaleway project", async () => {
    const { graph } = await record(() => new Network("net", { ...base, projectId: PROJECT_ID }));
    expect(graph.inputsOf(T.vpc).projectId).toBe(PROJECT_ID);
    expect(graph.inputsOf(T.privateNetwork).projectId).toBe(PROJECT_ID);
  });

  it("adds extra tags to the standard ones", async () => {
    const { graph } = await record(() => new Network("net", { ...base, tags: { team: "payments" } }));
    expect(graph.inputsOf(T.privateNetwork).tags).toContain("team=payments");
    expect(graph.inputsOf(T.privateNetwork).tags).toContain("managed-by=pulumi");
  });

  it("accepts enableRouting: true, what Scaleway does anyway", async () => {
    const { graph } = await record(() => new Network("net", { ...base, enableRouting: true }));
    expect(graph.inputsOf(T.vpc).enableRouting).toBe(true);
  });
});

describe("environments", () => {
  it.each(["dev", "staging", "production"] as const)(
    "names and tags resources for %s",
    async (environment) => {
      const { graph } = await record(() => new Network("net", { project: "shop", environment }));
      expect(graph.inputsOf(T.vpc).name).toBe(`shop-${environment}-net-vpc`);
      expect(graph.inputsOf(T.privateNetwork).tags).toContain(`environment=${environment}`);
    },
  );

  it.each(["dev", "staging"] as const)(
    "does not protect the VPC and private networks in %s",
    async (environment) => {
      const { graph } = await record(() => new Network("net", { project: "shop", environment }));
      expect(graph.one(T.vpc).options.protect).toBe(false);
      expect(graph.one(T.privateNetwork).options.protect).toBe(false);
    },
  );

  it("protects the VPC and private networks in production", async () => {
    const { graph } = await record(() => new Network("net", { project: "shop", environment: "production" }));
    expect(graph.one(T.vpc).options.protect).toBe(true);
    expect(graph.one(T.privateNetwork).options.protect).toBe(true);
  });

  it("lets an explicit protect: false win over production's profile", async () => {
    const { graph } = await record(
      () => new Network("net", { project: "shop", environment: "production", protect: false }),
    );
    expect(graph.one(T.vpc).options.protect).toBe(false);
  });

  it("lets an explicit protect: true win over dev's profile", async () => {
    const { graph } = await record(() => new Network("net", { ...base, protect: true }));
    expect(graph.one(T.privateNetwork).options.protect).toBe(true);
  });

  it("passes the component's own protect option down to the VPC and private networks", async () => {
    const { graph } = await record(() => new Network("net", base, { protect: true }));
    expect(graph.one(T.vpc).options.protect).toBe(true);
    expect(graph.one(T.privateNetwork).options.protect).toBe(true);
  });

  it("does not open a public gateway in production unless asked", async () => {
    const { graph } = await record(() => new Network("net", { project: "shop", environment: "production" }));
    expect(graph.byType(T.gateway)).toEqual([]);
  });
});
