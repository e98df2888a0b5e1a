import { ZONES_BY_PRODUCT, regionOfZone, zoneFor } from "@scaleway-blocks/core";
import {
  RFC1918_RANGES,
  commonArgsShape,
  coversPublicInternet,
  formatCidr,
  isNetworkAddress,
  isRfc1918,
  nameSegmentSchema,
  networkAddress,
  overlaps,
  parseIpv4Cidr,
} from "@scaleway-blocks/core/internal";
import type { CommonArgs, Ipv4Cidr } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { z } from "zod";

/**
 * Prefix lengths Scaleway accepts for a custom Private Network IPv4 subnet: /20 (4 094 usable
 * addresses) to /28 (14). Source: Scaleway docs, "How to create a Private Network" (custom CIDR).
 */
export const PRIVATE_NETWORK_PREFIX_LENGTH = { min: 20, max: 28 } as const;

/** Derived subnets are /22 blocks of 172.16.0.0/16 (the size Scaleway generates itself), so at most 64. */
export const MAX_PRIVATE_NETWORKS = 64;

/**
 * The subnet of the private network at position `index` when none is given:
 * 172.16.<4 × index>.0/22, i.e. 172.16.0.0/22, 172.16.4.0/22, 172.16.8.0/22, …
 */
export function derivedSubnet(index: number): string {
  return `172.16.${4 * index}.0/22`;
}

/** Public Gateway offers (VPC-GW-L: 3 Gbps, VPC-GW-XL: 10 Gbps). */
export const PublicGatewayType = {
  S: "VPC-GW-S",
  M: "VPC-GW-M",
  L: "VPC-GW-L",
  XL: "VPC-GW-XL",
} as const;
export type PublicGatewayType = (typeof PublicGatewayType)[keyof typeof PublicGatewayType];
const PUBLIC_GATEWAY_TYPES = Object.values(PublicGatewayType);

/** The zones that offer Public Gateways (fr-par-3 does not). */
export type PublicGatewayZone = (typeof ZONES_BY_PRODUCT)["publicGateway"][number];

/**
 * The SSH bastion's default port, and the range Scaleway accepts for a custom one (the provider's
 * validator: terraform-provider-scaleway v2.79.0 internal/services/vpcgw/public_gateway.go, bastion_port).
 */
export const BASTION_DEFAULT_PORT = 61000;
export const BASTION_PORT_RANGE = { min: 1024, max: 59999 } as const;

const RFC1918_TEXT = RFC1918_RANGES.map(formatCidr).join(", ");

function addIssue(ctx: z.RefinementCtx, message: string, path: PropertyKey[] = []): void {
  ctx.addIssue({ code: "custom", message, path });
}

/** Why a text is not a subnet Scaleway accepts for a private network; undefined when it is one. */
function subnetProblem(text: string): string | undefined {
  const cidr = parseIpv4Cidr(text);
  if (!cidr) return `expected an IPv4 CIDR such as "172.16.0.0/22"`;
  if (!isNetworkAddress(cidr)) {
    const fixed = formatCidr({ ...cidr, address: networkAddress(cidr) });
    return `expected a network address with the host bits at zero, e.g. "${fixed}"`;
  }
  if (!isRfc1918(cidr)) return `expected a private range inside ${RFC1918_TEXT} (RFC 1918)`;
  const { min, max } = PRIVATE_NETWORK_PREFIX_LENGTH;
  if (cidr.prefixLength < min || cidr.prefixLength > max) {
    return `expected a prefix length from /${min} to /${max}, the sizes Scaleway accepts`;
  }
  return undefined;
}

/** A private network subnet: a canonical IPv4 CIDR inside RFC 1918, /20 to /28. */
const subnetSchema = z.string().superRefine((text, ctx) => {
  const problem = subnetProblem(text);
  if (problem) addIssue(ctx, problem);
});

