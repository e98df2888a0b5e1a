import * as pulumi from "@pulumi/pulumi";
import { Network } from "@scaleway-blocks/network";
import { record, SCALEWAY_TYPES, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Service } from "../src/index";
import {
  CONTAINER,
  CONTAINER_NS,
  DOMAIN,
  MB,
  MIB,
  REGISTRY_NS,
  TRIGGER,
  containerInputs,
  service,
} from "./helpers";

const PN_ID = "fr-par/11111111-2222-4333-8444-555555555555";

describe("image", () => {
  it("uses a full external image reference as given and creates no registry", async () => {
    const { graph, result } = await record(() => service({}, { image: "ghcr.io/acme/api:1.4.2" }));
    expect(containerInputs(graph).image).toBe("ghcr.io/acme/api:1.4.2");
    expect(graph.byType(REGISTRY_NS)).toEqual([]);
    expect(result.registryEndpoint).toBeUndefined();
  });

  it("accepts an external image pinned by digest", async () => {
    const ref = `nginx@sha256:${"a".repeat(64)}`;
    const { graph } = await record(() => service({}, { image: ref }));
    expect(containerInputs(graph).image).toBe(ref);
  });

  it("accepts a tag given as an Output", async () => {
    const { graph } = await record(() =>
      service({}, { image: { repository: "team/api", tag: pulumi.output("abc123") } }),
    );
    expect(containerInputs(graph).image).toMatch(/\/team\/api:abc123$/);
  });

  it("creates the registry with registry: true even when every image is external", async () => {
    const { graph } = await record(() => service({ registry: true }, { image: "ghcr.io/acme/api:1.4.2" }));
    expect(graph.inputsOf(REGISTRY_NS).isPublic).toBe(false);
  });

  it("takes the registry name and description when given", async () => {
    const { graph } = await record(() =>
      service({ registry: { name: "acme-shop-images", description: "CI pushes here" } }),
    );
    expect(graph.inputsOf(REGISTRY_NS)).toMatchObject({
      name: "acme-shop-images",
      description: "CI pushes here",
    });
    expect(containerInputs(graph).image).toBe("rg.fr-par.scw.cloud/acme-shop-images/api:1.4.2");
  });

  it("passes registrySha256 through to force a redeploy", async () => {
    const { graph } = await record(() => service({}, { registrySha256: "sha256:deadbeef" }));
    expect(containerInputs(graph).registrySha256).toBe("sha256:deadbeef");
  });
});

