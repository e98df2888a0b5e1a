import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { PlanDocument } from "../src/index";
import { buildPlan, parseUsageFile, UsageFileError } from "../src/index";
import { FREE_TIERS } from "../src/cost";
import { usageJsonSchema } from "../src/usage";
import { resource, runCli, runCliShared } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const PACKAGE = join(__dirname, "..");
const schemaFile = join(PACKAGE, "schema", "usage.schema.json");
const exampleFile = join(PACKAGE, "schema", "usage.example.yml");
const shipped = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true }).compile(shipped);

describe("the usage file's JSON Schema (schema/usage.schema.json)", () => {
  it("is shipped in the package, generated from the zod schema the plan reads the file with", () => {
    expect(shipped).toEqual(usageJsonSchema());
    const manifest = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as {
      files: string[];
      exports: Record<string, string>;
    };
    expect(manifest.files).toContain("schema");
    expect(manifest.exports["./usage.schema.json"]).toBe("./schema/usage.schema.json");
  });

  it("validates the example usage file", () => {
    const example: unknown = parse(readFileSync(exampleFile, "utf8"));
    expect(validate(example) ? [] : validate.errors).toEqual([]);
  });

  it("refuses a wrong key, naming it", () => {
    const wrong = { version: 1, defaults: { containers: { activeHours: 200 } } };
    expect(validate(wrong)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: "/defaults/containers",
        keyword: "additionalProperties",
        params: { additionalProperty: "activeHours" },
      }),
    );
  });

  it("refuses a negative figure and a per-resource account setting", () => {
    expect(validate({ version: 1, defaults: { storage: { gbPerBucket: -1 } } })).toBe(false);
    expect(validate({ version: 1, resources: { api: { account: { applyFreeTiers: true } } } })).toBe(false);
  });
});

describe("parseUsageFile", () => {
  it("reads the example into assumption keys, stack-wide and per resource", () => {
    const usage = parseUsageFile(readFileSync(exampleFile, "utf8"));
    expect(usage.defaults).toMatchObject({
      "containers.activeHoursPerMonth": 200,
      "account.applyFreeTiers": false,
    });
    expect(usage.resources["api-api"]).toEqual({
      "containers.activeHoursPerMonth": 730,
      "containers.extraInstanceHoursPerMonth": 100,
    });
  });

  it("names a wrong key and the key that was meant", () => {
    const read = () =>
      parseUsageFile("version: 1\ndefaults:\n  containers:\n    activeHours: 200\n", "usage.yml");
    expect(read).toThrow(UsageFileError);
    expect(read).toThrow(
      'usage.yml: defaults.containers: unknown key "activeHours"; did you mean "activeHoursPerMonth"?',
    );
    expect(() => parseUsageFile("version: 1\nresources:\n  api:\n    storage:\n      gbStored: 3\n")).toThrow(
      'resources.api.storage: unknown key "gbStored"',
    );
  });

  it("says that the account's free tiers are not set per resource", () => {
    expect(() =>
      parseUsageFile("version: 1\nresources:\n  api:\n    account:\n      applyFreeTiers: true\n"),
    ).toThrow(
      'resources.api: "account" holds for the whole account, not one resource: set it under defaults',
    );
  });

  it("names a value of the wrong type", () => {
    expect(() => parseUsageFile("version: 1\ndefaults:\n  storage:\n    gbPerBucket: lots\n")).toThrow(
      /defaults\.storage\.gbPerBucket: .*number/,
    );
  });
});

const CONTAINER = SCALEWAY_TYPES.container;
const BUCKET = SCALEWAY_TYPES.bucket;
const graph = {
  resources: [
    resource({
      type: CONTAINER,
      name: "api",
      inputs: { cpuLimit: 1000, memoryLimitBytes: 1024 ** 3, minScale: 0 },
    }),
    resource({
      type: CONTAINER,
      name: "worker",
      inputs: { cpuLimit: 1000, memoryLimitBytes: 1024 ** 3, minScale: 0 },
    }),
    resource({ type: BUCKET, name: "assets", inputs: { name: "assets" } }),
  ],
};
const plan = (usage: string, assumptions: Record<string, number | boolean> = {}) =>
  buildPlan(graph, { project: "proj", stack: "test", usage: parseUsageFile(usage), assumptions });
const known = (doc: PlanDocument, name: string) => doc.cost.resources.find((r) => r.name === name)!.known;

