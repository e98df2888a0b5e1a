import * as pulumi from "@pulumi/pulumi";
import { isSecret, record, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { KEY_ID, PROJECT_ID, T, USER_ADMIN, args } from "./helpers";
import type { LifecycleRuleInput } from "./helpers";

const rulesOf = (inputs: Record<string, unknown>) => inputs.lifecycleRules as LifecycleRuleInput[];

describe("Bucket options", () => {
  it("uses an explicit name as given", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ bucketName: "my-shop-assets-01" })));
    expect(graph.inputsOf(T.bucket).name).toBe("my-shop-assets-01");
  });

  it("serves objects publicly with the canned ACL public-read when publicRead is true", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ publicRead: true })));
    expect(graph.inputsOf(T.acl).acl).toBe("public-read");
    expect(graph.byType(T.policy)).toHaveLength(0);
  });

  it("tags a publicRead bucket public=true, the deliberate opt-in the policy looks for", async () => {
    const { graph } = await record(
      () => new Bucket("assets", args({ publicRead: true, tags: { team: "web" } })),
    );
    expect(graph.inputsOf(T.bucket).tags).toMatchObject({
      public: "true",
      team: "web",
      component: "storage",
    });
  });

  it("never tags a private bucket public", async () => {
    for (const publicRead of [false, undefined]) {
      const { graph } = await record(() => new Bucket("assets", args({ publicRead })));
      expect(graph.inputsOf(T.bucket).tags).not.toHaveProperty("public");
    }
  });

  it("keeps the ACL private when publicRead is false", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ publicRead: false })));
    expect(graph.inputsOf(T.acl).acl).toBe("private");
  });

  it("lets an explicit versioning override the profile", async () => {
    const dev = await record(() => new Bucket("assets", args({ environment: "dev", versioning: true })));
    const prod = await record(
      () => new Bucket("assets", args({ environment: "production", versioning: false })),
    );
    expect(dev.graph.inputsOf(T.bucket).versioning).toEqual({ enabled: true });
    expect(prod.graph.inputsOf(T.bucket).versioning).toEqual({ enabled: false });
  });

  it("lets an explicit forceDestroy override the profile outside production", async () => {
    const dev = await record(() => new Bucket("assets", args({ environment: "dev", forceDestroy: false })));
    const staging = await record(
      () => new Bucket("assets", args({ environment: "staging", forceDestroy: true })),
    );
    expect(dev.graph.inputsOf(T.bucket).forceDestroy).toBe(false);
    expect(staging.graph.inputsOf(T.bucket).forceDestroy).toBe(true);
  });

  it("lets an explicit protect override the profile", async () => {
    const dev = await record(() => new Bucket("assets", args({ environment: "dev", protect: true })));
    const prod = await record(
      () => new Bucket("assets", args({ environment: "production", protect: false })),
    );
    expect(dev.graph.one(T.bucket).options.protect).toBe(true);
    expect(prod.graph.one(T.bucket).options.protect).toBe(false);
  });

  it("does not protect the ACL, which holds no data", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ environment: "production" })));
    expect(graph.one(T.acl).options.protect).toBe(false);
  });
});

describe("Bucket resource options", () => {
  const everything = args({
    environment: "dev",
    encryption: { createKey: true },
    objectLock: { mode: "GOVERNANCE", days: 7 },
    access: { owners: [{ userId: USER_ADMIN }] },
  });
  const stateful = [T.bucket, T.key];
  const children = [T.bucket, T.acl, T.sse, T.lock, T.key, T.policy];

  it("protects the bucket and the created key when the component is given protect, even in dev", async () => {
    const { graph } = await record(() => new Bucket("docs", everything, { protect: true }));
    for (const type of stateful) expect(graph.one(type).options.protect).toBe(true);
    expect(graph.one(T.key).inputs.unprotected).toBe(false);
  });

  it("lets the component's protect: false win over the profile in production", async () => {
    const { graph } = await record(
      () => new Bucket("docs", { ...everything, environment: "production" }, { protect: false }),
    );
    for (const type of stateful) expect(graph.one(type).options.protect).toBe(false);
    expect(graph.one(T.key).inputs.unprotected).toBe(true);
  });

  it("lets an explicit protect arg win over the component's protect option", async () => {
    const { graph } = await record(
      () => new Bucket("docs", { ...everything, protect: false }, { protect: true }),
    );
    for (const type of stateful) expect(graph.one(type).options.protect).toBe(false);
  });

  it("retains the bucket, its key and its configuration when the component is given retainOnDelete", async () => {
    const { graph } = await record(() => new Bucket("docs", everything, { retainOnDelete: true }));
    for (const type of children) {
      expect({ type, retainOnDelete: graph.one(type).options.retainOnDelete }).toEqual({
        type,
        retainOnDelete: true,
      });
    }
  });

  it.each([
    ["the protect arg", { ...everything, protect: true }, undefined],
    ["the component's protect option", everything, { protect: true }],
  ] as const)("protects every child, configuration included, with %s (one effect)", async (_, a, o) => {
    const { graph } = await record(() => new Bucket("docs", a, o));
    for (const type of children) {
      expect({ type, protect: graph.one(type).options.protect }).toEqual({ type, protect: true });
    }
  });

  it("lets a protect: false arg unprotect every child of a protected component", async () => {
    const { graph } = await record(
      () => new Bucket("docs", { ...everything, protect: false }, { protect: true }),
    );
    for (const type of children) {
      expect({ type, protect: graph.one(type).options.protect }).toEqual({ type, protect: false });
    }
  });

  it("protects only the bucket and the key, not their configuration, by the production profile", async () => {
    const { graph } = await record(() => new Bucket("docs", { ...everything, environment: "production" }));
    for (const type of children) {
      const expected = (stateful as readonly string[]).includes(type);
      expect({ type, protect: graph.one(type).options.protect }).toEqual({ type, protect: expected });
    }
  });

  it("retains nothing when the component is not given retainOnDelete", async () => {
    const { graph } = await record(() => new Bucket("docs", everything));
    for (const type of children) expect(graph.one(type).options.retainOnDelete).toBe(false);
  });
});

