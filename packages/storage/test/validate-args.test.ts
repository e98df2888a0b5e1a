import { compareValidator } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket, validateBucketArgs } from "../src";
import type { BucketArgs } from "../src";

const valid: BucketArgs = { project: "shop", environment: "dev" };
const invalid = {
  project: "shop",
  environment: "dev",
  lifecycle: { expireAfterDays: -1 },
} as unknown as BucketArgs;

describe("validateBucketArgs", () => {
  it("makes the constructor's checks and creates nothing: returns for good args, throws its ConfigError for bad", async () => {
    const outcome = await compareValidator({
      validate: validateBucketArgs,
      construct: (n, a: BucketArgs) => new Bucket(n, a),
      valid,
      invalid,
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toContain("lifecycle");
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
    expect(outcome.registeredWhenInvalid).toEqual([]);
  });
});
