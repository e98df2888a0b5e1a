import { isSecretOutput, record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Service } from "../src/index";
import {
  CONTAINER,
  CONTAINER_NS,
  IAM_APP,
  IAM_KEY,
  IAM_POLICY,
  IDENTITY,
  MB,
  MIB,
  REGISTRY_NS,
  TOKEN,
  TRIGGER,
  DOMAIN,
  containerInputs,
  recorded,
  service,
} from "./helpers";

describe("secure defaults", () => {
  const recording = recorded(() => record(() => service()));

  it("creates one private registry namespace, one containers namespace and one container", async () => {
    const { graph } = await recording();
    expect(graph.countByType()).toEqual({
      [Service.TYPE]: 1,
      [REGISTRY_NS]: 1,
      [CONTAINER_NS]: 1,
      [CONTAINER]: 1,
      [IDENTITY]: 1,
      [IAM_APP]: 1,
      [IAM_KEY]: 1,
    });
  });

  it("keeps the registry namespace private", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(REGISTRY_NS).isPublic).toBe(false);
  });

  it("makes the container private", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph).privacy).toBe("private");
  });

  it("accepts HTTPS connections only", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph).httpsConnectionsOnly).toBe(true);
  });

  it("runs in the recommended v2 sandbox over HTTP/1", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph)).toMatchObject({ sandbox: "v2", protocol: "http1" });
  });

  it("listens on port 8080 with a 300 second request timeout", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph)).toMatchObject({ port: 8080, timeout: 300 });
  });

  it("attaches no private network, probe, scaling option, trigger, domain or invoker", async () => {
    const { graph } = await recording();
    const inputs = containerInputs(graph);
    for (const key of ["privateNetworkId", "livenessProbe", "startupProbe", "scalingOptions"]) {
      expect(inputs[key], key).toBeUndefined();
    }
    for (const type of [TRIGGER, DOMAIN, TOKEN, IAM_POLICY]) expect(graph.byType(type), type).toEqual([]);
    expect(graph.byType(IDENTITY).map((r) => r.name)).toEqual(["api-identity"]);
  });

  it("renders the image from the registry endpoint, repository and tag", async () => {
    const { graph } = await recording();
    const endpoint = graph.one(REGISTRY_NS).outputs.endpoint as string;
    expect(endpoint).toMatch(/^rg\.fr-par\.scw\.cloud\//);
    expect(containerInputs(graph).image).toBe(`${endpoint}/api:1.4.2`);
  });

  it("parents every resource to the component, the IAM resources through its identity", async () => {
    const { graph } = await recording();
    const component = graph.one(Service.TYPE);
    const identity = graph.one(IDENTITY);
    expect(graph.descendantsOf(component)).toHaveLength(graph.registered.length - 1);
    expect(
      graph
        .childrenOf(identity)
        .map((r) => r.type)
        .sort(),
    ).toEqual([IAM_KEY, IAM_APP].sort());
  });

  it("tags the namespace and the container with the core tags", async () => {
    const { graph } = await recording();
    for (const type of [CONTAINER_NS, CONTAINER]) {
      expect(graph.inputsOf(type).tags).toEqual(
        expect.arrayContaining([
          "managed-by=pulumi",
          "environment=dev",
          "component=container",
          "project=shop",
        ]),
      );
    }
  });

  it("names resources from the project, environment and component names", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph).name).toBe("shop-dev-api-web");
    expect(graph.inputsOf(CONTAINER_NS).name).toBe("shop-dev-api-ns");
    expect(graph.inputsOf(REGISTRY_NS).name).toMatch(/^shop-dev-api-registry-[0-9a-f]{6}$/);
  });

  it("creates the resources in the default region fr-par", async () => {
    const { graph } = await recording();
    for (const type of [REGISTRY_NS, CONTAINER_NS, CONTAINER])
      expect(graph.inputsOf(type).region).toBe("fr-par");
  });

  it("does not protect the registry outside production", async () => {
    const { graph } = await recording();
    expect(graph.one(REGISTRY_NS).options.protect).toBe(false);
  });
});

describe("environments", () => {
  it("scales to zero in dev with 250 mvCPU, 256 MB and at most 2 instances", async () => {
    const { graph } = await record(() => service({ environment: "dev" }));
    expect(containerInputs(graph)).toMatchObject({
      minScale: 0,
      maxScale: 2,
      cpuLimit: 250,
      memoryLimitBytes: 256 * MB,
    });
  });

  it("scales to zero in staging with 500 mvCPU, 512 MB and at most 5 instances", async () => {
    const { graph } = await record(() => service({ environment: "staging" }));
    expect(containerInputs(graph)).toMatchObject({
      minScale: 0,
      maxScale: 5,
      cpuLimit: 500,
      memoryLimitBytes: 512 * MB,
    });
  });

  it("keeps one instance warm in production with 1000 mvCPU, 1024 MB and at most 20 instances", async () => {
    const { graph } = await record(() => service({ environment: "production" }));
    expect(containerInputs(graph)).toMatchObject({
      minScale: 1,
      maxScale: 20,
      cpuLimit: 1000,
      memoryLimitBytes: 1024 * MB,
    });
  });

  it("protects the registry namespace in production", async () => {
    const { graph } = await record(() => service({ environment: "production" }));
    expect(graph.one(REGISTRY_NS).options.protect).toBe(true);
  });

  it("tags resources with the environment", async () => {
    const { graph } = await record(() => service({ environment: "staging" }));
    expect(containerInputs(graph).tags).toContain("environment=staging");
  });

  it("lets explicit scale, CPU and memory win over the production profile", async () => {
    const { graph } = await record(() =>
      service({ environment: "production" }, { minScale: 0, maxScale: 3, cpuLimit: 560, memory: "1Gi" }),
    );
    expect(containerInputs(graph)).toMatchObject({
      minScale: 0,
      maxScale: 3,
      cpuLimit: 560,
      memoryLimitBytes: 1024 * MIB,
    });
  });
});

