import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { ADMIN_USER, PROJECT_ID, T, args } from "./helpers";
import type { IamRule, LifecycleRuleInput, PolicyJson } from "./helpers";

async function build() {
  return record(() => new StateBackend("state", args()));
}

describe("StateBackend resources", () => {
  it("creates the storage Bucket (bucket, ACL, bucket policy) and the CI application, policy and API key", async () => {
    const { graph } = await build();
    expect(graph.countByType()).toEqual({
      [T.component]: 1,
      [T.storage]: 1,
      [T.identity]: 1,
      [T.bucket]: 1,
      [T.acl]: 1,
      [T.bucketPolicy]: 1,
      [T.application]: 1,
      [T.iamPolicy]: 1,
      [T.apiKey]: 1,
    });
  });

  it("parents the storage Bucket and the CI Identity to the component, and the IAM resources to the Identity", async () => {
    const { graph } = await build();
    const children = graph.childrenOf(graph.one(T.component)).map((r) => r.type);
    expect(children.sort()).toEqual([T.storage, T.identity].sort());
    expect(graph.parentOf(graph.one(T.bucket))?.type).toBe(T.storage);
    const identity = graph.one(T.identity);
    expect(identity.name).toBe("state-ci");
    expect(
      graph
        .childrenOf(identity)
        .map((r) => r.type)
        .sort(),
    ).toEqual([T.application, T.iamPolicy, T.apiKey].sort());
  });

  it("creates no lock configuration, encryption or key unless asked", async () => {
    const { graph } = await build();
    for (const type of [T.lock, T.sse, T.key]) expect(graph.byType(type)).toHaveLength(0);
    expect(graph.inputsOf(T.bucket)).not.toHaveProperty("objectLockEnabled");
  });

  it("puts the bucket in fr-par and in the given project, and every bucket child in that project", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).region).toBe("fr-par");
    for (const child of graph.descendantsOf(graph.one(T.storage))) {
      expect(child.inputs.projectId).toBe(PROJECT_ID);
    }
  });
});

describe("StateBackend secure defaults for the bucket", () => {
  it("turns versioning on", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).versioning).toEqual({ enabled: true });
  });

  it("never lets the bucket be destroyed with its objects", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(false);
  });

  it("protects the bucket and retains it on delete", async () => {
    const { graph } = await build();
    const bucket = graph.one(T.bucket);
    expect(bucket.options.protect).toBe(true);
    expect(bucket.options.retainOnDelete).toBe(true);
  });

  it("protects and retains every resource of the storage Bucket, not only the bucket", async () => {
    const { graph } = await build();
    const resources = graph.descendantsOf(graph.one(T.storage));
    expect(resources.length).toBeGreaterThanOrEqual(3);
    for (const resource of resources) {
      expect({ name: resource.name, ...resource.options }).toMatchObject({
        name: resource.name,
        protect: true,
        retainOnDelete: true,
      });
    }
  });

  it("keeps the bucket private with a canned ACL", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.acl).acl).toBe("private");
  });

  it("expires noncurrent versions of every object after the retention", async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    const housekeeping = rules.find((r) => r.id === "housekeeping");
    expect(housekeeping?.prefix).toBeUndefined();
    expect(housekeeping?.noncurrentVersionExpiration).toEqual({ noncurrentDays: 365 });
  });

  it("expires Pulumi's checkpoint backups under .pulumi/backups/ with a prefix-limited rule", async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    expect(rules.find((r) => r.id === "pulumi-backups")).toEqual({
      id: "pulumi-backups",
      enabled: true,
      prefix: ".pulumi/backups/",
      expiration: { days: 90 },
    });
  });

  it("keeps the update history unless a history retention is given", async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    expect(rules.map((r) => r.id)).not.toContain("pulumi-history");
    expect(rules.some((r) => r.prefix?.includes("history") ?? false)).toBe(false);
  });

  it("tags the bucket as holding Pulumi state, next to the core tags", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.bucket).tags).toMatchObject({
      "managed-by": "pulumi",
      environment: "production",
      project: "platform",
      "pulumi-state": "true",
    });
  });
});