/** An IPv4 range allowed to reach the SSH bastion. */
const allowedIpRangeSchema = z.string().superRefine((text, ctx) => {
  const cidr = parseIpv4Cidr(text);
  if (!cidr) return addIssue(ctx, `expected an IPv4 CIDR such as "203.0.113.7/32"`);
  if (!isNetworkAddress(cidr)) {
    const fixed = formatCidr({ ...cidr, address: networkAddress(cidr) });
    addIssue(ctx, `expected a network address with the host bits at zero, e.g. "${fixed}"`);
  }
});

export const privateNetworkSpecSchema = z.strictObject({
  /**
   * The key of this network in the outputs (`privateNetworkIds`, `subnets`, `privateNetworkId(name)`);
   * the Scaleway name is `<project>-<environment>-<component>-<name>`. Unique in the list.
   */
  name: nameSegmentSchema,
  /**
   * IPv4 subnet, e.g. "10.0.0.0/24": inside RFC 1918, /20 to /28, no overlap with the other networks.
   * Default: 172.16.<4 × position>.0/22. **Changing it recreates the private network.**
   */
  subnet: subnetSchema.optional(),
});

export const publicGatewaySpecSchema = z.strictObject({
  /** The offer. Changing it upgrades the gateway in place (the provider calls UpgradeGateway). Default VPC-GW-S. */
  type: z
    .enum(PublicGatewayType, {
      error: () => `expected a gateway type: ${PUBLIC_GATEWAY_TYPES.join(" | ")}`,
    })
    .default("VPC-GW-S"),
  /**
   * Zone of the gateway and its flexible IP; must be in the network's region and offer Public
   * Gateways (fr-par-3 does not). Default: the region's "-1" zone. **Changing it recreates the
   * gateway and its flexible IP**, so the public IP address changes.
   */
  zone: zoneFor("publicGateway").optional(),
  /** Names of the private networks to give egress through the gateway. Default: all of them. */
  privateNetworks: z.array(nameSegmentSchema).min(1, "expected at least one private network name").optional(),
  /** Turns on the SSH bastion. Default false. Needs `allowedCidrs`. */
  bastionEnabled: z.boolean().default(false),
  /** The bastion's port: 61000 (default) or 1024–59999. Only with `bastionEnabled`. */
  bastionPort: z
    .number()
    .int("expected a whole port number")
    .refine(
      (p) => p === BASTION_DEFAULT_PORT || (p >= BASTION_PORT_RANGE.min && p <= BASTION_PORT_RANGE.max),
      `expected ${BASTION_DEFAULT_PORT} or a port from ${BASTION_PORT_RANGE.min} to ${BASTION_PORT_RANGE.max}`,
    )
    .optional(),
  /** IPv4 CIDRs allowed to reach the bastion (e.g. your office, "203.0.113.7/32"). Required with `bastionEnabled`. */
  allowedCidrs: z.array(allowedIpRangeSchema).optional(),
  /**
   * Accept `allowedCidrs` that cover the public internet ("0.0.0.0/0", or pieces such as "0.0.0.0/1"
   * + "128.0.0.0/1"): the bastion then answers everyone. The gateway is tagged `public=true`. Default false.
   */
  allowFromAnywhere: z.boolean().default(false),
  /** Lets machines behind the gateway send mail on port 25. Default false (blocked). */
  enableSmtp: z.boolean().default(false),
});

interface ParsedShape {
  region: string;
  privateNetworks: Array<{ name: string; subnet?: string | undefined }>;
  publicGateway?: z.output<typeof publicGatewaySpecSchema> | undefined;
}

