import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { KEY_ID, T, args } from "./helpers";

const BUCKET_CHILDREN = [T.bucket, T.acl, T.bucketPolicy, T.sse] as const;
const encrypted = args({ environment: "dev", encryption: { kmsKeyId: KEY_ID } });

describe("StateBackend protection", () => {
  it.each([
    ["the protect arg", { ...encrypted, protect: true }, undefined],
    ["the component's protect option", encrypted, { protect: true }],
  ] as const)("protects the CI application and its policy with %s (one effect)", async (_, a, o) => {
    const { graph } = await record(() => new StateBackend("state", a, o));
    expect(graph.one(T.application).options.protect).toBe(true);
    expect(graph.one(T.iamPolicy).options.protect).toBe(true);
  });

  it.each([
    ["the protect arg", { ...encrypted, protect: true }, undefined],
    ["the component's protect option", encrypted, { protect: true }],
  ] as const)("never protects the CI key, which every rotation replaces, even with %s", async (_, a, o) => {
    const { graph } = await record(() => new StateBackend("state", a, o));
    expect(graph.one(T.apiKey).options.protect).toBe(false);
  });

  it("leaves the IAM resources unprotected without an explicit protect, as the profile only guards data", async () => {
    const { graph } = await record(() => new StateBackend("state", args()));
    for (const type of [T.application, T.iamPolicy, T.apiKey]) {
      expect({ type, protect: graph.one(type).options.protect }).toEqual({ type, protect: false });
    }
  });

  it("forwards the component's retainOnDelete to the CI application, policy and key", async () => {
    const { graph } = await record(() => new StateBackend("state", encrypted, { retainOnDelete: true }));
    for (const type of [T.application, T.iamPolicy, T.apiKey]) {
      expect({ type, retain: graph.one(type).options.retainOnDelete }).toEqual({ type, retain: true });
    }
  });

  it("keeps the bucket and its configuration protected and retained whatever the component's options say", async () => {
    const { graph } = await record(
      () => new StateBackend("state", encrypted, { protect: false, retainOnDelete: false }),
    );
    for (const type of BUCKET_CHILDREN) {
      expect({ type, ...graph.one(type).options }).toMatchObject({
        type,
        protect: true,
        retainOnDelete: true,
      });
    }
    expect(graph.one(T.apiKey).options.retainOnDelete).toBe(false);
  });
});
