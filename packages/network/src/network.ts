import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { defaultZone } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  blockContext,
  coversPublicInternet,
  parseArgs,
  parseIpv4Cidr,
  resolveProtection,
} from "@scaleway-blocks/core/internal";
import type { Region } from "@scaleway-blocks/core";
import { BASTION_DEFAULT_PORT, derivedSubnet, networkArgsSchema } from "./args";
import type { NetworkArgs } from "./args";

/**
 * Marks Network instances so that `privateNetworkIdOf` recognises them even when a program
 * loads two copies of this package (where `instanceof` would fail).
 */
export const NETWORK_BRAND: unique symbol = Symbol.for("scaleway-blocks:network:Network");

/** Parses Network's args: the checks its constructor makes before it registers anything. */
function parseNetworkArgs(name: string, args: NetworkArgs) {
  return parseArgs(networkArgsSchema, args, { type: Network.TYPE, name });
}

/** Every check `new Network(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateNetworkArgs(name: string, args: NetworkArgs): void {
  parseNetworkArgs(name, args);
}

/**
 * A VPC with one or more regional private networks, and optionally a Public Gateway that gives
 * them egress to the internet (dynamic NAT and a pushed default route).
 *
 * @example
 * const network = new Network("net", { project: "shop", environment: "production" });
 * new Database("db", { project: "shop", environment: "production", network });
 */
export class Network extends pulumi.ComponentResource {
  static readonly TYPE = BLOCK_TYPES.network;

  /** @internal */
  readonly [NETWORK_BRAND] = true;

  /** The region of the VPC and of every private network. */
  readonly region: Region;
  readonly vpcId: pulumi.Output<string>;
  /** Private network ids ("<region>/<uuid>") by name. */
  readonly privateNetworkIds: pulumi.Output<Record<string, string>>;
  /** IPv4 subnets (CIDR) by private network name. */
  readonly subnets: pulumi.Output<Record<string, string>>;
  /** The Public Gateway's public IPv4 address; undefined without a gateway. */
  readonly publicGatewayIp: pulumi.Output<string> | undefined;
  /** The VPC resource this component registered (`<name>-vpc`), for what the block does not wrap. */
  readonly vpc: scaleway.network.Vpc;
  /** The private network resources this component registered (`<name>-pn-<name>`), by name. */
  readonly privateNetworks: Readonly<Record<string, scaleway.network.PrivateNetwork>>;
  /** The Public Gateway resource (`<name>-gateway`); undefined without a gateway. */
  readonly publicGateway: scaleway.network.PublicGateway | undefined;

  private readonly privateNetworksByName: ReadonlyMap<string, scaleway.network.PrivateNetwork>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseNetworkArgs(name, args);
    super(Network.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "network", name }, parsed);
    // Explicit arg, then the component's own `protect` option, then the environment profile (stateful only).
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);
    this.region = parsed.region;

    const vpc = new scaleway.network.Vpc(
      `${name}-vpc`,
      {
        name: ctx.name("vpc"),
        region: parsed.region,
        projectId: parsed.projectId,
        // Scaleway routes between the private networks of every new VPC whatever is sent, and the provider
        // then refuses `false` on every later update: ask for what the VPC will be.
        enableRouting: true,
        tags: [...ctx.tags.list],
      },
      { parent: this, ...protection.stateful },
    );
    this.vpc = vpc;
    this.vpcId = vpc.id;

    const byName = new Map<string, scaleway.network.PrivateNetwork>();
    const subnets: Record<string, pulumi.Output<string>> = {};
    parsed.privateNetworks.forEach((spec, index) => {
      const subnet = spec.subnet ?? derivedSubnet(index);
      const pn = new scaleway.network.PrivateNetwork(
        `${name}-pn-${spec.name}`,
        {
          name: ctx.name(spec.name),
          vpcId: vpc.id,
          region: parsed.region,
          projectId: parsed.projectId,
          ipv4Subnet: { subnet },
          tags: [...ctx.tags.list],
        },
        { parent: this, ...protection.stateful },
      );
      byName.set(spec.name, pn);
      subnets[spec.name] = pn.ipv4Subnet.apply((s) => s?.subnet ?? subnet);
    });
    this.privateNetworksByName = byName;
    this.privateNetworks = Object.freeze(Object.fromEntries(byName));
    this.privateNetworkIds = pulumi.all(Object.fromEntries([...byName].map(([key, pn]) => [key, pn.id])));
    this.subnets = pulumi.all(subnets);

    const gw = parsed.publicGateway;
    if (gw) {
      const zone = gw.zone ?? defaultZone(parsed.region);
      // A bastion opened to the internet on purpose (allowFromAnywhere) is a public opt-in the
      // policy can see: the gateway carries the tag public=true.
      const bastionRanges = (gw.bastionEnabled ? (gw.allowedCidrs ?? []) : []).map((r) => parseIpv4Cidr(r)!);
      const openToTheWorld = gw.bastionEnabled && coversPublicInternet(bastionRanges);
      const ip = new scaleway.network.PublicGatewayIp(
        `${name}-gateway-ip`,
        { zone, projectId: parsed.projectId, tags: [...ctx.tags.list] },
        // Its address is what allow-lists elsewhere know: losing it is losing state.
        { parent: this, ...protection.stateful },
      );
      const gateway = new scaleway.network.PublicGateway(
        `${name}-gateway`,
        {
          name: ctx.name("gateway"),
          type: gw.type,
          zone,
          projectId: parsed.projectId,
          ipId: ip.id,
          bastionEnabled: gw.bastionEnabled,
          ...(gw.bastionEnabled
            ? { bastionPort: gw.bastionPort ?? BASTION_DEFAULT_PORT, allowedIpRanges: gw.allowedCidrs }
            : {}),
          enableSmtp: gw.enableSmtp,
          tags: openToTheWorld ? [...ctx.tags.list, "public=true"] : [...ctx.tags.list],
        },
        { parent: this, ...protection.other },
      );
      const attached = gw.privateNetworks ?? parsed.privateNetworks.map((pn) => pn.name);
      for (const pnName of attached) {
        new scaleway.network.GatewayNetwork(
          `${name}-gateway-pn-${pnName}`,
          {
            gatewayId: gateway.id,
            privateNetworkId: byName.get(pnName)!.id,
            zone,
            enableMasquerade: true,
            ipamConfigs: [{ pushDefaultRoute: true }],
          },
          { parent: this, ...protection.other },
        );
      }
      this.publicGatewayIp = ip.address;
      this.publicGateway = gateway;
    }

    this.registerOutputs({
      region: this.region,
      vpcId: this.vpcId,
      privateNetworkIds: this.privateNetworkIds,
      subnets: this.subnets,
      ...(this.publicGatewayIp ? { publicGatewayIp: this.publicGatewayIp } : {}),
    });
  }

  /**
   * The id of a private network, by name; the first one when no name is given.
   * Throws an Error naming the known networks when the name is unknown.
   */
  privateNetworkId(name?: string): pulumi.Output<string> {
    const names = [...this.privateNetworksByName.keys()];
    const key = name ?? names[0]!;
    const pn = this.privateNetworksByName.get(key);
    if (!pn) {
      throw new Error(
        `Network has no private network named "${key}"; its private networks are: ${names.join(", ")}`,
      );
    }
    return pn.id;
  }
}
