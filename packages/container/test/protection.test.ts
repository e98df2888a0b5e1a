import type * as pulumi from "@pulumi/pulumi";
import { record } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Service } from "../src/index";
import type { ServiceArgs } from "../src/index";
import {
  CONTAINER,
  CONTAINER_NS,
  DOMAIN,
  IAM_APP,
  IAM_KEY,
  IAM_POLICY,
  REGISTRY_NS,
  TRIGGER,
} from "./helpers";

/** The child whose deletion loses something: the registry namespace (deleting it deletes the images). */
const STATEFUL = [REGISTRY_NS];
/** The children a replacement loses nothing with. */
const OTHERS = [CONTAINER_NS, CONTAINER, TRIGGER, DOMAIN, IAM_APP, IAM_POLICY];
/** The invoke key: every rotation replaces it, so it is never protected. */
const ROTATING = [IAM_KEY];

const args = (overrides: Partial<ServiceArgs> = {}): ServiceArgs => ({
  project: "shop",
  environment: "dev",
  containers: {
    web: {
      image: { repository: "api", tag: "1.4.2" },
      crons: { nightly: { schedule: "0 3 * * *" } },
      domains: ["api.example.com"],
    },
  },
  invoker: {},
  ...overrides,
});

const build = (overrides: Partial<ServiceArgs> = {}, opts?: pulumi.ComponentResourceOptions) =>
  record(() => new Service("api", args(overrides), opts));

/** Each type's protect option: that of every resource of the type (the service's identity and the invoker's). */
function protectOf(graph: ResourceGraph, types: readonly string[]): Record<string, boolean | string> {
  return Object.fromEntries(
    types.map((type) => {
      const values = new Set(graph.byType(type).map((r) => r.options.protect));
      return [type, values.size === 1 ? [...values][0]! : `mixed or none (${values.size})`];
    }),
  );
}

const all = (types: readonly string[], value: boolean) =>
  Object.fromEntries(types.map((type) => [type, value]));

describe("protection", () => {
  it("protects the registry namespace in production", async () => {
    const { graph } = await build({ environment: "production" });
    expect(protectOf(graph, STATEFUL)).toEqual(all(STATEFUL, true));
  });

  it("leaves the containers, triggers, domains and invoker replaceable in production", async () => {
    const { graph } = await build({ environment: "production" });
    expect(protectOf(graph, OTHERS)).toEqual(all(OTHERS, false));
  });

  it("protects nothing in dev", async () => {
    const { graph } = await build();
    expect(protectOf(graph, [...STATEFUL, ...OTHERS, ...ROTATING])).toEqual(
      all([...STATEFUL, ...OTHERS, ...ROTATING], false),
    );
  });

  it("protects every child with the protect arg", async () => {
    const { graph } = await build({ protect: true });
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], true));
  });

  it("protects every child with the component's protect option, as with the arg", async () => {
    const { graph } = await build({}, { protect: true });
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], true));
  });

  it("never protects the invoke key, even with the protect arg and option, so its rotation can replace it", async () => {
    const { graph } = await build({ protect: true }, { protect: true });
    expect(protectOf(graph, ROTATING)).toEqual(all(ROTATING, false));
  });

  it("lets protect: false in the args win over the component's protect option", async () => {
    const { graph } = await build({ protect: false }, { protect: true });
    expect(protectOf(graph, [...STATEFUL, ...OTHERS])).toEqual(all([...STATEFUL, ...OTHERS], false));
  });

  it("lets protect: false in the args win over production's profile", async () => {
    const { graph } = await build({ environment: "production", protect: false });
    expect(protectOf(graph, STATEFUL)).toEqual(all(STATEFUL, false));
  });

  it("lets the component's protect: false win over production's profile", async () => {
    const { graph } = await build({ environment: "production" }, { protect: false });
    expect(protectOf(graph, STATEFUL)).toEqual(all(STATEFUL, false));
  });

  it("forwards the component's retainOnDelete option to every child", async () => {
    const { graph } = await build({}, { retainOnDelete: true });
    expect(graph.customResources.map((r) => [r.type, r.options.retainOnDelete])).toEqual(
      graph.customResources.map((r) => [r.type, true]),
    );
    // Two API keys and two applications (the service's identity and the invoker), one policy (the invoker's).
    expect(graph.customResources).toHaveLength(STATEFUL.length + OTHERS.length + ROTATING.length + 2);
  });
});
