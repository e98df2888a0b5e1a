// Managed Redis. Inputs: @pulumiverse/scaleway 1.54.0 redis/cluster.d.ts (acls, privateNetworks,
// publicNetwork, tlsEnabled, tags). Semantics: terraform-provider-scaleway v2.79.0
// internal/services/redis/cluster.go (acl conflicts with private_network: ACLs guard the public
// endpoint; tls_enabled is optional, off unless set, and ForceNew).
import { ipsOfRules, isSet, openToWorld, optedInPublic, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface RedisInputs {
  tags: string[];
  acls: { ip?: string }[];
  privateNetworks: object[];
  publicNetwork: object;
  tlsEnabled: boolean;
}

/** Whether a list input holds at least one entry (an unknown value during preview counts as one). */
function hasEntries(inputs: object, key: string): boolean {
  if (!isSet(inputs, key)) return false;
  const value = tryRead(() => (inputs as Record<string, unknown>)[key]);
  return value === undefined || !Array.isArray(value) || value.length > 0;
}

export const redisNoPublicEndpoint = defineRule<RedisInputs>({
  id: "scw-redis-no-public-endpoint",
  severity: "mandatory",
  description:
    "Managed Redis clusters are reachable only through a Private Network (privateNetworks), unless tagged public on purpose (the public=true tag by default).",
  why: "Redis has a single password and no rate limit: on the internet it is brute-forced, and a cache often holds sessions and tokens.",
  remediation:
    'Set privateNetworks [{ id }] on the cluster (it replaces the public endpoint and its ACLs), or tag it "public=true" (publicOptInTag) and keep acls to known addresses.',
  resourceTypes: [T.redisCluster],
  settings: ["publicOptInTag"],
  check: ({ inputs }, { settings }) => {
    if (optedInPublic(inputs, settings)) return undefined;
    return hasEntries(inputs, "privateNetworks")
      ? undefined
      : "no privateNetworks is set: the cluster gets a public endpoint.";
  },
});

export const redisTlsEnabled = defineRule<RedisInputs>({
  id: "scw-redis-tls-enabled",
  severity: "mandatory",
  description: "Managed Redis clusters encrypt connections (tlsEnabled: true).",
  why: "Without TLS the password and every cached value cross the network in clear text, readable and changeable on the path.",
  remediation:
    "Set tlsEnabled: true (it recreates the cluster: plan the switch) and connect with rediss:// and the cluster's certificate.",
  resourceTypes: [T.redisCluster],
  check: ({ inputs }) =>
    isSet(inputs, "tlsEnabled") && tryRead(() => inputs.tlsEnabled) !== false
      ? undefined
      : "tlsEnabled is not true: connections are in clear text.",
});

export const redisAclNotOpenToWorld = defineRule<RedisInputs>({
  id: "scw-redis-acl-not-open-to-world",
  severity: "mandatory",
  description: "Managed Redis ACLs never allow the whole internet (0.0.0.0/0, whole or in pieces).",
  why: "An ACL for 0.0.0.0/0, or ranges that cover it together, lets every address on the internet try the cluster's password.",
  remediation: "List only the CIDRs that need access in acls, or move the cluster onto a Private Network.",
  resourceTypes: [T.redisCluster],
  check: ({ inputs }) => {
    return openToWorld(ipsOfRules(tryRead(() => inputs.acls)), {
      whole: (ip) => `acls allows ${ip}: every address may connect.`,
      together: (ips) => `acls allow ${ips.join(", ")}, which together cover the whole public internet.`,
    });
  },
});
