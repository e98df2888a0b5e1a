/**
 * Type tokens, declared once for the whole project: the policy's rules, the plan, the test kit and
 * every test name resources by these constants, so a misspelt token is a compile error
 * (`SCALEWAY_TYPES.bukcet`), not a test that silently finds nothing.
 */

/**
 * Module type tokens of the @pulumiverse/scaleway 1.x resources that the blocks create or the policy
 * and the plan read. Each equals its class's `__pulumiType` in @pulumiverse/scaleway 1.54.0
 * (`<module>/<file>.js`), which @scaleway-blocks/recorder's test/type-tokens.test.ts checks one by one.
 * The deprecated top-level tokens (`scaleway:index/…`) alias these: policy's `moduleTypeOf` maps them.
 */
export const SCALEWAY_TYPES = {
  // Serverless Containers and Functions, Jobs
  container: "scaleway:containers/container:Container",
  containerNamespace: "scaleway:containers/namespace:Namespace",
  containerCron: "scaleway:containers/cron:Cron",
  containerTrigger: "scaleway:containers/trigger:Trigger",
  containerDomain: "scaleway:containers/domain:Domain",
  containerToken: "scaleway:containers/token:Token",
  function: "scaleway:functions/function:Function",
  functionNamespace: "scaleway:functions/namespace:Namespace",
  functionToken: "scaleway:functions/token:Token",
  functionCron: "scaleway:functions/cron:Cron",
  jobDefinition: "scaleway:job/definition:Definition",
  registryNamespace: "scaleway:registry/namespace:Namespace",
  // Managed Databases (RDB) and Serverless SQL
  databaseInstance: "scaleway:databases/instance:Instance",
  database: "scaleway:databases/database:Database",
  databaseUser: "scaleway:databases/user:User",
  databasePrivilege: "scaleway:databases/privilege:Privilege",
  databaseAcl: "scaleway:databases/acl:Acl",
  databaseReadReplica: "scaleway:databases/readReplica:ReadReplica",
  databaseBackup: "scaleway:databases/databaseBackup:DatabaseBackup",
  databaseSnapshot: "scaleway:databases/snapshot:Snapshot",
  serverlessDatabase: "scaleway:databases/serverlessDatabase:ServerlessDatabase",
  // Other data stores
  redisCluster: "scaleway:redis/cluster:Cluster",
  mongodbInstance: "scaleway:mongodb/instance:Instance",
  mongodbSnapshot: "scaleway:mongodb/snapshot:Snapshot",
  // Object Storage
  bucket: "scaleway:object/bucket:Bucket",
  bucketAcl: "scaleway:object/bucketAcl:BucketAcl",
  bucketPolicy: "scaleway:object/bucketPolicy:BucketPolicy",
  bucketLock: "scaleway:object/bucketLockConfiguration:BucketLockConfiguration",
  bucketEncryption:
    "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  bucketWebsite: "scaleway:object/bucketWebsiteConfiguration:BucketWebsiteConfiguration",
  objectItem: "scaleway:object/item:Item",
  // Secret Manager, Key Manager
  secret: "scaleway:secrets/secret:Secret",
  secretVersion: "scaleway:secrets/version:Version",
  kmsKey: "scaleway:keymanager/key:Key",
  // IAM
  iamApplication: "scaleway:iam/application:Application",
  iamPolicy: "scaleway:iam/policy:Policy",
  iamApiKey: "scaleway:iam/apiKey:ApiKey",
  iamGroup: "scaleway:iam/group:Group",
  iamGroupMembership: "scaleway:iam/groupMembership:GroupMembership",
  // VPC, Public Gateway, IPAM
  vpc: "scaleway:network/vpc:Vpc",
  privateNetwork: "scaleway:network/privateNetwork:PrivateNetwork",
  publicGateway: "scaleway:network/publicGateway:PublicGateway",
  publicGatewayIp: "scaleway:network/publicGatewayIp:PublicGatewayIp",
  gatewayNetwork: "scaleway:network/gatewayNetwork:GatewayNetwork",
  publicGatewayPatRule: "scaleway:network/publicGatewayPatRule:PublicGatewayPatRule",
  publicGatewayDhcp: "scaleway:network/publicGatewayDhcp:PublicGatewayDhcp",
  publicGatewayDhcpReservation: "scaleway:network/publicGatewayDhcpReservation:PublicGatewayDhcpReservation",
  route: "scaleway:network/route:Route",
  networkAcl: "scaleway:network/acl:Acl",
  ipamIp: "scaleway:ipam/ip:Ip",
  // Cockpit
  cockpit: "scaleway:observability/cockpit:Cockpit",
  cockpitSource: "scaleway:observability/source:Source",
  cockpitToken: "scaleway:observability/token:Token",
  alertManager: "scaleway:observability/alertManager:AlertManager",
  exporter: "scaleway:observability/exporter:Exporter",
  grafanaUser: "scaleway:observability/grafanaUser:GrafanaUser",
  // Billing
  budget: "scaleway:billing/budget:Budget",
  budgetAlert: "scaleway:billing/budgetAlert:BudgetAlert",
  budgetAlertNotification: "scaleway:billing/budgetAlertNotification:BudgetAlertNotification",
  // Instances, Block Storage, Kubernetes, Load Balancers, Messaging
  instanceServer: "scaleway:instance/server:Server",
  instanceVolume: "scaleway:instance/volume:Volume",
  instanceSnapshot: "scaleway:instance/snapshot:Snapshot",
  securityGroup: "scaleway:instance/securityGroup:SecurityGroup",
  securityGroupRules: "scaleway:instance/securityGroupRules:SecurityGroupRules",
  blockVolume: "scaleway:block/volume:Volume",
  blockSnapshot: "scaleway:block/snapshot:Snapshot",
  kubernetesCluster: "scaleway:kubernetes/cluster:Cluster",
  kubernetesPool: "scaleway:kubernetes/pool:Pool",
  kubernetesAcl: "scaleway:kubernetes/acl:Acl",
  loadBalancer: "scaleway:loadbalancers/loadBalancer:LoadBalancer",
  lbFrontend: "scaleway:loadbalancers/frontend:Frontend",
  lbBackend: "scaleway:loadbalancers/backend:Backend",
  mnqSqs: "scaleway:mnq/sqs:Sqs",
} as const;

