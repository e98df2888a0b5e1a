import * as pulumi from "@pulumi/pulumi";
import { REGIONAL_UUID_PATTERN, isDeferred } from "@scaleway-blocks/core/internal";
import { z } from "zod";
import { NETWORK_BRAND } from "./network";
import type { Network } from "./network";

/** A Network, or the id of an existing private network ("fr-par/<uuid>", or a bare UUID). */
export type PrivateNetworkInput = Network | pulumi.Input<string>;

function isNetwork(value: unknown): value is Network {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { [NETWORK_BRAND]?: unknown })[NETWORK_BRAND] === true &&
    typeof (value as { privateNetworkId?: unknown }).privateNetworkId === "function"
  );
}

/**
 * Accepts a Network, a private network id ("fr-par/<uuid>" or a UUID), or an Output/Promise of one.
 * Components that join a private network use it for their `network` arg.
 */
export const privateNetworkInputSchema = z.custom<PrivateNetworkInput>(
  (value) =>
    isNetwork(value) || isDeferred(value) || (typeof value === "string" && REGIONAL_UUID_PATTERN.test(value)),
  {
    message: `expected a Network, a private network id ("fr-par/<uuid>" or a UUID), an Output or a Promise`,
  },
);

/**
 * The private network id behind a PrivateNetworkInput. With a Network, `name` picks one of its
 * private networks (default: the first); with an id, `name` must be left out.
 */
export function privateNetworkIdOf(input: PrivateNetworkInput, name?: string): pulumi.Output<string> {
  if (isNetwork(input)) return input.privateNetworkId(name);
  if (name !== undefined) {
    throw new Error(
      `privateNetworkIdOf: a private network name ("${name}") only applies to a Network, not to a private network id`,
    );
  }
  return pulumi.output(input);
}
