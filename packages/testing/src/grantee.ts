import * as pulumi from "@pulumi/pulumi";
import { stableUuid } from "@scaleway-blocks/recorder";

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
 * block asked for. Policy ids are stable UUIDs derived from the grant name.
 */
export interface RecordingGrantee {
  readonly applicationId: pulumi.Output<string>;
  /** Every grant given so far, in order. */
  readonly grants: RequestedGrant[];
  allow(grant: RequestedGrant): pulumi.Output<string>;
}

export function recordingGrantee(applicationId: string = stableUuid("recording-grantee")): RecordingGrantee {
  const grants: RequestedGrant[] = [];
  return {
    applicationId: pulumi.output(applicationId),
    grants,
    allow(grant) {
      grants.push(grant);
      return pulumi.output(stableUuid("recording-grantee-policy", grant.name));
    },
  };
}
