// Insecure programs written with the raw provider classes (no building block), each holding planted
// violations. Every planted violation must be caught, on the resource it was planted on, both by
// `evaluate` and by the CrossGuard policies of the pack (run here over the same recorded resources).
import * as pulumi from "@pulumi/pulumi";
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import * as scaleway from "@pulumiverse/scaleway";
import { record, unwrapSecrets } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { evaluate, policyPackPolicies } from "../src/index";
import { FAKE } from "./scaleway-cases";

const PN = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const USER = "66666666-7777-4888-9999-000000000000";

/** One planted violation: the rule that must catch it, on the resource (Pulumi name) it is on. */
interface Planted {
  readonly resource: string;
  readonly ruleId: string;
  readonly what: string;
}

interface Program {
  readonly stack: string;
  readonly build: () => void;
  readonly planted: readonly Planted[];
}

/** A web tier on instances behind a Load Balancer, in a stack named "prod-eu". */
const webTier: Program = {
  stack: "prod-eu",
  build: () => {
    new scaleway.instance.SecurityGroup("web-sg", {
      zone: "fr-par-1",
      inboundRules: [
        { action: "accept", port: 22, ipRange: "0.0.0.0/0" },
        { action: "accept", port: 3389, ipRange: "::/0" },
        { action: "accept", port: 5432 },
      ],
    });
    // A deprecated top-level class, as older programs still write it.
    new scaleway.InstanceSecurityGroup("legacy-sg", {
      zone: "fr-par-1",
      inboundDefaultPolicy: "drop",
      inboundRules: [{ action: "accept", port: 22, ipRange: "0.0.0.0/0" }],
    });
    new scaleway.instance.Server("web-1", {
      type: "PRO2-XXS",
      image: "ubuntu_noble",
      zone: "fr-par-1",
      userData: { "cloud-init": `#cloud-config\nruncmd:\n  - echo DATABASE_URL=${FAKE.dsn} >> /etc/app.env` },
    });
    const lb = new scaleway.loadbalancers.LoadBalancer("web-lb", {
      type: "LB-S",
      zone: "fr-par-1",
      sslCompatibilityLevel: "ssl_compatibility_level_old",
    });
    const backend = new scaleway.loadbalancers.Backend("web-backend", {
      lbId: lb.id,
      forwardProtocol: "http",
      forwardPort: 8080,
    });
    new scaleway.loadbalancers.Frontend("web-http", { lbId: lb.id, backendId: backend.id, inboundPort: 80 });
    new scaleway.loadbalancers.Frontend("web-https", {
      lbId: lb.id,
      backendId: backend.id,
      inboundPort: 443,
    });
    new scaleway.databases.Instance("web-db", {
      nodeType: "DB-PRO2-XXS",
      engine: "PostgreSQL-16",
      encryptionAtRest: true,
      privateNetwork: { pnId: PN },
      tags: ["env=prod-eu"],
    });
    new scaleway.object.Bucket("infra-state", { name: "acme-tfstate", region: "fr-par" });
  },
  planted: [
    { resource: "web-sg", ruleId: "scw-instance-no-ssh-from-internet", what: "SSH from 0.0.0.0/0" },
    { resource: "web-sg", ruleId: "scw-instance-no-rdp-from-internet", what: "RDP from ::/0" },
    {
      resource: "web-sg",
      ruleId: "scw-instance-sensitive-ports-not-public",
      what: "PostgreSQL rule without ipRange",
    },
    {
      resource: "web-sg",
      ruleId: "scw-instance-security-group-inbound-drop",
      what: "inboundDefaultPolicy unset (accept)",
    },
    {
      resource: "legacy-sg",
      ruleId: "scw-instance-no-ssh-from-internet",
      what: "SSH from 0.0.0.0/0 on a deprecated InstanceSecurityGroup",
    },
    { resource: "web-1", ruleId: "scw-instance-server-security-group", what: "no securityGroupId" },
    { resource: "web-1", ruleId: "scw-no-plain-credentials", what: "DSN with a password in cloud-init" },
    { resource: "web-lb", ruleId: "scw-lb-modern-tls", what: "TLS 1.0/1.1 accepted" },
    { resource: "web-http", ruleId: "scw-lb-http-redirects-to-https", what: "HTTP frontend, no redirect" },
    { resource: "web-https", ruleId: "scw-lb-tls-certificate-on-443", what: "443 without certificate" },
    {
      resource: "web-db",
      ruleId: "scw-database-ha-in-production",
      what: "single node, production said by env=prod-eu",
    },
    { resource: "infra-state", ruleId: "scw-bucket-versioning", what: "unversioned bucket acme-tfstate" },
  ],
};

