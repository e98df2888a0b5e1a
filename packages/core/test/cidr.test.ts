import { describe, expect, it } from "vitest";
import { contains, formatCidr, isNetworkAddress, isRfc1918, overlaps, parseIpv4Cidr } from "../src/index";

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
