// Managed MongoDB. Inputs: @pulumiverse/scaleway 1.54.0 mongodb/instance.d.ts (privateNetwork,
// publicNetwork, tags). Semantics: terraform-provider-scaleway v2.79.0 internal/services/mongodb/instance.go
// (ResourceInstanceCreate: with no private_network and no public_network, the instance is created with a
// public endpoint).
import { isSet, optedInPublic } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface MongoInputs {
  tags: string[];
  privateNetwork: object;
  publicNetwork: object;
}

export const mongodbNoPublicEndpoint = defineRule<MongoInputs>({
  id: "scw-mongodb-no-public-endpoint",
  severity: "mandatory",
  description:
    "Managed MongoDB instances have no public endpoint (no publicNetwork, a privateNetwork set), unless tagged public on purpose (the public=true tag by default).",
  why: "A public MongoDB endpoint is scanned and brute-forced continuously; exposed MongoDB databases are a leading source of data leaks.",
  remediation:
    'Set privateNetwork { pnId } and remove publicNetwork (connect from the same Private Network), or tag the instance "public=true" (publicOptInTag) when the public endpoint is meant.',
  resourceTypes: [T.mongodbInstance],
  settings: ["publicOptInTag"],
  check: ({ inputs }, { settings }) => {
    if (optedInPublic(inputs, settings)) return undefined;
    if (isSet(inputs, "publicNetwork"))
      return "publicNetwork is set: the instance has a public endpoint reachable from the internet.";
    if (!isSet(inputs, "privateNetwork"))
      return "no privateNetwork is set: Scaleway then gives the instance a public endpoint.";
    return undefined;
  },
});
