import { Bucket } from "@scaleway-blocks/storage";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { KEY_ID, T, args } from "./helpers";

// What StateBackend relies on from storage's Bucket: the component's protect option protects the
// bucket and key (over the profile, off in dev), and its retainOnDelete reaches every child, which
// Pulumi does not do by itself. StateBackend passes both options and nothing else.
describe("storage Bucket, as StateBackend relies on it", () => {
  it("passes the component's retainOnDelete on to its object.Bucket", async () => {
    const { graph } = await record(
      () => new Bucket("b", { project: "p", environment: "production" }, { retainOnDelete: true }),
    );
    expect(graph.one(T.storage).options.retainOnDelete).toBe(true);
    expect(graph.one(T.bucket).options.retainOnDelete).toBe(true);
  });

  it("lets the component's protect option win over its profile default (off in dev) on the object.Bucket", async () => {
    const { graph } = await record(
      () => new Bucket("b", { project: "p", environment: "dev" }, { protect: true }),
    );
    expect(graph.one(T.acl).options.protect).toBe(true);
    expect(graph.one(T.bucket).options.protect).toBe(true);
  });

  it.each([
    ["an existing key", { kmsKeyId: KEY_ID }, [T.bucket, T.acl, T.bucketPolicy, T.lock, T.sse]],
    ["a created key", { createKey: true }, [T.bucket, T.acl, T.bucketPolicy, T.lock, T.sse, T.key]],
  ] as const)(
    "protects and retains the bucket, ACL, policy, lock, encryption and key of a dev StateBackend with %s",
    async (_, encryption, types) => {
      const { graph } = await record(
        () =>
          new StateBackend(
            "state",
            args({ environment: "dev", objectLock: { mode: "GOVERNANCE", days: 30 }, encryption }),
          ),
      );
      for (const type of types) {
        expect({ type, ...graph.one(type).options }).toMatchObject({
          type,
          protect: true,
          retainOnDelete: true,
        });
      }
    },
  );
});
