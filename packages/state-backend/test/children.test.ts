import * as scaleway from "@pulumiverse/scaleway";
import { Bucket } from "@scaleway-blocks/storage";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { T, args } from "./helpers";

// A mock run (the test kit): the property is the component the state backend registered, the same URN.
describe("StateBackend exposes its main child", () => {
  it("`bucket` is the registered storage Bucket, whose `bucket` is the Object Storage bucket resource", async () => {
    const { result, graph } = await record(() => new StateBackend("state", args()));
    expect(result.bucket).toBeInstanceOf(Bucket);
    expect(await valueOf(result.bucket.urn)).toBe(graph.one(T.storage).urn);
    expect(result.bucket.bucket).toBeInstanceOf(scaleway.object.Bucket);
    expect(await valueOf(result.bucket.bucket.urn)).toBe(graph.one(T.bucket).urn);
  });
});
