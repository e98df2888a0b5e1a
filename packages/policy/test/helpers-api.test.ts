import { describe, expect, it } from "vitest";
import { isStateBucket, moduleTypeOf } from "../src/index";
import { RANDOM_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const BUCKET = SCALEWAY_TYPES.bucket;

describe("moduleTypeOf", () => {
  it("maps a deprecated top-level token to the module token that aliases it", () => {
    expect(moduleTypeOf("scaleway:index/objectBucket:ObjectBucket")).toBe(BUCKET);
    expect(moduleTypeOf("scaleway:index/databaseInstance:DatabaseInstance")).toBe(
      SCALEWAY_TYPES.databaseInstance,
    );
  });

  it("returns module tokens and other providers' tokens as they are", () => {
    expect(moduleTypeOf(BUCKET)).toBe(BUCKET);
    expect(moduleTypeOf(RANDOM_TYPES.password)).toBe(RANDOM_TYPES.password);
  });
});

describe("isStateBucket", () => {
  it("recognises a bucket tagged component=state-backend, as a list or a map", () => {
    expect(isStateBucket({ type: BUCKET, name: "b", inputs: { tags: { component: "state-backend" } } })).toBe(
      true,
    );
    expect(isStateBucket({ type: BUCKET, name: "b", inputs: { tags: ["component=state-backend"] } })).toBe(
      true,
    );
  });

  it("recognises a bucket named like a state bucket, by its name input or else its Pulumi name", () => {
    expect(isStateBucket({ type: BUCKET, name: "b", inputs: { name: "shop-pulumi-state" } })).toBe(true);
    expect(isStateBucket({ type: BUCKET, name: "tf-state", inputs: {} })).toBe(true);
    expect(isStateBucket({ type: BUCKET, name: "b", inputs: { name: "shop-statements" } })).toBe(false);
  });

  it.each([
    "acme-tfstate",
    "tfstate-prod",
    "shop-terraform-state",
    "team-pulumi-state-eu",
    "pulumistate",
    "app-state-production",
    "tf-state",
  ])("recognises the state bucket name %s by the default patterns", (name) => {
    expect(isStateBucket({ type: BUCKET, name: "b", inputs: { name } })).toBe(true);
  });

  it.each(["shop-statements", "realestate-photos", "interstate-logs", "shop-production-assets"])(
    "does not take %s for a state bucket",
    (name) => {
      expect(isStateBucket({ type: BUCKET, name: "b", inputs: { name } })).toBe(false);
    },
  );

  it("recognises a deprecated ObjectBucket too, and nothing but buckets", () => {
    const inputs = { name: "pulumi-state" };
    expect(isStateBucket({ type: "scaleway:index/objectBucket:ObjectBucket", name: "b", inputs })).toBe(true);
    expect(isStateBucket({ type: SCALEWAY_TYPES.secret, name: "b", inputs })).toBe(false);
  });

  it("takes the name pattern and components from the settings given", () => {
    const bucket = {
      type: BUCKET,
      name: "b",
      inputs: { name: "infra-iac-files", tags: { component: "backend" } },
    };
    expect(isStateBucket(bucket)).toBe(false);
    expect(isStateBucket(bucket, { stateBucketComponents: ["backend"] })).toBe(true);
    expect(isStateBucket(bucket, { stateBucketNamePattern: "iac-files$" })).toBe(true);
  });
});