function checkPrivateNetworks(args: ParsedShape, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  args.privateNetworks.forEach((pn, j) => {
    const i = seen.get(pn.name);
    if (i === undefined) seen.set(pn.name, j);
    else {
      addIssue(
        ctx,
        `expected a unique private network name: "${pn.name}" is already privateNetworks[${i}].name`,
        ["privateNetworks", j, "name"],
      );
    }
  });

  // Subnets already refused field by field are left out of the overlap check.
  const cidrs: Array<{ cidr: Ipv4Cidr; derived: boolean } | undefined> = args.privateNetworks.map((pn, i) =>
    pn.subnet === undefined
      ? { cidr: parseIpv4Cidr(derivedSubnet(i))!, derived: true }
      : subnetProblem(pn.subnet) === undefined
        ? { cidr: parseIpv4Cidr(pn.subnet)!, derived: false }
        : undefined,
  );
  const describe = (i: number) => {
    const { cidr, derived } = cidrs[i]!;
    const how = derived ? ", derived from its position; give it a subnet to move it" : "";
    return `privateNetworks[${i}] ("${args.privateNetworks[i]!.name}", ${formatCidr(cidr)}${how})`;
  };
  for (let j = 1; j < cidrs.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = cidrs[i];
      const b = cidrs[j];
      if (!a || !b || !overlaps(a.cidr, b.cidr)) continue;
      // Report on a subnet the user wrote (two derived subnets never overlap).
      const [at, other] = b.derived ? [i, j] : [j, i];
      addIssue(ctx, `expected a subnet that does not overlap ${describe(other)}`, [
        "privateNetworks",
        at,
        "subnet",
      ]);
    }
  }
}

const OPEN_TO_THE_WORLD = "set allowFromAnywhere: true to open the bastion to everyone on purpose";

/**
 * The bastion's ranges must not cover the public internet, alone ("0.0.0.0/0", reported at the range)
 * or together ("0.0.0.0/1" + "128.0.0.0/1", reported at the list).
 */
function checkBastionNotOpenToTheWorld(ranges: readonly string[], ctx: z.RefinementCtx): void {
  const cidrs = ranges.map((text) => parseIpv4Cidr(text));
  let reported = false;
  cidrs.forEach((cidr, k) => {
    if (cidr && coversPublicInternet([cidr])) {
      reported = true;
      addIssue(
        ctx,
        `expected a range narrower than the whole internet (${formatCidr(cidr)} covers it); ${OPEN_TO_THE_WORLD}`,
        ["publicGateway", "allowedCidrs", k],
      );
    }
  });
  const valid = cidrs.filter((cidr): cidr is Ipv4Cidr => cidr !== undefined);
  if (!reported && coversPublicInternet(valid)) {
    addIssue(
      ctx,
      `expected ranges that together leave out part of the public internet: these cover all of it; ${OPEN_TO_THE_WORLD}`,
      ["publicGateway", "allowedCidrs"],
    );
  }
}

function checkPublicGateway(args: ParsedShape, ctx: z.RefinementCtx): void {
  const gw = args.publicGateway;
  if (!gw) return;
  const at = (...path: PropertyKey[]) => ["publicGateway", ...path];

  const offered: readonly string[] = ZONES_BY_PRODUCT.publicGateway;
  if (gw.zone !== undefined && offered.includes(gw.zone) && regionOfZone(gw.zone) !== args.region) {
    const zones = ZONES_BY_PRODUCT.publicGateway.filter((z) => regionOfZone(z) === args.region);
    addIssue(ctx, `expected a zone of the network's region ${args.region}: ${zones.join(" | ")}`, at("zone"));
  }

  const names = [...new Set(args.privateNetworks.map((pn) => pn.name))];
  const chosen = new Set<string>();
  gw.privateNetworks?.forEach((name, k) => {
    if (!names.includes(name)) {
      addIssue(
        ctx,
        `expected the name of one of privateNetworks: ${names.join(", ")}`,
        at("privateNetworks", k),
      );
    } else if (chosen.has(name)) {
      addIssue(
        ctx,
        `expected each private network once: "${name}" is listed twice`,
        at("privateNetworks", k),
      );
    }
    chosen.add(name);
  });

  if (gw.bastionEnabled) {
    if (!gw.allowedCidrs || gw.allowedCidrs.length === 0) {
      addIssue(
        ctx,
        "expected at least one IPv4 range allowed to reach the SSH bastion (Scaleway would otherwise allow 0.0.0.0/0)",
        at("allowedCidrs"),
      );
    }
    if (!gw.allowFromAnywhere) checkBastionNotOpenToTheWorld(gw.allowedCidrs ?? [], ctx);
  } else {
    for (const key of ["allowedCidrs", "bastionPort"] as const) {
      if (gw[key] !== undefined) addIssue(ctx, "expected nothing while bastionEnabled is false", at(key));
    }
    if (gw.allowFromAnywhere) {
      addIssue(ctx, "expected false while bastionEnabled is false", at("allowFromAnywhere"));
    }
  }
}

