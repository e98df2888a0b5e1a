// Violating and compliant cases of the rules for Scaleway resources that programs hold without our
// blocks (security groups, Redis, MongoDB, Kapsule, Load Balancers, Cockpit tokens, IAM, credentials
// in plain inputs). rules.test.ts runs them with the cases of the other rules.
import type { EvaluateConfig, GraphResource } from "../src/index";
import { PROD_TAGS, graphOf, resource } from "./fixtures";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export interface Case {
  title: string;
  resource: GraphResource;
  /** Other resources of the same graph (a cluster's ACL, a frontend's backend). */
  others?: GraphResource[];
  config?: EvaluateConfig;
  /** What the violation message must say. */
  message?: RegExp;
}

export type Cases = Record<string, { violating: Case[]; compliant: Case[] }>;

const SG = SCALEWAY_TYPES.securityGroup;
const SG_RULES = SCALEWAY_TYPES.securityGroupRules;
const SERVER = SCALEWAY_TYPES.instanceServer;
const REDIS = SCALEWAY_TYPES.redisCluster;
const MONGO = SCALEWAY_TYPES.mongodbInstance;
const K8S = SCALEWAY_TYPES.kubernetesCluster;
const POOL = SCALEWAY_TYPES.kubernetesPool;
const K8S_ACL = SCALEWAY_TYPES.kubernetesAcl;
const LB = SCALEWAY_TYPES.loadBalancer;
const FRONTEND = SCALEWAY_TYPES.lbFrontend;
const BACKEND = SCALEWAY_TYPES.lbBackend;
const TOKEN = SCALEWAY_TYPES.cockpitToken;
const API_KEY = SCALEWAY_TYPES.iamApiKey;
const POLICY = SCALEWAY_TYPES.iamPolicy;
const TRIGGER = SCALEWAY_TYPES.containerTrigger;
const CRON = SCALEWAY_TYPES.containerCron;
const JOB = SCALEWAY_TYPES.jobDefinition;
const PN = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const USER = "66666666-7777-4888-9999-000000000000";

/** Test-only credential shapes, assembled so that no scanner mistakes this file for a leak. */
export const FAKE = {
  stripe: ["sk", "live", "4eC39HqLyjWDarjtT1zdp7dc"].join("_"),
  github: `ghp_${"a1B2c3D4e5F6g7H8i9J0".repeat(2).slice(0, 36)}`,
  scwAccess: `SCW${"49EX6AJS9NSFVGKQR"}`,
  scwSecret: "3f1c2e4a-9b8d-4c7e-a6f5-1d2e3f4a5b6c",
  aws: `AKIA${"IOSFODNN7EXAMPLE"}`,
  dsn: ["postgres://app", "hunter2@db.internal:5432/shop"].join(":"),
};

const sg = (inputs: Record<string, unknown>) =>
  resource(SG, { inboundDefaultPolicy: "drop", zone: "fr-par-1", tags: PROD_TAGS, ...inputs });
const accept = (rule: Record<string, unknown>) => ({ action: "accept", protocol: "TCP", ...rule });

const redis = (inputs: Record<string, unknown>) =>
  resource(REDIS, {
    nodeType: "RED1-MICRO",
    version: "7.2.5",
    userName: "app",
    tlsEnabled: true,
    privateNetworks: [{ id: PN, serviceIps: ["10.12.1.1/20"] }],
    tags: PROD_TAGS,
    ...inputs,
  });

const cluster = (inputs: Record<string, unknown> = {}, name = "k8s") =>
  resource(
    K8S,
    {
      version: "1.31",
      cni: "cilium",
      deleteAdditionalResources: false,
      privateNetworkId: PN,
      autoUpgrade: { enable: true, maintenanceWindowDay: "sunday", maintenanceWindowStartHour: 3 },
      tags: PROD_TAGS,
      ...inputs,
    },
    { name },
  );
const k8sAcl = (clusterName: string, rules: unknown[]) => ({
  ...resource(K8S_ACL, { clusterId: "fr-par/cluster-id", aclRules: rules }, { name: `${clusterName}-acl` }),
  propertyDependencies: { clusterId: [`urn:pulumi:test::shop::${K8S}::${clusterName}`] },
});
const pool = (inputs: Record<string, unknown>) =>
  resource(POOL, {
    clusterId: "c",
    nodeType: "PRO2-XXS",
    size: 2,
    publicIpDisabled: true,
    autohealing: true,
    tags: PROD_TAGS,
    ...inputs,
  });

const backend = (protocol: string, name = "web-backend") =>
  resource(BACKEND, { lbId: "lb", forwardProtocol: protocol, forwardPort: 8080 }, { name });
