import { ENVIRONMENTS } from "@scaleway-blocks/core";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { T, args } from "./helpers";
import type { LifecycleRuleInput } from "./helpers";

const RETENTION = {
  dev: { noncurrent: 30, backups: 14 },
  staging: { noncurrent: 90, backups: 30 },
  production: { noncurrent: 365, backups: 90 },
} as const;

describe.each(ENVIRONMENTS)("StateBackend in %s", (environment) => {
  async function build() {
    return record(() => new StateBackend("state", args({ environment })));
  }

  it("versions the bucket", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).versioning).toEqual({ enabled: true });
  });

  it("protects the bucket and retains it on delete", async () => {
    const { graph } = await build();
    expect(graph.one(T.bucket).options).toMatchObject({ protect: true, retainOnDelete: true });
  });

  it("never force-destroys the bucket", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(false);
  });

  it(`keeps noncurrent versions ${RETENTION[environment].noncurrent} days and backups ${RETENTION[environment].backups} days`, async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    expect(rules.find((r) => r.id === "housekeeping")?.noncurrentVersionExpiration).toEqual({
      noncurrentDays: RETENTION[environment].noncurrent,
    });
    expect(rules.find((r) => r.id === "pulumi-backups")?.expiration).toEqual({
      days: RETENTION[environment].backups,
    });
  });

  it("names the CI application after the environment", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.application).name).toBe(`platform-${environment}-state-ci`);
    expect(graph.inputsOf(T.application).tags).toContain(`environment=${environment}`);
  });

  it("creates the same CI identity, scoped to the project", async () => {
    const { graph } = await build();
    expect(graph.byType(T.application)).toHaveLength(1);
    expect(graph.byType(T.apiKey)).toHaveLength(1);
    const rules = graph.inputsOf(T.iamPolicy).rules as Array<{ projectIds?: string[] }>;
    expect(rules.every((r) => r.projectIds?.length === 1)).toBe(true);
  });
});
