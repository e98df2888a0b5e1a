import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { CONTAINER, CONTAINER_NS, REGISTRY_NS, service } from "./helpers";

// Mock runs (the test kit): each property is the resource the component registered, the same URN.
describe("Service exposes its main child resources", () => {
  it("`namespace` is the registered Serverless Containers namespace", async () => {
    const { result, graph } = await record(() => service());
    expect(result.namespace).toBeInstanceOf(scaleway.containers.Namespace);
    expect(await valueOf(result.namespace.urn)).toBe(graph.one(CONTAINER_NS).urn);
  });

  it("`containers` holds each registered container under its key", async () => {
    const image = { repository: "api", tag: "1.4.2" };
    const { result, graph } = await record(() =>
      service({ containers: { web: { image }, worker: { image } } }),
    );
    expect(Object.keys(result.containers)).toEqual(["web", "worker"]);
    expect(result.containers.web).toBeInstanceOf(scaleway.containers.Container);
    expect(await valueOf(result.containers.web!.urn)).toBe(graph.one(CONTAINER, "api-web").urn);
    expect(await valueOf(result.containers.worker!.urn)).toBe(graph.one(CONTAINER, "api-worker").urn);
    expect(Object.isFrozen(result.containers)).toBe(true);
  });

  it("`registry` is the registered registry namespace, and undefined when none is created", async () => {
    const { result, graph } = await record(() => service());
    expect(await valueOf(result.registry!.urn)).toBe(graph.one(REGISTRY_NS).urn);
    const { result: external } = await record(() => service({}, { image: "ghcr.io/acme/api:1.4.2" }));
    expect(external.registry).toBeUndefined();
  });
});
