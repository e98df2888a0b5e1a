/**
 * Reading resource inputs safely. Inputs reach the rules from two places:
 * - a graph recorded by @scaleway-blocks/recorder, where secrets are core's `Secret` instances and
 *   other resources are `ResourceRef`s (core's `unwrapSecrets` reads through them);
 * - CrossGuard, where secrets are already plain and an input not known during preview throws when read.
 * Helpers here never read more than they are asked for, and never throw on a missing or odd value.
 */

import { coversPublicInternet, parseIpv4Cidr } from "@scaleway-blocks/core/internal";
import type { Ipv4Cidr } from "@scaleway-blocks/core";

/** Replaces every secret string in `message` (found by core's `unwrapSecrets`) with "[secret]". */
export function scrub(message: string, secrets: ReadonlySet<string>): string {
  let out = message;
  // Longest first, so that a secret containing another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join("[secret]");
  }
  return out;
}

/** Reads a value that may be unknown (CrossGuard throws on unknowns): undefined when it cannot be read. */
export function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether an input is given (an unknown value during preview counts as given). */
export function isSet(inputs: object, key: string): boolean {
  if (!(key in inputs)) return false;
  try {
    const value = (inputs as Record<string, unknown>)[key];
    return value !== undefined && value !== null;
  } catch {
    return true;
  }
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asObject(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asStrings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === "string");
}

/**
 * Tags as a map, from either form Scaleway takes: a "key=value" list (most resources) or a map
 * (Object Storage). A list entry without "=" is a key with an empty value.
 */
export function tagsOf(value: unknown): Map<string, string> {
  const tags = new Map<string, string>();
  if (Array.isArray(value)) {
    // Entry by entry: one tag unknown during preview must not hide the others.
    const length = tryRead(() => value.length) ?? 0;
    for (let i = 0; i < length; i++) {
      const entry: unknown = tryRead(() => value[i] as unknown);
      if (typeof entry !== "string") continue;
      const at = entry.indexOf("=");
      if (at === -1) tags.set(entry.trim(), "");
      else tags.set(entry.slice(0, at).trim(), entry.slice(at + 1).trim());
    }
    return tags;
  }
  const map = asObject(value);
  if (map) {
    for (const key of Object.keys(map)) {
      const v = tryRead(() => map[key]);
      tags.set(key, typeof v === "string" ? v : "");
    }
  }
  return tags;
}

/** Whether tags (a "key=value" list or a map) hold `tag` ("key=value", or "key" for an empty value). */
export function hasTag(tagsInput: unknown, tag: string): boolean {
  const at = tag.indexOf("=");
  const key = at === -1 ? tag : tag.slice(0, at);
  const value = at === -1 ? "" : tag.slice(at + 1);
  return tagsOf(tagsInput).get(key) === value;
}

/** Whether a resource's tags carry the public opt-in tag (the `publicOptInTag` setting, "public=true"). */
export function optedInPublic(inputs: { tags?: unknown }, settings: { publicOptInTag: string }): boolean {
  return hasTag(
    tryRead(() => inputs.tags),
    settings.publicOptInTag,
  );
}

/** "fr-par-2" → "fr-par"; a region is returned as is. */
export function regionOfLocality(locality: string): string {
  return /-\d+$/.test(locality) ? locality.replace(/-\d+$/, "") : locality;
}

/** The prefix length of an IPv4 or IPv6 CIDR ("0.0.0.0/0" → 0); a bare address counts as a host route. */
export function prefixLength(cidr: string): number | undefined {
  const text = cidr.trim();
  const slash = text.indexOf("/");
  if (slash === -1) return text.includes(":") ? 128 : 32;
  const length = Number(text.slice(slash + 1));
  return Number.isInteger(length) ? length : undefined;
}

/** Whether a CIDR admits every address (0.0.0.0/0, ::/0, or any /0). */
export function isWholeInternet(cidr: string): boolean {
  return prefixLength(cidr) === 0;
}

/** An IPv4 CIDR, or a bare IPv4 address as a /32; undefined for anything else (IPv6 included). */
function ipv4Block(text: string): Ipv4Cidr | undefined {
  const trimmed = text.trim();
  return parseIpv4Cidr(trimmed.includes("/") ? trimmed : `${trimmed}/32`);
}

/**
 * Whether ranges that each stop short of /0 still admit the whole public internet together
 * ("0.0.0.0/1" + "128.0.0.0/1", or public blocks stitched around the private ones), by core's
 * `coversPublicInternet`. A single /0 is `isWholeInternet`'s case and is not counted here.
 */
export function coverWholeInternetTogether(cidrs: readonly string[]): boolean {
  if (cidrs.some(isWholeInternet)) return false;
  const blocks = cidrs.map(ipv4Block).filter((b): b is Ipv4Cidr => b !== undefined);
  return blocks.length > 1 && coversPublicInternet(blocks);
}

/** The `ip` of each rule of an allow-list given as `[{ ip, description? }]` (database, Redis and Kapsule ACLs). */
export function ipsOfRules(rules: unknown): string[] {
  return asArray(rules)
    .map((rule) => asString(asObject(rule)?.ip))
    .filter((ip): ip is string => ip !== undefined);
}

/**
 * The violations of an allow-list that admits every address: one per /0 range, else one when the
 * ranges cover the public internet together; empty when it does not.
 */
export function openToWorld(
  ranges: readonly string[],
  say: { whole: (range: string) => string; together: (ranges: readonly string[]) => string },
): string[] {
  const whole = ranges.filter(isWholeInternet).map(say.whole);
  if (whole.length > 0) return whole;
  return coverWholeInternetTogether(ranges) ? [say.together(ranges)] : [];
}
