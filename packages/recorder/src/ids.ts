import * as crypto from "node:crypto";

/** Node's one-shot hash (Node 20.12+), about twice as fast as a Hash object for these short seeds. */
const oneShot: typeof crypto.hash | undefined = crypto.hash;

function digest(...parts: string[]): Buffer {
  const data = parts.join("\u0000");
  return oneShot ? oneShot("sha256", data, "buffer") : crypto.createHash("sha256").update(data).digest();
}

/** A UUID v4-shaped id derived from the seed, so recorded graphs are stable across runs. */
export function stableUuid(...seed: string[]): string {
  const hex = digest(...seed).toString("hex");
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/** An address inside the given /N IPv4 subnet, derived from the seed (never the network or gateway address). */
export function stableIpIn(subnet: string, ...seed: string[]): string {
  const [base = "172.16.0.0", bitsText = "22"] = subnet.split("/");
  const bits = Number(bitsText);
  const octets = base.split(".").map(Number);
  const network = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const hostCount = 2 ** (32 - bits);
  const offset = 2 + (digest(...seed).readUInt32BE(0) % Math.max(1, hostCount - 3));
  const address = (network + offset) >>> 0;
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join(".");
}

/** A public-looking IPv4 address in Scaleway's 51.15.0.0/16 range. */
export function stablePublicIp(...seed: string[]): string {
  const d = digest(...seed);
  return `51.15.${d[0]! % 256}.${1 + (d[1]! % 254)}`;
}

/** Characters of a generated password, the way @pulumi/random's RandomPassword builds them. */
export function generatedPassword(
  options: {
    length?: number;
    upper?: boolean;
    lower?: boolean;
    numeric?: boolean;
    special?: boolean;
    overrideSpecial?: string;
    minUpper?: number;
    minLower?: number;
    minNumeric?: number;
    minSpecial?: number;
  },
  ...seed: string[]
): string {
  const length = options.length ?? 16;
  const classes: Array<{ chars: string; min: number }> = [];
  if (options.upper ?? true)
    classes.push({ chars: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", min: options.minUpper ?? 0 });
  if (options.lower ?? true)
    classes.push({ chars: "abcdefghijklmnopqrstuvwxyz", min: options.minLower ?? 0 });
  if (options.numeric ?? true) classes.push({ chars: "0123456789", min: options.minNumeric ?? 0 });
  if (options.special ?? true) {
    classes.push({ chars: options.overrideSpecial ?? "!@#$%&*()-_=+[]{}<>:?", min: options.minSpecial ?? 0 });
  }
  const all = classes.map((c) => c.chars).join("") || "abcdefghijklmnopqrstuvwxyz";
  let bytes = Buffer.alloc(0);
  for (let i = 0; bytes.length < length * 2; i++) bytes = Buffer.concat([bytes, digest(...seed, String(i))]);
  const chars: string[] = [];
  let cursor = 0;
  for (const c of classes)
    for (let i = 0; i < c.min; i++) chars.push(c.chars[bytes[cursor++]! % c.chars.length]!);
  while (chars.length < length) chars.push(all[bytes[cursor++]! % all.length]!);
  return chars.slice(0, length).join("");
}
