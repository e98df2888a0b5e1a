import {
  asArray,
  asNumber,
  asObject,
  asString,
  asStrings,
  isSet,
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

interface AlertManagerInputs {
  contactPoints: { email?: string }[];
  preconfiguredAlertIds: string[];
  enableManagedAlerts: boolean;
}

export const alertContactsInProduction = defineRule<AlertManagerInputs>({
  id: "scw-monitoring-alert-contacts-in-production",
  severity: "mandatory",
  description: "Production alert managers have at least one contact point.",
  why: "Alerts with no contact point fire into the void: production breaks and nobody is told.",
  remediation:
    "Add contactPoints [{ email }] (an on-call address or a mailing list) to the production alert manager.",
  resourceTypes: [T.alertManager],
  environmentAware: true,
  check: ({ inputs }, { production }) => {
    if (!production) return undefined;
    const emails = asArray(inputs.contactPoints).filter((c) => (asString(asObject(c)?.email) ?? "") !== "");
    return emails.length === 0
      ? "no contact point with an email is set on a production alert manager."
      : undefined;
  },
});

export const alertsConfigured = defineRule<AlertManagerInputs>({
  id: "scw-monitoring-alerts-enabled",
  severity: "advisory",
  description: "Alert managers enable preconfigured alerts (preconfiguredAlertIds).",
  why: "An alert manager with no alert rules never notifies anyone, however many contacts it has.",
  remediation:
    "Set preconfiguredAlertIds from observability.getPreconfiguredAlert (e.g. the RDB and Serverless Containers alerts), or manage custom rules and document where.",
  resourceTypes: [T.alertManager],
  check: ({ inputs }) => {
    if (inputs.enableManagedAlerts === true) return undefined;
    if (isSet(inputs, "preconfiguredAlertIds")) {
      const ids = tryRead(() => inputs.preconfiguredAlertIds);
      // Unknown during preview (read from a data source): assume the program lists some.
      if (ids === undefined || asArray(ids).length > 0) return undefined;
    }
    return "no preconfigured alert is enabled.";
  },
});

export const networkRules = [
  gatewayBastionRestricted,
  gatewaySmtpDisabled,
  gatewayPatNoSensitivePorts,
  alertContactsInProduction,
  alertsConfigured,
];
