import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { SECRET, argsWith } from "./helpers";

// A mock run (the test kit): each property is the resource the component registered, the same URN.
describe("Secrets exposes its main child resources", () => {
  it("`secrets` holds each registered Secret Manager secret under its key", async () => {
    const { result, graph } = await record(
      () => new Secrets("app", argsWith({ "api-key": { value: "x" }, "db-password": { generate: {} } })),
    );
    expect(Object.keys(result.secrets)).toEqual(["api-key", "db-password"]);
    expect(result.secrets["api-key"]).toBeInstanceOf(scaleway.secrets.Secret);
    expect(await valueOf(result.secrets["api-key"]!.urn)).toBe(graph.one(SECRET, "app-api-key").urn);
    expect(await valueOf(result.secrets["db-password"]!.urn)).toBe(graph.one(SECRET, "app-db-password").urn);
    expect(Object.isFrozen(result.secrets)).toBe(true);
  });
});