describe("resources and runtime", () => {
  it("reads a plain number and the MB and GB suffixes as Scaleway's decimal megabytes", async () => {
    for (const [memory, bytes] of [
      [1024, 1024 * MB],
      ["2GB", 2000 * MB],
      ["1.5GB", 1500 * MB],
      ["512MB", 512 * MB],
    ] as const) {
      const { graph } = await record(() => service({}, { cpuLimit: 500, memory }));
      expect(containerInputs(graph).memoryLimitBytes, String(memory)).toBe(bytes);
    }
  });

  it("reads the Mi and Gi suffixes as binary mebibytes and gibibytes", async () => {
    for (const [memory, bytes] of [
      ["512Mi", 512 * MIB],
      ["1.5Gi", 1536 * MIB],
    ] as const) {
      const { graph } = await record(() => service({}, { cpuLimit: 500, memory }));
      expect(containerInputs(graph).memoryLimitBytes, memory).toBe(bytes);
    }
  });

  it("accepts 4 MB of memory per mvCPU, the most Scaleway allows (280 mvCPU with 1120 MB)", async () => {
    const { graph } = await record(() => service({}, { cpuLimit: 280, memory: 1120 }));
    expect(containerInputs(graph)).toMatchObject({ cpuLimit: 280, memoryLimitBytes: 1120 * MB });
  });

  it("accepts 1 MB of memory per mvCPU, the least Scaleway allows (2000 mvCPU with 2000 MB)", async () => {
    const { graph } = await record(() => service({}, { cpuLimit: 2000, memory: "2GB" }));
    expect(containerInputs(graph)).toMatchObject({ cpuLimit: 2000, memoryLimitBytes: 2000 * MB });
  });

  it("accepts request timeouts from 10 seconds to 60 minutes", async () => {
    for (const timeout of [10, 3600]) {
      const { graph } = await record(() => service({}, { timeout }));
      expect(containerInputs(graph).timeout).toBe(timeout);
    }
  });

  it("sets the port, CPU, timeout, protocol and sandbox", async () => {
    const { graph } = await record(() =>
      service({}, { port: 3000, cpuLimit: 250, timeout: 900, protocol: "h2c", sandbox: "v1" }),
    );
    expect(containerInputs(graph)).toMatchObject({
      port: 3000,
      cpuLimit: 250,
      timeout: 900,
      protocol: "h2c",
      sandbox: "v1",
    });
  });

  it("sets concurrency-based autoscaling", async () => {
    const { graph } = await record(() => service({}, { scaling: { concurrentRequestsThreshold: 25 } }));
    expect(containerInputs(graph).scalingOptions).toEqual([{ concurrentRequestsThreshold: 25 }]);
  });

  it("sets CPU-based autoscaling when minScale is at least 1", async () => {
    const { graph } = await record(() => service({}, { minScale: 1, scaling: { cpuUsageThreshold: 70 } }));
    expect(containerInputs(graph).scalingOptions).toEqual([{ cpuUsageThreshold: 70 }]);
  });

  it("sets an HTTP liveness probe with default timings", async () => {
    const { graph } = await record(() => service({}, { livenessProbe: { http: { path: "/healthz" } } }));
    expect(containerInputs(graph).livenessProbe).toEqual({
      http: { path: "/healthz" },
      failureThreshold: 3,
      interval: "10s",
      timeout: "5s",
    });
  });

  it("sets a TCP startup probe with the given timings", async () => {
    const { graph } = await record(() =>
      service({}, { startupProbe: { tcp: true, failureThreshold: 10, interval: "2s", timeout: "1s" } }),
    );
    expect(containerInputs(graph).startupProbe).toEqual({
      tcp: true,
      failureThreshold: 10,
      interval: "2s",
      timeout: "1s",
    });
  });

  it("sets the command, args and description", async () => {
    const { graph } = await record(() =>
      service({}, { command: ["node"], args: ["dist/server.js"], description: "public API" }),
    );
    expect(containerInputs(graph)).toMatchObject({
      commands: ["node"],
      args: ["dist/server.js"],
      description: "public API",
    });
  });

  it("sets plain environment variables", async () => {
    const { graph } = await record(() =>
      service({}, { environment: { LOG_LEVEL: "info", NODE_ENV: "production" } }),
    );
    expect(containerInputs(graph).environmentVariables).toEqual({
      LOG_LEVEL: "info",
      NODE_ENV: "production",
    });
  });
});

describe("access", () => {
  it("makes a container public only with public: true", async () => {
    const { graph } = await record(() => service({}, { public: true }));
    expect(containerInputs(graph).privacy).toBe("public");
  });

  it("tags a public container public=true, recording the opt-in for policy checks", async () => {
    const { graph } = await record(() => service({}, { public: true }));
    expect(containerInputs(graph).tags).toContain("public=true");
  });

  it("does not tag a private container public=true", async () => {
    const { graph } = await record(() => service());
    expect(containerInputs(graph).tags).not.toContain("public=true");
  });

  it("allows plain HTTP only with httpsConnectionsOnly: false", async () => {
    const { graph } = await record(() => service({}, { httpsConnectionsOnly: false }));
    expect(containerInputs(graph).httpsConnectionsOnly).toBe(false);
  });

  it("attaches a private network given by id", async () => {
    const { graph } = await record(() => service({}, { network: PN_ID }));
    expect(containerInputs(graph).privateNetworkId).toBe(PN_ID);
  });

  it("attaches the first private network of a Network component", async () => {
    const { graph } = await record(() => {
      const network = new Network("net", { project: "shop", environment: "dev" });
      return service({}, { network });
    });
    const pn = graph.one(SCALEWAY_TYPES.privateNetwork);
    const container = graph.one(CONTAINER);
    expect(container.inputs.privateNetworkId).toBe(pn.id);
    expect(container.propertyDependencies.privateNetworkId).toEqual([pn.urn]);
  });
});

describe("several containers", () => {
  const build = () =>
    new Service("app", {
      project: "shop",
      environment: "staging",
      containers: {
        web: { image: { repository: "web", tag: "1.0.0" }, public: true },
        worker: { image: "ghcr.io/acme/worker:2.0.0", maxScale: 1 },
      },
    });

  it("creates every container in one namespace", async () => {
    const { graph } = await record(build);
    const namespace = graph.one(CONTAINER_NS);
    const containers = graph.byType(CONTAINER);
    expect(containers.map((c) => c.inputs.name).sort()).toEqual([
      "shop-staging-app-web",
      "shop-staging-app-worker",
    ]);
    for (const c of containers) expect(c.inputs.namespaceId).toBe(namespace.id);
  });

  it("gives a URL per container", async () => {
    const { graph, result } = await record(build);
    const urls = await valueOf(result.urls);
    expect(Object.keys(urls).sort()).toEqual(["web", "worker"]);
    expect(urls.worker).toBe(graph.one(CONTAINER, "app-worker").outputs.publicEndpoint);
  });
});

