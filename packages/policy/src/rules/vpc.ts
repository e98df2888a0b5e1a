// VPC: Public Gateways (the VPC Public Gateway API, vpc-gw) and their PAT rules.
import {
  asNumber,
  asStrings,
  coverWholeInternetTogether,
  isWholeInternet,
  tryRead,
} from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface GatewayInputs {
  bastionEnabled: boolean;
  bastionPort: number;
  allowedIpRanges: string[];
  enableSmtp: boolean;
}

export const gatewayBastionRestricted = defineRule<GatewayInputs>({
  id: "scw-gateway-bastion-restricted",
  severity: "mandatory",
  description:
    "A Public Gateway's SSH bastion accepts only listed address ranges, never 0.0.0.0/0 (whole or in pieces).",
  why: "With no allowedIpRanges the bastion accepts SSH from the whole internet: every scanner gets a login prompt into the VPC.",
  remediation:
    "Set allowedIpRanges to the office, VPN or CI ranges that need SSH, or turn the bastion off (bastionEnabled: false).",
  resourceTypes: [T.publicGateway],
  check: ({ inputs }) => {
    if (inputs.bastionEnabled !== true) return undefined;
    const ranges = asStrings(tryRead(() => inputs.allowedIpRanges));
    if (ranges.length === 0)
      return "the bastion is on and allowedIpRanges is unset: SSH is open to 0.0.0.0/0.";
    const open = ranges.filter(isWholeInternet);
    if (open.length > 0) return `the bastion is on and allowedIpRanges contains ${open.join(", ")}.`;
    if (coverWholeInternetTogether(ranges))
      return `the bastion is on and allowedIpRanges ${ranges.join(", ")} together cover the whole public internet.`;
    return undefined;
  },
});

export const gatewaySmtpDisabled = defineRule<GatewayInputs>({
  id: "scw-gateway-smtp-disabled",
  severity: "advisory",
  description: "Public Gateways keep outgoing SMTP blocked (enableSmtp off).",
  why: "Open SMTP lets a compromised workload send spam or phish from your IP, which then lands on block lists.",
  remediation:
    "Leave enableSmtp unset; send mail through Transactional Email or another provider's submission port.",
  resourceTypes: [T.publicGateway],
  check: ({ inputs }) => (inputs.enableSmtp === true ? "enableSmtp is true." : undefined),
});

export const gatewayPatNoSensitivePorts = defineRule<{ publicPort: number; privatePort: number }>({
  id: "scw-gateway-pat-no-sensitive-ports",
  severity: "mandatory",
  description: "Public Gateway port forwarding (PAT) never exposes SSH, RDP or database ports.",
  why: "A PAT rule puts a private host's port on the internet, with none of the bastion's or the database's access control in front.",
  remediation:
    "Remove the rule; reach the host through the SSH bastion with allowedIpRanges, or through a VPN.",
  resourceTypes: [T.publicGatewayPatRule],
  settings: ["sensitivePorts"],
  check: ({ inputs }, { settings }) => {
    const ports = [
      ["publicPort", asNumber(tryRead(() => inputs.publicPort))],
      ["privatePort", asNumber(tryRead(() => inputs.privatePort))],
    ] as const;
    return ports.flatMap(([field, port]) =>
      port !== undefined && settings.sensitivePorts.includes(port)
        ? [`${field} ${port} is a sensitive port.`]
        : [],
    );
  },
});
