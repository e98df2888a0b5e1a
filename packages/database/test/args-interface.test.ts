// Checked by `tsc` (the package's typecheck): the documented args interfaces and the schemas that parse
// them must accept the same args, at every depth; each drift below must be a compile error.
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { managedDatabaseArgsSchema, serverlessDatabaseArgsSchema } from "../src/args";
import type { ManagedDatabaseArgs, ReadReplicaArgs, ServerlessDatabaseArgs } from "../src/index";

type ManagedInput = z.input<typeof managedDatabaseArgsSchema>;
type ServerlessInput = z.input<typeof serverlessDatabaseArgsSchema>;

describe("ManagedDatabaseArgs and ServerlessDatabaseArgs, the documented interfaces", () => {
  it("accept exactly what their schemas accept", () => {
    expectTypeOf<AssertSameShape<ManagedDatabaseArgs, ManagedInput>>().toEqualTypeOf<true>();
    expectTypeOf<AssertSameShape<ServerlessDatabaseArgs, ServerlessInput>>().toEqualTypeOf<true>();
  });

  it("fail to compile when an interface lacks an optional field of its schema", () => {
    // @ts-expect-error `initSettings` is missing from the interface
    const missing: AssertSameShape<Omit<ManagedDatabaseArgs, "initSettings">, ManagedInput> = true;
    expect(missing).toBe(true);
  });

  it("fail to compile when a field is typed differently", () => {
    type Drifted = Omit<ServerlessDatabaseArgs, "minCpu"> & { minCpu?: string };
    // @ts-expect-error `minCpu` is a number in the schema
    const mistyped: AssertSameShape<Drifted, ServerlessInput> = true;
    expect(mistyped).toBe(true);
  });

  it("fail to compile when a nested optional field is missing", () => {
    type Drifted = Omit<ManagedDatabaseArgs, "readReplica"> & {
      readReplica?: boolean | Omit<ReadReplicaArgs, "sameZone">;
    };
    // @ts-expect-error `readReplica.sameZone` is missing from the interface
    const missing: AssertSameShape<Drifted, ManagedInput> = true;
    expect(missing).toBe(true);
  });
});