describe("cron triggers", () => {
  it("creates a trigger with the schedule, time zone, path and method", async () => {
    const { graph } = await record(() =>
      service(
        {},
        {
          crons: {
            nightly: {
              schedule: "0 3 * * *",
              timezone: "Europe/Paris",
              path: "/jobs/cleanup",
              method: "post",
            },
          },
        },
      ),
    );
    const trigger = graph.one(TRIGGER);
    expect(trigger.inputs).toMatchObject({
      containerId: graph.one(CONTAINER).id,
      cron: { schedule: "0 3 * * *", timezone: "Europe/Paris" },
      destinationConfig: { httpPath: "/jobs/cleanup", httpMethod: "post" },
      name: "shop-dev-api-web-nightly",
    });
  });

  it("sends the schedule without stray whitespace, one space between fields", async () => {
    const { graph } = await record(() => service({}, { crons: { c: { schedule: " 0\t3  * * 1-5\n" } } }));
    expect((graph.one(TRIGGER).inputs.cron as { schedule: string }).schedule).toBe("0 3 * * 1-5");
  });

  it("accepts the IANA spellings Node lists under older names, and Etc/UTC", async () => {
    for (const timezone of ["Asia/Kolkata", "Europe/Kyiv", "Etc/UTC", "UTC"]) {
      const { graph } = await record(() =>
        service({}, { crons: { c: { schedule: "0 3 * * *", timezone } } }),
      );
      expect((graph.one(TRIGGER).inputs.cron as { timezone: string }).timezone, timezone).toBe(timezone);
    }
  });

  it("defaults to UTC, POST and the root path", async () => {
    const { graph } = await record(() => service({}, { crons: { every: { schedule: "*/5 * * * *" } } }));
    expect(graph.one(TRIGGER).inputs).toMatchObject({
      cron: { schedule: "*/5 * * * *", timezone: "UTC" },
      destinationConfig: { httpPath: "/", httpMethod: "post" },
    });
  });

  it("sends the body and headers given", async () => {
    const { graph } = await record(() =>
      service(
        {},
        {
          crons: {
            report: {
              schedule: "0 8 * * MON-FRI",
              method: "put",
              body: '{"kind":"daily"}',
              headers: { "content-type": "application/json" },
            },
          },
        },
      ),
    );
    expect(graph.one(TRIGGER).inputs.cron).toEqual({
      schedule: "0 8 * * MON-FRI",
      timezone: "UTC",
      body: '{"kind":"daily"}',
      headers: { "content-type": "application/json" },
    });
  });
});

describe("custom domains", () => {
  it("creates one domain per hostname on the container", async () => {
    const { graph, result } = await record(() =>
      service({}, { domains: ["api.example.com", "www.example.com"] }),
    );
    const domains = graph.byType(DOMAIN);
    expect(domains.map((d) => d.inputs.hostname).sort()).toEqual(["api.example.com", "www.example.com"]);
    for (const d of domains) expect(d.inputs.containerId).toBe(graph.one(CONTAINER).id);
    expect(await valueOf(result.customDomainUrls)).toEqual({
      web: ["https://api.example.com", "https://www.example.com"],
    });
  });
});

describe("region and project", () => {
  it("creates everything in the given region and project", async () => {
    const projectId = "0b2f3c4d-1111-4222-8333-444455556666";
    const { graph } = await record(() => service({ region: "nl-ams", projectId }));
    expect(graph.inputsOf(REGISTRY_NS)).toMatchObject({ region: "nl-ams", projectId });
    expect(graph.inputsOf(CONTAINER_NS)).toMatchObject({ region: "nl-ams", projectId });
    expect(containerInputs(graph).region).toBe("nl-ams");
    expect(containerInputs(graph).image).toMatch(/^rg\.nl-ams\.scw\.cloud\//);
  });

  it("adds the user's tags to the core tags", async () => {
    const { graph } = await record(() => service({ tags: { team: "payments" } }));
    expect(containerInputs(graph).tags).toContain("team=payments");
  });
});
