/**
 * `@scaleway-blocks/core/internal`: what the blocks, policy, plan and testing use to build
 * themselves (zod schemas, parse helpers, CIDR arithmetic, name claims, wire values, type tokens…).
 * No stability promise: it changes with the blocks. Users of the blocks import `@scaleway-blocks/core`.
 *
 * The stable API (`@scaleway-blocks/core`, src/index.ts) is exactly these names; every other name is
 * internal and exported from here. test/entries.test.ts checks this list against both entries.
 *
 * Stable values (24):
 *   ConfigError, formatConfigError, StackConfigError, formatStackConfigError,
 *   ENVIRONMENTS, environmentProfile,
 *   REGIONS, ZONES, REGIONS_BY_PRODUCT, ZONES_BY_PRODUCT, regionFor, zoneFor, regionOfZone, defaultZone,
 *   backupRegionFor, s3Host, s3Endpoint,
 *   NAME_LIMITS, NAME_PATTERN, resourceName,
 *   TAG_MAX_LENGTH, RESERVED_TAG_KEYS, scalewayTags, ObjectLockMode
 * Stable types (23):
 *   ConfigIssue, StackConfigIssue, Environment, EnvironmentProfile, Region, Zone, RegionalProduct,
 *   ZonalProduct, NameKind, NameParts, NameOptions, Tags, TagContext, ScalewayTags, CommonArgs, Grantee,
 *   PermissionGrant, RotationPolicy, ObjectLock, BucketEncryption, IamPrincipal,
 *   Protection, Ipv4Cidr
 *
 * Until the lead switches the blocks (scripts/core-internal-imports.mjs), the main entry also
 * re-exports everything here.
 */
export { regionSchema, zoneSchema } from "./locality";
export {
  UUID_PATTERN,
  REGIONAL_UUID_PATTERN,
  uuidSchema,
  keyManagerKeyIdSchema,
  iamPrincipalSchema,
} from "./ids";
export {
  BUCKET_NAME_PATTERN,
  bucketNameSchema,
  OBJECT_LOCK_MODES,
  objectLockSchema,
  bucketEncryptionSchema,
  kmsKeyRegionProblem,
} from "./object-storage";
export { environmentSchema } from "./environment";
export { resourceNameSchema, nameSegmentSchema, sanitizeSegment, shortHash } from "./naming";
export { tagKeySchema, tagValueSchema, tagsSchema } from "./tags";
export {
  formatPath,
  describeReceived,
  describeRedacted,
  isPathUnder,
  valueAt,
  configIssuesFromZod,
  parseArgs,
} from "./errors";
export type { ParseArgsOptions } from "./errors";
export { pulumiInput, secretInputSchema, keyedRecord, isDeferred } from "./inputs";
export { isPlainObject, nonPlainObjects } from "./plain-objects";
export type { NonPlainObject } from "./plain-objects";
export { afterCurrentTurn } from "./turn";
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
export { nameProblem, claimScalewayName } from "./name-claims";
export { resolveProtection } from "./protection";
export type { ProtectionOptions } from "./protection";
export {
  DEFAULT_KEY_ROTATION,
  expiryProblem,
  expirySchema,
  rotatingExpiry,
  rotationPolicySchema,
  ROTATION_LIMITS,
} from "./expiry";
export {
  HEADER_NAME_PATTERN,
  HEADER_NAME_MAX_LENGTH,
  headerNameSchema,
  httpsUrlProblem,
  httpsUrlSchema,
} from "./http";
export {
  NOT_SECRET_SUFFIXES,
  notSecretSuffix,
  secretLookingPart,
  secretLookingVariablePart,
} from "./env-vars";
export { goDurationSeconds } from "./duration";
export { commonArgsShape, commonArgsSchema, projectIdSchema, blockContext } from "./component";
export type { BlockContext, SameShape, ShapeDifference, AssertSameShape } from "./component";
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
export { currentOrganization, stackIdentity } from "./stack";
export {
  stackFileName,
  stackConfigMessage,
  stackConfigKey,
  describeStackValue,
  stackConfigIssuesFromZod,
} from "./stack-config";
export type { StackConfigKeyOptions, StackValueOptions, StackConfigIssuesOptions } from "./stack-config";