/** Data stores and serverless workloads, in a stack that names no environment. */
const dataTier: Program = {
  stack: "shop",
  build: () => {
    new scaleway.redis.Cluster("cache", {
      nodeType: "RED1-MICRO",
      version: "7.2.5",
      userName: "app",
      password: pulumi.secret("Redis-Passw0rd!"),
      tlsEnabled: false,
      acls: [{ ip: "0.0.0.0/1" }, { ip: "128.0.0.0/1" }],
    });
    new scaleway.mongodb.Instance("docs", {
      nodeNumber: 1,
      nodeType: "MGDB-PLAY2-NANO",
      publicNetwork: {},
    });
    new scaleway.containers.Container("api", {
      namespaceId: "fr-par/ns",
      privacy: "private",
      httpsConnectionsOnly: true,
      environmentVariables: { PAYMENTS_CONFIG: FAKE.stripe, S3_ID: FAKE.aws },
    });
    new scaleway.containers.Trigger("nightly", {
      containerId: "fr-par/c",
      destinationConfig: { httpMethod: "post", httpPath: "/sync" },
      cron: { schedule: "0 3 * * *", timezone: "Europe/Paris", headers: { "X-Upstream": FAKE.github } },
    });
    new scaleway.job.Definition("export", {
      cpuLimit: 140,
      memoryLimit: 256,
      imageUri: "rg.fr-par.scw.cloud/shop/export:1",
      localStorageCapacity: 1000,
      env: { UPLOAD_ID: FAKE.scwAccess, UPLOAD_REF: FAKE.scwSecret },
    });
    new scaleway.object.Bucket("state", { name: "team-pulumi-state", region: "fr-par" });
    new scaleway.object.Bucket("uploads", {
      name: "shop-uploads",
      region: "fr-par",
      forceDestroy: true,
      tags: { Environment: "Production" },
    });
  },
  planted: [
    { resource: "cache", ruleId: "scw-redis-no-public-endpoint", what: "no private network" },
    { resource: "cache", ruleId: "scw-redis-tls-enabled", what: "TLS off" },
    { resource: "cache", ruleId: "scw-redis-acl-not-open-to-world", what: "0.0.0.0/1 + 128.0.0.0/1" },
    { resource: "docs", ruleId: "scw-mongodb-no-public-endpoint", what: "publicNetwork" },
    {
      resource: "api",
      ruleId: "scw-container-no-plain-secret-env",
      what: "sk_live_ and AKIA values under harmless names",
    },
    { resource: "nightly", ruleId: "scw-no-plain-credentials", what: "ghp_ token in a trigger header" },
    { resource: "export", ruleId: "scw-no-plain-credentials", what: "SCW access key + UUID secret key" },
    { resource: "state", ruleId: "scw-bucket-versioning", what: "unversioned bucket team-pulumi-state" },
    {
      resource: "uploads",
      ruleId: "scw-bucket-no-force-destroy-in-production",
      what: "forceDestroy, production said by Environment=Production",
    },
  ],
};

/** Kapsule, Cockpit and IAM, in a stack named "production". */
const platformTier: Program = {
  stack: "production",
  build: () => {
    new scaleway.kubernetes.Cluster("apps", {
      version: "1.31.2",
      cni: "cilium",
      deleteAdditionalResources: false,
      privateNetworkId: PN,
    });
    const tools = new scaleway.kubernetes.Cluster("tools", {
      version: "1.31",
      cni: "cilium",
      deleteAdditionalResources: false,
      privateNetworkId: PN,
      autoUpgrade: { enable: true, maintenanceWindowDay: "sunday", maintenanceWindowStartHour: 3 },
    });
    new scaleway.kubernetes.Acl("tools-acl", { clusterId: tools.id, aclRules: [{ ip: "0.0.0.0/0" }] });
    new scaleway.kubernetes.Pool("tools-pool", {
      clusterId: tools.id,
      nodeType: "PRO2-XXS",
      size: 2,
      autohealing: true,
    });
    new scaleway.observability.Token("push", { name: "push" });
    new scaleway.observability.Token("everything", {
      name: "everything",
      scopes: { writeMetrics: true, writeLogs: true, writeTraces: true },
    });
    new scaleway.iam.ApiKey("deploy-key", { userId: USER, expiresAt: "2027-01-01T00:00:00Z" });
    new scaleway.iam.Policy("deploy-rights", {
      userId: USER,
      rules: [
        { permissionSetNames: ["ContainersReadOnly"], projectIds: ["11111111-2222-4333-8444-555555555555"] },
      ],
    });
  },
  planted: [
    { resource: "apps", ruleId: "scw-kubernetes-api-restricted", what: "no ACL: API open to 0.0.0.0/0" },
    { resource: "apps", ruleId: "scw-kubernetes-auto-upgrade", what: "autoUpgrade unset" },
    { resource: "tools-acl", ruleId: "scw-kubernetes-acl-not-open-to-world", what: "ACL 0.0.0.0/0" },
    { resource: "tools-pool", ruleId: "scw-kubernetes-pool-no-public-ip", what: "nodes with public IPs" },
    { resource: "push", ruleId: "scw-cockpit-token-explicit-scopes", what: "token without scopes" },
    {
      resource: "everything",
      ruleId: "scw-cockpit-token-least-privilege",
      what: "writes metrics, logs and traces",
    },
    { resource: "deploy-key", ruleId: "scw-iam-api-key-on-application", what: "API key on a user" },
    { resource: "deploy-rights", ruleId: "scw-iam-policy-not-on-user", what: "policy on a user" },
  ],
};

