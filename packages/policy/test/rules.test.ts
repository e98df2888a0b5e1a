import { describe, expect, it } from "vitest";
import { evaluate, rules } from "../src/index";
import { DEV_TAGS, DEV_TAG_MAP, PROD_TAGS, PROD_TAG_MAP, resource } from "./fixtures";
import { complianceCases } from "./compliance-cases";
import { caseGraph, scalewayCases } from "./scaleway-cases";
import { goalAlertManager, serviceGoalCases } from "./service-goals-cases";
import type { Case } from "./scaleway-cases";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const BUCKET = SCALEWAY_TYPES.bucket;
const CONTAINER = SCALEWAY_TYPES.container;
const FUNCTION = SCALEWAY_TYPES.function;
const POLICY = SCALEWAY_TYPES.iamPolicy;
const GATEWAY = SCALEWAY_TYPES.publicGateway;
const ALERTS = SCALEWAY_TYPES.alertManager;
const PROJECT = "11111111-2222-4333-8444-555555555555";
const PN = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

const goodInstance = {
  engine: "PostgreSQL-16",
  nodeType: "DB-PRO2-XXS",
  isHaCluster: true,
  encryptionAtRest: true,
  backupScheduleRetention: 14,
  privateNetwork: { pnId: PN, enableIpam: true },
  region: "fr-par",
  tags: PROD_TAGS,
};
const instance = (inputs: Record<string, unknown>, protect = true) =>
  resource(INSTANCE, { ...goodInstance, ...inputs }, { protect });

const goodBucket = {
  name: "shop-production-assets",
  region: "fr-par",
  tags: PROD_TAG_MAP,
  versioning: { enabled: true },
  lifecycleRules: [{ enabled: true, noncurrentVersionExpiration: { noncurrentDays: 90 } }],
};
const bucket = (inputs: Record<string, unknown>, protect = true) =>
  resource(BUCKET, { ...goodBucket, ...inputs }, { protect });

const goodContainer = {
  namespaceId: "fr-par/ns",
  image: "rg.fr-par.scw.cloud/shop/api:1.0.0",
  privacy: "private",
  httpsConnectionsOnly: true,
  cpuLimit: 1000,
  memoryLimitBytes: 1073741824,
  environmentVariables: { LOG_LEVEL: "info", DATABASE_HOST: "10.0.0.4" },
  secretEnvironmentVariables: { DATABASE_PASSWORD: "x" },
  region: "fr-par",
  tags: PROD_TAGS,
};
const container = (inputs: Record<string, unknown>) => resource(CONTAINER, { ...goodContainer, ...inputs });

const goodGateway = { type: "VPC-GW-S", zone: "fr-par-1", tags: PROD_TAGS };
const gateway = (inputs: Record<string, unknown>) => resource(GATEWAY, { ...goodGateway, ...inputs });

const iamPolicy = (rule: Record<string, unknown>) =>
  resource(POLICY, { applicationId: "app", rules: [rule], tags: PROD_TAGS });

