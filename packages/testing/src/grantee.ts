import * as pulumi from "@pulumi/pulumi";
import type { Grantee, PermissionGrant } from "@scaleway-blocks/core";

/**
 * A stand-in for an identity in tests of `grant…` methods: a core `Grantee` that records every grant
 * it is given in `grants` and creates nothing, so a test reads exactly what the block asked for.
 * `allow` answers `policy-of-<grant name>` as the policy id.
 */
export interface RecordingGrantee extends Grantee {
  /** Every grant given so far, in order. */
  readonly grants: PermissionGrant[];
}

/** The application id a recording grantee reports unless given one. */
export const RECORDING_GRANTEE_APPLICATION_ID = "aaaaaaaa-0000-4000-8000-00000000a11c";

export function recordingGrantee(applicationId: string = RECORDING_GRANTEE_APPLICATION_ID): RecordingGrantee {
  const grants: PermissionGrant[] = [];
  return {
    applicationId: pulumi.output(applicationId),
    grants,
    allow(grant) {
      grants.push(grant);
      return pulumi.output(`policy-of-${grant.name}`);
    },
  };
}