export const networkArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /**
     * The private networks, all regional in `region`. Default: one named "main" (172.16.0.0/22).
     * Their position decides derived subnets: add new networks at the end, or give them subnets.
     */
    privateNetworks: z
      .array(privateNetworkSpecSchema)
      .min(1, "expected at least one private network")
      .max(MAX_PRIVATE_NETWORKS, `expected at most ${MAX_PRIVATE_NETWORKS} private networks`)
      .default([{ name: "main" }]),
    /**
     * VPC routing between the private networks. Scaleway turns it on for every new VPC, whatever the
     * request says, and it cannot be turned off, so the VPC is always created with routing on and only
     * `true` (or nothing) is accepted. To keep private networks apart, give each its own Network (VPC),
     * or filter traffic between them with a Network ACL (`scaleway.network.Acl`).
     * Sources: terraform-provider-scaleway PR #2631 and v2.79.0 internal/services/vpc/vpc.go
     * (CustomizeDiff: "routing cannot be disabled on this VPC"); testdata/vpc-disable-routing.cassette.yaml
     * (a create with enable_routing:false answered routing_enabled:true).
     */
    enableRouting: z
      .literal(true, {
        error: () =>
          "expected true or nothing: Scaleway turns routing on for every new VPC and it cannot be turned off; " +
          "to keep private networks apart, give each its own separate Network (VPC) or filter traffic between them " +
          "with a Network ACL (scaleway.network.Acl)",
      })
      .optional(),
    /** A Public Gateway giving the private networks egress to the internet. Default: none. */
    publicGateway: publicGatewaySpecSchema.optional(),
    /**
     * Pulumi `protect`. `true` (or the component's `protect` option) protects every child; left unset, the
     * environment's deletionProtection (production) protects the VPC, the private networks and the
     * gateway's flexible IP (allow-lists know its address), never the gateway and its attachments, which a
     * replacement loses nothing with. The component's `retainOnDelete` option reaches every child.
     */
    protect: z.boolean().optional(),
  })
  .superRefine((args, ctx) => {
    checkPrivateNetworks(args, ctx);
    checkPublicGateway(args, ctx);
  });

export type ParsedNetworkArgs = z.output<typeof networkArgsSchema>;

/** One private network of a `Network`. */
export interface PrivateNetworkSpec {
  /**
   * The key of this network in the outputs (`privateNetworkIds`, `subnets`, `privateNetworkId(name)`):
   * lowercase letters, digits and "-", unique in the list. The Scaleway name is
   * `<project>-<environment>-<component>-<name>`; renaming it **RECREATES the private network**.
   */
  name: string;
  /**
   * IPv4 subnet, e.g. "10.0.0.0/24": inside RFC 1918, /20 to /28, no overlap with the other networks.
   * **Changing it RECREATES the private network.**
   * @default 172.16.<4 × position>.0/22 (172.16.0.0/22 for the first), in every environment
   */
  subnet?: string;
}

