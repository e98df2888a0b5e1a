/**
 * Type tokens of the provider classes the plan knows, and the deprecated top-level tokens that the
 * module classes alias (switching from one to the other keeps the resource: same resource, no replace).
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

/** Deprecated top-level token → the module token that replaced it (the module class aliases it). */
export const REPLACED_BY: Readonly<Record<string, string>> = {
  "scaleway:index/container:Container": T.container,
  "scaleway:index/containerNamespace:ContainerNamespace": T.containerNamespace,
  "scaleway:index/containerCron:ContainerCron": T.containerCron,
  "scaleway:index/containerTrigger:ContainerTrigger": T.containerTrigger,
  "scaleway:index/containerDomain:ContainerDomain": T.containerDomain,
  "scaleway:index/containerToken:ContainerToken": T.containerToken,
  "scaleway:index/registryNamespace:RegistryNamespace": T.registryNamespace,
  "scaleway:index/databaseInstance:DatabaseInstance": T.databaseInstance,
  "scaleway:index/database:Database": T.database,
  "scaleway:index/databaseUser:DatabaseUser": T.databaseUser,
  "scaleway:index/databasePrivilege:DatabasePrivilege": T.databasePrivilege,
  "scaleway:index/databaseAcl:DatabaseAcl": T.databaseAcl,
  "scaleway:index/databaseReadReplica:DatabaseReadReplica": T.readReplica,
  "scaleway:index/sdbDatabase:SdbDatabase": T.serverlessDatabase,
  "scaleway:index/objectBucket:ObjectBucket": T.bucket,
  "scaleway:index/objectBucketAcl:ObjectBucketAcl": T.bucketAcl,
  "scaleway:index/objectBucketPolicy:ObjectBucketPolicy": T.bucketPolicy,
  "scaleway:index/objectBucketLockConfiguration:ObjectBucketLockConfiguration": T.bucketLock,
  "scaleway:index/secret:Secret": T.secret,
  "scaleway:index/secretVersion:SecretVersion": T.secretVersion,
  "scaleway:index/iamApplication:IamApplication": T.iamApplication,
  "scaleway:index/iamPolicy:IamPolicy": T.iamPolicy,
  "scaleway:index/iamApiKey:IamApiKey": T.iamApiKey,
  "scaleway:index/vpc:Vpc": T.vpc,
  "scaleway:index/vpcPrivateNetwork:VpcPrivateNetwork": T.privateNetwork,
  "scaleway:index/vpcPublicGateway:VpcPublicGateway": T.publicGateway,
  "scaleway:index/vpcPublicGatewayIp:VpcPublicGatewayIp": T.publicGatewayIp,
  "scaleway:index/vpcGatewayNetwork:VpcGatewayNetwork": T.gatewayNetwork,
  "scaleway:index/ipamIp:IpamIp": T.ipamIp,
  "scaleway:index/cockpitSource:CockpitSource": T.cockpitSource,
  "scaleway:index/cockpitToken:CockpitToken": T.cockpitToken,
  "scaleway:index/cockpitAlertManager:CockpitAlertManager": T.alertManager,
  "scaleway:index/cockpit:Cockpit": T.cockpit,
  "scaleway:index/keyManagerKey:KeyManagerKey": T.kmsKey,
};

/** The module token for a type: deprecated top-level tokens become the module token that aliases them. */
export function canonicalType(type: string): string {
  return REPLACED_BY[type] ?? type;
}

/** "scaleway:databases/instance:Instance" → "databases.Instance"; other tokens are returned as they are. */
export function shortType(type: string): string {
  const match = /^scaleway:([^/]+)\/[^:]+:(.+)$/.exec(canonicalType(type));
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
  const types = parts[2]!.split("$").map(canonicalType);
  return [...parts.slice(0, 2), types.join("$"), ...parts.slice(3)].join("::");
}
