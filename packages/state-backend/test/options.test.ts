import * as pulumi from "@pulumi/pulumi";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { ADMIN_USER, DEPLOYER_APP, KEY_ID, T, args } from "./helpers";
import type { IamRule, LifecycleRuleInput, PolicyJson } from "./helpers";

function rulesOf(inputs: Record<string, unknown>): LifecycleRuleInput[] {
  return inputs.lifecycleRules as LifecycleRuleInput[];
}

describe("StateBackend options", () => {
  it("uses the given bucket name", async () => {
    const { graph, result } = await record(
      () => new StateBackend("state", args({ bucketName: "acme-pulumi-state" })),
    );
    expect(graph.inputsOf(T.bucket).name).toBe("acme-pulumi-state");
    expect(await valueOf(result.bucketName)).toBe("acme-pulumi-state");
  });

  it("derives the bucket name from project, environment and component name when none is given", async () => {
    const { graph } = await record(() => new StateBackend("state", args()));
    expect(graph.inputsOf(T.bucket).name).toMatch(/^platform-production-state-[0-9a-f]{6}$/);
  });

  it("puts the bucket and the S3 endpoint in the given region", async () => {
    const { graph, result } = await record(() => new StateBackend("state", args({ region: "pl-waw" })));
    expect(graph.inputsOf(T.bucket).region).toBe("pl-waw");
    expect(result.region).toBe("pl-waw");
    expect(result.s3Endpoint).toBe("https://s3.pl-waw.scw.cloud");
  });

  it("limits the backup and history rules to the prefix when one is given", async () => {
    const { graph, result } = await record(
      () => new StateBackend("state", args({ prefix: "platform/state", retention: { historyDays: 180 } })),
    );
    const rules = rulesOf(graph.inputsOf(T.bucket));
    expect(rules.find((r) => r.id === "pulumi-backups")?.prefix).toBe("platform/state/.pulumi/backups/");
    expect(rules.find((r) => r.id === "pulumi-history")?.prefix).toBe("platform/state/.pulumi/history/");
    expect(result.prefix).toBe("platform/state");
  });

  it("applies the given noncurrent-version retention", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ retention: { noncurrentVersionExpirationDays: 45 } })),
    );
    const housekeeping = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "housekeeping");
    expect(housekeeping?.noncurrentVersionExpiration).toEqual({ noncurrentDays: 45 });
  });

  it("applies the given backup retention", async () => {
    const { graph } = await record(() => new StateBackend("state", args({ retention: { backupDays: 7 } })));
    const backups = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "pulumi-backups");
    expect(backups?.expiration).toEqual({ days: 7 });
  });

  it("expires the update history under .pulumi/history/ when a history retention is given", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ retention: { historyDays: 400 } })),
    );
    expect(rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "pulumi-history")).toEqual({
      id: "pulumi-history",
      enabled: true,
      prefix: ".pulumi/history/",
      expiration: { days: 400 },
    });
  });

  it("enables object lock with the given default retention", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ objectLock: { mode: "GOVERNANCE", days: 30 } })),
    );
    expect(graph.inputsOf(T.bucket).objectLockEnabled).toBe(true);
    expect(graph.inputsOf(T.lock).rule).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 30 } });
    expect(graph.one(T.lock).options).toMatchObject({ protect: true, retainOnDelete: true });
  });

  it("accepts a COMPLIANCE lock in years", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ objectLock: { mode: "COMPLIANCE", years: 1 } })),
    );
    expect(graph.inputsOf(T.lock).rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", years: 1 } });
  });

  it("creates a protected, retained Key Manager key and encrypts the bucket with it", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ encryption: { createKey: true } })),
    );
    const key = graph.one(T.key);
    expect(key.options).toMatchObject({ protect: true, retainOnDelete: true });
    expect(key.inputs.unprotected).toBe(false);
    const rules = graph.inputsOf(T.sse).rules as Array<{
      applyServerSideEncryptionByDefault: { sseAlgorithm: string; kmsMasterKeyId: string };
    }>;
    expect(rules[0]?.applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
    expect(key.id).toContain(rules[0]!.applyServerSideEncryptionByDefault.kmsMasterKeyId);
  });

  it("passes the rotation period of the created key to storage", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ encryption: { createKey: true, rotationPeriodDays: 30 } })),
    );
    expect(graph.inputsOf(T.key).rotationPolicy).toEqual({ rotationPeriod: "720h" });
  });

  it("encrypts the bucket with an existing Key Manager key", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ encryption: { kmsKeyId: "fr-par/" + KEY_ID } })),
    );
    expect(graph.byType(T.key)).toHaveLength(0);
    const rules = graph.inputsOf(T.sse).rules as Array<{
      applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
    }>;
    expect(rules[0]?.applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(KEY_ID);
  });

  it("gives the CI identity KeyManagerKeyEncrypt and KeyManagerKeyDecrypt in the project when the bucket is encrypted", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ encryption: { createKey: true } })),
    );
    const rules = graph.inputsOf(T.iamPolicy).rules as IamRule[];
    expect(rules).toHaveLength(1);
    expect(rules[0]!.permissionSetNames).toEqual(
      expect.arrayContaining(["KeyManagerKeyEncrypt", "KeyManagerKeyDecrypt", "ObjectStorageObjectsWrite"]),
    );
    expect(rules[0]!.projectIds).toEqual([args().projectId]);
  });

  it("gives the CI identity no Key Manager permission when the bucket is not encrypted", async () => {
    const { graph } = await record(() => new StateBackend("state", args()));
    const names = (graph.inputsOf(T.iamPolicy).rules as IamRule[]).flatMap((r) => r.permissionSetNames);
    expect(names.filter((n) => n.startsWith("KeyManager"))).toEqual([]);
  });

  it("sets the API key expiry when one is given", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ apiKey: { expiresAt: "2099-12-31T23:59:59Z" } })),
    );
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe("2099-12-31T23:59:59Z");
  });

  it("keeps an application owner in the bucket policy", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ owners: [{ applicationId: DEPLOYER_APP }] })),
    );
    const document = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as PolicyJson;
    expect(document.Statement[0]?.Principal).toEqual({ SCW: ["application_id:" + DEPLOYER_APP] });
  });

  it("keeps every given owner, including one given as an Output", async () => {
    const { graph } = await record(
      () =>
        new StateBackend(
          "state",
          args({ owners: [{ userId: ADMIN_USER }, { applicationId: pulumi.output(DEPLOYER_APP) }] }),
        ),
    );
    const document = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as PolicyJson;
    expect(document.Statement[0]?.Principal).toEqual({
      SCW: ["user_id:" + ADMIN_USER, "application_id:" + DEPLOYER_APP],
    });
  });

  it("adds the given tags to the bucket and the IAM resources", async () => {
    const { graph } = await record(() => new StateBackend("state", args({ tags: { team: "platform" } })));
    expect(graph.inputsOf(T.bucket).tags).toMatchObject({ team: "platform", "pulumi-state": "true" });
    expect(graph.inputsOf(T.application).tags).toContain("team=platform");
    expect(graph.inputsOf(T.iamPolicy).tags).toContain("team=platform");
  });

  it("accepts forceDestroy: false and still never force-destroys", async () => {
    const { graph } = await record(() => new StateBackend("state", args({ forceDestroy: false })));
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(false);
  });

  it("keeps the bucket protected even when the component is given protect: false", async () => {
    const { graph } = await record(
      () => new StateBackend("state", args({ environment: "dev" }), { protect: false }),
    );
    expect(graph.one(T.bucket).options).toMatchObject({ protect: true, retainOnDelete: true });
  });
});
