import { BLOCK_TYPES } from "@scaleway-blocks/core/internal";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rotatingExpiry } from "@scaleway-blocks/core/internal";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR, T, fileValue, runStack, sharedStack } from "./helpers";
import type { PolicyStatement } from "./helpers";

// Every test runs the built program's source under Pulumi's mocks with the real Pulumi.shared.yaml:
// a mock run, not a deployment.

describe("the shared stack", () => {
  it("creates exactly the state bucket, its ACL, policy, encryption key and configuration, and the CI identity", async () => {
    const { graph } = await sharedStack();
    expect(graph.countByType()).toEqual({
      [T.component]: 1,
      [T.storage]: 1,
      [T.bucket]: 1,
      [T.acl]: 1,
      [T.bucketPolicy]: 1,
      [T.key]: 1,
      [T.sse]: 1,
      [BLOCK_TYPES.identity]: 1,
      [T.application]: 1,
      [T.iamPolicy]: 1,
      [T.apiKey]: 1,
    });
  });

  it("names the bucket with the pinned bucketName of the stack file", async () => {
    const { graph } = await sharedStack();
    expect(graph.inputsOf(T.bucket).name).toBe(fileValue("bucketName"));
  });

  it("puts the bucket in the stack's scaleway:region", async () => {
    const { graph } = await sharedStack();
    expect(graph.inputsOf(T.bucket).region).toBe(fileValue("scaleway:region"));
  });

  it("follows scaleway:region to another EU region", async () => {
    const { graph, result } = await runStack({ "scaleway:region": "nl-ams" });
    expect(graph.inputsOf(T.bucket).region).toBe("nl-ams");
    expect(result.region).toBe("nl-ams");
  });

  it("creates the bucket in the configured Scaleway project", async () => {
    const { graph } = await sharedStack();
    expect(graph.inputsOf(T.bucket).projectId).toBe(fileValue("projectId"));
  });

  it("builds the bucket with production's rules whatever the stack is called", async () => {
    const { graph } = await sharedStack();
    const tags = graph.inputsOf(T.bucket).tags as Record<string, string>;
    expect(tags.environment).toBe("production");
    expect(tags.project).toBe(fileValue("project"));
  });

  it("keeps 365 days of noncurrent versions and 90 days of Pulumi backups (production defaults)", async () => {
    const { graph } = await sharedStack();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as {
      id: string;
      noncurrentVersionExpiration?: { noncurrentDays: number };
      expiration?: { days: number };
    }[];
    expect(rules.find((r) => r.id === "housekeeping")?.noncurrentVersionExpiration?.noncurrentDays).toBe(365);
    expect(rules.find((r) => r.id === "pulumi-backups")?.expiration?.days).toBe(90);
  });

  it("versions the bucket and never force-destroys it", async () => {
    const { graph } = await sharedStack();
    const bucket = graph.inputsOf(T.bucket);
    expect(bucket.versioning).toEqual({ enabled: true });
    expect(bucket.forceDestroy).toBe(false);
  });

  it("protects and retains the bucket and everything on it", async () => {
    const { graph } = await sharedStack();
    for (const type of [T.bucket, T.acl, T.bucketPolicy, T.key, T.sse]) {
      const { options } = graph.one(type);
      expect({ type, protect: options.protect, retainOnDelete: options.retainOnDelete }).toEqual({
        type,
        protect: true,
        retainOnDelete: true,
      });
    }
  });

  it("keeps the bucket private", async () => {
    const { graph } = await sharedStack();
    expect(graph.inputsOf(T.acl).acl).toBe("private");
  });

  it("encrypts the state objects with a dedicated, rotated Key Manager key", async () => {
    const { graph } = await sharedStack();
    const key = graph.one(T.key);
    expect(key.inputs.rotationPolicy).toEqual({ rotationPeriod: "2160h" });
    const rule = (graph.inputsOf(T.sse).rules as { applyServerSideEncryptionByDefault: unknown }[])[0];
    expect(rule?.applyServerSideEncryptionByDefault).toEqual({
      sseAlgorithm: "aws:kms",
      kmsMasterKeyId: key.id?.split("/").pop(),
    });
  });

  it("gives the owners of the stack file full access in the bucket policy", async () => {
    const { graph } = await sharedStack();
    const policy = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as {
      Statement: PolicyStatement[];
    };
    const owners = policy.Statement.find((s) => s.Action.includes("s3:*"));
    const expected = fileValue<{ userId: string }[]>("owners").map((o) => `user_id:${o.userId}`);
    expect(owners?.Principal).toEqual({ SCW: expected });
  });

  it("gives the CI application read-write on objects, not s3:*", async () => {
    const { graph } = await sharedStack();
    const applicationId = graph.one(T.application).id ?? "";
    expect(applicationId).not.toBe("");
    const policy = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as {
      Statement: PolicyStatement[];
    };
    const ci = policy.Statement.filter(
      (s) => s.Principal !== "*" && s.Principal.SCW.includes(`application_id:${applicationId}`),
    );
    expect(ci).toHaveLength(1);
    expect(ci[0]?.Action).toContain("s3:PutObject");
    expect(ci[0]?.Action).not.toContain("s3:*");
  });

  it("limits the CI policy to the bucket's project and to Object Storage and its key", async () => {
    const { graph } = await sharedStack();
    const rules = graph.inputsOf(T.iamPolicy).rules as {
      permissionSetNames: string[];
      projectIds?: string[];
    }[];
    expect(rules).toEqual([
      {
        permissionSetNames: [
          "ObjectStorageBucketsRead",
          "ObjectStorageObjectsRead",
          "ObjectStorageObjectsWrite",
          "ObjectStorageObjectsDelete",
          "KeyManagerKeyEncrypt",
          "KeyManagerKeyDecrypt",
        ],
        projectIds: [fileValue("projectId")],
      },
    ]);
  });

  it("gives the CI key the bucket's project as its default project, for S3 calls", async () => {
    const { graph } = await sharedStack();
    expect(graph.inputsOf(T.apiKey).defaultProjectId).toBe(fileValue("projectId"));
  });

  it("gives the CI key an expiry from the stack file's rotation (90-day keys, a new one every 30 days)", async () => {
    const rotation = fileValue<{ rotation: { lifetimeDays: number; rotateEveryDays: number } }>(
      "apiKey",
    ).rotation;
    expect(rotation).toEqual({ lifetimeDays: 90, rotateEveryDays: 30 });
    const before = rotatingExpiry(rotation);
    const { graph } = await runStack();
    expect([before, rotatingExpiry(rotation)]).toContain(graph.inputsOf(T.apiKey).expiresAt);
  });

  it("follows another rotation the stack asks for", async () => {
    const rotation = { lifetimeDays: 30, rotateEveryDays: 7 };
    const before = rotatingExpiry(rotation);
    const { graph } = await runStack({ apiKey: { rotation } });
    expect([before, rotatingExpiry(rotation)]).toContain(graph.inputsOf(T.apiKey).expiresAt);
  });

  it("still gives the CI key an expiry when the stack file sets neither a rotation nor a date", async () => {
    const before = rotatingExpiry({ lifetimeDays: 90, rotateEveryDays: 30 });
    const { graph } = await runStack({ apiKey: undefined });
    expect([before, rotatingExpiry({ lifetimeDays: 90, rotateEveryDays: 30 })]).toContain(
      graph.inputsOf(T.apiKey).expiresAt,
    );
  });

  it("holds no date in the stack file, which the clock would make stale", () => {
    const text = readFileSync(join(PROJECT_DIR, "Pulumi.shared.yaml"), "utf8");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("sets the CI key's expiry when the stack asks for one", async () => {
    const { graph } = await runStack({ apiKey: { expiresAt: "2099-06-30T00:00:00Z" } });
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe("2099-06-30T00:00:00Z");
  });

  it("passes the stack's retention to the lifecycle rules", async () => {
    const { graph } = await runStack({
      retention: { noncurrentVersionExpirationDays: 120, historyDays: 400 },
    });
    const rules = graph.inputsOf(T.bucket).lifecycleRules as {
      id: string;
      noncurrentVersionExpiration?: { noncurrentDays: number };
      expiration?: { days: number };
    }[];
    expect(rules.find((r) => r.id === "housekeeping")?.noncurrentVersionExpiration?.noncurrentDays).toBe(120);
    expect(rules.find((r) => r.id === "pulumi-history")?.expiration?.days).toBe(400);
  });

  it("creates no encryption key when the stack leaves encryption out", async () => {
    const { graph } = await runStack({ encryption: undefined });
    expect(graph.byType(T.key)).toEqual([]);
    expect(graph.byType(T.sse)).toEqual([]);
  });

  it("adds the stack's tags to the bucket", async () => {
    const { graph } = await runStack({ tags: { team: "platform" } });
    expect((graph.inputsOf(T.bucket).tags as Record<string, string>).team).toBe("platform");
  });
});