/** A module type token of a Scaleway resource the project knows. */
export type ScalewayType = (typeof SCALEWAY_TYPES)[keyof typeof SCALEWAY_TYPES];

/** Function tokens of the provider's data sources (invokes) the blocks call. */
export const SCALEWAY_INVOKES = {
  getProject: "scaleway:account/getProject:getProject",
  getAvailabilityZones: "scaleway:account/getAvailabilityZones:getAvailabilityZones",
  getGrafana: "scaleway:observability/getGrafana:getGrafana",
  getPreconfiguredAlert: "scaleway:observability/getPreconfiguredAlert:getPreconfiguredAlert",
  getSources: "scaleway:observability/getSources:getSources",
} as const;

/** The components of @scaleway-blocks/*, `scaleway-blocks:<block>:<Class>`, by block. */
export const BLOCK_TYPES = {
  network: "scaleway-blocks:network:Network",
  secrets: "scaleway-blocks:secrets:Secrets",
  storage: "scaleway-blocks:storage:Bucket",
  database: "scaleway-blocks:database:Database",
  container: "scaleway-blocks:container:Service",
  monitoring: "scaleway-blocks:monitoring:Monitoring",
  stateBackend: "scaleway-blocks:state-backend:StateBackend",
  identity: "scaleway-blocks:identity:Identity",
} as const;

/** A component type token of @scaleway-blocks/*. */
export type BlockType = (typeof BLOCK_TYPES)[keyof typeof BLOCK_TYPES];

/** Resources of @pulumi/random that the blocks create. */
export const RANDOM_TYPES = {
  password: "random:index/randomPassword:RandomPassword",
  string: "random:index/randomString:RandomString",
} as const;

/** The stack resource every Pulumi program registers first. */
export const STACK_TYPE = "pulumi:pulumi:Stack";
/** The default Scaleway provider resource. */
export const SCALEWAY_PROVIDER_TYPE = "pulumi:providers:scaleway";
