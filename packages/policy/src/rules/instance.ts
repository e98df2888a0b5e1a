// Instance security groups. Inputs: @pulumiverse/scaleway 1.54.0 instance/securityGroup.d.ts,
// instance/securityGroupRules.d.ts and types/input.d.ts (SecurityGroupInboundRule: action, protocol,
// port, portRange, ip, ipRange). Semantics: terraform-provider-scaleway v2.79.0
// internal/services/instance/security_group.go: inbound_default_policy defaults to "accept";
// protocol defaults to TCP; a rule with neither ip nor ip_range is sent as 0.0.0.0/0
// (securityGroupRuleExpand), and one with neither port nor port_range covers every port.
import {
  asArray,
  asNumber,
  asObject,
  asString,
  coverWholeInternetTogether,
  isSet,
  isWholeInternet,
  tryRead,
} from "../internal/values";
import type { RuleResource } from "../types";
import { defineRule } from "./define";
import { T } from "./tokens";

/** One inbound rule as the provider sends it: its source range and the ports it covers. */
interface InboundRule {
  readonly index: number;
  readonly action: string;
  readonly protocol: string;
  /** The source range, 0.0.0.0/0 when the rule gives neither ip nor ipRange. */
  readonly range: string;
  /** The first and last port covered; [1, 65535] when the rule gives neither port nor portRange. */
  readonly ports: readonly [number, number];
}

function inboundRules(resource: RuleResource): InboundRule[] {
  return asArray(tryRead(() => resource.inputs.inboundRules)).flatMap((value, index) => {
    const rule = asObject(value);
    if (!rule) return [];
    const port = asNumber(tryRead(() => rule.port));
    const range = asString(tryRead(() => rule.portRange));
    const [from, to] = range?.split("-").map((p) => Number(p.trim())) ?? [];
    const ports: [number, number] =
      port !== undefined && port !== 0
        ? [port, port]
        : from !== undefined && Number.isFinite(from)
          ? [from, to !== undefined && Number.isFinite(to) ? to : from]
          : [1, 65535];
    const ip = asString(tryRead(() => rule.ipRange)) ?? asString(tryRead(() => rule.ip));
    return [
      {
        index,
        action: (asString(tryRead(() => rule.action)) ?? "").toLowerCase(),
        protocol: (asString(tryRead(() => rule.protocol)) ?? "TCP").toUpperCase(),
        range: ip === undefined || ip === "" ? "0.0.0.0/0" : ip,
        ports,
      },
    ];
  });
}

/**
 * Why `port` (over TCP) is open to the whole internet through the accept rules of a security group,
 * or undefined: one rule from 0.0.0.0/0 or ::/0, or several whose ranges cover the public internet.
 */
function openToInternet(resource: RuleResource, port: number): string | undefined {
  const accepting = inboundRules(resource).filter(
    (r) =>
      r.action === "accept" &&
      (r.protocol === "TCP" || r.protocol === "ANY") &&
      r.ports[0] <= port &&
      port <= r.ports[1],
  );
  const whole = accepting.find((r) => isWholeInternet(r.range));
  if (whole !== undefined) return `inboundRules[${whole.index}] accepts port ${port} from ${whole.range}.`;
  const ranges = accepting.map((r) => r.range);
  return coverWholeInternetTogether(ranges)
    ? `inboundRules accept port ${port} from ${ranges.join(", ")}, which together cover the whole public internet.`
    : undefined;
}

const SG_TYPES = [T.securityGroup, T.securityGroupRules];

export const instanceNoSshFromInternet = defineRule<Record<string, unknown>>({
  id: "scw-instance-no-ssh-from-internet",
  severity: "mandatory",
  description:
    "Instance security groups never accept SSH (port 22) from anywhere (0.0.0.0/0, ::/0, a rule without ipRange, or ranges that together cover the internet).",
  why: "An SSH port open to the internet is brute-forced within minutes of boot; one weak key or password gives a shell.",
  remediation:
    "Limit the rule's ipRange to the office, VPN or bastion addresses, or reach instances through a Public Gateway bastion with allowedIpRanges.",
  resourceTypes: SG_TYPES,
  check: (resource) => openToInternet(resource, 22),
});

