import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Identity } from "../src/index";
import { API_KEY, APPLICATION, POLICY, READ_ORDERS, argsWith } from "./helpers";

describe("protection", () => {
  it("leaves the application and policies unprotected by default, even in production (they hold no data)", async () => {
    const { graph } = await record(
      () => new Identity("worker", argsWith({ environment: "production", permissions: [READ_ORDERS] })),
    );
    expect(graph.one(APPLICATION).options.protect).toBe(false);
    expect(graph.one(POLICY).options.protect).toBe(false);
  });

  it("protects the application and policies with protect true, never the API key (a rotation replaces it)", async () => {
    const { graph } = await record(
      () => new Identity("worker", argsWith({ protect: true, permissions: [READ_ORDERS] })),
    );
    expect(graph.one(APPLICATION).options.protect).toBe(true);
    expect(graph.one(POLICY).options.protect).toBe(true);
    expect(graph.one(API_KEY).options.protect).toBe(false);
  });

  it("forwards the component's retainOnDelete option to every child, the key included", async () => {
    const { graph } = await record(
      () => new Identity("worker", argsWith({ permissions: [READ_ORDERS] }), { retainOnDelete: true }),
    );
    for (const type of [APPLICATION, POLICY, API_KEY])
      expect(graph.one(type).options.retainOnDelete).toBe(true);
  });
});
