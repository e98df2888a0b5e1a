// The stable API of @scaleway-blocks/core: what users of the blocks need (ConfigError and its
// formatting, environments and their profiles, regions and zones, naming, tags, CommonArgs, Grantee).
// What the blocks use to build themselves is in ./internal (`@scaleway-blocks/core/internal`).
export { ConfigError, formatConfigError } from "./errors";
export type { ConfigIssue } from "./errors";
export { StackConfigError, formatStackConfigError } from "./stack-config";
export type { StackConfigIssue } from "./stack-config";
export { ENVIRONMENTS, environmentProfile } from "./environment";
export type { Environment, EnvironmentProfile } from "./environment";
export {
  REGIONS,
  ZONES,
  REGIONS_BY_PRODUCT,
  ZONES_BY_PRODUCT,
  regionFor,
  zoneFor,
  regionOfZone,
  defaultZone,
  backupRegionFor,
  s3Host,
  s3Endpoint,
} from "./locality";
export type { Region, Zone, RegionalProduct, ZonalProduct } from "./locality";
export { NAME_LIMITS, NAME_PATTERN, resourceName } from "./naming";
export type { NameKind, NameParts, NameOptions } from "./naming";
export { TAG_MAX_LENGTH, RESERVED_TAG_KEYS, scalewayTags } from "./tags";
export type { Tags, TagContext, ScalewayTags } from "./tags";
export type { CommonArgs } from "./component";
export type { Grantee, PermissionGrant } from "./grantee";
export type { RotationPolicy } from "./expiry";
export { ObjectLockMode } from "./object-storage";
export type { ObjectLock, BucketEncryption } from "./object-storage";
export type { IamPrincipal } from "./ids";
export type { Protection } from "./protection";
export type { Ipv4Cidr } from "./cidr";
