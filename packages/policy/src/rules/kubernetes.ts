// Kubernetes Kapsule. Inputs: @pulumiverse/scaleway 1.54.0 kubernetes/cluster.d.ts (autoUpgrade
// { enable, … }, privateNetworkId), kubernetes/pool.d.ts (publicIpDisabled, autohealing) and
// kubernetes/acl.d.ts (clusterId, aclRules [{ ip, scalewayRanges }], noIpAllowed). Semantics:
// terraform-provider-scaleway v2.79.0 internal/services/k8s/descriptions/acl.md ("When creating a
// Cluster, it comes with a default ACL rule allowing all ranges 0.0.0.0/0"), k8s/pool.go
// (public_ip_disabled and autohealing default to false).
import { asObject, ipsOfRules, isSet, openToWorld, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface AclInputs {
  clusterId: string;
  aclRules: { ip?: string; scalewayRanges?: boolean }[];
  noIpAllowed: boolean;
}

export const kubernetesApiRestricted = defineRule<{ autoUpgrade: object }>({
  id: "scw-kubernetes-api-restricted",
  severity: "mandatory",
  description:
    "Kapsule clusters restrict who reaches their API server with a kubernetes.Acl; without one, Scaleway's default ACL allows 0.0.0.0/0.",
  why: "A Kubernetes API open to the internet exposes every authentication flaw and API server CVE to the whole world.",
  remediation:
    "Add a kubernetes.Acl for the cluster (clusterId: cluster.id) whose aclRules list the office, VPN or CI ranges (scalewayRanges: true for Scaleway services), or noIpAllowed: true.",
  resourceTypes: [T.kubernetesCluster],
  readsRelatedResources: true,
  check: (_resource, context) =>
    context.referencedBy(T.kubernetesAcl, "clusterId").length > 0
      ? undefined
      : "no kubernetes.Acl in the stack configures this cluster: its API server accepts 0.0.0.0/0.",
});

export const kubernetesAclNotOpenToWorld = defineRule<AclInputs>({
  id: "scw-kubernetes-acl-not-open-to-world",
  severity: "mandatory",
  description: "Kapsule API ACLs never allow the whole internet (0.0.0.0/0, whole or in pieces).",
  why: "An ACL that lets every address in is the same as no ACL: the API server is on the internet.",
  remediation:
    "List only the CIDRs that need the API in aclRules (and scalewayRanges: true when Scaleway services need it).",
  resourceTypes: [T.kubernetesAcl],
  check: ({ inputs }) => {
    if (tryRead(() => inputs.noIpAllowed) === true) return undefined;
    return openToWorld(ipsOfRules(tryRead(() => inputs.aclRules)), {
      whole: (ip) => `aclRules allows ${ip}: every address may reach the API.`,
      together: (ips) => `aclRules allow ${ips.join(", ")}, which together cover the whole public internet.`,
    });
  },
});

export const kubernetesAutoUpgrade = defineRule<{ autoUpgrade: { enable?: boolean } }>({
  id: "scw-kubernetes-auto-upgrade",
  severity: "advisory",
  description: "Kapsule clusters install Kubernetes patch releases automatically (autoUpgrade.enable: true).",
  why: "Patch releases carry the security fixes; a cluster that waits for a human runs known CVEs for weeks.",
  remediation:
    "Set autoUpgrade { enable: true, maintenanceWindowDay, maintenanceWindowStartHour } and a minor version (x.y) as version.",
  resourceTypes: [T.kubernetesCluster],
  check: ({ inputs }) => {
    const autoUpgrade = asObject(tryRead(() => inputs.autoUpgrade));
    if (
      autoUpgrade !== undefined &&
      tryRead(() => autoUpgrade.enable) !== false &&
      isSet(autoUpgrade, "enable")
    )
      return undefined;
    return "autoUpgrade.enable is not true: patch releases are not installed automatically.";
  },
});

export const kubernetesPrivateNetwork = defineRule<{ privateNetworkId: string }>({
  id: "scw-kubernetes-private-network",
  severity: "advisory",
  description: "Kapsule clusters run on a Private Network (privateNetworkId).",
  why: "Without a Private Network, nodes talk to each other and to databases over public addresses.",
  remediation:
    "Set privateNetworkId (a new cluster, or migrate the existing one: the attachment cannot be removed later).",
  resourceTypes: [T.kubernetesCluster],
  check: ({ inputs }) =>
    isSet(inputs, "privateNetworkId")
      ? undefined
      : "privateNetworkId is unset: the cluster is not on a Private Network.",
});

export const kubernetesPoolNoPublicIp = defineRule<{ publicIpDisabled: boolean }>({
  id: "scw-kubernetes-pool-no-public-ip",
  severity: "advisory",
  description: "Kapsule node pools give their nodes no public IP (publicIpDisabled: true).",
  why: "Nodes with public IPs expose the kubelet and every NodePort to the internet; the provider's default is public.",
  remediation:
    "Set publicIpDisabled: true on pools of a cluster on a Private Network, with a Public Gateway for outgoing traffic.",
  resourceTypes: [T.kubernetesPool],
  check: ({ inputs }) =>
    tryRead(() => inputs.publicIpDisabled) === true ||
    (isSet(inputs, "publicIpDisabled") && tryRead(() => inputs.publicIpDisabled) === undefined)
      ? undefined
      : "publicIpDisabled is not true: every node gets a public IP.",
});

export const kubernetesPoolAutohealing = defineRule<{ autohealing: boolean }>({
  id: "scw-kubernetes-pool-autohealing",
  severity: "advisory",
  description: "Kapsule node pools replace failed nodes themselves (autohealing: true).",
  why: "Without autohealing a node that stops responding stays in the pool, and its pods wait for a human.",
  remediation: "Set autohealing: true on the pool.",
  resourceTypes: [T.kubernetesPool],
  check: ({ inputs }) =>
    isSet(inputs, "autohealing") && tryRead(() => inputs.autohealing) !== false
      ? undefined
      : "autohealing is not true: failed nodes are not replaced.",
});