/** Every CrossGuard policy of the pack over a recorded graph: [rule id, resource name] per violation. */
async function packViolations(graph: ResourceGraph): Promise<[string, string][]> {
  const custom = graph.resources.filter((r) => r.custom);
  const byUrn = new Map<string, PolicyResource>();
  const opts = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
  };
  for (const r of custom) {
    byUrn.set(r.urn, {
      type: r.type,
      // Under CrossGuard, secrets are plain values.
      props: unwrapSecrets(r.inputs) as Record<string, unknown>,
      urn: r.urn,
      name: r.name,
      opts: { ...opts, protect: r.options.protect === true },
      dependencies: [],
      propertyDependencies: {},
      isType: () => false,
      asType: () => undefined,
    });
  }
  for (const r of custom) {
    const resource = byUrn.get(r.urn)!;
    for (const [input, urns] of Object.entries(r.propertyDependencies)) {
      resource.propertyDependencies[input] = urns
        .map((urn) => byUrn.get(urn))
        .filter((s): s is PolicyResource => s !== undefined);
    }
  }
  const resources = [...byUrn.values()];
  const nameOf = new Map(resources.map((r) => [r.urn, r.name]));
  const found: [string, string][] = [];
  const common = {
    stackTags: new Map<string, string>(),
    getConfig: <T extends object>() => ({}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ""}`);
    },
  };
  for (const policy of policyPackPolicies()) {
    if ("validateStack" in policy) {
      await policy.validateStack({ ...common, resources }, (_message, urn) => {
        found.push([policy.name, nameOf.get(urn ?? "") ?? "?"]);
      });
      continue;
    }
    const validate = policy.validateResource;
    if (typeof validate !== "function") throw new Error(`${policy.name}: expected one validateResource`);
    for (const resource of resources) {
      const args: ResourceValidationArgs = {
        ...common,
        type: resource.type,
        props: resource.props,
        urn: resource.urn,
        name: resource.name,
        opts: resource.opts,
        isType: () => false,
        asType: () => undefined,
      };
      await validate(args, () => found.push([policy.name, resource.name]));
    }
  }
  return found;
}

const programs = { "web tier": webTier, "data tier": dataTier, "platform tier": platformTier };

describe.each(Object.entries(programs))("the insecure %s built from raw resources", (_name, program) => {
  const recording = record(program.build, { stack: program.stack });

  it.each(program.planted.map((p) => [p.ruleId, p.resource, p.what] as const))(
    "is caught by evaluate: %s on %s (%s)",
    async (ruleId, name) => {
      const { graph } = await recording;
      const found = evaluate(graph).filter((f) => f.ruleId === ruleId && f.name === name);
      expect(found.length).toBeGreaterThan(0);
    },
  );

  it.each(program.planted.map((p) => [p.ruleId, p.resource, p.what] as const))(
    "is caught by the CrossGuard pack: %s on %s (%s)",
    async (ruleId, name) => {
      const { graph } = await recording;
      const found = (await packViolations(graph)).filter(([id, on]) => id === ruleId && on === name);
      expect(found.length).toBeGreaterThan(0);
    },
  );

  it("never prints a planted credential in a finding", async () => {
    const { graph } = await recording;
    const text = evaluate(graph)
      .map((f) => f.message)
      .join("\n");
    for (const value of Object.values(FAKE)) expect(text).not.toContain(value);
  });
});

describe("the compliant resources of the insecure programs", () => {
  it("are not reported: the cluster with an ACL, by evaluate and by the pack", async () => {
    const { graph } = await record(platformTier.build, { stack: platformTier.stack });
    const onTools = (id: string, name: string) => id === "scw-kubernetes-api-restricted" && name === "tools";
    expect(evaluate(graph).filter((f) => onTools(f.ruleId, f.name))).toEqual([]);
    expect((await packViolations(graph)).filter(([id, name]) => onTools(id, name))).toEqual([]);
  });

  it("are not reported: the security group that drops by default", async () => {
    const { graph } = await record(webTier.build, { stack: webTier.stack });
    const found = evaluate(graph).filter(
      (f) => f.ruleId === "scw-instance-security-group-inbound-drop" && f.name === "legacy-sg",
    );
    expect(found).toEqual([]);
  });
});

describe("the planted violations", () => {
  it("number at least 25 across the three programs", () => {
    expect(Object.values(programs).flatMap((p) => p.planted).length).toBeGreaterThanOrEqual(25);
  });
});
