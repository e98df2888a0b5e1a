import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../src/index";
import type { Rule } from "../src/index";

/** Each rule file of src/rules/, named by Scaleway product, and the provider modules of that product. */
const PRODUCT_MODULES: Readonly<Record<string, readonly string[]>> = {
  "object-storage": ["object"],
  rdb: ["databases"],
  "serverless-containers": ["containers", "functions"],
  "container-registry": ["registry"],
  "secret-manager": ["secrets"],
  "key-manager": ["keymanager"],
  cockpit: ["observability"],
  iam: ["iam"],
  vpc: ["network"],
  instance: ["instance"],
  kubernetes: ["kubernetes"],
  "load-balancer": ["loadbalancers"],
  redis: ["redis"],
  mongodb: ["mongodb"],
};
const NOT_RULES = ["define.ts", "index.ts", "tokens.ts"];
const rulesDir = join(__dirname, "..", "src", "rules");
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith(".ts") && !NOT_RULES.includes(f));

async function rulesOf(file: string): Promise<Rule[]> {
  const module = (await import(join(rulesDir, file))) as Record<string, unknown>;
  return Object.values(module).filter((v): v is Rule => rules.includes(v as Rule));
}

function modulesOf(rule: Rule): Set<string> | "all" {
  if (rule.resourceTypes === "all") return "all";
  return new Set(rule.resourceTypes.map((t) => /^scaleway:([^/]+)\//.exec(t)?.[1] ?? t));
}

describe("rule files", () => {
  it("are one file per Scaleway product, plus cross-product.ts", () => {
    expect(ruleFiles.sort()).toEqual(
      [...Object.keys(PRODUCT_MODULES).map((p) => `${p}.ts`), "cross-product.ts"].sort(),
    );
  });

  it("hold every rule once", async () => {
    const filed = (await Promise.all(ruleFiles.map(rulesOf))).flat();
    expect(filed.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
  });

  it.each(Object.entries(PRODUCT_MODULES))(
    "file under %s only rules about that product's resources",
    async (product, modules) => {
      const filed = await rulesOf(`${product}.ts`);
      expect(filed.length).toBeGreaterThan(0);
      for (const rule of filed) {
        const own = modulesOf(rule);
        expect(own, rule.id).not.toBe("all");
        for (const module of own) expect(modules, `${rule.id} reads ${module} resources`).toContain(module);
      }
    },
  );

  it("file under cross-product.ts only rules that span products", async () => {
    for (const rule of await rulesOf("cross-product.ts")) {
      const own = modulesOf(rule);
      if (own !== "all") expect(own.size, rule.id).toBeGreaterThan(1);
    }
  });
});
