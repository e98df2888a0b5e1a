import { describe, expect, it, vi } from "vitest";
import { rules } from "../src/index";

const constructed: { name: string; args: { policies: { name: string }[] } }[] = [];

vi.mock("@pulumi/policy", () => ({
  PolicyPack: class {
    constructor(name: string, args: { policies: { name: string }[] }) {
      constructed.push({ name, args });
    }
  },
}));

describe("the pack program for TypeScript repositories (pack/index.ts)", () => {
  it("serves one policy pack named scaleway-blocks with every rule", async () => {
    const entry = "../pack/index.ts";
    await import(entry);
    expect(constructed.map((c) => c.name)).toEqual(["scaleway-blocks"]);
    expect(constructed[0]!.args.policies.map((p) => p.name)).toEqual(rules.map((r) => r.id));
  });
});
