import type * as pulumi from "@pulumi/pulumi";
import { record } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import type { DatabaseArgs, ManagedDatabaseArgs } from "../src/index";
import { T, managed, serverless } from "./fixtures";

/** Every resource below the component, by name, with the `protect` the engine received. */
function protectByName(graph: ResourceGraph): Record<string, boolean> {
  const component = graph.one(T.database);
  return Object.fromEntries(graph.descendantsOf(component).map((r) => [r.name, r.options.protect]));
}

async function recordWith(args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
  return record(() => new Database("db", args, opts));
}

/** Every kind of child a managed database has. */
const everything: Partial<ManagedDatabaseArgs> = {
  databases: [{ name: "shop", readOnlyUsers: ["reporting"] }],
  publicEndpoint: { allowedCidrs: ["203.0.113.0/24"] },
  readReplica: true,
};

describe("Database: the protect arg and the protect option", () => {
  it("give every child of a managed database the same protection", async () => {
    const byArg = await recordWith(managed({ ...everything, protect: true }));
    const byOption = await recordWith(managed({ ...everything }), { protect: true });
    expect(protectByName(byArg.graph)).toEqual(protectByName(byOption.graph));
  });

  it("give every child of a serverless database the same protection", async () => {
    const byArg = await recordWith(serverless({ iamAccess: true, protect: true }));
    const byOption = await recordWith(serverless({ iamAccess: true }), { protect: true });
    expect(protectByName(byArg.graph)).toEqual(protectByName(byOption.graph));
  });

  it("protect every child but secret versions when the arg asks for it in dev", async () => {
    const { graph } = await recordWith(managed({ ...everything, protect: true }));
    // Secrets never protects a version: a new value replaces it, and a protected one would block that.
    const versions = new Set(graph.byType(T.version).map((v) => v.name));
    const unprotected = Object.entries(protectByName(graph)).filter(
      ([name, protect]) => !protect && !versions.has(name),
    );
    expect(unprotected).toEqual([]);
  });

  it("never protect the Serverless SQL API key, whose rotation replaces it", async () => {
    const { graph } = await recordWith(serverless({ iamAccess: true, protect: true }), { protect: true });
    expect(graph.one(T.apiKey).options.protect).toBe(false);
  });

  it("let the arg false win over the option true", async () => {
    const { graph } = await recordWith(managed({ protect: false }), { protect: true });
    expect(graph.one(T.instance).options.protect).toBe(false);
    expect(graph.one(T.logical).options.protect).toBe(false);
  });

  it("leave IAM keys, users, privileges, ACLs and replicas unprotected by the production profile alone", async () => {
    const managedRun = await recordWith(managed({ ...everything, environment: "production" }));
    for (const type of [T.user, T.privilege, T.acl, T.replica]) {
      for (const resource of managedRun.graph.byType(type)) expect(resource.options.protect).toBe(false);
    }
    const serverlessRun = await recordWith(serverless({ environment: "production", iamAccess: true }));
    expect(serverlessRun.graph.one(T.apiKey).options.protect).toBe(false);
    expect(serverlessRun.graph.one(T.serverless).options.protect).toBe(true);
  });
});

describe("Database: retainOnDelete", () => {
  it("is forwarded to every child of a managed database", async () => {
    const { graph } = await recordWith(managed({ ...everything }), { retainOnDelete: true });
    const children = graph.childrenOf(graph.one(T.database));
    expect(children.length).toBeGreaterThan(5);
    expect(children.filter((c) => !c.options.retainOnDelete).map((c) => c.name)).toEqual([]);
  });

  it("is forwarded to every child of a serverless database", async () => {
    const { graph } = await recordWith(serverless({ iamAccess: true }), { retainOnDelete: true });
    const children = graph.childrenOf(graph.one(T.database));
    expect(children.length).toBeGreaterThan(3);
    expect(children.filter((c) => !c.options.retainOnDelete).map((c) => c.name)).toEqual([]);
  });
});
