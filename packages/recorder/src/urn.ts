import { STACK_TYPE } from "@scaleway-blocks/core/internal";

/**
 * A resource's URN as the Pulumi engine builds it: `urn:pulumi:<stack>::<project>::<type chain>::<name>`,
 * where the type chain is the parent's whole chain of types, then `$`, then the resource's type. The
 * stack root (`pulumi:pulumi:Stack`) is not part of the chain.
 * Source: pulumi/pulumi v3.248.0, pkg/resource/deploy/deployment.go `generateURN` (the parent's
 * `QualifiedType()`, i.e. its whole type chain, unless it is the root stack) and
 * sdk/go/common/resource/urn/urn.go `New`; the Node SDK's `createUrn` (sdk/nodejs/resource.ts) builds
 * the same form. Pulumi's own mock monitor keeps only the parent's last type, which the engine does not.
 */
export function engineUrn(
  stack: string,
  project: string,
  parent: string | undefined,
  type: string,
  name: string,
): string {
  const parentType = parent ? (parent.split("::")[2] ?? "") : "";
  const chain = parentType !== "" && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}

/**
 * The engine's refusal of a second resource with the same URN in one program.
 * Text of pulumi/pulumi v3.248.0 sdk/go/common/diag/errors.go `GetDuplicateResourceURNError` (code 2001),
 * raised by pkg/resource/deploy/step_generator.go `generateURN`.
 */
export function duplicateUrnMessage(urn: string): string {
  return `Duplicate resource URN '${urn}'; try giving it a unique name`;
}
