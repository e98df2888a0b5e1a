import { describe, expect, expectTypeOf, it } from "vitest";
import { blockContext } from "../src/internal";
import type { AssertSameShape } from "../src/internal";

describe("blockContext", () => {
  const context = blockContext(
    { kind: "database", name: "main" },
    { project: "shop", environment: "production", region: "nl-ams", tags: { team: "core" } },
  );

  it("names resources after project, environment, component name and role", () => {
    expect(context.name("instance")).toBe("shop-production-main-instance");
  });

  it("tags resources with the component kind", () => {
    expect(context.tags.map.component).toBe("database");
    expect(context.tags.list).toContain("team=core");
  });

  it("carries the environment's profile", () => {
    expect(context.profile.database.highAvailability).toBe(true);
    expect(context.region).toBe("nl-ams");
  });
});

// Checked by `tsc` (the package's typecheck), not at run time: each line fails to compile if the
// helper stops telling a matching interface and schema from a drifting one.
describe("AssertSameShape", () => {
  it("is true when an interface and a schema input accept the same values", () => {
    expectTypeOf<
      AssertSameShape<{ a: string; b?: number }, { a: string; b?: number | undefined }>
    >().toEqualTypeOf<true>();
  });

  it("names a field the interface types differently from the schema", () => {
    expectTypeOf<AssertSameShape<{ a: string }, { a: number }>>().toEqualTypeOf<{
      readonly "the args interface and the schema differ": { a: { interface: string; schema: number } };
    }>();
  });

  it("tells an optional field only one side has, at any depth (assignability alone would not)", () => {
    expectTypeOf<AssertSameShape<{ a?: string }, { a?: string; b?: boolean }>>().not.toEqualTypeOf<true>();
    expectTypeOf<
      AssertSameShape<{ n?: { a?: string }[] }, { n?: { a?: string; b?: boolean }[] }>
    >().not.toEqualTypeOf<true>();
    expectTypeOf<
      AssertSameShape<{ n: boolean | { a?: string } }, { n: boolean | { b?: string } }>
    >().not.toEqualTypeOf<true>();
  });

  it("compares a union of objects member fields with member fields", () => {
    type Union = { mode: "a"; x?: number } | { mode: "b"; y?: string };
    expectTypeOf<AssertSameShape<Union, Union>>().toEqualTypeOf<true>();
    expectTypeOf<
      AssertSameShape<Union, { mode: "a"; x?: number } | { mode: "b"; y?: string; z?: number }>
    >().not.toEqualTypeOf<true>();
  });

  it("names a field missing from the interface, and refuses `true`", () => {
    expectTypeOf<AssertSameShape<{ a: string }, { a: string; b: boolean }>>().toEqualTypeOf<{
      readonly "the args interface and the schema differ": { b: { interface: "(missing)"; schema: boolean } };
    }>();
    // @ts-expect-error a required schema field the interface lacks is a compile error
    const check: AssertSameShape<{ a: string }, { a: string; b: boolean }> = true;
    expect(check).toBe(true);
  });
});