export const instanceNoRdpFromInternet = defineRule<Record<string, unknown>>({
  id: "scw-instance-no-rdp-from-internet",
  severity: "mandatory",
  description:
    "Instance security groups never accept RDP (port 3389) from anywhere (0.0.0.0/0, ::/0, a rule without ipRange, or ranges that together cover the internet).",
  why: "RDP open to the internet is one of the main ransomware entry points: credential stuffing and RDP CVEs are exploited at scale.",
  remediation:
    "Limit the rule's ipRange to the addresses that need it, or reach Windows instances through a VPN.",
  resourceTypes: SG_TYPES,
  check: (resource) => openToInternet(resource, 3389),
});

export const instanceSensitivePortsNotPublic = defineRule<Record<string, unknown>>({
  id: "scw-instance-sensitive-ports-not-public",
  severity: "mandatory",
  description:
    "Instance security groups never accept database and other sensitive ports (sensitivePorts: 3306, 5432, 6379, 9200, 27017… by default) from the whole internet.",
  why: "A database port open to the internet meets credential stuffing and engine CVEs directly, with no application in between.",
  remediation:
    "Restrict the rule's ipRange to the private addresses of the clients, or move the service onto a Private Network.",
  resourceTypes: SG_TYPES,
  settings: ["sensitivePorts"],
  check: (resource, { settings }) =>
    settings.sensitivePorts
      .filter((port) => port !== 22 && port !== 3389) // their own rules say it
      .map((port) => openToInternet(resource, port))
      .filter((m): m is string => m !== undefined),
});

export const securityGroupDropByDefault = defineRule<{ inboundDefaultPolicy: string }>({
  id: "scw-instance-security-group-inbound-drop",
  severity: "mandatory",
  description:
    'Instance security groups drop inbound traffic by default (inboundDefaultPolicy: "drop"); the provider\'s default is "accept".',
  why: "With the accept default every port an instance listens on is on the internet, including services bound by mistake or installed later.",
  remediation:
    'Set inboundDefaultPolicy: "drop" and list the ports that must be reachable as accept rules with their source ranges.',
  resourceTypes: [T.securityGroup],
  check: ({ inputs }) => {
    const policy = asString(tryRead(() => inputs.inboundDefaultPolicy));
    if (policy === "drop") return undefined;
    return policy === undefined
      ? 'inboundDefaultPolicy is unset: Scaleway\'s default "accept" lets every port in.'
      : `inboundDefaultPolicy is "${policy}": every port not dropped by a rule is open.`;
  },
});

export const securityGroupNoAcceptAll = defineRule<Record<string, unknown>>({
  id: "scw-instance-no-accept-all-rule",
  severity: "mandatory",
  description:
    "Instance security groups hold no inbound rule that accepts every port from the whole internet.",
  why: "A rule with no port from 0.0.0.0/0 undoes the drop default: the instance is as exposed as without a firewall.",
  remediation:
    "Replace the rule by rules for the ports the service needs, each with the narrowest source range.",
  resourceTypes: SG_TYPES,
  check: (resource) =>
    inboundRules(resource)
      .filter(
        (r) =>
          r.action === "accept" &&
          r.protocol !== "ICMP" &&
          r.ports[0] <= 1 &&
          r.ports[1] >= 65535 &&
          isWholeInternet(r.range),
      )
      .map((r) => `inboundRules[${r.index}] accepts every ${r.protocol} port from ${r.range}.`),
});

export const serverHasSecurityGroup = defineRule<{ securityGroupId: string }>({
  id: "scw-instance-server-security-group",
  severity: "advisory",
  description:
    "Instances name their security group (securityGroupId) instead of taking the project's default one.",
  why: "Without securityGroupId an instance joins the zone's default security group, whose inbound default is accept and which nobody reviews.",
  remediation: 'Create an instance.SecurityGroup with inboundDefaultPolicy: "drop" and set securityGroupId.',
  resourceTypes: [T.instanceServer],
  check: ({ inputs }) =>
    isSet(inputs, "securityGroupId")
      ? undefined
      : "securityGroupId is unset: the instance gets the default security group.",
});