// One container hour of 1 vCPU and 1 GB: 3600 vCPU-s × €0.00001 + 3600 GB-s × €0.000002 = €0.0432.
const HOUR = 3600 * 0.00001 + 3600 * 0.000002;

describe("usage in the cost", () => {
  it("prices a resource with its own usage and the others with the defaults", () => {
    const doc = plan(
      "version: 1\ndefaults: {containers: {activeHoursPerMonth: 50}}\nresources: {api: {containers: {activeHoursPerMonth: 300}}}\n",
    );
    expect(known(doc, "api")).toBeCloseTo(300 * HOUR, 6); // €12.96
    expect(known(doc, "worker")).toBeCloseTo(50 * HOUR, 6); // €2.16
    expect(doc.cost.resources.find((r) => r.name === "api")!.usage).toEqual({
      "containers.activeHoursPerMonth": 300,
    });
  });

  it("lets a URN's entry win over the name's", () => {
    const urn = graph.resources[0]!.urn;
    const doc = plan(
      `version: 1\nresources:\n  api: {containers: {activeHoursPerMonth: 300}}\n  "${urn}": {containers: {activeHoursPerMonth: 10}}\n`,
    );
    expect(known(doc, "api")).toBeCloseTo(10 * HOUR, 6);
  });

  it("lets --assume win over the usage file's defaults, and a resource's entry win over both", () => {
    const usage =
      "version: 1\ndefaults: {containers: {activeHoursPerMonth: 50}}\nresources: {api: {containers: {activeHoursPerMonth: 300}}}\n";
    const doc = plan(usage, { "containers.activeHoursPerMonth": 20 });
    expect(known(doc, "worker")).toBeCloseTo(20 * HOUR, 6);
    expect(known(doc, "api")).toBeCloseTo(300 * HOUR, 6);
  });

  it("subtracts the free tiers once for the stack, only when the usage file says so", () => {
    // api 300 h and worker 300 h: 2 × 1 080 000 = 2 160 000 vCPU-s and GB-s; egress 5 GB.
    const usage = (apply: boolean) =>
      `version: 1\ndefaults:\n  containers: {activeHoursPerMonth: 300}\n  account: {applyFreeTiers: ${apply}}\n`;
    const off = plan(usage(false));
    const on = plan(usage(true));
    expect(off.cost.adjustments).toEqual([]);
    // 200 000 vCPU-s × €0.00001 = €2.00; 400 000 GB-s × €0.000002 = €0.80; 5 GB (under 75) × €0.01 = €0.05
    expect(on.cost.adjustments.map((l) => l.monthly)).toEqual([-2, -0.8, -0.05]);
    expect(on.cost.total.known).toBeCloseTo(off.cost.total.known - 2.85, 6);
  });

  it("sources every free-tier figure", () => {
    for (const tier of FREE_TIERS) expect(tier.source).toMatch(/^https:\/\/www\.scaleway\.com\/en\/docs\//);
    const on = plan("version: 1\ndefaults: {account: {applyFreeTiers: true}}\n");
    expect(on.cost.adjustments.every((l) => l.source.startsWith("https://www.scaleway.com/en/docs/"))).toBe(
      true,
    );
  });

  it("warns about an entry that names no resource", () => {
    const doc = plan("version: 1\nresources: {apii: {containers: {activeHoursPerMonth: 1}}}\n");
    expect(doc.warnings).toContain(
      'the usage file sets the usage of "apii", which names no resource of the plan (its name or URN)',
    );
  });
});

describe("scaleway-blocks plan --usage-file", () => {
  const tmp = mkdtempSync(join(tmpdir(), "scaleway-blocks-usage-"));

  it("prices the fixture with the file's usage", async () => {
    const file = join(tmp, "usage.yml");
    writeFileSync(file, "version: 1\nresources:\n  assets:\n    storage: {gbPerBucket: 110}\n");
    const base = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    const run = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--json", "--usage-file", file]);
    expect(run.code).toBe(0);
    const before = (JSON.parse(base.stdout) as PlanDocument).cost.total.known;
    // 100 GB more than the default 10, at €0.01606
    expect((JSON.parse(run.stdout) as PlanDocument).cost.total.known - before).toBeCloseTo(100 * 0.01606, 6);
  });

  it("exits 3 naming the wrong key of a usage file", async () => {
    const file = join(tmp, "wrong.yml");
    writeFileSync(file, "version: 1\ndefaults:\n  storage:\n    gbPerBuckett: 3\n");
    const run = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--usage-file", file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('defaults.storage: unknown key "gbPerBuckett"; did you mean "gbPerBucket"?');
  });
});
