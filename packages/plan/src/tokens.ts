import { moduleTypeOf } from "@scaleway-blocks/policy";

/**
 * Type tokens of the provider classes the plan knows. Deprecated top-level tokens are read as the
 * module tokens that alias them (policy's `moduleTypeOf`): switching from one to the other keeps the
 * resource, no replace.
 */
export const T = {
  container: "scaleway:containers/container:Container",
  containerNamespace: "scaleway:containers/namespace:Namespace",
  containerCron: "scaleway:containers/cron:Cron",
  containerTrigger: "scaleway:containers/trigger:Trigger",
  containerDomain: "scaleway:containers/domain:Domain",
  containerToken: "scaleway:containers/token:Token",
  registryNamespace: "scaleway:registry/namespace:Namespace",
  databaseInstance: "scaleway:databases/instance:Instance",
  database: "scaleway:databases/database:Database",
  databaseUser: "scaleway:databases/user:User",
  databasePrivilege: "scaleway:databases/privilege:Privilege",
  databaseAcl: "scaleway:databases/acl:Acl",
  readReplica: "scaleway:databases/readReplica:ReadReplica",
  databaseBackup: "scaleway:databases/databaseBackup:DatabaseBackup",
  databaseSnapshot: "scaleway:databases/snapshot:Snapshot",
  serverlessDatabase: "scaleway:databases/serverlessDatabase:ServerlessDatabase",
  bucket: "scaleway:object/bucket:Bucket",
  bucketAcl: "scaleway:object/bucketAcl:BucketAcl",
  bucketPolicy: "scaleway:object/bucketPolicy:BucketPolicy",
  bucketLock: "scaleway:object/bucketLockConfiguration:BucketLockConfiguration",
  bucketEncryption:
    "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketWebsite: "scaleway:object/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
  objectItem: "scaleway:object/item:Item",
  secret: "scaleway:secrets/secret:Secret",
  secretVersion: "scaleway:secrets/version:Version",
  iamApplication: "scaleway:iam/application:Application",
  iamPolicy: "scaleway:iam/policy:Policy",
  iamApiKey: "scaleway:iam/apiKey:ApiKey",
  iamGroup: "scaleway:iam/group:Group",
  iamGroupMembership: "scaleway:iam/groupMembership:GroupMembership",
  vpc: "scaleway:network/vpc:Vpc",
  privateNetwork: "scaleway:network/privateNetwork:PrivateNetwork",
  publicGateway: "scaleway:network/publicGateway:PublicGateway",
  publicGatewayIp: "scaleway:network/publicGatewayIp:PublicGatewayIp",
  gatewayNetwork: "scaleway:network/gatewayNetwork:GatewayNetwork",
  patRule: "scaleway:network/publicGatewayPatRule:PublicGatewayPatRule",
  route: "scaleway:network/route:Route",
  networkAcl: "scaleway:network/acl:Acl",
  ipamIp: "scaleway:ipam/ip:Ip",
  cockpitSource: "scaleway:observability/source:Source",
  cockpitToken: "scaleway:observability/token:Token",
  alertManager: "scaleway:observability/alertManager:AlertManager",
  cockpit: "scaleway:observability/cockpit:Cockpit",
  exporter: "scaleway:observability/exporter:Exporter",
  kmsKey: "scaleway:keymanager/key:Key",
} as const;

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
