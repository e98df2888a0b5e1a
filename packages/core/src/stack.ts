import * as pulumi from "@pulumi/pulumi";

/**
 * The organization Pulumi runs the stack in. DIY backends (s3://, file://) report "organization";
 * Pulumi Cloud reports the organization's name. Under unit-test mocks that were given no
 * organization `pulumi.getOrganization()` throws, so this falls back to the DIY default.
 */
export function currentOrganization(): string {
  try {
    return pulumi.getOrganization();
  } catch {
    return "organization";
  }
}

/** Organization, project and stack of the running program: what makes a stack unique. */
export function stackIdentity(): [organization: string, project: string, stack: string] {
  return [currentOrganization(), pulumi.getProject(), pulumi.getStack()];
}
