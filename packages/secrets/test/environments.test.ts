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
            { scratch: { value: "given-token-1", protect: false }, kept: { value: "given-token-2" } },
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
      () => new Secrets("app", argsWith({ token: { value: "given-token-1", protect: true } })),
    );
    expect(graph.inputsOf(SECRET).protected).toBe(true);
    expect(graph.one(SECRET).options.protect).toBe(true);
  });

  it("applies the component's protect to every secret that does not set its own", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith(
            { a: { value: "given-token-1" }, b: { value: "given-token-2", protect: false } },
            { protect: true },
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
            { environment: "production", protect: false },
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

describe("protection from the component's options", () => {
  const ALL = { token: { value: "given-token-1" }, key: { generate: {} } } as const;

  it("protects every secret in dev when the component is given the protect option", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith(ALL), { protect: true }));
    expect(graph.byType(SECRET).map((r) => r.inputs.protected)).toEqual([true, true]);
    expect(graph.byType(SECRET).map((r) => r.options.protect)).toEqual([true, true]);
    expect(graph.one(PASSWORD).options.protect).toBe(true);
  });

  it("gives the protect arg and the protect option the same effect on every resource", async () => {
    const summary = (graph: Awaited<ReturnType<typeof record>>["graph"]) =>
      graph.customResources.map((r) => [r.type, r.name, r.options.protect, r.inputs.protected]);
    const byArg = await record(() => new Secrets("app", argsWith(ALL, { protect: true })));
    const byOption = await record(() => new Secrets("app", argsWith(ALL), { protect: true }));
    expect(summary(byArg.graph)).toEqual(summary(byOption.graph));
  });

  it("lets the protect option turn protection off in production", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith(ALL, { environment: "production" }), { protect: false }),
    );
    expect(graph.byType(SECRET).map((r) => r.inputs.protected)).toEqual([false, false]);
    expect(graph.customResources.filter((r) => r.options.protect)).toEqual([]);
  });

  it("prefers the protect arg to the protect option", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith(ALL, { protect: false }), { protect: true }),
    );
    expect(graph.byType(SECRET).map((r) => r.inputs.protected)).toEqual([false, false]);
    expect(graph.byType(SECRET).map((r) => r.options.protect)).toEqual([false, false]);
  });

  it("lets a secret's own protect override the component's protect option", async () => {
    const { graph } = await record(
      () =>
        new Secrets("app", argsWith({ scratch: { value: "given-token-1", protect: false } }), {
          protect: true,
        }),
    );
    expect(graph.inputsOf(SECRET).protected).toBe(false);
    expect(graph.one(SECRET).options.protect).toBe(false);
  });

  it("never protects versions, even under the protect option, so a value can still be rotated", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith(ALL), { protect: true }));
    expect(graph.byType(VERSION).map((r) => r.options.protect)).toEqual([false, false]);
  });

  it("forwards the component's retainOnDelete to every child", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith(ALL), { retainOnDelete: true }));
    const children = graph.customResources;
    expect(children.map((r) => r.type).sort()).toEqual([PASSWORD, SECRET, SECRET, VERSION, VERSION].sort());
    expect(children.filter((r) => !r.options.retainOnDelete).map((r) => r.name)).toEqual([]);
  });
});
