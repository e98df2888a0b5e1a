import * as pulumi from "@pulumi/pulumi";

/** A grant as a block's `grant…` method asked for it (the shape of core's `PermissionGrant`). */
export interface RequestedGrant {
  readonly name: string;
  readonly permissionSets: readonly string[];
  readonly projectId: pulumi.Input<string>;
  readonly description: string;
}

/**
 * A stand-in for an identity in tests of `grant…` methods: it satisfies core's `Grantee` structurally,
 * records every grant it is given in `grants`, and creates nothing, so a test reads exactly what the
 * block asked for. `allow` answers `policy-of-<grant name>` as the policy id.
 */
export interface RecordingGrantee {
  readonly applicationId: pulumi.Output<string>;
  /** Every grant given so far, in order. */
  readonly grants: RequestedGrant[];
  allow(grant: RequestedGrant): pulumi.Output<string>;
}

/** The application id a recording grantee reports unless given one. */
export const RECORDING_GRANTEE_APPLICATION_ID = "aaaaaaaa-0000-4000-8000-00000000a11c";

export function recordingGrantee(applicationId: string = RECORDING_GRANTEE_APPLICATION_ID): RecordingGrantee {
  const grants: RequestedGrant[] = [];
  return {
    applicationId: pulumi.output(applicationId),
    grants,
    allow(grant) {
      grants.push(grant);
      return pulumi.output(`policy-of-${grant.name}`);
    },
  };
}
