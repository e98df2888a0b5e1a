import type * as pulumi from "@pulumi/pulumi";

/**
 * A transformation that sets `retainOnDelete` on the resource it is given and, because
 * transformations are inherited, on every resource created under it.
 *
 * Why: Pulumi propagates `protect` from a component to its children, but not `retainOnDelete`,
 * and storage's Bucket does not forward it to its `object.Bucket` (nor to the Key Manager key)
 * itself. Until it does, this keeps the state bucket, its key and configuration in the cloud
 * when the component is ever deleted. Legacy `transformations` run in the SDK (unlike `transforms`,
 * which run in the engine), so the effect is visible in-process under mocks as well.
 */
export const retainOnDelete: pulumi.ResourceTransformation = ({ props, opts }) => ({
  props,
  opts: { ...opts, retainOnDelete: true },
});
