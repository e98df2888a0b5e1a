import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Database } from "../src/index";
import { T, managed, serverless } from "./fixtures";

// Mock runs (the test kit): the property is the very resource the component registered, so its URN is
// the one in the recorded graph.
describe("Database exposes its main child resource", () => {
  it("managed: `instance` is the registered RDB instance, and there is no serverlessDatabase", async () => {
    const { result, graph } = await record(() => new Database("db", managed()));
    expect(result.instance).toBeInstanceOf(scaleway.databases.Instance);
    expect(await valueOf(result.instance!.urn)).toBe(graph.one(T.instance).urn);
    expect(result.serverlessDatabase).toBeUndefined();
  });

  it("serverless: `serverlessDatabase` is the registered Serverless SQL Database, and there is no instance", async () => {
    const { result, graph } = await record(() => new Database("db", serverless()));
    expect(result.serverlessDatabase).toBeInstanceOf(scaleway.databases.ServerlessDatabase);
    expect(await valueOf(result.serverlessDatabase!.urn)).toBe(graph.one(T.serverless).urn);
    expect(result.instance).toBeUndefined();
  });
});
