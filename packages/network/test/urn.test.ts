import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Network } from "../src/index";
import { T, base } from "./helpers";

describe("Network URNs, as the Pulumi engine builds them", () => {
  it("a program that registers the same URN twice fails", async () => {
    await expect(
      record(() => {
        new Network("net", base);
        new Network("net", { ...base, environment: "production" });
      }),
    ).rejects.toThrow(
      "Duplicate resource URN 'urn:pulumi:test::project::scaleway-blocks:network:Network::net'; try giving it a unique name",
    );
  });

  it("carries the component's type in its children's URNs", async () => {
    const { graph } = await record(() => new Network("net", base), { project: "shop", stack: "dev" });
    expect(graph.one(T.vpc).urn).toBe(
      "urn:pulumi:dev::shop::scaleway-blocks:network:Network$scaleway:network/vpc:Vpc::net-vpc",
    );
  });

  it("the README's usage example gives each Network its own name", () => {
    const readme = readFileSync(resolve(__dirname, "../README.md"), "utf8");
    const names = [...readme.matchAll(/new Network\("([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
  });
});
