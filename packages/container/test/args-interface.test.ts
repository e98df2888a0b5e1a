// Checked by `tsc` (the package's typecheck): the documented ServiceArgs and the schema that parses it
// must accept the same args, at every depth; each drift below must be a compile error.
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { serviceArgsSchema } from "../src/args";
import type { RegistryImageArgs, ServiceArgs, ServiceContainerArgs, ServiceCronArgs } from "../src/index";

type SchemaInput = z.input<typeof serviceArgsSchema>;
type WithContainer<C> = Omit<ServiceArgs, "containers"> & { containers: Record<string, C> };

describe("ServiceArgs, the documented interface", () => {
  it("accepts exactly what the schema accepts", () => {
    expectTypeOf<AssertSameShape<ServiceArgs, SchemaInput>>().toEqualTypeOf<true>();
  });

  it("fails to compile when a container's optional field is missing", () => {
    type Drifted = WithContainer<Omit<ServiceContainerArgs, "registrySha256">>;
    // @ts-expect-error `containers.*.registrySha256` is missing from the interface
    const missing: AssertSameShape<Drifted, SchemaInput> = true;
    expect(missing).toBe(true);
  });

  it("fails to compile when a cron's optional field is missing", () => {
    type Drifted = WithContainer<
      Omit<ServiceContainerArgs, "crons"> & { crons?: Record<string, Omit<ServiceCronArgs, "timezone">> }
    >;
    // @ts-expect-error `containers.*.crons.*.timezone` is missing from the interface
    const missing: AssertSameShape<Drifted, SchemaInput> = true;
    expect(missing).toBe(true);
  });

  it("fails to compile when a value from another resource is typed as a plain value", () => {
    type Drifted = WithContainer<
      Omit<ServiceContainerArgs, "image"> & { image: Omit<RegistryImageArgs, "tag"> & { tag: string } }
    >;
    // @ts-expect-error `containers.*.image.tag` is a pulumi.Input<string> in the schema
    const mistyped: AssertSameShape<Drifted, SchemaInput> = true;
    expect(mistyped).toBe(true);
  });
});
