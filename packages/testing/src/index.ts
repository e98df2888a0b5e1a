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
export { Secret, ResourceRef, isSecret, reveal } from "./values";
export { stableUuid, stableIpIn, stablePublicIp, generatedPassword } from "./ids";
export { engineUrn, duplicateUrnMessage } from "./urn";
export * from "./fuzz";
export { compareValidator } from "./validator";
export type { ValidatorComparison } from "./validator";
