/**
 * IPv4 CIDR arithmetic for validating private network subnets and bastion allow-lists.
 */

export interface Ipv4Cidr {
  /** The address as an unsigned 32-bit integer. */
  readonly address: number;
  readonly prefixLength: number;
}

const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const PREFIX = /^(?:[0-9]|[12][0-9]|3[0-2])$/;

/** Parses "a.b.c.d/n"; undefined when the text is not an IPv4 CIDR. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const [ip, prefix, ...rest] = text.split("/");
  if (ip === undefined || prefix === undefined || rest.length > 0 || !PREFIX.test(prefix)) return undefined;
  const octets = ip.split(".");
  if (octets.length !== 4 || !octets.every((o) => OCTET.test(o) && Number(o) <= 255)) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + Number(o), 0);
  return { address, prefixLength: Number(prefix) };
}

function mask(prefixLength: number): number {
  return prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0;
}

/** The network address of the block (host bits cleared). */
export function networkAddress(cidr: Ipv4Cidr): number {
  return (cidr.address & mask(cidr.prefixLength)) >>> 0;
}

/** Whether the host bits are all zero, i.e. the text names a network and not a host in it. */
export function isNetworkAddress(cidr: Ipv4Cidr): boolean {
  return networkAddress(cidr) === cidr.address;
}

export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join(".");
}

export function formatCidr(cidr: Ipv4Cidr): string {
  return `${formatIpv4(cidr.address)}/${cidr.prefixLength}`;
}

function range(cidr: Ipv4Cidr): [number, number] {
  const first = networkAddress(cidr);
  return [first, first + 2 ** (32 - cidr.prefixLength) - 1];
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  const [outerFirst, outerLast] = range(outer);
  const [innerFirst, innerLast] = range(inner);
  return innerFirst >= outerFirst && innerLast <= outerLast;
}

export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const [aFirst, aLast] = range(a);
  const [bFirst, bLast] = range(b);
  return aFirst <= bLast && bFirst <= aLast;
}

/** The private IPv4 ranges of RFC 1918. */
export const RFC1918_RANGES: readonly Ipv4Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(
  (text) => parseIpv4Cidr(text)!,
);

export function isRfc1918(cidr: Ipv4Cidr): boolean {
  return RFC1918_RANGES.some((r) => contains(r, cidr));
}

/**
 * IPv4 space that is not the public internet: "this network", RFC 1918, shared address space,
 * loopback, link-local, IETF protocol assignments, documentation, benchmarking, multicast and
 * reserved. Source: IANA IPv4 Special-Purpose Address Registry (RFC 6890 and its updates).
 */
export const NON_PUBLIC_IPV4_RANGES: readonly Ipv4Cidr[] = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
].map((text) => parseIpv4Cidr(text)!);

/** Sorted, merged [first, last] address intervals covered by the given blocks. */
function mergedIntervals(cidrs: readonly Ipv4Cidr[]): Array<[number, number]> {
  const sorted = cidrs.map(range).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/**
 * Whether the blocks together cover every public IPv4 address: "0.0.0.0/0", but also the same
 * internet in pieces ("0.0.0.0/1" + "128.0.0.0/1", or public ranges stitched around the private ones).
 */
export function coversPublicInternet(cidrs: readonly Ipv4Cidr[]): boolean {
  const covered = mergedIntervals([...cidrs, ...NON_PUBLIC_IPV4_RANGES]);
  return covered.length === 1 && covered[0]![0] === 0 && covered[0]![1] === 0xffffffff;
}
