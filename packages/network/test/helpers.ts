import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { recordError, SCALEWAY_TYPES } from "@scaleway-blocks/testing";
import type { RecordOptions, ResourceGraph } from "@scaleway-blocks/testing";
import { Network } from "../src/index";
import type { NetworkArgs } from "../src/index";

export const T = {
  network: Network.TYPE,
  vpc: SCALEWAY_TYPES.vpc,
  privateNetwork: SCALEWAY_TYPES.privateNetwork,
  gateway: SCALEWAY_TYPES.publicGateway,
  gatewayIp: SCALEWAY_TYPES.publicGatewayIp,
  gatewayNetwork: SCALEWAY_TYPES.gatewayNetwork,
} as const;

export const base = { project: "shop", environment: "dev" } as const satisfies NetworkArgs;

export const PROJECT_ID = "11111111-2222-4333-8444-555555555555";

/** Builds a Network from args that should be refused; returns the ConfigError and what was registered. */
export async function refuse(
  args: unknown,
  options: RecordOptions = {},
): Promise<{ error: ConfigError; graph: ResourceGraph }> {
  const { error, graph } = await recordError(() => new Network("net", args as NetworkArgs), options);
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return { error, graph };
}

/** The issue reported for one field path, or undefined. */
export function issueAt(error: ConfigError, path: string) {
  return error.issues.find((i) => i.path === path);
}

/** A stand-in for a resource of another component that takes a private network id. */
export class Consumer extends pulumi.CustomResource {
  constructor(name: string, props: { pnId: pulumi.Input<string> }) {
    super("test:index:Consumer", name, props);
  }
}