const frontend = (inputs: Record<string, unknown>, backendName = "web-backend") => ({
  ...resource(FRONTEND, { lbId: "lb", backendId: "fr-par-1/backend-id", ...inputs }, { name: "web" }),
  propertyDependencies: { backendId: [`urn:pulumi:test::shop::${BACKEND}::${backendName}`] },
});
const HTTPS_REDIRECT = {
  action: { type: "redirect", redirects: [{ type: "scheme", target: "https", code: 301 }] },
  match: { httpFilter: "acl_http_filter_none" },
};

const token = (scopes: Record<string, boolean> | undefined) =>
  resource(TOKEN, { name: "exporter", region: "fr-par", ...(scopes ? { scopes } : {}) });

const job = (env: Record<string, string>) =>
  resource(JOB, {
    cpuLimit: 140,
    memoryLimit: 256,
    imageUri: "rg.fr-par.scw.cloud/shop/job:1",
    localStorageCapacity: 1000,
    env,
  });

export const scalewayCases: Cases = {
  "scw-instance-no-ssh-from-internet": {
    violating: [
      {
        title: "a security group accepting SSH from 0.0.0.0/0",
        resource: sg({ inboundRules: [accept({ port: 22, ipRange: "0.0.0.0/0" })] }),
        message: /inboundRules\[0\] accepts port 22 from 0\.0\.0\.0\/0/,
      },
      {
        title: "a security group accepting SSH from ::/0",
        resource: sg({ inboundRules: [accept({ port: 22, ipRange: "::/0" })] }),
        message: /::\/0/,
      },
      {
        title: "a rule for port 22 with no ipRange (the provider sends 0.0.0.0/0)",
        resource: sg({ inboundRules: [accept({ port: 22 })] }),
      },
      {
        title: "a port range 1-1024 from anywhere",
        resource: sg({ inboundRules: [accept({ portRange: "1-1024", ipRange: "0.0.0.0/0" })] }),
      },
      {
        title: "SSH from two halves of the internet",
        resource: resource(SG_RULES, {
          securityGroupId: "sg",
          inboundRules: [
            accept({ port: 22, ipRange: "0.0.0.0/1" }),
            accept({ port: 22, ipRange: "128.0.0.0/1" }),
          ],
        }),
        message: /together cover the whole public internet/,
      },
    ],
    compliant: [
      {
        title: "SSH from an office range only",
        resource: sg({ inboundRules: [accept({ port: 22, ipRange: "203.0.113.0/24" })] }),
      },
      {
        title: "a drop rule for SSH from anywhere",
        resource: sg({ inboundRules: [{ action: "drop", port: 22, ipRange: "0.0.0.0/0" }] }),
      },
      {
        title: "HTTPS from anywhere",
        resource: sg({ inboundRules: [accept({ port: 443, ipRange: "0.0.0.0/0" })] }),
      },
    ],
  },
  "scw-instance-no-rdp-from-internet": {
    violating: [
      {
        title: "a security group accepting RDP from 0.0.0.0/0",
        resource: sg({ inboundRules: [accept({ port: 3389, ipRange: "0.0.0.0/0" })] }),
        message: /port 3389/,
      },
      {
        title: "a security group rules resource accepting RDP from ::/0",
        resource: resource(SG_RULES, {
          securityGroupId: "sg",
          inboundRules: [accept({ port: 3389, ipRange: "::/0" })],
        }),
      },
    ],
    compliant: [
      {
        title: "RDP from a VPN range only",
        resource: sg({ inboundRules: [accept({ port: 3389, ipRange: "10.8.0.0/16" })] }),
      },
    ],
  },
  "scw-instance-sensitive-ports-not-public": {
    violating: [
      {
        title: "PostgreSQL open to the internet",
        resource: sg({ inboundRules: [accept({ port: 5432, ipRange: "0.0.0.0/0" })] }),
        message: /port 5432/,
      },
    ],
    compliant: [
      {
        title: "PostgreSQL from the private network range",
        resource: sg({ inboundRules: [accept({ port: 5432, ipRange: "172.16.0.0/22" })] }),
      },
      {
        title: "a port removed from sensitivePorts",
        resource: sg({ inboundRules: [accept({ port: 5432, ipRange: "0.0.0.0/0" })] }),
        config: { sensitivePorts: [3306] },
      },
    ],
  },
  "scw-instance-security-group-inbound-drop": {
    violating: [
      {
        title: "a security group without inboundDefaultPolicy (the provider's default is accept)",
        resource: resource(SG, { zone: "fr-par-1", tags: PROD_TAGS }),
        message: /inboundDefaultPolicy is unset/,
      },
      {
        title: 'a security group with inboundDefaultPolicy "accept"',
        resource: sg({ inboundDefaultPolicy: "accept" }),
      },
    ],
    compliant: [{ title: 'a security group with inboundDefaultPolicy "drop"', resource: sg({}) }],
  },
  "scw-instance-no-accept-all-rule": {
    violating: [
      {
        title: "an accept rule with no port from 0.0.0.0/0",
        resource: sg({ inboundRules: [accept({ protocol: "ANY", ipRange: "0.0.0.0/0" })] }),
        message: /accepts every ANY port/,
      },
    ],
    compliant: [
      {
        title: "an accept rule with no port from a private range",
        resource: sg({ inboundRules: [accept({ protocol: "ANY", ipRange: "10.0.0.0/8" })] }),
      },
      {
        title: "ICMP from anywhere",
        resource: sg({ inboundRules: [accept({ protocol: "ICMP", ipRange: "0.0.0.0/0" })] }),
      },
    ],
  },
  "scw-instance-server-security-group": {
    violating: [
      {
        title: "an instance without securityGroupId",
        resource: resource(SERVER, { type: "PRO2-XXS", image: "ubuntu_noble", zone: "fr-par-1" }),
      },
    ],
    compliant: [
      {
        title: "an instance in its own security group",
        resource: resource(SERVER, {
          type: "PRO2-XXS",
          image: "ubuntu_noble",
          zone: "fr-par-1",
          securityGroupId: "fr-par-1/sg",
        }),
      },
    ],
  },
  "scw-redis-no-public-endpoint": {
    violating: [
      {
        title: "a cluster without private network",
        resource: redis({ privateNetworks: undefined, acls: [{ ip: "203.0.113.0/24" }] }),
        message: /no privateNetworks/,
      },
    ],
    compliant: [
      { title: "a cluster on a private network", resource: redis({}) },
      {
        title: "a public cluster tagged public=true",
        resource: redis({ privateNetworks: undefined, tags: [...PROD_TAGS, "public=true"] }),
      },
    ],
  },
  "scw-redis-tls-enabled": {
    violating: [
      { title: "a cluster with TLS unset", resource: redis({ tlsEnabled: undefined }) },
      { title: "a cluster with TLS off", resource: redis({ tlsEnabled: false }), message: /clear text/ },
    ],
    compliant: [{ title: "a cluster with TLS on", resource: redis({}) }],
  },
  "scw-redis-acl-not-open-to-world": {
    violating: [
      {
        title: "an ACL for 0.0.0.0/0",
        resource: redis({ privateNetworks: undefined, acls: [{ ip: "0.0.0.0/0", description: "all" }] }),
        message: /acls allows 0\.0\.0\.0\/0/,
      },
      {
        title: "ACLs that cover the internet in pieces",
        resource: redis({
          privateNetworks: undefined,
          acls: [{ ip: "0.0.0.0/1" }, { ip: "128.0.0.0/1" }],
        }),
      },
    ],
    compliant: [
      {
        title: "an ACL for an office range",
        resource: redis({ privateNetworks: undefined, acls: [{ ip: "203.0.113.0/24" }] }),
      },
    ],
  },
  "scw-mongodb-no-public-endpoint": {
    violating: [
      {
        title: "an instance with a public network",
        resource: resource(MONGO, {
          nodeNumber: 1,
          nodeType: "MGDB-PLAY2-NANO",
          publicNetwork: {},
          privateNetwork: { pnId: PN },
        }),
        message: /publicNetwork is set/,
      },
      {
        title: "an instance with no network at all (the provider adds a public endpoint)",
        resource: resource(MONGO, { nodeNumber: 1, nodeType: "MGDB-PLAY2-NANO" }),
        message: /no privateNetwork/,
      },
    ],
    compliant: [
      {
        title: "an instance on a private network only",
        resource: resource(MONGO, {
          nodeNumber: 1,
          nodeType: "MGDB-PLAY2-NANO",
          privateNetwork: { pnId: PN },
        }),
      },
    ],
  },
  "scw-kubernetes-api-restricted": {
    violating: [
      {
        title: "a cluster with no ACL in the stack",
        resource: cluster(),
        message: /accepts 0\.0\.0\.0\/0/,
      },
    ],
    compliant: [
      {
        title: "a cluster with an ACL",
        resource: cluster(),
        others: [k8sAcl("k8s", [{ ip: "203.0.113.0/24" }])],
      },
    ],
  },
  "scw-kubernetes-acl-not-open-to-world": {
    violating: [
      {
        title: "an ACL for 0.0.0.0/0",
        resource: k8sAcl("k8s", [{ ip: "0.0.0.0/0" }]),
        message: /aclRules allows 0\.0\.0\.0\/0/,
      },
    ],
    compliant: [
      {
        title: "an ACL for Scaleway ranges and an office",
        resource: k8sAcl("k8s", [{ scalewayRanges: true }, { ip: "203.0.113.0/24" }]),
      },
      {
        title: "an ACL that allows no IP",
        resource: resource(K8S_ACL, { clusterId: "c", noIpAllowed: true }),
      },
    ],
  },
  "scw-kubernetes-auto-upgrade": {
    violating: [
      { title: "a cluster without autoUpgrade", resource: cluster({ autoUpgrade: undefined }) },
      {
        title: "a cluster with autoUpgrade off",
        resource: cluster({
          autoUpgrade: { enable: false, maintenanceWindowDay: "any", maintenanceWindowStartHour: 0 },
        }),
      },
    ],
    compliant: [{ title: "a cluster with autoUpgrade on", resource: cluster() }],
  },
  "scw-kubernetes-private-network": {
    violating: [
      { title: "a cluster without privateNetworkId", resource: cluster({ privateNetworkId: undefined }) },
    ],
    compliant: [{ title: "a cluster on a private network", resource: cluster() }],
  },
  "scw-kubernetes-pool-no-public-ip": {
    violating: [
      {
        title: "a pool with publicIpDisabled unset (the provider's default gives public IPs)",
        resource: pool({ publicIpDisabled: undefined }),
        message: /public IP/,
      },
    ],
    compliant: [{ title: "a pool without public IPs", resource: pool({}) }],
  },
  "scw-kubernetes-pool-autohealing": {
    violating: [{ title: "a pool without autohealing", resource: pool({ autohealing: false }) }],
    compliant: [{ title: "a pool with autohealing", resource: pool({}) }],
  },
  "scw-lb-http-redirects-to-https": {
    violating: [
      {
        title: "a port 80 frontend to an HTTP backend without redirect",
        resource: frontend({ inboundPort: 80 }),
        others: [backend("http")],
        message: /HTTP backend/,
      },
      {
        title: "a port 80 frontend whose backend is not in the stack",
        resource: frontend({ inboundPort: 80 }, "elsewhere"),
        message: /port 80 serves plain HTTP/,
      },
    ],
    compliant: [
      {
        title: "a port 80 frontend that redirects to https",
        resource: frontend({ inboundPort: 80, acls: [HTTPS_REDIRECT] }),
        others: [backend("http")],
      },
      {
        title: "a TCP frontend to a TCP backend",
        resource: frontend({ inboundPort: 5432 }),
        others: [backend("tcp")],
      },
    ],
  },
  "scw-lb-tls-certificate-on-443": {
    violating: [
      {
        title: "a 443 frontend without certificate",
        resource: frontend({ inboundPort: 443 }),
        others: [backend("http")],
        message: /no TLS certificate/,
      },
    ],
    compliant: [
      {
        title: "a 443 frontend with a certificate",
        resource: frontend({ inboundPort: 443, certificateIds: ["fr-par-1/cert"] }),
        others: [backend("http")],
      },
    ],
  },
  "scw-lb-modern-tls": {
    violating: [
      {
        title: "a load balancer accepting old TLS",
        resource: resource(LB, { type: "LB-S", sslCompatibilityLevel: "ssl_compatibility_level_old" }),
      },
    ],
    compliant: [
      { title: "a load balancer with the default level", resource: resource(LB, { type: "LB-S" }) },
    ],
  },
  "scw-lb-backend-verifies-tls": {
    violating: [
      {
        title: "a backend that ignores the servers' certificates",
        resource: resource(BACKEND, {
          lbId: "lb",
          forwardProtocol: "http",
          forwardPort: 443,
          sslBridging: true,
          ignoreSslServerVerify: true,
        }),
      },
    ],
    compliant: [
      {
        title: "a backend that verifies the servers' certificates",
        resource: resource(BACKEND, {
          lbId: "lb",
          forwardProtocol: "http",
          forwardPort: 443,
          sslBridging: true,
        }),
      },
    ],
  },
  "scw-cockpit-token-explicit-scopes": {
    violating: [
      { title: "a token without scopes", resource: token(undefined), message: /writeMetrics and writeLogs/ },
    ],
    compliant: [{ title: "a token with scopes", resource: token({ writeMetrics: true, writeLogs: false }) }],
  },
  "scw-cockpit-token-least-privilege": {
    violating: [
      {
        title: "a token writing metrics, logs and traces",
        resource: token({ writeMetrics: true, writeLogs: true, writeTraces: true }),
        message: /every write scope/,
      },
      {
        title: "a token with every scope",
        resource: token({
          queryMetrics: true,
          writeMetrics: true,
          setupMetricsRules: true,
          queryLogs: true,
          writeLogs: true,
          setupLogsRules: true,
          setupAlerts: true,
          queryTraces: true,
          writeTraces: true,
        }),
        message: /every scope/,
      },
    ],
    compliant: [
      {
        title: "an exporter token writing metrics only",
        resource: token({ writeMetrics: true, writeLogs: false }),
      },
      {
        title: "a dashboard token querying metrics and logs",
        resource: token({ queryMetrics: true, queryLogs: true, writeMetrics: false, writeLogs: false }),
      },
    ],
  },
  "scw-iam-api-key-on-application": {
    violating: [
      {
        title: "an API key on a user",
        resource: resource(API_KEY, { userId: USER, expiresAt: "2027-01-01T00:00:00Z" }),
        message: /userId is set/,
      },
    ],
    compliant: [
      {
        title: "an API key on an application",
        resource: resource(API_KEY, { applicationId: "app", expiresAt: "2027-01-01T00:00:00Z" }),
      },
    ],
  },
  "scw-iam-policy-not-on-user": {
    violating: [
      {
        title: "a policy attached to a user",
        resource: resource(POLICY, {
          userId: USER,
          rules: [{ permissionSetNames: ["ObjectStorageReadOnly"], projectIds: ["p"] }],
        }),
      },
    ],
    compliant: [
      {
        title: "a policy attached to a group",
        resource: resource(POLICY, {
          groupId: "g",
          rules: [{ permissionSetNames: ["ObjectStorageReadOnly"], projectIds: ["p"] }],
        }),
      },
    ],
  },
  "scw-no-plain-credentials": {
    violating: [
      {
        title: "a trigger header holding a GitHub token",
        resource: resource(TRIGGER, {
          containerId: "c",
          cron: { schedule: "0 * * * *", timezone: "UTC", headers: { "X-Upstream": FAKE.github } },
        }),
        message: /cron\.headers\.X-Upstream holds a GitHub token/,
      },
      {
        title: "a trigger Authorization header with a literal value",
        resource: resource(TRIGGER, {
          containerId: "c",
          cron: {
            schedule: "0 * * * *",
            timezone: "UTC",
            headers: { Authorization: "Bearer abcdefghijklmnop" },
          },
        }),
        message: /Authorization looks like a secret/,
      },
      {
        title: "a cron whose arguments hold a Stripe live key",
        resource: resource(CRON, {
          containerId: "c",
          schedule: "0 * * * *",
          args: JSON.stringify({ key: FAKE.stripe }),
        }),
        message: /args holds a Stripe live secret key/,
      },
      {
        title: "a job environment holding a Scaleway key pair under harmless names",
        resource: job({ UPLOAD_ID: FAKE.scwAccess, UPLOAD_REF: FAKE.scwSecret }),
        message: /env\.UPLOAD_REF holds a Scaleway secret key/,
      },
      {
        title: "a job environment holding an AWS access key",
        resource: job({ S3_ID: FAKE.aws }),
        message: /an AWS access key/,
      },
      {
        title: "instance user data with a DSN holding a password",
        resource: resource(SERVER, {
          type: "PRO2-XXS",
          image: "ubuntu_noble",
          securityGroupId: "sg",
          userData: { "cloud-init": `#cloud-config\nwrite_files:\n  - content: DATABASE=${FAKE.dsn}` },
        }),
        message: /userData\[cloud-init\] holds a URL with a password/,
      },
    ],
    compliant: [
      {
        title: "a trigger with ordinary headers",
        resource: resource(TRIGGER, {
          containerId: "c",
          cron: { schedule: "0 * * * *", timezone: "UTC", headers: { "Content-Type": "application/json" } },
        }),
      },
      {
        title: "a job environment of ids and a UUID without an access key beside it",
        resource: job({ PROJECT_ID: "11111111-2222-4333-8444-555555555555", LOG_LEVEL: "info" }),
      },
      {
        title: "a job whose credential name is listed in ignoredEnvironmentVariables",
        resource: job({ GITHUB_TOKEN_FILE_HINT: FAKE.github }),
        config: { ignoredEnvironmentVariables: ["GITHUB_TOKEN_FILE_HINT"] },
      },
    ],
  },
};

/** A graph of one case: its resource and the others it needs. */
export function caseGraph(c: Case): { resources: GraphResource[] } {
  return graphOf(c.resource, ...(c.others ?? []));
}
