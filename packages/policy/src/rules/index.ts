import type { Rule } from "../types";
import * as cockpit from "./cockpit";
import * as containerRegistry from "./container-registry";
import * as crossProduct from "./cross-product";
import * as iam from "./iam";
import * as instance from "./instance";
import * as keyManager from "./key-manager";
import * as kubernetes from "./kubernetes";
import * as loadBalancer from "./load-balancer";
import * as mongodb from "./mongodb";
import * as objectStorage from "./object-storage";
import * as rdb from "./rdb";
import * as redis from "./redis";
import * as secretManager from "./secret-manager";
import * as serverlessContainers from "./serverless-containers";
import * as vpc from "./vpc";

/**
 * Every rule, in the order of the README table. Rule files are named by Scaleway product
 * (object-storage, rdb, serverless-containers, iam, …); rules that span products are in cross-product.ts.
 */
export const rules: readonly Rule[] = Object.freeze([
  rdb.databaseNoPublicEndpoint,
  rdb.databasePublicEndpointOnPurpose,
  rdb.databaseReadReplicaNoDirectAccess,
  rdb.databaseAclNotOpenToWorld,
  rdb.databaseEncryptionAtRest,
  rdb.databaseBackupsEnabled,
  rdb.databaseBackupRetention,
  rdb.databaseHighAvailabilityInProduction,
  rdb.databaseBackupOffSite,
  rdb.databaseSupportedEngine,
  rdb.databaseUserNotAdmin,
  objectStorage.bucketNoPublicAcl,
  objectStorage.bucketPolicyNoPublicPrincipal,
  objectStorage.bucketPublicOnPurpose,
  objectStorage.bucketVersioning,
  objectStorage.bucketNoForceDestroyInProduction,
  objectStorage.bucketVersionedHasLifecycle,
  objectStorage.bucketCorsNoWildcardWrite,
  objectStorage.objectNotPublic,
  containerRegistry.registryNamespacePrivate,
  serverlessContainers.serverlessPublicOptIn,
  serverlessContainers.serverlessHttpsOnly,
  serverlessContainers.serverlessPlainHttpOnPurpose,
  serverlessContainers.serverlessNoPlainSecrets,
  serverlessContainers.containerResourceLimits,
  serverlessContainers.serverlessTokenExpiry,
  secretManager.secretProtectedInProduction,
  crossProduct.statefulProtectedInProduction,
  iam.iamNoOrganizationScope,
  iam.iamNoPrivilegedPermissionSets,
  iam.iamNoFullAccess,
  iam.iamApiKeyExpiry,
  keyManager.kmsKeyRotation,
  vpc.gatewayBastionRestricted,
  vpc.gatewaySmtpDisabled,
  vpc.gatewayPatNoSensitivePorts,
  cockpit.alertContactsInProduction,
  cockpit.alertsConfigured,
  instance.instanceNoSshFromInternet,
  instance.instanceNoRdpFromInternet,
  instance.instanceSensitivePortsNotPublic,
  instance.securityGroupDropByDefault,
  instance.securityGroupNoAcceptAll,
  instance.serverHasSecurityGroup,
  redis.redisNoPublicEndpoint,
  redis.redisTlsEnabled,
  redis.redisAclNotOpenToWorld,
  mongodb.mongodbNoPublicEndpoint,
  kubernetes.kubernetesApiRestricted,
  kubernetes.kubernetesAclNotOpenToWorld,
  kubernetes.kubernetesAutoUpgrade,
  kubernetes.kubernetesPrivateNetwork,
  kubernetes.kubernetesPoolNoPublicIp,
  kubernetes.kubernetesPoolAutohealing,
  loadBalancer.lbHttpRedirectsToHttps,
  loadBalancer.lbTlsOn443,
  loadBalancer.lbModernTls,
  loadBalancer.lbBackendVerifiesTls,
  iam.iamApiKeyOnApplication,
  iam.iamPolicyNotOnUser,
  cockpit.cockpitTokenExplicitScopes,
  cockpit.cockpitTokenLeastPrivilege,
  crossProduct.noPlainCredentials,
  crossProduct.dataResidency,
  crossProduct.productionServiceGoals,
  crossProduct.connectionStringsRequireTls,
  crossProduct.requiredTags,
  crossProduct.allowedRegions,
  crossProduct.noRetiredResources,
  crossProduct.noDeprecatedClasses,
  crossProduct.noDeprecatedInputs,
]);

const seen = new Set<string>();
for (const rule of rules) {
  if (seen.has(rule.id)) throw new Error(`duplicate rule id ${rule.id}`);
  seen.add(rule.id);
}

/** The rule with this id; an unknown id throws, naming the known ones. */
export function ruleById(id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule "${id}"; known rules: ${rules.map((r) => r.id).join(", ")}`);
  return rule;
}