const ownCases: Record<string, { violating: Case[]; compliant: Case[] }> = {
  "scw-database-no-public-endpoint": {
    violating: [
      {
        title: "an instance with a load balancer endpoint",
        resource: instance({ loadBalancer: {} }),
        message: /loadBalancer/,
      },
      {
        title: "an instance without a private network",
        resource: instance({ privateNetwork: undefined }),
        message: /no privateNetwork/,
      },
    ],
    compliant: [{ title: "an instance on a private network only", resource: instance({}) }],
  },
  "scw-database-public-endpoint-on-purpose": {
    violating: [
      {
        title: "an instance tagged public=true with a load balancer endpoint",
        resource: instance({ loadBalancer: {}, tags: [...PROD_TAGS, "public=true"] }),
        message: /loadBalancer is set on an instance tagged "public=true"/,
      },
    ],
    compliant: [
      {
        title: "an instance tagged public=true on a private network only",
        resource: instance({ tags: [...PROD_TAGS, "public=true"] }),
      },
      {
        title: "an untagged instance with a load balancer (scw-database-no-public-endpoint fails it instead)",
        resource: instance({ loadBalancer: {} }),
      },
    ],
  },
  "scw-database-replica-no-public-endpoint": {
    violating: [
      {
        title: "a read replica with direct access",
        resource: resource(SCALEWAY_TYPES.databaseReadReplica, {
          instanceId: "i",
          directAccess: {},
        }),
      },
    ],
    compliant: [
      {
        title: "a read replica on a private network",
        resource: resource(SCALEWAY_TYPES.databaseReadReplica, {
          instanceId: "i",
          privateNetwork: { privateNetworkId: PN },
        }),
      },
    ],
  },
  "scw-database-acl-not-open-to-world": {
    violating: [
      {
        title: "an ACL rule for 0.0.0.0/0",
        resource: resource(SCALEWAY_TYPES.databaseAcl, {
          instanceId: "i",
          aclRules: [{ ip: "192.0.2.0/24" }, { ip: "0.0.0.0/0", description: "everyone" }],
        }),
        message: /0\.0\.0\.0\/0/,
      },
      {
        title: "ACL rules that cover the internet in two halves",
        resource: resource(SCALEWAY_TYPES.databaseAcl, {
          instanceId: "i",
          aclRules: [{ ip: "0.0.0.0/1" }, { ip: "128.0.0.0/1" }],
        }),
        message: /0\.0\.0\.0\/1, 128\.0\.0\.0\/1.*whole public internet/,
      },
      {
        title: "ACL rules that cover every public address around the private ranges",
        resource: resource(SCALEWAY_TYPES.databaseAcl, {
          instanceId: "i",
          aclRules: [
            { ip: "1.0.0.0/8" },
            { ip: "2.0.0.0/7" },
            { ip: "4.0.0.0/6" },
            { ip: "8.0.0.0/7" },
            { ip: "11.0.0.0/8" },
            { ip: "12.0.0.0/6" },
            { ip: "16.0.0.0/4" },
            { ip: "32.0.0.0/3" },
            { ip: "64.0.0.0/2" },
            { ip: "128.0.0.0/1" },
          ],
        }),
        message: /whole public internet/,
      },
    ],
    compliant: [
      {
        title: "ACL rules for two halves of one /23",
        resource: resource(SCALEWAY_TYPES.databaseAcl, {
          instanceId: "i",
          aclRules: [{ ip: "192.0.2.0/24" }, { ip: "192.0.3.0/24" }],
        }),
      },
      {
        title: "ACL rules for listed ranges",
        resource: resource(SCALEWAY_TYPES.databaseAcl, {
          instanceId: "i",
          aclRules: [{ ip: "192.0.2.0/24" }],
        }),
      },
    ],
  },
  "scw-database-encryption-at-rest": {
    violating: [
      {
        title: "an instance without encryption at rest",
        resource: instance({ encryptionAtRest: undefined }),
      },
    ],
    compliant: [{ title: "an encrypted instance", resource: instance({}) }],
  },
  "scw-database-backups-enabled": {
    violating: [{ title: "an instance with backups disabled", resource: instance({ disableBackup: true }) }],
    compliant: [{ title: "an instance with backups", resource: instance({ disableBackup: false }) }],
  },
  "scw-database-backup-retention": {
    violating: [
      {
        title: "a 3-day retention",
        resource: instance({ backupScheduleRetention: 3 }),
        message: /3 days.*minimum of 7/,
      },
      {
        title: "the Scaleway default retention when the minimum is 14 days",
        resource: instance({ backupScheduleRetention: undefined }),
        config: { minBackupRetentionDays: 14 },
        message: /unset/,
      },
    ],
    compliant: [
      { title: "a 14-day retention", resource: instance({}) },
      {
        title: "the Scaleway default retention of 7 days",
        resource: instance({ backupScheduleRetention: undefined }),
      },
    ],
  },
  "scw-database-ha-in-production": {
    violating: [{ title: "a single-node production instance", resource: instance({ isHaCluster: false }) }],
    compliant: [
      { title: "an HA production instance", resource: instance({}) },
      { title: "a single-node dev instance", resource: instance({ isHaCluster: false, tags: DEV_TAGS }) },
    ],
  },
  "scw-database-backup-off-site-in-production": {
    violating: [
      { title: "production backups kept in the same region", resource: instance({ backupSameRegion: true }) },
    ],
    compliant: [
      { title: "production backups in another region", resource: instance({}) },
      {
        title: "dev backups in the same region",
        resource: instance({ backupSameRegion: true, tags: DEV_TAGS }),
      },
    ],
  },
  "scw-database-supported-engine": {
    violating: [
      { title: "PostgreSQL 14", resource: instance({ engine: "PostgreSQL-14" }), message: /PostgreSQL-14/ },
      { title: "MySQL 5", resource: instance({ engine: "MySQL-5" }) },
      {
        title: "PostgreSQL 16 when the minimum is 17",
        resource: instance({}),
        config: { minPostgresVersion: 17 },
      },
    ],
    compliant: [
      { title: "PostgreSQL 16", resource: instance({}) },
      { title: "MySQL 8", resource: instance({ engine: "MySQL-8" }) },
      {
        title: "an instance restored from a snapshot (no engine)",
        resource: instance({ engine: undefined }),
      },
    ],
  },
  "scw-database-user-not-admin": {
    violating: [
      {
        title: "an admin user",
        resource: resource(SCALEWAY_TYPES.databaseUser, { instanceId: "i", isAdmin: true }),
      },
    ],
    compliant: [
      {
        title: "a non-admin user",
        resource: resource(SCALEWAY_TYPES.databaseUser, { instanceId: "i", isAdmin: false }),
      },
    ],
  },
  "scw-bucket-no-public-acl": {
    violating: [
      {
        title: "a public-read bucket ACL",
        resource: resource(SCALEWAY_TYPES.bucketAcl, { bucket: "b", acl: "public-read" }),
        message: /public-read/,
      },
      {
        title: "a grant to AllUsers",
        resource: resource(SCALEWAY_TYPES.bucketAcl, {
          bucket: "b",
          accessControlPolicy: {
            owner: { id: "o" },
            grants: [
              {
                permission: "READ",
                grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" },
              },
            ],
          },
        }),
        message: /READ to .*AllUsers/,
      },
      {
        title: "the deprecated acl input set to public-read-write on a bucket",
        resource: bucket({ acl: "public-read-write" }),
      },
    ],
    compliant: [
      {
        title: "a private bucket ACL",
        resource: resource(SCALEWAY_TYPES.bucketAcl, { bucket: "b", acl: "private" }),
      },
    ],
  },
  "scw-bucket-public-on-purpose": {
    violating: [
      {
        title: "a bucket tagged public=true with the deprecated public-read acl",
        resource: bucket({ acl: "public-read", tags: { ...PROD_TAG_MAP, public: "true" } }),
        message: /acl is "public-read" on a bucket tagged "public=true"/,
      },
    ],
    compliant: [
      {
        title: "a bucket tagged public=true that nothing makes public",
        resource: bucket({ tags: { ...PROD_TAG_MAP, public: "true" } }),
      },
      {
        title: "a public-read bucket without the tag (scw-bucket-no-public-acl fails it instead)",
        resource: bucket({ acl: "public-read" }),
      },
    ],
  },
  "scw-bucket-policy-no-public-principal": {
    violating: [
      {
        title: "a statement allowing Principal *",
        resource: resource(SCALEWAY_TYPES.bucketPolicy, {
          bucket: "b",
          policy: JSON.stringify({
            Version: "2023-04-17",
            Statement: [{ Sid: "Public", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"] }],
          }),
        }),
        message: /"Public"/,
      },
      {
        title: "a statement allowing SCW *",
        resource: resource(SCALEWAY_TYPES.bucketPolicy, {
          bucket: "b",
          policy: JSON.stringify({
            Statement: { Effect: "Allow", Principal: { SCW: ["*"] }, Action: "s3:*" },
          }),
        }),
      },
    ],
    compliant: [
      {
        title: "a statement naming an application",
        resource: resource(SCALEWAY_TYPES.bucketPolicy, {
          bucket: "b",
          policy: JSON.stringify({
            Statement: [
              { Effect: "Allow", Principal: { SCW: "application_id:abc" }, Action: "s3:GetObject" },
            ],
          }),
        }),
      },
      {
        title: "a Deny statement for everyone",
        resource: resource(SCALEWAY_TYPES.bucketPolicy, {
          bucket: "b",
          policy: JSON.stringify({
            Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:DeleteBucket" }],
          }),
        }),
      },
    ],
  },
  "scw-bucket-versioning": {
    violating: [
      { title: "a production bucket without versioning", resource: bucket({ versioning: undefined }) },
      {
        title: "a dev state bucket found by name",
        resource: bucket({
          name: "shop-dev-pulumi-state",
          tags: DEV_TAG_MAP,
          versioning: { enabled: false },
        }),
        message: /holds state/,
      },
      {
        title: "a dev bucket tagged component=state-backend",
        resource: bucket({
          name: "shop-dev-x",
          tags: { ...DEV_TAG_MAP, component: "state-backend" },
          versioning: undefined,
        }),
      },
    ],
    compliant: [
      { title: "a versioned production bucket", resource: bucket({}) },
      {
        title: "an unversioned dev bucket",
        resource: bucket({ tags: DEV_TAG_MAP, name: "shop-dev-assets", versioning: undefined }),
      },
      {
        title: "an unversioned dev bucket whose name merely contains 'statement'",
        resource: bucket({ tags: DEV_TAG_MAP, name: "shop-dev-statements", versioning: undefined }),
      },
    ],
  },
  "scw-bucket-no-force-destroy-in-production": {
    violating: [{ title: "forceDestroy on a production bucket", resource: bucket({ forceDestroy: true }) }],
    compliant: [
      { title: "a production bucket without forceDestroy", resource: bucket({}) },
      { title: "forceDestroy on a dev bucket", resource: bucket({ forceDestroy: true, tags: DEV_TAG_MAP }) },
    ],
  },
  "scw-bucket-versioned-has-lifecycle": {
    violating: [
      {
        title: "a versioned bucket without lifecycle rules",
        resource: bucket({ lifecycleRules: undefined }),
      },
      {
        title: "a versioned bucket whose only noncurrent expiration is disabled",
        resource: bucket({
          lifecycleRules: [{ enabled: false, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
        }),
      },
    ],
    compliant: [
      { title: "a versioned bucket expiring noncurrent versions", resource: bucket({}) },
      {
        title: "an unversioned bucket without lifecycle",
        resource: bucket({ versioning: undefined, lifecycleRules: undefined }),
      },
    ],
  },
  "scw-bucket-cors-no-wildcard-write": {
    violating: [
      {
        title: "PUT allowed from any origin",
        resource: bucket({ corsRules: [{ allowedMethods: ["GET", "PUT"], allowedOrigins: ["*"] }] }),
        message: /corsRules\[0\] allows PUT/,
      },
    ],
    compliant: [
      {
        title: "GET from any origin",
        resource: bucket({ corsRules: [{ allowedMethods: ["GET"], allowedOrigins: ["*"] }] }),
      },
      {
        title: "PUT from one origin",
        resource: bucket({
          corsRules: [{ allowedMethods: ["PUT"], allowedOrigins: ["https://app.example.com"] }],
        }),
      },
    ],
  },
  "scw-object-not-public": {
    violating: [
      {
        title: "a public-read object",
        resource: resource(SCALEWAY_TYPES.objectItem, { bucket: "b", key: "k", visibility: "public-read" }),
      },
    ],
    compliant: [
      {
        title: "a private object",
        resource: resource(SCALEWAY_TYPES.objectItem, { bucket: "b", key: "k" }),
      },
    ],
  },
  "scw-registry-namespace-private": {
    violating: [
      {
        title: "a public registry namespace",
        resource: resource(SCALEWAY_TYPES.registryNamespace, { isPublic: true }),
      },
    ],
    compliant: [
      {
        title: "a private registry namespace",
        resource: resource(SCALEWAY_TYPES.registryNamespace, { isPublic: false }),
      },
    ],
  },
  "scw-container-public-opt-in": {
    violating: [
      {
        title: "a container with privacy unset",
        resource: container({ privacy: undefined }),
        message: /unset/,
      },
      { title: "a public container without the opt-in tag", resource: container({ privacy: "public" }) },
      {
        title: "a public function without the opt-in tag",
        resource: resource(FUNCTION, { privacy: "public", httpOption: "redirected", tags: PROD_TAGS }),
      },
      {
        title: "a public container tagged public=true when the opt-in tag is exposure=internet",
        resource: container({ privacy: "public", tags: [...PROD_TAGS, "public=true"] }),
        config: { publicOptInTag: "exposure=internet" },
      },
    ],
    compliant: [
      { title: "a private container", resource: container({}) },
      {
        title: "a public container tagged public=true",
        resource: container({ privacy: "public", tags: [...PROD_TAGS, "public=true"] }),
      },
    ],
  },
  "scw-container-https-only": {
    violating: [
      { title: "a container serving plain HTTP", resource: container({ httpsConnectionsOnly: false }) },
      {
        title: "a function serving plain HTTP",
        resource: resource(FUNCTION, { privacy: "private", httpOption: "enabled" }),
      },
    ],
    compliant: [
      { title: "an HTTPS-only container", resource: container({}) },
      {
        title: "a function redirecting HTTP",
        resource: resource(FUNCTION, { privacy: "private", httpOption: "redirected" }),
      },
      {
        title: "a container serving plain HTTP on purpose (tagged plain-http=true)",
        resource: container({ httpsConnectionsOnly: false, tags: [...PROD_TAGS, "plain-http=true"] }),
      },
    ],
  },
  "scw-container-no-plain-secret-env": {
    violating: [
      {
        title: "a PASSWORD variable in plain environment variables",
        resource: container({ environmentVariables: { DB_PASSWORD: "hunter2-hunter2" } }),
        message: /environmentVariables\.DB_PASSWORD/,
      },
      {
        title: "an API key variable",
        resource: container({ environmentVariables: { STRIPE_API_KEY: "sk" } }),
      },
      {
        title: "a camelCase token variable",
        resource: container({ environmentVariables: { githubToken: "t" } }),
      },
      {
        title: "a URL with a password in it",
        resource: container({
          environmentVariables: { DATABASE_URL: "postgres://app:pw-123@10.0.0.4:5432/app" },
        }),
        message: /DATABASE_URL holds a URL with a password/,
      },
      {
        title: "a variable the container block refuses too (core's rule), such as a DSN",
        resource: container({ environmentVariables: { SENTRY_DSN: "https://k@o1.ingest.sentry.io/1" } }),
        message: /environmentVariables\.SENTRY_DSN looks like a secret/,
      },
      {
        title: "the secret half of a key pair (S3_SECRET_ACCESS_KEY)",
        resource: container({ environmentVariables: { S3_SECRET_ACCESS_KEY: "x" } }),
        message: /environmentVariables\.S3_SECRET_ACCESS_KEY looks like a secret/,
      },
      {
        title: "a secret-looking variable on a container namespace",
        resource: resource(SCALEWAY_TYPES.containerNamespace, {
          environmentVariables: { JWT_SECRET: "s" },
        }),
      },
    ],
    compliant: [
      { title: "harmless variables", resource: container({}) },
      {
        title: "references to secrets rather than secrets",
        resource: container({
          environmentVariables: { SECRET_ID: "fr-par/x", KEY_PREFIX: "a", TOKEN_URL: "https://x" },
        }),
      },
      {
        title:
          "the public half of a key pair, as the container block accepts it (S3_ACCESS_KEY_ID, AWS_ACCESS_KEY_ID)",
        resource: container({ environmentVariables: { S3_ACCESS_KEY_ID: "x", AWS_ACCESS_KEY_ID: "y" } }),
      },
      {
        title: "words that only contain a secret word",
        resource: container({ environmentVariables: { TOKENIZER_MODEL: "bpe", KEYCLOAK_REALM: "app" } }),
      },
      {
        title: "an ignored variable name",
        resource: container({ environmentVariables: { CACHE_KEY: "v1" } }),
        config: { ignoredEnvironmentVariables: ["CACHE_KEY"] },
      },
      {
        title: "a URL without a password",
        resource: container({ environmentVariables: { API_URL: "https://api.example.com" } }),
      },
    ],
  },
  "scw-container-resource-limits": {
    violating: [
      {
        title: "a container without limits",
        resource: container({ cpuLimit: undefined, memoryLimitBytes: undefined }),
        message: /cpuLimit and memoryLimitBytes are unset/,
      },
      { title: "a container without a memory limit", resource: container({ memoryLimitBytes: undefined }) },
    ],
    compliant: [{ title: "a container with CPU and memory limits", resource: container({}) }],
  },
  "scw-container-token-expiry": {
    violating: [
      {
        title: "a container token without expiry",
        resource: resource(SCALEWAY_TYPES.containerToken, { containerId: "c" }),
      },
    ],
    compliant: [
      {
        title: "a container token with expiry",
        resource: resource(SCALEWAY_TYPES.containerToken, {
          containerId: "c",
          expiresAt: "2027-01-01T00:00:00Z",
        }),
      },
    ],
  },
  "scw-secret-protected-in-production": {
    violating: [
      {
        title: "an unprotected production secret",
        resource: resource(SCALEWAY_TYPES.secret, { tags: PROD_TAGS }),
      },
    ],
    compliant: [
      {
        title: "a protected production secret",
        resource: resource(SCALEWAY_TYPES.secret, { tags: PROD_TAGS, protected: true }),
      },
      {
        title: "an unprotected dev secret",
        resource: resource(SCALEWAY_TYPES.secret, { tags: DEV_TAGS }),
      },
    ],
  },
  "scw-stateful-protected-in-production": {
    violating: [
      { title: "a production instance without protect", resource: instance({}, false) },
      { title: "a production bucket without protect", resource: bucket({}, false) },
    ],
    compliant: [
      { title: "a protected production instance", resource: instance({}) },
      { title: "an unprotected dev bucket", resource: bucket({ tags: DEV_TAG_MAP }, false) },
    ],
  },
  "scw-iam-no-organization-scope": {
    violating: [
      {
        title: "a rule scoped to the Organization",
        resource: iamPolicy({ organizationId: PROJECT, permissionSetNames: ["ProjectReadOnly"] }),
        message: /rules\[0\].*Organization.*ProjectReadOnly/,
      },
    ],
    compliant: [
      {
        title: "a rule scoped to projects",
        resource: iamPolicy({ projectIds: [PROJECT], permissionSetNames: ["ObjectStorageReadOnly"] }),
      },
    ],
  },
  "scw-iam-no-privileged-permission-sets": {
    violating: [
      {
        title: "AllProductsFullAccess",
        resource: iamPolicy({ projectIds: [PROJECT], permissionSetNames: ["AllProductsFullAccess"] }),
      },
      {
        title: "IAMPolicyManager",
        resource: iamPolicy({ organizationId: PROJECT, permissionSetNames: ["IAMPolicyManager"] }),
      },
    ],
    compliant: [
      {
        title: "a product permission set",
        resource: iamPolicy({ projectIds: [PROJECT], permissionSetNames: ["ContainersFullAccess"] }),
      },
    ],
  },
  "scw-iam-least-privilege": {
    violating: [
      {
        title: "ObjectStorageFullAccess",
        resource: iamPolicy({ projectIds: [PROJECT], permissionSetNames: ["ObjectStorageFullAccess"] }),
        message: /ObjectStorageFullAccess/,
      },
    ],
    compliant: [
      {
        title: "narrow permission sets",
        resource: iamPolicy({
          projectIds: [PROJECT],
          permissionSetNames: ["SecretManagerSecretAccess", "ObjectStorageReadOnly"],
        }),
      },
    ],
  },
  "scw-iam-api-key-expiry": {
    violating: [
      {
        title: "an API key without expiry",
        resource: resource(SCALEWAY_TYPES.iamApiKey, { applicationId: "a" }),
      },
    ],
    compliant: [
      {
        title: "an API key with expiry",
        resource: resource(SCALEWAY_TYPES.iamApiKey, {
          applicationId: "a",
          expiresAt: "2027-06-01T00:00:00Z",
        }),
      },
    ],
  },
  "scw-kms-key-rotation": {
    violating: [
      {
        title: "a symmetric key without rotation",
        resource: resource(SCALEWAY_TYPES.kmsKey, {
          usage: "symmetric_encryption",
          algorithm: "aes_256_gcm",
          tags: PROD_TAGS,
          region: "fr-par",
        }),
      },
    ],
    compliant: [
      {
        title: "a symmetric key with a rotation policy",
        resource: resource(SCALEWAY_TYPES.kmsKey, {
          usage: "symmetric_encryption",
          algorithm: "aes_256_gcm",
          rotationPolicy: { rotationPeriod: "8760h" },
        }),
      },
      {
        title: "a signing key without rotation",
        resource: resource(SCALEWAY_TYPES.kmsKey, {
          usage: "asymmetric_signing",
          algorithm: "ec_p256_sha256",
        }),
      },
    ],
  },
  "scw-gateway-bastion-restricted": {
    violating: [
      {
        title: "a bastion without allowed ranges",
        resource: gateway({ bastionEnabled: true }),
        message: /0\.0\.0\.0\/0/,
      },
      {
        title: "a bastion open to 0.0.0.0/0",
        resource: gateway({ bastionEnabled: true, allowedIpRanges: ["0.0.0.0/0"] }),
      },
      {
        title: "a bastion open to the internet in two halves",
        resource: gateway({ bastionEnabled: true, allowedIpRanges: ["0.0.0.0/1", "128.0.0.0/1"] }),
        message: /0\.0\.0\.0\/1, 128\.0\.0\.0\/1.*whole public internet/,
      },
    ],
    compliant: [
      {
        title: "a bastion restricted to one range",
        resource: gateway({ bastionEnabled: true, allowedIpRanges: ["198.51.100.0/24"] }),
      },
      {
        title: "a bastion restricted to the private ranges",
        resource: gateway({
          bastionEnabled: true,
          allowedIpRanges: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
        }),
      },
      { title: "a gateway without bastion", resource: gateway({}) },
    ],
  },
  "scw-gateway-smtp-disabled": {
    violating: [{ title: "a gateway with SMTP on", resource: gateway({ enableSmtp: true }) }],
    compliant: [{ title: "a gateway with SMTP off", resource: gateway({ enableSmtp: false }) }],
  },
  "scw-gateway-pat-no-sensitive-ports": {
    violating: [
      {
        title: "SSH forwarded from the internet",
        resource: resource(SCALEWAY_TYPES.publicGatewayPatRule, {
          gatewayId: "g",
          privateIp: "10.0.0.5",
          privatePort: 22,
          publicPort: 2222,
        }),
        message: /privatePort 22/,
      },
    ],
    compliant: [
      {
        title: "HTTPS forwarded from the internet",
        resource: resource(SCALEWAY_TYPES.publicGatewayPatRule, {
          gatewayId: "g",
          privateIp: "10.0.0.5",
          privatePort: 8443,
          publicPort: 443,
        }),
      },
    ],
  },
  "scw-monitoring-alert-contacts-in-production": {
    violating: [
      {
        title: "a production alert manager without contacts",
        resource: resource(ALERTS, { preconfiguredAlertIds: ["a"] }, { stack: "production" }),
      },
      {
        title: "a production alert manager whose contacts have no email",
        resource: resource(ALERTS, { contactPoints: [{}], preconfiguredAlertIds: ["a"] }),
        config: { environment: "production" },
      },
    ],
    compliant: [
      {
        title: "a production alert manager with an email contact",
        resource: resource(
          ALERTS,
          { contactPoints: [{ email: "oncall@example.com" }] },
          { stack: "production" },
        ),
      },
      { title: "a dev alert manager without contacts", resource: resource(ALERTS, {}, { stack: "dev" }) },
    ],
  },
  "scw-monitoring-alerts-enabled": {
    violating: [
      {
        title: "an alert manager with no alert enabled",
        resource: resource(ALERTS, { preconfiguredAlertIds: [] }),
      },
    ],
    compliant: [
      {
        title: "an alert manager with preconfigured alerts",
        resource: resource(ALERTS, { preconfiguredAlertIds: ["x"] }),
      },
    ],
  },
  "scw-required-tags": {
    violating: [
      {
        title: "a container missing component and managed-by",
        resource: container({ tags: ["environment=production"] }),
        message: /missing tags: managed-by, component/,
      },
      {
        title: "a bucket whose tag map lacks environment",
        resource: bucket({ tags: { "managed-by": "pulumi", component: "storage" } }),
        message: /missing tag: environment/,
      },
      {
        title: "a container missing a configured owner tag",
        resource: container({}),
        config: { requiredTags: ["owner"] },
      },
    ],
    compliant: [
      { title: "a fully tagged container", resource: container({}) },
      {
        title: "an untaggable resource (database ACL)",
        resource: resource(SCALEWAY_TYPES.databaseAcl, { instanceId: "i", aclRules: [] }),
      },
    ],
  },
  "scw-allowed-regions": {
    violating: [
      {
        title: "a bucket outside the allowed regions",
        resource: bucket({ region: "it-mil" }),
        message: /it-mil/,
      },
      {
        title: "a gateway in a zone of a region not allowed",
        resource: gateway({ zone: "nl-ams-1" }),
        config: { allowedRegions: ["fr-par"] },
      },
      {
        title: "a resource without region when the default region is not allowed",
        resource: resource(SCALEWAY_TYPES.secret, { tags: PROD_TAGS, protected: true }),
        config: { defaultRegion: "nl-ams", allowedRegions: ["fr-par"] },
        message: /default region nl-ams/,
      },
    ],
    compliant: [
      { title: "a bucket in fr-par", resource: bucket({}) },
      { title: "a gateway in pl-waw-2", resource: gateway({ zone: "pl-waw-2" }) },
      {
        title: "a global IAM resource",
        resource: iamPolicy({ projectIds: [PROJECT], permissionSetNames: [] }),
        config: { allowedRegions: ["fr-par"] },
      },
    ],
  },
  "scw-no-retired-resources": {
    violating: [
      {
        title: "a Grafana user",
        resource: resource(SCALEWAY_TYPES.grafanaUser, { login: "me", role: "viewer" }),
        message: /getGrafana/,
      },
      {
        title: "the Cockpit resource under its old token",
        resource: resource("scaleway:index/cockpit:Cockpit", {}),
      },
      {
        title: "a Public Gateway DHCP",
        resource: resource(SCALEWAY_TYPES.publicGatewayDhcp, { subnet: "10.0.0.0/24" }),
      },
    ],
    compliant: [{ title: "an alert manager", resource: resource(ALERTS, {}) }],
  },
  "scw-no-deprecated-classes": {
    violating: [
      {
        title: "the top-level DatabaseInstance class",
        resource: resource(
          "scaleway:index/databaseInstance:DatabaseInstance",
          { ...goodInstance },
          { protect: true },
        ),
        message: /scaleway\.DatabaseInstance is deprecated: use scaleway\.databases\.Instance/,
      },
    ],
    compliant: [{ title: "the namespaced databases.Instance class", resource: instance({}) }],
  },
  "scw-no-deprecated-inputs": {
    violating: [
      {
        title: "deploy on a container",
        resource: container({ deploy: true }),
        message: /deploy is deprecated/,
      },
      { title: "registryImage on a container", resource: container({ registryImage: "rg/x" }) },
      {
        title: "memoryLimit on a container",
        resource: container({ memoryLimit: 512 }),
        message: /memoryLimitBytes/,
      },
      { title: "httpOption on a container", resource: container({ httpOption: "redirected" }) },
      { title: "healthChecks on a container", resource: container({ healthChecks: [{}] }) },
      {
        title: "DHCP on a gateway network",
        resource: resource(SCALEWAY_TYPES.gatewayNetwork, {
          gatewayId: "g",
          privateNetworkId: PN,
          enableDhcp: true,
          dhcpId: "d",
        }),
      },
      { title: "acl on a bucket", resource: bucket({ acl: "private" }) },
      {
        title: "enableManagedAlerts on an alert manager",
        resource: resource(ALERTS, { enableManagedAlerts: true }),
      },
      {
        title: "zone on a private network",
        resource: resource(SCALEWAY_TYPES.privateNetwork, { zone: "fr-par-1" }),
      },
    ],
    compliant: [
      { title: "a container with current inputs", resource: container({}) },
      {
        title: "a gateway network with IPAM",
        resource: resource(SCALEWAY_TYPES.gatewayNetwork, {
          gatewayId: "g",
          privateNetworkId: PN,
          ipamConfigs: [{ pushDefaultRoute: true }],
        }),
      },
    ],
  },
};

const cases = { ...ownCases, ...scalewayCases, ...complianceCases, ...serviceGoalCases };

describe("the rule set", () => {
  it("has at least 60 rules", () => {
    expect(rules.length).toBeGreaterThanOrEqual(60);
  });

  it("has a violating and a compliant case for every rule", () => {
    const missing = rules
      .map((r) => r.id)
      .filter((id) => !cases[id] || cases[id].violating.length === 0 || cases[id].compliant.length === 0);
    expect(missing).toEqual([]);
  });

  it("has test cases only for rules that exist", () => {
    expect(Object.keys(cases).filter((id) => !rules.some((r) => r.id === id))).toEqual([]);
  });

  it("reports a production alert manager without a contact point once, by the rule that states it", () => {
    const c: Case = { title: "no contacts", resource: goalAlertManager({ contactPoints: [] }) };
    const findings = evaluate(caseGraph(c), c.config).filter((f) => /contact point/.test(f.message));
    expect(findings.map((f) => f.ruleId)).toEqual(["scw-monitoring-alert-contacts-in-production"]);
  });

  it("gives every rule a one-line description, a why and a fix", () => {
    for (const rule of rules) {
      for (const text of [rule.description, rule.why, rule.remediation]) {
        expect(text.length, rule.id).toBeGreaterThan(10);
        expect(text, rule.id).not.toMatch(/\n/);
      }
    }
  });
});

for (const [id, { violating, compliant }] of Object.entries(cases)) {
  describe(id, () => {
    for (const c of violating) {
      it(`flags ${c.title}`, () => {
        const findings = evaluate(caseGraph(c), c.config).filter((f) => f.ruleId === id);
        expect(findings.length).toBeGreaterThan(0);
        if (c.message) expect(findings.map((f) => f.message).join("\n")).toMatch(c.message);
      });
    }
    for (const c of compliant) {
      it(`accepts ${c.title}`, () => {
        const findings = evaluate(caseGraph(c), c.config).filter((f) => f.ruleId === id);
        expect(findings).toEqual([]);
      });
    }
  });
}
