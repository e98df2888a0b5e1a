import { s3Host } from "@scaleway-blocks/core";
import type { Region } from "@scaleway-blocks/core";

/**
 * The URL `pulumi login` takes for a DIY backend in a Scaleway bucket:
 * `s3://<bucket>[/<prefix>]?endpoint=s3.<region>.scw.cloud&region=<region>&s3ForcePathStyle=true`.
 * `endpoint` takes the S3 host without a scheme; `region` is required by the AWS SDK; path style
 * works for every bucket name.
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
