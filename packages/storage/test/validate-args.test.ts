import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/testing";
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
  it("returns for args the Bucket constructor accepts, and registers nothing", async () => {
    const { graph } = await record(() => validateBucketArgs("app", valid));
    expect(graph.registered).toEqual([]);
  });

  it("throws the ConfigError the constructor throws, naming the same fields, and registers nothing", async () => {
    const fromValidator = await recordError(() => validateBucketArgs("app", invalid));
    const fromConstructor = await recordError(() => new Bucket("app", invalid));
    expect(fromValidator.error).toBeInstanceOf(ConfigError);
    expect((fromValidator.error as ConfigError).issues).toEqual(
      (fromConstructor.error as ConfigError).issues,
    );
    expect((fromValidator.error as ConfigError).issues.map((i) => i.path)).toContain("lifecycle");
    expect(fromValidator.graph.registered).toEqual([]);
  });
});