describe("StateBackend bucket policy", () => {
  async function policy() {
    const { graph } = await build();
    const document = JSON.parse(graph.inputsOf(T.bucketPolicy).policy as string) as PolicyJson;
    const applicationId = graph.one(T.application).id!;
    return { document, applicationId };
  }

  it("keeps the given owner's full access so the platform never locks itself out", async () => {
    const { document } = await policy();
    const owners = document.Statement.find((s) => s.Sid === "OwnersKeepFullAccess");
    expect(owners?.Principal).toEqual({ SCW: ["user_id:" + ADMIN_USER] });
    expect(owners?.Action).toEqual(["s3:*"]);
  });

  it("grants the CI application read-write on the bucket and its objects", async () => {
    const { document, applicationId } = await policy();
    const ci = document.Statement.find((s) => s.Sid === "ApplicationsReadWrite");
    expect(ci?.Principal).toEqual({ SCW: ["application_id:" + applicationId] });
    expect(ci?.Action).toEqual(
      expect.arrayContaining(["s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"]),
    );
  });

  it("does not make the CI application an owner, nor let it delete object versions or rewrite the policy", async () => {
    const { document, applicationId } = await policy();
    const ciStatements = document.Statement.filter(
      (s) => s.Principal !== "*" && s.Principal.SCW.includes("application_id:" + applicationId),
    );
    expect(ciStatements).toHaveLength(1);
    const actions = ciStatements.flatMap((s) => s.Action);
    for (const forbidden of ["s3:*", "s3:DeleteObjectVersion", "s3:PutBucketPolicy", "s3:DeleteBucket"]) {
      expect(actions).not.toContain(forbidden);
    }
  });

  it("grants nothing to anonymous principals", async () => {
    const { document } = await policy();
    expect(document.Statement.filter((s) => s.Principal === "*")).toEqual([]);
  });
});

describe("StateBackend CI identity", () => {
  it("creates an IAM application named and tagged from the core helpers", async () => {
    const { graph } = await build();
    const inputs = graph.inputsOf(T.application);
    expect(inputs.name).toBe("platform-production-state-ci");
    expect(inputs.tags).toContain("project=platform");
    expect(inputs.tags).toContain("environment=production");
  });

  it("exposes the CI Identity as ci, whose outputs are the component's", async () => {
    const { graph, result } = await build();
    expect(await valueOf(result.ci.urn)).toBe(graph.one(T.identity).urn);
    expect(await valueOf(result.ci.applicationId)).toBe(graph.one(T.application).id);
    expect(result.ci.apiKeyExpiresAt).toBe(result.apiKeyExpiresAt);
  });

  it("limits the CI policy to the Object Storage object and bucket-read permission sets", async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.iamPolicy).rules as IamRule[];
    expect(rules).toHaveLength(1);
    expect([...rules[0]!.permissionSetNames].sort()).toEqual(
      [
        "ObjectStorageBucketsRead",
        "ObjectStorageObjectsDelete",
        "ObjectStorageObjectsRead",
        "ObjectStorageObjectsWrite",
      ].sort(),
    );
  });

  it("scopes the CI policy to the project and never to the organization", async () => {
    const { graph } = await build();
    const rules = graph.inputsOf(T.iamPolicy).rules as IamRule[];
    for (const rule of rules) {
      expect(rule.projectIds).toEqual([PROJECT_ID]);
      expect(rule).not.toHaveProperty("organizationId");
    }
  });

  it("attaches the CI policy to the CI application", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.iamPolicy).applicationId).toBe(graph.one(T.application).id);
    expect(graph.inputsOf(T.iamPolicy)).not.toHaveProperty("userId");
    expect(graph.inputsOf(T.iamPolicy)).not.toHaveProperty("groupId");
  });

  it("creates the API key for the CI application with the project as its default project", async () => {
    const { graph } = await build();
    const inputs = graph.inputsOf(T.apiKey);
    expect(inputs.applicationId).toBe(graph.one(T.application).id);
    expect(inputs.defaultProjectId).toBe(PROJECT_ID);
    expect(inputs).not.toHaveProperty("userId");
  });

  it("creates an API key that expires (see rotation.test.ts for when)", async () => {
    const { graph } = await build();
    expect(graph.inputsOf(T.apiKey)).toHaveProperty("expiresAt");
  });

  it("creates the API key after the CI policy", async () => {
    const { graph } = await build();
    const dependencies = graph.explicitDependenciesOf(graph.one(T.apiKey)).map((r) => r.type);
    expect(dependencies).toContain(T.iamPolicy);
  });

  it("exposes the CI application id, the policy id and the access key id", async () => {
    const { graph, result } = await build();
    expect(await valueOf(result.applicationId)).toBe(graph.one(T.application).id);
    expect(await valueOf(result.policyId)).toBe(graph.one(T.iamPolicy).id);
    expect(await valueOf(result.accessKeyId)).toBe(graph.one(T.apiKey).outputs.accessKey);
  });
});
