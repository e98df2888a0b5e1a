// Checked by `tsc` (the package's typecheck): the documented MonitoringArgs and the schema that parses it
// must accept the same args, at every depth; each drift below must be a compile error.
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { monitoringArgsSchema } from "../src/args";
import type { BudgetArgs, MonitoringArgs, SourceArgs } from "../src/index";

type SchemaInput = z.input<typeof monitoringArgsSchema>;

describe("MonitoringArgs, the documented interface", () => {
  it("accepts exactly what the schema accepts", () => {
    expectTypeOf<AssertSameShape<MonitoringArgs, SchemaInput>>().toEqualTypeOf<true>();
  });

  it("fails to compile when the interface lacks an optional field of the schema", () => {
    // @ts-expect-error `budget` is missing from the interface
    const missing: AssertSameShape<Omit<MonitoringArgs, "budget">, SchemaInput> = true;
    expect(missing).toBe(true);
  });

  it("fails to compile when a nested field is typed differently", () => {
    type Drifted = Omit<MonitoringArgs, "sources"> & {
      sources?: Record<string, Omit<SourceArgs, "retentionDays"> & { retentionDays?: string }>;
    };
    // @ts-expect-error `sources.*.retentionDays` is a number in the schema
    const mistyped: AssertSameShape<Drifted, SchemaInput> = true;
    expect(mistyped).toBe(true);
  });

  it("fails to compile when a nested optional field is missing", () => {
    type Drifted = Omit<MonitoringArgs, "budget"> & { budget?: Omit<BudgetArgs, "organizationId"> };
    // @ts-expect-error `budget.organizationId` is missing from the interface
    const missing: AssertSameShape<Drifted, SchemaInput> = true;
    expect(missing).toBe(true);
  });
});