/** A Public Gateway: egress to the internet for the private networks, and an optional SSH bastion. */
export interface PublicGatewaySpec {
  /**
   * The offer (`PublicGatewayType`). Changing it upgrades the gateway in place (the provider calls
   * UpgradeGateway).
   * @default "VPC-GW-S" in every environment
   */
  type?: PublicGatewayType;
  /**
   * Zone of the gateway and its flexible IP: in the network's region, offering Public Gateways (not
   * fr-par-3). **Changing it RECREATES the gateway and its flexible IP**: the public address changes.
   * @default the region's "-1" zone (e.g. "fr-par-1"), in every environment
   */
  zone?: PublicGatewayZone;
  /**
   * Names of the private networks (`privateNetworks[].name`) given egress through the gateway.
   * @default all of the Network's private networks
   */
  privateNetworks?: string[];
  /**
   * Turns on the SSH bastion. Needs `allowedCidrs`.
   * @default false in every environment
   */
  bastionEnabled?: boolean;
  /**
   * The bastion's port: 61000 or 1024–59999 (the provider's validator). Only with `bastionEnabled`.
   * @default 61000
   */
  bastionPort?: number;
  /**
   * IPv4 CIDRs allowed to reach the bastion (e.g. your office, "203.0.113.7/32"). Required with
   * `bastionEnabled`; ranges that cover the public internet need `allowFromAnywhere`.
   * @default none (required with the bastion, refused without it)
   */
  allowedCidrs?: string[];
  /**
   * Accept `allowedCidrs` that cover the public internet ("0.0.0.0/0", or pieces such as "0.0.0.0/1"
   * + "128.0.0.0/1"): the bastion then answers everyone, and the gateway is tagged `public=true`.
   * @default false in every environment
   */
  allowFromAnywhere?: boolean;
  /**
   * Lets machines behind the gateway send mail on port 25.
   * @default false (port 25 blocked) in every environment
   */
  enableSmtp?: boolean;
}

/** The args of a `Network`: a VPC, its private networks and an optional Public Gateway. */
export interface NetworkArgs extends CommonArgs {
  /**
   * The private networks, all regional in `region`, at most 64. Their position decides derived
   * subnets: add new networks at the end, or give them subnets.
   * @default [{ name: "main" }] (172.16.0.0/22), in every environment
   */
  privateNetworks?: PrivateNetworkSpec[];
  /**
   * VPC routing between the private networks. Scaleway turns it on for every new VPC and it cannot be
   * turned off, so only `true` (or nothing) is accepted. To keep private networks apart, give each its
   * own Network (VPC), or filter traffic with a Network ACL (`scaleway.network.Acl`).
   * Sources: terraform-provider-scaleway PR #2631; v2.79.0 internal/services/vpc/vpc.go.
   * @default true (always on)
   */
  enableRouting?: true;
  /**
   * A Public Gateway giving the private networks egress to the internet.
   * @default none (no egress to the internet), in every environment
   */
  publicGateway?: PublicGatewaySpec;
  /**
   * Pulumi `protect`. `true` (or the component's `protect` option) protects every child; unset, the
   * environment's deletion protection protects the VPC, the private networks and the gateway's
   * flexible IP (allow-lists know its address), never the gateway and its attachments, which a
   * replacement loses nothing with. The component's `retainOnDelete` option reaches every child.
   * @default dev: false, staging: false, production: true (VPC, private networks, gateway IP)
   */
  protect?: boolean;
}

// tsc fails here, naming the fields, when the documented interfaces and the schemas drift apart.
const _networkArgsMatchSchema: AssertSameShape<NetworkArgs, z.input<typeof networkArgsSchema>> = true;
const _privateNetworkMatchesSchema: AssertSameShape<
  PrivateNetworkSpec,
  z.input<typeof privateNetworkSpecSchema>
> = true;
const _publicGatewayMatchesSchema: AssertSameShape<
  PublicGatewaySpec,
  z.input<typeof publicGatewaySpecSchema>
> = true;
