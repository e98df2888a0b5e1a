import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { PROJECT_ID, USER_ADMIN, T, args } from "./helpers";

// terraform-provider-scaleway v2.79.0 internal/services/object: BucketServerSideEncryptionConfiguration
// sends its `bucket` as the raw S3 bucket name (no regional-id parsing), so "fr-par/<name>" fails;
// BucketAcl, BucketLockConfiguration and BucketPolicy parse a regional id but validate its whole length
// (1–63, ACL and lock), so the name plus "fr-par/" would be refused for long names. Every child gets
// the raw name and the region.
describe("Bucket children address the bucket the way the provider reads it", () => {
  const everything = args({
    region: "nl-ams",
    projectId: PROJECT_ID,
    encryption: { createKey: true },
    objectLock: { mode: "GOVERNANCE", days: 30 },
    access: { owners: [{ userId: USER_ADMIN }] },
  });

  it.each([
    ["BucketAcl", T.acl],
    ["BucketServerSideEncryptionConfiguration", T.sse],
    ["BucketLockConfiguration", T.lock],
    ["BucketPolicy", T.policy],
  ])("gives the %s the raw bucket name and the bucket's region", async (_what, type) => {
    const { graph } = await record(() => new Bucket("records", everything));
    const bucket = graph.one(T.bucket);
    expect(graph.inputsOf(type).bucket).toBe(bucket.outputs.name);
    expect(graph.inputsOf(type).bucket).not.toContain("/");
    expect(graph.inputsOf(type).region).toBe("nl-ams");
  });

  it("keeps a 63-character bucket name within the 63 characters the ACL and lock accept", async () => {
    const name = `a${"b".repeat(61)}c`;
    const { graph } = await record(() => new Bucket("records", { ...everything, bucketName: name }));
    for (const type of [T.acl, T.lock, T.sse, T.policy]) expect(graph.inputsOf(type).bucket).toBe(name);
  });
});

// A mock run (the test kit): the property is the resource the component registered, the same URN.
describe("Bucket exposes its main child resource", () => {
  it("`bucket` is the registered Object Storage bucket", async () => {
    const { result, graph } = await record(() => new Bucket("uploads", args()));
    expect(result.bucket).toBeInstanceOf(scaleway.object.Bucket);
    expect(await valueOf(result.bucket.urn)).toBe(graph.one(T.bucket).urn);
  });
});
