import { environmentProfile } from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { T, args } from "./helpers";
import type { LifecycleRuleInput } from "./helpers";

describe("Bucket secure defaults", () => {
  it("creates one bucket and one canned ACL, both parented to the component", async () => {
    const { graph } = await record(() => new Bucket("assets", args()));
    expect(graph.countByType()).toEqual({ [T.component]: 1, [T.bucket]: 1, [T.acl]: 1 });
    const component = graph.one(T.component);
    expect(
      graph
        .childrenOf(component)
        .map((r) => r.type)
        .sort(),
    ).toEqual([T.bucket, T.acl].sort());
  });

  it("makes the bucket private with a BucketAcl and never sets the deprecated acl input on the bucket", async () => {
    const { graph } = await record(() => new Bucket("assets", args()));
    expect(graph.inputsOf(T.acl).acl).toBe("private");
    expect(graph.inputsOf(T.acl).bucket).toBe(graph.one(T.bucket).outputs.name);
    expect(graph.inputsOf(T.bucket)).not.toHaveProperty("acl");
  });

  it("creates no bucket policy, encryption, lock or key unless asked", async () => {
    const { graph } = await record(() => new Bucket("assets", args()));
    for (const type of [T.policy, T.sse, T.lock, T.key]) expect(graph.byType(type)).toHaveLength(0);
    expect(graph.inputsOf(T.bucket)).not.toHaveProperty("objectLockEnabled");
    expect(graph.inputsOf(T.bucket)).not.toHaveProperty("corsRules");
  });

  it("tags the bucket with the core tags as a map", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ tags: { team: "web" } })));
    expect(graph.inputsOf(T.bucket).tags).toEqual({
      "managed-by": "pulumi",
      environment: "staging",
      component: "storage",
      project: "shop",
      team: "web",
    });
  });

  it("creates the bucket in fr-par unless a region is given", async () => {
    const { graph, result } = await record(() => new Bucket("assets", args()));
    expect(graph.inputsOf(T.bucket).region).toBe("fr-par");
    expect(graph.inputsOf(T.acl).region).toBe("fr-par");
    expect(result.region).toBe("fr-par");
  });

  it("does not set projectId on any child when none is given (the provider's default project)", async () => {
    const { graph } = await record(() => new Bucket("assets", args()));
    const children = graph.descendantsOf(graph.one(T.component));
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(child.inputs).not.toHaveProperty("projectId");
  });
});

describe("Bucket default name", () => {
  it("derives <project>-<environment>-<name>-<hash> with a hash of organization, project, stack and name", async () => {
    const { graph } = await record(() => new Bucket("assets", args()));
    expect(graph.inputsOf(T.bucket).name).toMatch(/^shop-staging-assets-[0-9a-f]{6}$/);
  });

  it("gives two stacks of the same program different bucket names", async () => {
    const a = await record(() => new Bucket("assets", args()), { stack: "alice" });
    const b = await record(() => new Bucket("assets", args()), { stack: "bob" });
    expect(a.graph.inputsOf(T.bucket).name).not.toBe(b.graph.inputsOf(T.bucket).name);
  });

  it("gives two Pulumi projects with the same stack name different bucket names", async () => {
    const a = await record(() => new Bucket("assets", args()), { project: "platform" });
    const b = await record(() => new Bucket("assets", args()), { project: "other" });
    expect(a.graph.inputsOf(T.bucket).name).not.toBe(b.graph.inputsOf(T.bucket).name);
  });

  it("keeps the same name on every run of the same stack", async () => {
    const a = await record(() => new Bucket("assets", args()), { stack: "prod" });
    const b = await record(() => new Bucket("assets", args()), { stack: "prod" });
    expect(a.graph.inputsOf(T.bucket).name).toBe(b.graph.inputsOf(T.bucket).name);
  });

  it("keeps long derived names within 63 characters and valid for a bucket", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "a-very-long-component-name-for-assets",
          args({ project: "a-rather-long-project-name-x" }),
        ),
    );
    const name = graph.inputsOf(T.bucket).name as string;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
  });
});

describe("Bucket outputs", () => {
  it("exposes the name, regional id, region, bucket endpoint and the region's S3 endpoint", async () => {
    const { result, graph } = await record(
      () => new Bucket("assets", args({ bucketName: "shop-assets-example", region: "nl-ams" })),
    );
    expect(await valueOf(result.bucketName)).toBe("shop-assets-example");
    expect(await valueOf(result.bucketId)).toBe(graph.one(T.bucket).id);
    expect(await valueOf(result.bucketId)).toBe("nl-ams/shop-assets-example");
    expect(result.region).toBe("nl-ams");
    expect(await valueOf(result.endpoint)).toBe("https://shop-assets-example.s3.nl-ams.scw.cloud");
    expect(result.s3Endpoint).toBe("https://s3.nl-ams.scw.cloud");
    expect(result.kmsKeyId).toBeUndefined();
    expect(result.policyDocument).toBeUndefined();
  });

  it("registers its outputs on the component", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ bucketName: "shop-assets-example" })));
    const outputs = graph.one(T.component).outputs;
    expect(outputs.bucketName).toBe("shop-assets-example");
    expect(outputs.s3Endpoint).toBe("https://s3.fr-par.scw.cloud");
    expect(outputs.region).toBe("fr-par");
  });
});

describe.each<Environment>(["dev", "staging", "production"])("Bucket in %s", (environment) => {
  const profile = environmentProfile(environment);
  const recording = () => record(() => new Bucket("assets", args({ environment })));

  it("sets versioning from the environment profile", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.bucket).versioning).toEqual({ enabled: profile.storage.versioning });
  });

  it("sets forceDestroy from the environment profile", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(profile.storage.forceDestroy);
  });

  it("protects the bucket per the profile's deletionProtection", async () => {
    const { graph } = await recording();
    expect(graph.one(T.bucket).options.protect).toBe(profile.deletionProtection);
  });

  it("aborts incomplete multipart uploads after the profile's days", async () => {
    const { graph } = await recording();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    const housekeeping = rules.find((r) => r.id === "housekeeping");
    expect(housekeeping?.enabled).toBe(true);
    expect(housekeeping?.abortIncompleteMultipartUploadDays).toBe(
      profile.storage.abortIncompleteMultipartUploadDays,
    );
  });

  it("expires noncurrent versions after the profile's days exactly when versioning is on", async () => {
    const { graph } = await recording();
    const rules = graph.inputsOf(T.bucket).lifecycleRules as LifecycleRuleInput[];
    const housekeeping = rules.find((r) => r.id === "housekeeping");
    if (profile.storage.versioning) {
      expect(housekeeping?.noncurrentVersionExpiration).toEqual({
        noncurrentDays: profile.storage.noncurrentVersionExpirationDays,
      });
    } else {
      expect(housekeeping).not.toHaveProperty("noncurrentVersionExpiration");
    }
  });
});

describe("Bucket environment differences", () => {
  it("turns versioning off in dev and on in production", async () => {
    const dev = await record(() => new Bucket("assets", args({ environment: "dev" })));
    const prod = await record(() => new Bucket("assets", args({ environment: "production" })));
    expect(dev.graph.inputsOf(T.bucket).versioning).toEqual({ enabled: false });
    expect(prod.graph.inputsOf(T.bucket).versioning).toEqual({ enabled: true });
  });

  it("never enables forceDestroy in production by default", async () => {
    const { graph } = await record(() => new Bucket("assets", args({ environment: "production" })));
    expect(graph.inputsOf(T.bucket).forceDestroy).toBe(false);
    expect(graph.one(T.bucket).options.protect).toBe(true);
  });
});
