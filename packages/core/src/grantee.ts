import type * as pulumi from "@pulumi/pulumi";

/** One IAM policy a grant adds to a grantee: permission sets on one project. */
export interface PermissionGrant {
  /**
   * Unique per grantee, lowercase letters, digits and "-" (e.g. "orders-read"): part of the Pulumi
   * and Scaleway names of the policy the grant creates, so a second grant never replaces the first.
   */
  readonly name: string;
  /** IAM permission set names, e.g. ["ObjectStorageObjectsRead"]. */
  readonly permissionSets: readonly string[];
  /** The project the permission sets apply to: IAM scopes them to a whole project, never less. */
  readonly projectId: pulumi.Input<string>;
  /** The policy's description: what the grant is for, in words a reviewer reads in the console. */
  readonly description: string;
}

/**
 * Who a block's `grant…` methods give access to: an IAM application. The `Identity` component of
 * `@scaleway-blocks/identity` is one. Declared here, structurally, so that a block can offer grants
 * without depending on the package that creates identities.
 */
export interface Grantee {
  /** The IAM application's id: the principal of its policies and of bucket policy statements. */
  readonly applicationId: pulumi.Output<string>;
  /**
   * Adds an IAM policy with the grant's permission sets to this grantee, and returns its id. The
   * grantee's API key waits for it, so a key is never used before its permissions exist.
   */
  allow(grant: PermissionGrant): pulumi.Output<string>;
}
