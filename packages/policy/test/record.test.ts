import * as pulumi from "@pulumi/pulumi";
import { record, SCALEWAY_TYPES, STACK_TYPE } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { evaluate, hasMandatoryFailures } from "../src/index";

/** A raw Managed Database instance, registered under the provider's type token without the provider SDK. */
class RawDatabaseInstance extends pulumi.CustomResource {
  constructor(
    name: string,
    args: Record<string, pulumi.Input<unknown>>,
    opts?: pulumi.CustomResourceOptions,
  ) {
    super(SCALEWAY_TYPES.databaseInstance, name, args, opts);
  }
}

const PASSWORD = "Rec0rded-Passw0rd_42";

describe("evaluate over a graph recorded with record()", () => {
  const recording = record(
    () =>
      new RawDatabaseInstance("orders-db", {
        nodeType: "DB-DEV-S",
        engine: "PostgreSQL-13",
        password: pulumi.secret(PASSWORD),
        loadBalancer: {},
        region: "fr-par",
        tags: ["managed-by=pulumi", "environment=production", "component=database"],
      }),
    { stack: "production" },
  );

  it("finds the public endpoint of a recorded instance", async () => {
    const { graph } = await recording;
    const finding = evaluate(graph).find((f) => f.ruleId === "scw-database-no-public-endpoint");
    expect(finding).toMatchObject({
      name: "orders-db",
      type: SCALEWAY_TYPES.databaseInstance,
      severity: "mandatory",
    });
    expect(finding?.urn).toBe(graph.one(SCALEWAY_TYPES.databaseInstance).urn);
  });

  it("applies the production rules to a recorded production instance", async () => {
    const { graph } = await recording;
    const ids = evaluate(graph).map((f) => f.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining([
        "scw-database-ha-in-production",
        "scw-stateful-protected-in-production",
        "scw-database-encryption-at-rest",
        "scw-database-supported-engine",
      ]),
    );
    expect(hasMandatoryFailures(evaluate(graph))).toBe(true);
  });

  it("ignores the recorded stack resource", async () => {
    const { graph } = await recording;
    expect(evaluate(graph).filter((f) => f.type === STACK_TYPE)).toEqual([]);
  });

  it("never puts the recorded secret password in a finding", async () => {
    const { graph } = await recording;
    expect(JSON.stringify(evaluate(graph))).not.toContain(PASSWORD);
    expect(graph.secretLeaks([PASSWORD])).toEqual([]);
  });

  it("accepts a compliant recorded instance under mandatory rules", async () => {
    const { graph } = await record(
      () =>
        new RawDatabaseInstance(
          "orders-db",
          {
            nodeType: "DB-PRO2-XXS",
            engine: "PostgreSQL-17",
            isHaCluster: true,
            encryptionAtRest: true,
            backupScheduleRetention: 30,
            privateNetwork: { pnId: "fr-par/11111111-2222-4333-8444-555555555555", enableIpam: true },
            region: "fr-par",
            tags: ["managed-by=pulumi", "environment=production", "component=database"],
          },
          { protect: true },
        ),
      { stack: "production" },
    );
    expect(evaluate(graph)).toEqual([]);
  });
});
