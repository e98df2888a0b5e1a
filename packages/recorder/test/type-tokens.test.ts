import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import * as scaleway from "@pulumiverse/scaleway";
import { RANDOM_TYPES, SCALEWAY_INVOKES, SCALEWAY_TYPES, STACK_TYPE } from "@scaleway-blocks/core/internal";
import type { ScalewayType } from "@scaleway-blocks/core/internal";
import { describe, expect, it } from "vitest";
import { record } from "../src/index";

type Module = Record<string, unknown>;

/** The provider class a module token names: "scaleway:object/bucket:Bucket" → scaleway.object.Bucket. */
function classOf(sdk: Module, token: string): { __pulumiType?: unknown } | undefined {
  const match = /^[^:]+:([^/]+)\/[^:]+:(.+)$/.exec(token);
  if (!match) return undefined;
  const module = (match[1] === "index" ? sdk : sdk[match[1]!]) as Module | undefined;
  return module?.[match[2]!] as { __pulumiType?: unknown } | undefined;
}

describe("core's type tokens", () => {
  it.each(Object.entries(SCALEWAY_TYPES))(
    "SCALEWAY_TYPES.%s is its @pulumiverse/scaleway class's own type token",
    (_key, token) => {
      expect(classOf(scaleway as unknown as Module, token)?.__pulumiType).toBe(token);
    },
  );

  it.each(Object.entries(RANDOM_TYPES))(
    "RANDOM_TYPES.%s is its @pulumi/random class's own type token",
    (_key, token) => {
      expect(classOf(random as unknown as Module, token)?.__pulumiType).toBe(token);
    },
  );

  it.each(Object.entries(SCALEWAY_INVOKES))(
    "SCALEWAY_INVOKES.%s names a data source @pulumiverse/scaleway has",
    (_key, token) => {
      const match = /^scaleway:([^/]+)\/[^:]+:(.+)$/.exec(token);
      const module = (scaleway as unknown as Record<string, Module>)[match![1]!];
      expect(typeof module?.[match![2]!]).toBe("function");
    },
  );

  it("makes a misspelt token a compile error (typecheck fails if the @ts-expect-error lines compile)", () => {
    // @ts-expect-error no such key: a typo does not compile
    expect(SCALEWAY_TYPES.bukcet).toBeUndefined();
    // @ts-expect-error a literal that is no known token is refused where a ScalewayType is expected
    const typo: ScalewayType = "scaleway:object/bukcet:Bucket";
    expect(Object.values(SCALEWAY_TYPES)).not.toContain(typo);
  });

  it("STACK_TYPE is the type of the stack a recorded program registers", async () => {
    const { graph } = await record(() => {
      new pulumi.ComponentResource("scaleway-blocks:test:Nothing", "nothing");
    });
    expect(graph.resources.map((r) => r.type)).toContain(STACK_TYPE);
  });
});
