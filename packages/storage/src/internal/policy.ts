import * as pulumi from "@pulumi/pulumi";

/** The current Scaleway bucket policy language; 2012-10-17 is deprecated. */
export const POLICY_VERSION = "2023-04-17";

/** What a reader may do: find the bucket, list it, read objects. */
export const READ_ACTIONS = ["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject"] as const;

/**
 * What a writer may do on top of reading: put and delete objects and manage its multipart uploads.
 * Deleting object *versions* is not granted: with versioning on, history stays recoverable.
 */
export const WRITE_ACTIONS = [
  ...READ_ACTIONS,
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:AbortMultipartUpload",
  "s3:ListBucketMultipartUploads",
  "s3:ListMultipartUploadParts",
] as const;

export type Principal = { userId: pulumi.Input<string> } | { applicationId: pulumi.Input<string> };

/** "user_id:<id>" or "application_id:<id>", the `Principal.SCW` forms of Scaleway bucket policies. */
export function principalOf(principal: Principal): pulumi.Output<string> {
  if ("userId" in principal) return pulumi.output(principal.userId).apply((id) => "user_id:" + id);
  return pulumi.output(principal.applicationId).apply((id) => "application_id:" + id);
}

export interface PolicyDocumentArgs {
  /** The policy's Id (at most 280 characters). */
  id: string;
  bucketName: pulumi.Input<string>;
  owners: readonly Principal[];
  readApplicationIds: readonly pulumi.Input<string>[];
  readWriteApplicationIds: readonly pulumi.Input<string>[];
  /** Keep anonymous GetObject working next to the policy (publicRead buckets). */
  publicRead: boolean;
}

/**
 * The bucket policy JSON, built from Outputs with `pulumi.jsonStringify` (never a template string).
 * The first statement always gives the owners full access, so the deploying identity keeps
 * managing the bucket once the policy is in force.
 */
export function policyDocument(args: PolicyDocumentArgs): pulumi.Output<string> {
  const name = pulumi.output(args.bucketName);
  const bucketAndObjects = [name, name.apply((n) => n + "/*")];
  const statements: unknown[] = [
    {
      Sid: "OwnersKeepFullAccess",
      Effect: "Allow",
      Principal: { SCW: args.owners.map(principalOf) },
      Action: ["s3:*"],
      Resource: bucketAndObjects,
    },
  ];
  const applications = (ids: readonly pulumi.Input<string>[]) =>
    ids.map((id) => principalOf({ applicationId: id }));
  if (args.readWriteApplicationIds.length > 0) {
    statements.push({
      Sid: "ApplicationsReadWrite",
      Effect: "Allow",
      Principal: { SCW: applications(args.readWriteApplicationIds) },
      Action: [...WRITE_ACTIONS],
      Resource: bucketAndObjects,
    });
  }
  if (args.readApplicationIds.length > 0) {
    statements.push({
      Sid: "ApplicationsRead",
      Effect: "Allow",
      Principal: { SCW: applications(args.readApplicationIds) },
      Action: [...READ_ACTIONS],
      Resource: bucketAndObjects,
    });
  }
  if (args.publicRead) {
    statements.push({
      Sid: "PublicReadObjects",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: [name.apply((n) => n + "/*")],
    });
  }
  return pulumi.jsonStringify({ Version: POLICY_VERSION, Id: args.id, Statement: statements });
}
