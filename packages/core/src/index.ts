export {
  REGIONS,
  ZONES,
  ZONES_BY_PRODUCT,
  REGIONS_BY_PRODUCT,
  regionSchema,
  zoneSchema,
  zoneFor,
  regionFor,
  regionOfZone,
  defaultZone,
  backupRegionFor,
  s3Host,
  s3Endpoint,
} from "./locality";
export type { Region, Zone, ZonalProduct, RegionalProduct } from "./locality";
export {
  UUID_PATTERN,
  REGIONAL_UUID_PATTERN,
  uuidSchema,
  keyManagerKeyIdSchema,
  iamPrincipalSchema,
} from "./ids";
export type { IamPrincipal } from "./ids";
export {
  BUCKET_NAME_PATTERN,
  bucketNameSchema,
  OBJECT_LOCK_MODES,
  objectLockSchema,
  bucketEncryptionSchema,
  kmsKeyRegionProblem,
} from "./object-storage";
export type { ObjectLockMode, ObjectLock, BucketEncryption } from "./object-storage";
export { ENVIRONMENTS, environmentSchema, environmentProfile } from "./environment";
export type { Environment, EnvironmentProfile } from "./environment";
export {
  NAME_LIMITS,
  NAME_PATTERN,
  resourceNameSchema,
  nameSegmentSchema,
  resourceName,
  sanitizeSegment,
  shortHash,
} from "./naming";
export type { NameKind, NameParts, NameOptions } from "./naming";
export {
  TAG_MAX_LENGTH,
  RESERVED_TAG_KEYS,
  tagKeySchema,
  tagValueSchema,
  tagsSchema,
  scalewayTags,
} from "./tags";
export type { Tags, TagContext, ScalewayTags } from "./tags";
export {
  ConfigError,
  formatConfigError,
  formatPath,
  describeReceived,
  describeRedacted,
  isPathUnder,
  valueAt,
  configIssuesFromZod,
  parseArgs,
} from "./errors";
export type { ConfigIssue, ParseArgsOptions } from "./errors";
export { pulumiInput, secretInputSchema, keyedRecord, isDeferred } from "./inputs";
export { isPlainObject, nonPlainObjects } from "./plain-objects";
export { PULUMI_WIRE, Secret, ResourceRef, isSecret, unwrapSecrets } from "./pulumi-values";
export type { UnwrapSecretsOptions } from "./pulumi-values";
export {
  SCALEWAY_TYPES,
  SCALEWAY_INVOKES,
  BLOCK_TYPES,
  RANDOM_TYPES,
  STACK_TYPE,
  SCALEWAY_PROVIDER_TYPE,
} from "./type-tokens";
export type { ScalewayType, BlockType } from "./type-tokens";
export type { NonPlainObject } from "./plain-objects";
export { nameProblem, claimScalewayName } from "./name-claims";
export { resolveProtection } from "./protection";
export type { Protection, ProtectionOptions } from "./protection";
export {
  DEFAULT_KEY_ROTATION,
  expiryProblem,
  expirySchema,
  rotatingExpiry,
  rotationPolicySchema,
  ROTATION_LIMITS,
} from "./expiry";
export type { RotationPolicy } from "./expiry";
export {
  HEADER_NAME_PATTERN,
  HEADER_NAME_MAX_LENGTH,
  headerNameSchema,
  httpsUrlProblem,
  httpsUrlSchema,
} from "./http";
export { NOT_SECRET_SUFFIXES, secretLookingPart, secretLookingVariablePart } from "./env-vars";
export { goDurationSeconds } from "./duration";
export { commonArgsShape, commonArgsSchema, projectIdSchema, blockContext } from "./component";
export type { CommonArgs, BlockContext, SameShape, ShapeDifference, AssertSameShape } from "./component";
export type { Grantee, PermissionGrant } from "./grantee";
export {
  RFC1918_RANGES,
  parseIpv4Cidr,
  networkAddress,
  isNetworkAddress,
  formatIpv4,
  formatCidr,
  contains,
  overlaps,
  isRfc1918,
  NON_PUBLIC_IPV4_RANGES,
  coversPublicInternet,
} from "./cidr";
export type { Ipv4Cidr } from "./cidr";
export { currentOrganization, stackIdentity } from "./stack";
export {
  StackConfigError,
  formatStackConfigError,
  stackFileName,
  stackConfigMessage,
  stackConfigKey,
  describeStackValue,
  stackConfigIssuesFromZod,
} from "./stack-config";
export type {
  StackConfigIssue,
  StackConfigKeyOptions,
  StackValueOptions,
  StackConfigIssuesOptions,
} from "./stack-config";
