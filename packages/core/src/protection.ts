import type * as pulumi from "@pulumi/pulumi";
import type { EnvironmentProfile } from "./environment";

/** The resource options that decide whether a child may be deleted. */
export interface ProtectionOptions {
  protect?: boolean;
  retainOnDelete?: boolean;
}

/** How a component protects its children. */
export interface Protection {
  /** Whether the component protects the resources whose deletion loses data. */
  readonly protect: boolean;
  /** For the resources whose deletion loses data (databases, buckets, secrets, keys, networks…). */
  readonly stateful: ProtectionOptions;
  /**
   * For the other children (IAM policies, ACLs, triggers, gateways…): protected only when asked for,
   * by the arg or the option, so that the environment's default never blocks a replacement (a key
   * rotation, an ACL change) that loses nothing.
   */
  readonly other: ProtectionOptions;
  /**
   * For keys and tokens that rotate (their expiry moves on, which replaces them): never protected, or
   * Pulumi would refuse the replacement that a rotation is. `retainOnDelete` still applies.
   */
  readonly rotating: ProtectionOptions;
}

/**
 * One rule for every block: the `protect` arg, then the component's own `protect` option, then the
 * environment profile's deletion protection (stateful children only). The arg and the option have
 * the same effect. The component's `retainOnDelete` option is forwarded to every child, since Pulumi
 * passes `protect` down to children but not `retainOnDelete`.
 */
export function resolveProtection(
  arg: boolean | undefined,
  opts: pulumi.ResourceOptions | undefined,
  profile: EnvironmentProfile,
): Protection {
  const explicit = arg ?? opts?.protect;
  const protect = explicit ?? profile.deletionProtection;
  const retain: ProtectionOptions =
    opts?.retainOnDelete !== undefined ? { retainOnDelete: opts.retainOnDelete } : {};
  return {
    protect,
    stateful: { protect, ...retain },
    other: { ...(explicit !== undefined ? { protect: explicit } : {}), ...retain },
    rotating: { protect: false, ...retain },
  };
}
