import { DEPRECATED_INPUTS, REPLACED_BY, RESOURCE_FACTS } from "../internal/provider-data";
import { placementOf } from "../internal/locality";
import { isSet, tagsOf, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

/** "scaleway:databases/instance:Instance" → "scaleway.databases.Instance"; index tokens → "scaleway.X". */
export function className(token: string): string {
  const [, module = "", name = ""] = /^scaleway:([^/]+)\/[^:]+:(.+)$/.exec(token) ?? [];
  if (name === "") return token;
  return module === "index" ? `scaleway.${name}` : `scaleway.${module}.${name}`;
}

export const requiredTags = defineRule<{ tags: unknown }>({
  id: "scw-required-tags",
  severity: "advisory",
  description: "Taggable resources carry the required tags (managed-by, environment, component by default).",
  why: "Tags are how costs are split, owners found and production told apart; untagged resources are orphans nobody dares delete.",
  remediation:
    'Add the missing "key=value" tags (a map on buckets); scaleway-blocks components add them for you from project, environment and component.',
  resourceTypes: "all",
  settings: ["requiredTags"],
  check: ({ type, inputs }, { settings }) => {
    if (RESOURCE_FACTS[type]?.tags === undefined) return undefined;
    const tags = tagsOf(tryRead(() => inputs.tags));
    const missing = settings.requiredTags.filter((key) => (tags.get(key) ?? "") === "");
    return missing.length > 0
      ? `missing tag${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}.`
      : undefined;
  },
});

export const allowedRegions = defineRule<{ region: string; zone: string }>({
  id: "scw-allowed-regions",
  severity: "mandatory",
  description:
    "Resources live in the allowed regions (fr-par, nl-ams, pl-waw by default; zones count as their region).",
  why: "Data residency: contracts and the GDPR analysis name where data may be stored and processed.",
  remediation:
    "Set region (or zone) to an allowed one; moving a stateful resource recreates it, so migrate its data first.",
  resourceTypes: "all",
  settings: ["allowedRegions", "defaultRegion"],
  check: ({ type, inputs }, { settings }) => {
    const facts = RESOURCE_FACTS[type];
    const { where, locality, region } = placementOf(inputs, settings.defaultRegion);
    if (facts !== undefined && facts.locality === undefined && where === "the provider's default region")
      return undefined; // global resource (IAM, account…)
    if (locality === undefined || region === undefined) return undefined; // nothing says where: the provider decides
    if (settings.allowedRegions.includes(region)) return undefined;
    return `${where} ${locality} is outside the allowed regions (${settings.allowedRegions.join(", ")}).`;
  },
});

/** Classes that no longer work or are about to be removed, with what replaces them. */
export const RETIRED_RESOURCES: Readonly<Record<string, string>> = {
  [T.grafanaUser]:
    "Grafana users are deprecated (removal announced for 2026-01-01): read the URL with observability.getGrafana and sign in with Scaleway IAM.",
  [T.cockpit]:
    "the Cockpit resource is deprecated and plans no longer exist: use observability.Source, observability.Token and observability.AlertManager.",
  [T.publicGatewayDhcp]:
    "Public Gateway DHCP is no longer functional: DHCP moved to Private Networks; use ipamConfigs on network.GatewayNetwork.",
  [T.publicGatewayDhcpReservation]:
    "Public Gateway DHCP reservations are no longer functional: reserve addresses with ipam.Ip.",
};

export const noRetiredResources = defineRule<Record<string, unknown>>({
  id: "scw-no-retired-resources",
  severity: "mandatory",
  description: "No resource of a retired class (Cockpit, GrafanaUser, Public Gateway DHCP).",
  why: "These classes no longer work or are being removed: the next provider release or API change breaks the stack.",
  remediation: "Replace the resource with what the message names, then remove it from the program.",
  resourceTypes: Object.keys(RETIRED_RESOURCES),
  check: ({ type, registeredType }) =>
    `${className(registeredType)}: ${RETIRED_RESOURCES[type] ?? "retired."}`,
});

export const noDeprecatedClasses = defineRule<Record<string, unknown>>({
  id: "scw-no-deprecated-classes",
  severity: "advisory",
  description:
    "Resources use the namespaced provider classes, not the deprecated top-level ones (scaleway:index/*).",
  why: "The top-level classes are deprecated and will be removed; they already log a warning on every run.",
  remediation:
    "Switch to the namespaced class the message names: it declares an alias to the old type, so the resource is kept, not replaced.",
  resourceTypes: "all",
  check: ({ type, registeredType }) => {
    const replacement = REPLACED_BY[registeredType];
    if (replacement === undefined || RETIRED_RESOURCES[type] !== undefined) return undefined;
    return `${className(registeredType)} is deprecated: use ${className(replacement)}.`;
  },
});

/** Replacement hints the provider's own deprecation notes lack. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "scaleway:containers/container:Container.memoryLimit": "use memoryLimitBytes (bytes, not MB)",
  "scaleway:containers/container:Container.httpOption": "use httpsConnectionsOnly: true",
  "scaleway:object/bucket:Bucket.acl": "use an object.BucketAcl resource",
  "scaleway:observability/alertManager:AlertManager.enableManagedAlerts":
    "use preconfiguredAlertIds from observability.getPreconfiguredAlert",
  "scaleway:network/privateNetwork:PrivateNetwork.zone": "Private Networks are regional: set region",
  "scaleway:network/privateNetwork:PrivateNetwork.isRegional": "Private Networks are all regional: remove it",
};

export const noDeprecatedInputs = defineRule<Record<string, unknown>>({
  id: "scw-no-deprecated-inputs",
  severity: "advisory",
  description:
    "Resources set no deprecated input (deploy, registryImage, memoryLimit, httpOption, healthChecks, DHCP on GatewayNetwork, acl on Bucket…).",
  why: "Deprecated inputs are ignored or about to be removed: the stack silently stops doing what it says, then fails to build.",
  remediation: "Use the replacement the message names and remove the deprecated input.",
  resourceTypes: "all",
  check: ({ type, inputs }) => {
    const deprecated = DEPRECATED_INPUTS[type];
    if (deprecated === undefined || RETIRED_RESOURCES[type] !== undefined) return undefined;
    return Object.entries(deprecated)
      .filter(([input]) => isSet(inputs, input))
      .map(([input, note]) => `${input} is deprecated: ${REPLACEMENTS[`${type}.${input}`] ?? note}`);
  },
});

export const generalRules = [
  requiredTags,
  allowedRegions,
  noRetiredResources,
  noDeprecatedClasses,
  noDeprecatedInputs,
];
