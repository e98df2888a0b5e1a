import { REGIONS } from "@scaleway-blocks/core";
import { record, SCALEWAY_TYPES, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { args } from "./helpers";

const EXPECTED = {
  "fr-par": {
    root: "s3://acme-state?endpoint=s3.fr-par.scw.cloud&region=fr-par&s3ForcePathStyle=true",
    prefixed:
      "s3://acme-state/platform/prod?endpoint=s3.fr-par.scw.cloud&region=fr-par&s3ForcePathStyle=true",
  },
  "nl-ams": {
    root: "s3://acme-state?endpoint=s3.nl-ams.scw.cloud&region=nl-ams&s3ForcePathStyle=true",
    prefixed:
      "s3://acme-state/platform/prod?endpoint=s3.nl-ams.scw.cloud&region=nl-ams&s3ForcePathStyle=true",
  },
  "pl-waw": {
    root: "s3://acme-state?endpoint=s3.pl-waw.scw.cloud&region=pl-waw&s3ForcePathStyle=true",
    prefixed:
      "s3://acme-state/platform/prod?endpoint=s3.pl-waw.scw.cloud&region=pl-waw&s3ForcePathStyle=true",
  },
} as const;

describe.each(REGIONS)("StateBackend backend URL in %s", (region) => {
  it("is s3://<bucket>?endpoint=s3.<region>.scw.cloud&region=<region>&s3ForcePathStyle=true without a prefix", async () => {
    const { result } = await record(
      () => new StateBackend("state", args({ region, bucketName: "acme-state" })),
    );
    expect(await valueOf(result.backendUrl)).toBe(EXPECTED[region].root);
  });

  it("puts the prefix as the URL path before the query with a prefix", async () => {
    const { result } = await record(
      () => new StateBackend("state", args({ region, bucketName: "acme-state", prefix: "platform/prod" })),
    );
    expect(await valueOf(result.backendUrl)).toBe(EXPECTED[region].prefixed);
  });
});

describe("StateBackend CI environment", () => {
  async function build() {
    return record(() => new StateBackend("state", args({ bucketName: "acme-state", region: "nl-ams" })));
  }

  it("holds the access key, the secret key and the backend URL", async () => {
    const { result } = await build();
    expect(await valueOf(result.ciEnvironment)).toEqual({
      AWS_ACCESS_KEY_ID: await valueOf(result.accessKeyId),
      AWS_SECRET_ACCESS_KEY: await valueOf(result.secretAccessKey),
      PULUMI_BACKEND_URL: EXPECTED["nl-ams"].root,
    });
  });

  it("has a public variant with the access key and the backend URL but no secret", async () => {
    const { result } = await build();
    expect(await valueOf(result.ciEnvironmentPublic)).toEqual({
      AWS_ACCESS_KEY_ID: await valueOf(result.accessKeyId),
      PULUMI_BACKEND_URL: EXPECTED["nl-ams"].root,
    });
  });

  it("uses the API key's access key as the S3 access key id", async () => {
    const { result, graph } = await build();
    const accessKey = graph.one(SCALEWAY_TYPES.iamApiKey).outputs.accessKey;
    expect(typeof accessKey).toBe("string");
    expect(await valueOf(result.accessKeyId)).toBe(accessKey);
  });
});
