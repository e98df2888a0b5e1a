import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { PASSWORD, SECRET, VERSION, argsWith } from "./helpers";

describe("protection by environment", () => {
  it.each([
    ["dev", false],
    ["staging", false],
    ["production", true],
  ] as const)("in %s, sets the Secret Manager protection to %s", async (environment, expected) => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { environment })),
    );
    expect(graph.inputsOf(SECRET).protected).toBe(expected);
  });

  it.each([
    ["dev", false],
    ["staging", false],
    ["production", true],
  ] as const)("in %s, sets Pulumi protect on the secret to %s", async (environment, expected) => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { environment })),
    );
    expect(graph.one(SECRET).options.protect).toBe(expected);
  });

  it.each([
    ["dev", false],
    ["staging", false],
    ["production", true],
  ] as const)("in %s, sets Pulumi protect on a generated value to %s", async (environment, expected) => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { generate: {} } }, { environment })),
    );
    expect(graph.one(PASSWORD).options.protect).toBe(expected);
  });

  it("never protects versions, so a given value can be rotated in production", async () => {
    const { graph } = await record(
      () =>
        new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { environment: "production" })),
    );
    expect(graph.one(VERSION).options.protect).toBe(false);
  });

  it("lets a secret turn protection off in production", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith(
            { scratch: { value: "given-token-1", protected: false }, kept: { value: "given-token-2" } },
            { environment: "production" },
          ),
        ),
    );
    expect(graph.inputsOf(SECRET, "app-scratch").protected).toBe(false);
    expect(graph.one(SECRET, "app-scratch").options.protect).toBe(false);
    expect(graph.inputsOf(SECRET, "app-kept").protected).toBe(true);
  });

  it("lets a secret turn protection on in dev", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1", protected: true } })),
    );
    expect(graph.inputsOf(SECRET).protected).toBe(true);
    expect(graph.one(SECRET).options.protect).toBe(true);
  });

  it("applies the component's protected to every secret that does not set its own", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith(
            { a: { value: "given-token-1" }, b: { value: "given-token-2", protected: false } },
            { protected: true },
          ),
        ),
    );
    expect(graph.inputsOf(SECRET, "app-a").protected).toBe(true);
    expect(graph.one(SECRET, "app-a").options.protect).toBe(true);
    expect(graph.inputsOf(SECRET, "app-b").protected).toBe(false);
  });

  it("lets the component turn protection off for all its secrets in production", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith(
            { a: { value: "given-token-1" }, b: { generate: {} } },
            { environment: "production", protected: false },
          ),
        ),
    );
    expect(graph.byType(SECRET).map((r) => r.inputs.protected)).toEqual([false, false]);
    expect(graph.customResources.filter((r) => r.options.protect)).toEqual([]);
  });

  it.each(["dev", "staging", "production"] as const)(
    "in %s, tags secrets with the environment",
    async (environment) => {
      const { graph } = await record(
        () => new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { environment })),
      );
      expect(graph.inputsOf(SECRET).tags).toContain(`environment=${environment}`);
      expect(graph.inputsOf(SECRET).name).toBe(`shop-${environment}-app-token`);
    },
  );
});