describe("outputs", () => {
  const recording = recorded(() => record(() => service()));

  it("gives the container URL as its public endpoint", async () => {
    const { graph, result } = await recording();
    const endpoint = graph.one(CONTAINER).outputs.publicEndpoint as string;
    expect(endpoint).toMatch(/^https:\/\/.*\.scw\.cloud$/);
    expect(await valueOf(result.url)).toBe(endpoint);
    expect(await valueOf(result.urls)).toEqual({ web: endpoint });
    expect(await valueOf(result.urlOf("web"))).toBe(endpoint);
  });

  it("gives domain names, container ids and the namespace id", async () => {
    const { graph, result } = await recording();
    const container = graph.one(CONTAINER);
    const endpoint = container.outputs.publicEndpoint as string;
    expect(await valueOf(result.domainNames)).toEqual({ web: endpoint.replace(/^https:\/\//, "") });
    expect(await valueOf(result.containerIds)).toEqual({ web: container.id });
    expect(await valueOf(result.namespaceId)).toBe(graph.one(CONTAINER_NS).id);
    expect(container.id).toMatch(/^fr-par\/[0-9a-f-]{36}$/);
  });

  it("gives the registry endpoint and namespace id", async () => {
    const { graph, result } = await recording();
    const registry = graph.one(REGISTRY_NS);
    expect(await valueOf(result.registryEndpoint!)).toBe(registry.outputs.endpoint);
    expect(await valueOf(result.registryNamespaceId!)).toBe(registry.id);
  });

  it("gives the image each container runs", async () => {
    const { graph, result } = await recording();
    expect(await valueOf(result.images)).toEqual({ web: containerInputs(graph).image });
  });

  it("registers its outputs on the component", async () => {
    const { graph } = await recording();
    const outputs = graph.one(Service.TYPE).outputs;
    expect(outputs.urls).toEqual({ web: expect.stringMatching(/^https:\/\//) });
    expect(outputs.namespaceId).toBe(graph.one(CONTAINER_NS).id);
  });

  it("gives no invoke credentials without an invoker", async () => {
    const { result } = await recording();
    expect(result.invokeCredentials).toBeUndefined();
    expect(result.invokerApplicationId).toBeUndefined();
  });

  it("throws naming the known containers for an unknown key", async () => {
    const { result } = await recording();
    expect(() => result.urlOf("worker")).toThrow(/no container "worker".*known containers: web/);
  });

  it("marks no output secret when there is no credential", async () => {
    const { result } = await recording();
    expect(await isSecretOutput(result.urls)).toBe(false);
  });
});

describe("the public endpoint, not the deprecated domainName", () => {
  const ENDPOINT = "https://shopdevapins-web.functions.fnc.fr-par.scw.cloud";
  // A provider answer whose deprecated domainName disagrees with publicEndpoint: only the latter counts.
  const recording = recorded(() =>
    record(() => service({}, { domains: ["api.example.com"] }), {
      resources: {
        [CONTAINER]: () => ({ state: { domainName: "deprecated.invalid", publicEndpoint: ENDPOINT } }),
      },
    }),
  );

  it("gives each container's URL from its publicEndpoint", async () => {
    const { result } = await recording();
    expect(await valueOf(result.urls)).toEqual({ web: ENDPOINT });
    expect(await valueOf(result.url)).toBe(ENDPOINT);
    expect(await valueOf(result.urlOf("web"))).toBe(ENDPOINT);
  });

  it("gives the host of the publicEndpoint as the CNAME target of custom domains", async () => {
    const { result } = await recording();
    expect(await valueOf(result.domainNames)).toEqual({
      web: "shopdevapins-web.functions.fnc.fr-par.scw.cloud",
    });
  });

  it("gives the public endpoints as an output of their own", async () => {
    const { result } = await recording();
    expect(await valueOf(result.publicEndpoints)).toEqual({ web: ENDPOINT });
  });
});

describe("deprecated provider inputs", () => {
  it("never sets deploy, registryImage, memoryLimit, localStorageLimit, httpOption or healthChecks", async () => {
    const { graph } = await record(
      () =>
        new Service("api", {
          project: "shop",
          environment: "production",
          containers: {
            web: {
              image: { repository: "web", tag: "2.0.0" },
              public: true,
              memory: "2Gi",
              cpuLimit: 1120,
              livenessProbe: { http: { path: "/healthz" } },
              startupProbe: { tcp: true },
              scaling: { concurrentRequestsThreshold: 40 },
              crons: { nightly: { schedule: "0 3 * * *", timezone: "Europe/Paris" } },
              domains: ["api.example.com"],
            },
            worker: { image: "ghcr.io/acme/worker:1.0.0", environment: { LOG_LEVEL: "info" } },
          },
          invoker: {},
        }),
    );
    const containers = graph.byType(CONTAINER);
    expect(containers).toHaveLength(2);
    for (const container of containers) {
      for (const key of [
        "deploy",
        "registryImage",
        "memoryLimit",
        "localStorageLimit",
        "httpOption",
        "healthChecks",
      ]) {
        expect(container.inputs, `${container.name}.${key}`).not.toHaveProperty(key);
      }
    }
  });

  it("uses only the namespaced provider classes", async () => {
    const { graph } = await record(() => service({}, { crons: { c: { schedule: "* * * * *" } } }));
    for (const resource of graph.customResources) expect(resource.type).not.toMatch(/^scaleway:index\//);
  });
});
