export { record, recordError, valueOf, isSecretOutput } from "./record";
export type { RecordOptions, Recording, FailedRecording } from "./record";
export { ResourceGraph } from "./graph";
export type {
  RecordedResource,
  RecordedOptions,
  RecordedCall,
  SecretLeak,
  SecretLeaksOptions,
} from "./graph";
export { ScalewayMocks } from "./mocks";
export type { ScalewayMocksOptions } from "./mocks";
export { SECRET_OUTPUTS } from "./scaleway-outputs";
export type { MockContext, MockState } from "./scaleway-outputs";
export { stableUuid, stableIpIn, stablePublicIp, generatedPassword } from "./ids";
export { engineUrn, duplicateUrnMessage } from "./urn";
// The markers a recorded graph holds, and the helper that reads through them (declared in core).
export { Secret, ResourceRef, isSecret, unwrapSecrets } from "@scaleway-blocks/core/internal";
export type { UnwrapSecretsOptions } from "@scaleway-blocks/core/internal";
