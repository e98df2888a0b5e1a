import { s3Host } from "@scaleway-blocks/core";
import type { Region } from "@scaleway-blocks/core";

/**
 * The URL `pulumi login` takes for a DIY backend in a Scaleway bucket:
 * `s3://<bucket>[/<prefix>]?endpoint=s3.<region>.scw.cloud&region=<region>&s3ForcePathStyle=true`.
 * `endpoint` takes the S3 host without a scheme (CLI v3.248.0 adds `https://`: translateLegacyS3Params
 * in pulumi's pkg/backend/diy/backend.go); `region` is required by the AWS SDK; path style works for
 * every bucket name. `s3ForcePathStyle` is read by the AWS SDK v2 driver of CLIs >= 3.245
 * (gocloud.dev v0.46 s3blob, same as `use_path_style`) and is the only name older CLIs know.
 * Checked with the pinned CLI against a local S3 server: test/engine/state-backend.test.ts.
 */
export function backendUrl(bucketName: string, region: Region, prefix?: string): string {
  const path = prefix === undefined ? "" : "/" + prefix;
  return (
    "s3://" +
    bucketName +
    path +
    "?endpoint=" +
    s3Host(region) +
    "&region=" +
    region +
    "&s3ForcePathStyle=true"
  );
}

/** Where Pulumi keeps its bookkeeping inside the bucket: `[<prefix>/].pulumi/`. */
export function bookkeepingPrefix(prefix?: string): string {
  return (prefix === undefined ? "" : prefix + "/") + ".pulumi/";
}
