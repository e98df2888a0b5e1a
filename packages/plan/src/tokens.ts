import { moduleTypeOf } from "@scaleway-blocks/policy";

/**
 * Type tokens of the provider classes the plan knows: core's `SCALEWAY_TYPES`, the project's one list.
 * Deprecated top-level tokens are read as the module tokens that alias them (policy's `moduleTypeOf`):
 * switching from one to the other keeps the resource, no replace.
 */
export { SCALEWAY_TYPES as T } from "@scaleway-blocks/core/internal";

/** "scaleway:databases/instance:Instance" → "databases.Instance"; other tokens are returned as they are. */
export function shortType(type: string): string {
  const match = /^scaleway:([^/]+)\/[^:]+:(.+)$/.exec(moduleTypeOf(type));
  return match?.[1] !== undefined && match[2] !== undefined ? `${match[1]}.${match[2]}` : type;
}

/**
 * The URN with its type segment made canonical, so that a switch from a deprecated class to the
 * module class that aliases it is not seen as a delete and a create.
 * URN form: urn:pulumi:<stack>::<project>::<parent types$…$type>::<name>.
 */
export function canonicalUrn(urn: string): string {
  const parts = urn.split("::");
  if (parts.length < 4) return urn;
  const types = parts[2]!.split("$").map(moduleTypeOf);
  return [...parts.slice(0, 2), types.join("$"), ...parts.slice(3)].join("::");
}
