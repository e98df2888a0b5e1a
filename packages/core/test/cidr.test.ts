import { describe, expect, it } from "vitest";
import {
  contains,
  coversPublicInternet,
  formatCidr,
  isNetworkAddress,
  isRfc1918,
  overlaps,
  parseIpv4Cidr,
} from "../src/internal";

const cidr = (text: string) => {
  const parsed = parseIpv4Cidr(text);
  if (!parsed) throw new Error(`not a CIDR: ${text}`);
  return parsed;
};

describe("IPv4 CIDR helpers", () => {
  it("parses and formats a CIDR back to the same text", () => {
    expect(formatCidr(cidr("172.16.4.0/22"))).toBe("172.16.4.0/22");
  });

  it.each([
    "10.0.0.0",
    "10.0.0/8",
    "10.0.0.0/",
    "010.0.0.0/8",
    "10.0.0.256/24",
    "10.0.0.0/8/1",
    " 10.0.0.0/8",
  ])("refuses %j", (text) => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });

  it("tells a network address from a host address", () => {
    expect(isNetworkAddress(cidr("10.0.4.0/22"))).toBe(true);
    expect(isNetworkAddress(cidr("10.0.5.0/22"))).toBe(false);
  });

  it("finds overlaps, including a block inside another, but not adjacent blocks", () => {
    expect(overlaps(cidr("10.0.0.0/22"), cidr("10.0.3.0/24"))).toBe(true);
    expect(overlaps(cidr("10.0.0.0/24"), cidr("10.0.1.0/24"))).toBe(false);
    expect(overlaps(cidr("0.0.0.0/0"), cidr("192.168.1.0/24"))).toBe(true);
  });

  it("checks containment at the edges of a range", () => {
    expect(contains(cidr("172.16.0.0/12"), cidr("172.31.255.240/28"))).toBe(true);
    expect(contains(cidr("172.16.0.0/12"), cidr("172.32.0.0/28"))).toBe(false);
  });

  it.each([
    ["10.255.0.0/20", true],
    ["172.16.0.0/12", true],
    ["192.168.255.0/24", true],
    ["172.15.0.0/16", false],
    ["192.169.0.0/24", false],
    ["100.64.0.0/22", false],
    ["0.0.0.0/0", false],
  ])("knows whether %s is RFC 1918", (text, expected) => {
    expect(isRfc1918(cidr(text))).toBe(expected);
  });
});

describe("coversPublicInternet", () => {
  const all = (...texts: string[]) => texts.map(cidr);

  it("sees 0.0.0.0/0 as the public internet", () => {
    expect(coversPublicInternet(all("0.0.0.0/0"))).toBe(true);
  });

  it("sees the internet in two halves as the public internet", () => {
    expect(coversPublicInternet(all("0.0.0.0/1", "128.0.0.0/1"))).toBe(true);
  });

  it("sees public ranges stitched around the private ones as the public internet", () => {
    // everything but 0.0.0.0/8 and 10.0.0.0/8, which are not internet addresses
    const pieces = [
      "1.0.0.0/8",
      "2.0.0.0/7",
      "4.0.0.0/6",
      "8.0.0.0/7",
      "11.0.0.0/8",
      "12.0.0.0/6",
      "16.0.0.0/4",
      "32.0.0.0/3",
      "64.0.0.0/2",
      "128.0.0.0/1",
    ];
    expect(coversPublicInternet(all(...pieces))).toBe(true);
    expect(coversPublicInternet(all(...pieces.filter((p) => p !== "11.0.0.0/8")))).toBe(false);
  });

  it("does not see half the internet, or an office range, as all of it", () => {
    expect(coversPublicInternet(all("0.0.0.0/1"))).toBe(false);
    expect(coversPublicInternet(all("203.0.113.7/32", "198.51.100.0/24"))).toBe(false);
    expect(coversPublicInternet([])).toBe(false);
  });
});