describe("Bucket lifecycle", () => {
  it("uses explicit noncurrent-version and multipart-upload days", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "assets",
          args({ lifecycle: { noncurrentVersionExpirationDays: 14, abortIncompleteMultipartUploadDays: 2 } }),
        ),
    );
    const housekeeping = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "housekeeping");
    expect(housekeeping?.noncurrentVersionExpiration).toEqual({ noncurrentDays: 14 });
    expect(housekeeping?.abortIncompleteMultipartUploadDays).toBe(2);
  });

  it("adds a transitions rule ordered by days", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "archive",
          args({
            lifecycle: {
              transitions: [
                { days: 180, storageClass: "GLACIER" },
                { days: 30, storageClass: "ONEZONE_IA" },
              ],
            },
          }),
        ),
    );
    const rule = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "transitions");
    expect(rule?.enabled).toBe(true);
    expect(rule?.transitions).toEqual([
      { days: 30, storageClass: "ONEZONE_IA" },
      { days: 180, storageClass: "GLACIER" },
    ]);
  });

  it("allows GLACIER transitions in nl-ams", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "archive",
          args({ region: "nl-ams", lifecycle: { transitions: [{ days: 90, storageClass: "GLACIER" }] } }),
        ),
    );
    const rule = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "transitions");
    expect(rule?.transitions).toEqual([{ days: 90, storageClass: "GLACIER" }]);
  });

  it("allows ONEZONE_IA transitions in pl-waw", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "archive",
          args({ region: "pl-waw", lifecycle: { transitions: [{ days: 30, storageClass: "ONEZONE_IA" }] } }),
        ),
    );
    const rule = rulesOf(graph.inputsOf(T.bucket)).find((r) => r.id === "transitions");
    expect(rule?.transitions).toEqual([{ days: 30, storageClass: "ONEZONE_IA" }]);
  });

  it("appends user rules after the component's own, mapped to the provider's shape", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "logs",
          args({
            lifecycle: {
              rules: [
                { id: "expire-tmp", prefix: "tmp/", expirationDays: 3 },
                {
                  id: "old-reports",
                  prefix: "reports/",
                  enabled: false,
                  transitions: [{ days: 60, storageClass: "ONEZONE_IA" }],
                  noncurrentVersionExpirationDays: 10,
                },
              ],
            },
          }),
        ),
    );
    const rules = rulesOf(graph.inputsOf(T.bucket));
    expect(rules.map((r) => r.id)).toEqual(["housekeeping", "expire-tmp", "old-reports"]);
    expect(rules[1]).toEqual({ id: "expire-tmp", enabled: true, prefix: "tmp/", expiration: { days: 3 } });
    expect(rules[2]).toEqual({
      id: "old-reports",
      enabled: false,
      prefix: "reports/",
      transitions: [{ days: 60, storageClass: "ONEZONE_IA" }],
      noncurrentVersionExpiration: { noncurrentDays: 10 },
    });
  });
});

describe("Bucket CORS", () => {
  it("passes validated CORS rules to the bucket", async () => {
    const corsRules = [
      {
        allowedMethods: ["GET", "HEAD"] as ("GET" | "HEAD")[],
        allowedOrigins: ["https://shop.example.com"],
        allowedHeaders: ["Authorization"],
        exposeHeaders: ["ETag"],
        maxAgeSeconds: 3000,
      },
    ];
    const { graph } = await record(() => new Bucket("assets", args({ corsRules })));
    expect(graph.inputsOf(T.bucket).corsRules).toEqual(corsRules);
  });
});

