import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../src/index";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

// The pack program (pack/index.js) in its own Node process, serving Pulumi's Analyzer service over
// gRPC, queried the way the Pulumi CLI queries a policy pack. No Pulumi CLI runs here: the Node.js
// policy host is not available on this machine (see the README's limits).
interface Served {
  info(): Promise<{ name: string; policies: { name: string; enforcementLevel: string }[] }>;
  analyze(resource: {
    type: string;
    name: string;
    urn: string;
    properties: Record<string, unknown>;
  }): Promise<{ policyName: string; enforcementLevel: string; message: string; urn: string }[]>;
  stop(): void;
}
const { startPolicyPack } = createRequire(__filename)("../../../scripts/release-fixture/policy-pack.cjs") as {
  startPolicyPack: (
    packDir: string,
    options: { resolveFrom: string; env?: Record<string, string> },
  ) => Promise<Served>;
};

const packageDir = resolve(__dirname, "..");
const INSTANCE = SCALEWAY_TYPES.databaseInstance;
let pack: Served;

beforeAll(async () => {
  // In the workspace the package does not resolve itself by name, as it does once installed: link it.
  const modules = mkdtempSync(join(tmpdir(), "policy-pack-modules-"));
  mkdirSync(join(modules, "@scaleway-blocks"));
  symlinkSync(packageDir, join(modules, "@scaleway-blocks", "policy"));
  pack = await startPolicyPack(join(packageDir, "pack"), {
    resolveFrom: join(packageDir, "package.json"),
    env: { NODE_PATH: modules },
  });
}, 60_000);

afterAll(() => pack?.stop());

describe("the pack program served over gRPC, as the Pulumi CLI talks to a policy pack", () => {
  it("serves the scaleway-blocks pack with one policy per rule, at the rule's severity", async () => {
    const info = await pack.info();
    expect(info.name).toBe("scaleway-blocks");
    expect(info.policies.map((p) => [p.name, p.enforcementLevel])).toEqual(
      rules.map((r) => [r.id, r.severity]),
    );
  });

  it("reports a database instance with a public endpoint as a mandatory violation", async () => {
    const urn = `urn:pulumi:production::shop::${INSTANCE}::orders`;
    const found = await pack.analyze({
      type: INSTANCE,
      name: "orders",
      urn,
      properties: { loadBalancer: {} },
    });
    expect(found).toContainEqual(
      expect.objectContaining({
        policyName: "scw-database-no-public-endpoint",
        enforcementLevel: "mandatory",
      }),
    );
  });

  it("does not report the public-endpoint rule for an instance on a private network", async () => {
    const urn = `urn:pulumi:production::shop::${INSTANCE}::orders`;
    const found = await pack.analyze({
      type: INSTANCE,
      name: "orders",
      urn,
      properties: { privateNetwork: { pnId: "fr-par/11111111-2222-4333-8444-555555555555" } },
    });
    expect(found.map((d) => d.policyName)).not.toContain("scw-database-no-public-endpoint");
  });
});

describe("the published tarball", () => {
  it("ships the pack folder the README tells users to point Pulumi at", () => {
    // pnpm packs what the release publishes (changeset publish runs pnpm publish); a native binary, it
    // also starts in milliseconds where npm's CLI takes about 1.8 s of CPU.
    const out = execFileSync("pnpm", ["pack", "--dry-run", "--json"], { cwd: packageDir, encoding: "utf8" });
    const files = (JSON.parse(out) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(files.filter((f) => f.startsWith("pack/")).sort()).toEqual([
      "pack/PulumiPolicy.yaml",
      "pack/index.js",
      "pack/index.ts",
      "pack/package.json",
      "pack/policy-config.example.json",
      "pack/tsconfig.json",
    ]);
  }, 120_000);
});
