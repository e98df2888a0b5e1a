import type { RecordedResource, ResourceGraph } from "@scaleway-blocks/testing";
import { Service } from "../src/index";
import type { ServiceArgs } from "../src/index";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export const CONTAINER = SCALEWAY_TYPES.container;
export const CONTAINER_NS = SCALEWAY_TYPES.containerNamespace;
export const REGISTRY_NS = SCALEWAY_TYPES.registryNamespace;
export const TRIGGER = SCALEWAY_TYPES.containerTrigger;
export const DOMAIN = SCALEWAY_TYPES.containerDomain;
export const TOKEN = SCALEWAY_TYPES.containerToken;
export const IAM_APP = SCALEWAY_TYPES.iamApplication;
export const IAM_POLICY = SCALEWAY_TYPES.iamPolicy;
export const IAM_KEY = SCALEWAY_TYPES.iamApiKey;
export const IDENTITY = BLOCK_TYPES.identity;

/**
 * The access keys of every API key in the graph: public (an access key id), though a container's secret
 * environment holds the service identity's next to its secret key, so secretLeaks must not count them.
 */
export function accessKeys(graph: ResourceGraph): string[] {
  return graph.byType(IAM_KEY).map((key) => key.outputs.accessKey as string);
}

export const MIB = 1024 * 1024;
/** Scaleway's megabyte: 1,000,000 bytes (scaleway-sdk-go scw.MB). */
export const MB = 1000 * 1000;

/** A one-container service in the given environment, with `api` overrides. */
export function service(
  overrides: Partial<ServiceArgs> = {},
  api: Partial<ServiceArgs["containers"][string]> = {},
): Service {
  return new Service("api", {
    project: "shop",
    environment: "dev",
    ...overrides,
    containers: overrides.containers ?? { web: { image: { repository: "api", tag: "1.4.2" }, ...api } },
  });
}

/** Inputs of the container with this key. */
export function containerInputs(graph: ResourceGraph, key = "web", name = "api"): Record<string, unknown> {
  return graph.inputsOf(CONTAINER, `${name}-${key}`);
}

export function names(resources: RecordedResource[]): string[] {
  return resources.map((r) => r.name).sort();
}

/** The Token output the provider 1.54 typings declare is `value` (the shared mock answers `token`). */
export const tokenMock = {
  resources: {
    [TOKEN]: (ctx: { name: string }) => ({ state: { value: `jwt-${ctx.name}-0123456789abcdef` } }),
  },
};

/**
 * A recording made on first use. Pulumi mocks are process-global, so recordings must not run
 * at the same time: starting them lazily inside tests keeps them one after another.
 */
export function recorded<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}