describe("Bucket encryption", () => {
  it("encrypts with SSE-KMS (aws:kms) and the given key id, with a bucket key", async () => {
    const { graph, result } = await record(
      () => new Bucket("docs", args({ encryption: { kmsKeyId: KEY_ID } })),
    );
    const sse = graph.one(T.sse);
    expect(sse.inputs.bucket).toBe(graph.one(T.bucket).outputs.name);
    expect(sse.inputs.rules).toEqual([
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ID },
        bucketKeyEnabled: true,
      },
    ]);
    expect(graph.byType(T.key)).toHaveLength(0);
    expect(await valueOf(result.kmsKeyId!)).toBe(KEY_ID);
  });

  it("strips the region from a regional key id", async () => {
    const { graph } = await record(
      () => new Bucket("docs", args({ encryption: { kmsKeyId: `fr-par/${KEY_ID}` } })),
    );
    const rules = graph.inputsOf(T.sse).rules as Array<{
      applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
    }>;
    expect(rules[0]?.applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(KEY_ID);
  });

  it("accepts the key id as an Output and keeps a secret one secret", async () => {
    const { graph } = await record(
      () => new Bucket("docs", args({ encryption: { kmsKeyId: pulumi.secret(KEY_ID) } })),
    );
    const rules = graph.inputsOf(T.sse).rules as unknown[];
    expect(isSecret(rules)).toBe(true);
    expect(unwrapSecrets(rules)).toEqual([
      {
        applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ID },
        bucketKeyEnabled: true,
      },
    ]);
    expect(graph.secretLeaks([KEY_ID])).toEqual([]);
  });

  it("creates a symmetric AES-256-GCM Key Manager key with rotation when createKey is true", async () => {
    const { graph, result } = await record(
      () => new Bucket("docs", args({ environment: "production", encryption: { createKey: true } })),
    );
    const key = graph.one(T.key);
    expect(key.inputs.usage).toBe("symmetric_encryption");
    expect(key.inputs.algorithm).toBe("aes_256_gcm");
    expect(key.inputs.rotationPolicy).toEqual({ rotationPeriod: "2160h" });
    expect(key.inputs.unprotected).toBe(false);
    expect(key.inputs.region).toBe("fr-par");
    expect(key.inputs.name).toBe("shop-production-docs-key");
    expect(key.options.protect).toBe(true);
    expect(key.parent).toBe(graph.one(T.component).urn);
    const expectedId = key.id!.slice(key.id!.lastIndexOf("/") + 1);
    const rules = graph.inputsOf(T.sse).rules as Array<{
      applyServerSideEncryptionByDefault: { kmsMasterKeyId: string };
    }>;
    expect(rules[0]?.applyServerSideEncryptionByDefault.kmsMasterKeyId).toBe(expectedId);
    expect(graph.one(T.sse).propertyDependencies.rules).toContain(key.urn);
    expect(await valueOf(result.kmsKeyId!)).toBe(expectedId);
  });

  it("leaves a created key deletable in dev, where the stack is not protected", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "docs",
          args({ environment: "dev", encryption: { createKey: true, rotationPeriodDays: 30 } }),
        ),
    );
    const key = graph.one(T.key);
    expect(key.inputs.unprotected).toBe(true);
    expect(key.options.protect).toBe(false);
    expect(key.inputs.rotationPolicy).toEqual({ rotationPeriod: "720h" });
  });
});

describe("Bucket object lock", () => {
  it("enables object lock on the bucket and sets a GOVERNANCE retention in days", async () => {
    const { graph } = await record(
      () => new Bucket("records", args({ objectLock: { mode: "GOVERNANCE", days: 30 } })),
    );
    expect(graph.inputsOf(T.bucket).objectLockEnabled).toBe(true);
    const lock = graph.one(T.lock);
    expect(lock.inputs.bucket).toBe(graph.one(T.bucket).outputs.name);
    expect(lock.inputs.rule).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 30 } });
  });

  it("sets a COMPLIANCE retention in years", async () => {
    const { graph } = await record(
      () => new Bucket("records", args({ objectLock: { mode: "COMPLIANCE", years: 7 } })),
    );
    expect(graph.inputsOf(T.lock).rule).toEqual({ defaultRetention: { mode: "COMPLIANCE", years: 7 } });
  });

  it("turns versioning on and forceDestroy off with object lock, even in dev", async () => {
    const { graph } = await record(
      () => new Bucket("records", args({ environment: "dev", objectLock: { mode: "GOVERNANCE", days: 1 } })),
    );
    expect(graph.inputsOf(T.bucket).versioning).toEqual({ enabled: true });
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(false);
  });
});

describe("Bucket projectId", () => {
  it("sets projectId on every child resource when given (the S3 API is scoped by project)", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "everything",
          args({
            projectId: PROJECT_ID,
            encryption: { createKey: true },
            objectLock: { mode: "GOVERNANCE", days: 1 },
            access: {
              owners: [{ applicationId: "aaaaaaaa-0000-4000-8000-000000000003" }],
              readApplicationIds: ["aaaaaaaa-0000-4000-8000-000000000001"],
            },
          }),
        ),
    );
    const children = graph.descendantsOf(graph.one(T.component));
    expect(children.map((c) => c.type).sort()).toEqual(
      [T.bucket, T.acl, T.key, T.sse, T.lock, T.policy].sort(),
    );
    for (const child of children) expect(child.inputs.projectId).toBe(PROJECT_ID);
  });
});
