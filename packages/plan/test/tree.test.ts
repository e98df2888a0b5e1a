import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { Secret, record } from "@scaleway-blocks/recorder";
import { describe, expect, it } from "vitest";
import { buildTree, planResources } from "../src/index";

class Platform extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Platform", name, {}, opts);
    const data = new pulumi.ComponentResource("test:index:Data", `${name}-data`, {}, { parent: this });
    new scaleway.databases.Instance(
      `${name}-pg`,
      { nodeType: "DB-DEV-S", isHaCluster: true, password: pulumi.secret("Sup3r-secret!"), region: "nl-ams" },
      { parent: data },
    );
    new scaleway.containers.Container(
      `${name}-api`,
      {
        namespaceId: "fr-par/ns",
        cpuLimit: 500,
        memoryLimitBytes: 512 * 1024 * 1024,
        minScale: 0,
        maxScale: 4,
        privacy: "private",
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

const recording = record(() => {
  new Platform("shop");
  new scaleway.object.Bucket("loose", { name: "loose" });
});

describe("buildTree", () => {
  it("nests components and their children under their parents", async () => {
    const { graph } = await recording;
    const roots = buildTree(planResources(graph), "fr-par");
    expect(roots.map((r) => r.name)).toEqual(["shop", "loose"]);
    const shop = roots[0]!;
    expect(shop.children.map((c) => c.name)).toEqual(["shop-data", "shop-api"]);
    expect(shop.children[0]!.children.map((c) => c.name)).toEqual(["shop-pg"]);
  });

  it("shows the node type, HA and region of a database instance", async () => {
    const { graph } = await recording;
    const pg = buildTree(planResources(graph), "fr-par")[0]!.children[0]!.children[0]!;
    expect(pg.displayType).toBe("databases.Instance");
    expect(pg.settings).toMatchObject({
      nodeType: "DB-DEV-S",
      ha: true,
      region: "nl-ams",
      publicEndpoint: true,
    });
  });

  it("shows the scale, size and privacy of a container", async () => {
    const { graph } = await recording;
    const api = buildTree(planResources(graph), "fr-par")[0]!.children[1]!;
    expect(api.settings).toMatchObject({
      cpu: "0.5 vCPU",
      memory: "512 MiB",
      scale: "0–4",
      privacy: "private",
    });
  });

  it("puts the provider's default region on resources that set none", async () => {
    const { graph } = await recording;
    const loose = buildTree(planResources(graph), "pl-waw")[1]!;
    expect(loose.settings.region).toBe("pl-waw");
  });

  it("redacts secret inputs in the plan's resources", async () => {
    const { graph } = await recording;
    const pg = planResources(graph).find((r) => r.name === "shop-pg")!;
    expect(pg.inputs.password).toBe("[secret]");
    expect(JSON.stringify(planResources(graph))).not.toContain("Sup3r-secret!");
  });

  it("redacts a plain string that holds a secret found elsewhere in the graph, in a graph built by hand too", () => {
    const resources = [
      {
        urn: "urn:a",
        type: "test:index:A",
        name: "a",
        custom: true,
        inputs: { password: new Secret("Sup3r-secret!") },
      },
      {
        urn: "urn:b",
        type: "test:index:B",
        name: "b",
        custom: true,
        inputs: { url: "postgres://app:Sup3r-secret!@10.0.0.4/app", host: "10.0.0.4" },
      },
    ];
    const b = planResources({ resources }).find((r) => r.name === "b")!;
    expect(b.inputs).toEqual({ url: "[secret]", host: "10.0.0.4" });
  });
});
