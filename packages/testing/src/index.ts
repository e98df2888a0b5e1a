// The recorder (mocks, record(), the resource graph, Secret/ResourceRef/unwrapSecrets) is its own
// runtime package, which the plan runs on; the test kit hands it on whole, with the type tokens.
export * from "@scaleway-blocks/recorder";
export {
  SCALEWAY_TYPES,
  SCALEWAY_INVOKES,
  BLOCK_TYPES,
  RANDOM_TYPES,
  STACK_TYPE,
  SCALEWAY_PROVIDER_TYPE,
} from "@scaleway-blocks/core/internal";
export type { ScalewayType, BlockType } from "@scaleway-blocks/core/internal";
export * from "./fuzz";
export { compareValidator } from "./validator";
export type { ValidatorComparison } from "./validator";
export { recordingGrantee } from "./grantee";
export type { RecordingGrantee } from "./grantee";
