// --from-preview on `pulumi preview --json` documents that this repository's engine run produced with
// the real CLI and a test-only stand-in provider (fixtures/preview/README.md). The engine's ops are
// real; the stand-in decided which inputs replace.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePreview, planFromPreview, PreviewError, readPreview, UNKNOWN_VALUE } from "../src/from-preview";
import { renderHuman } from "../src/render-human";
import { renderMarkdown } from "../src/render-markdown";
import { FIXTURES, runCli } from "./helpers";

const PREVIEWS = join(FIXTURES, "preview");

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(PREVIEWS, `${name}.json`), "utf8")) as unknown;
}

const previewOf = (name: string) => readPreview(parsePreview(fixture(name)));
const planOf = (name: string) => planFromPreview(previewOf(name), { now: new Date("2026-12-06T00:00:00Z") });
const names = (list: readonly { name: string }[]) => list.map((r) => r.name).sort();

// Hand-computed from the shipped price table (src/prices.ts) and the default assumptions:
// api: 1 vCPU × 730 h × 3600 s × €0.00001 = €26.28; 2 GB × 2 628 000 s × €0.000002 = €10.512
const API = 26.28 + 10.512;
// db DB-DEV-S: €0.0156 × 730 = €11.388; sbs_5k 20 GB × €0.0993 = €1.986; 7 backups × 1 GB × €0.03 = €0.21
const DB_DEV_S = 11.388 + 1.986 + 0.21;
// db DB-PRO2-XXS: node €0.0583 × 730 = €42.559, management €0.0517 × 730 = €37.741, same storage and backups
const DB_PRO2_XXS = 42.559 + 37.741 + 1.986 + 0.21;
// uploads: 10 GB × €0.01606 + 5 GB egress × €0.01 = €0.2106
const UPLOADS = 0.2106;

describe("reading a pulumi preview --json document", () => {
  it("takes project and stack from the URNs, and one change per resource with the engine's action", () => {
    const preview = previewOf("create");
    expect([preview.project, preview.stack]).toEqual(["preview-engine", "dev"]);
    expect(preview.changes.map((c) => [c.name, c.action])).toEqual([
      ["uploads", "create"],
      ["db", "create"],
      ["api", "create"],
    ]);
    expect(preview.before.resources).toEqual([]);
  });

  it("merges a replace's three steps into one change, with replaceReasons and detailedDiff", () => {
    const db = previewOf("replace").changes.find((c) => c.name === "db")!;
    expect(db).toMatchObject({
      action: "replace",
      ops: ["create-replacement", "replace", "delete-replaced"],
      changedInputs: ["userName"],
      replaceInputs: ["userName"],
      deleteBeforeReplace: false,
    });
    expect(db.before?.inputs?.userName).toBe("app");
    expect(db.after?.inputs?.userName).toBe("admin");
  });

  it("sees delete-before-replace in the order of the steps (delete-replaced first)", () => {
    const uploads = previewOf("replace-delete-first").changes.find((c) => c.name === "uploads")!;
    expect(uploads.ops).toEqual(["delete-replaced", "replace", "create-replacement"]);
    expect(uploads.deleteBeforeReplace).toBe(true);
  });

  it("shows a value the engine knows only after the apply as unknown, not as Pulumi's placeholder", () => {
    const api = previewOf("create").after.resources.find((r) => r.name === "api")!;
    expect(api.inputs?.environmentVariables).toEqual({ DB_HOST: UNKNOWN_VALUE });
  });

  it("keeps secrets as the CLI wrote them: [secret]", () => {
    const db = previewOf("create").after.resources.find((r) => r.name === "db")!;
    expect(db.inputs?.password).toBe("[secret]");
  });
});

describe("refusing what is not a successful preview", () => {
  const refusal = (value: unknown) => {
    try {
      parsePreview(value);
    } catch (error) {
      expect(error).toBeInstanceOf(PreviewError);
      return (error as Error).message;
    }
    throw new Error("parsePreview accepted it");
  };

  it("names a scaleway-blocks plan and points at --baseline", () => {
    expect(refusal({ schemaVersion: "1.2", mockRun: true, resources: [] })).toContain(
      "a scaleway-blocks plan (--json output): compare with it through --baseline",
    );
  });

  it("names a stack export", () => {
    expect(refusal({ version: 3, deployment: { resources: [] } })).toContain("a stack export");
  });

  it("names an engine event of pulumi up --json", () => {
    expect(refusal({ sequence: 1, timestamp: 1765000000, preludeEvent: {} })).toContain("an engine event");
  });

  it("names a step that does not have the preview's shape, by its path", () => {
    expect(refusal({ steps: [{ op: 3, urn: "urn:pulumi:dev::p::t::n" }] })).toContain("steps.0.op");
  });

  it("refuses a preview that failed: its steps are incomplete", () => {
    const failed = {
      steps: [],
      diagnostics: [{ message: "error: resource db: property nodeType is required\n", severity: "error" }],
    };
    expect(refusal(failed)).toContain("the preview failed, its steps are incomplete: error: resource db");
  });
});

describe("the plan of a preview", () => {
  it("create: every resource added, no data loss, exit 0; cost €0 before and the hand-computed total after", () => {
    const plan = planOf("create");
    expect(plan.origin).toBe("pulumi-preview");
    expect(plan.mockRun).toBe(false);
    expect(plan.exitCode).toBe(0);
    expect(names(plan.diff!.added)).toEqual(["api", "db", "uploads"]);
    expect(plan.diff!.dataLossRisks).toEqual([]);
    expect(plan.cost.total.known).toBeCloseTo(API + DB_DEV_S + UPLOADS, 6);
    expect(plan.cost.diff!.before.known).toBe(0);
    expect(plan.cost.diff!.delta).toBeCloseTo(API + DB_DEV_S + UPLOADS, 6);
  });

  it("update: the instance's cost before and after, hand-computed; the deploy time covers what changes", () => {
    const plan = planOf("update");
    expect(plan.exitCode).toBe(0);
    expect(plan.diff!.changed.find((c) => c.name === "db")).toMatchObject({
      changedInputs: ["nodeType"],
      replaceInputs: [],
    });
    const db = plan.cost.diff!.resources.find((r) => r.name === "db")!;
    expect(db.change).toBe("changed");
    expect(db.before!.known).toBeCloseTo(DB_DEV_S, 6);
    expect(db.after!.known).toBeCloseTo(DB_PRO2_XXS, 6);
    expect(db.delta).toBeCloseTo(DB_PRO2_XXS - DB_DEV_S, 6); // €68.912
    expect(plan.deployTime.scope).toBe("changes");
    expect(plan.deployTime.steps.map((s) => s.name)).toEqual(["db", "api"]);
  });

  it("replace: the engine's replace of a database instance is a data-loss risk, exit 2", () => {
    const plan = planOf("replace");
    expect(plan.exitCode).toBe(2);
    expect(plan.diff!.dataLossRisks).toEqual([
      expect.objectContaining({ name: "db", action: "replace", protect: false, retainOnDelete: false }),
    ]);
    expect(plan.diff!.dataLossRisks[0]!.reason).toBe(
      "pulumi preview replaces this Managed Database instance (op create-replacement, replace, delete-replaced): userName changed and the provider replaces it when this changes",
    );
  });

  it("replace, delete first: the reason says the bucket goes before its replacement exists", () => {
    const plan = planOf("replace-delete-first");
    expect(plan.exitCode).toBe(2);
    expect(plan.diff!.dataLossRisks.map((r) => [r.name, r.action])).toEqual([["uploads", "replace"]]);
    expect(plan.diff!.dataLossRisks[0]!.reason).toContain(
      "; the old one is deleted before the new one is created",
    );
  });

  it("delete: the bucket is removed, a data-loss risk, exit 2, and its cost leaves", () => {
    const plan = planOf("delete");
    expect(plan.exitCode).toBe(2);
    expect(names(plan.diff!.removed)).toEqual(["uploads"]);
    expect(plan.diff!.dataLossRisks).toEqual([
      expect.objectContaining({ name: "uploads", action: "delete" }),
    ]);
    expect(plan.diff!.dataLossRisks[0]!.reason).toBe(
      "pulumi preview deletes this bucket (op delete): it is no longer in the program",
    );
    const uploads = plan.cost.diff!.resources.find((r) => r.name === "uploads")!;
    expect(uploads).toMatchObject({ change: "removed", after: null });
    expect(uploads.delta).toBeCloseTo(-UPLOADS, 6);
  });

  it("warns that a default preview lists only what changes, and not with --show-sames", () => {
    expect(planOf("delete").warnings).toContain(
      "the preview lists only what changes (2 unchanged resources not in it): cost totals and policy cover the resources in the document; run `pulumi preview --json --show-sames` for the whole stack",
    );
    const whole = planOf("delete-show-sames");
    expect(whole.warnings.filter((w) => w.includes("unchanged"))).toEqual([]);
    expect(whole.cost.diff!.unchangedCount).toBe(2);
    expect(whole.cost.diff!.before.known).toBeCloseTo(API + DB_DEV_S + UPLOADS, 6);
    expect(whole.cost.diff!.after.known).toBeCloseTo(API + DB_DEV_S, 6);
  });

  it("prices the old states with the same usage file as the new ones", () => {
    const usage = { defaults: {}, resources: { uploads: { "storage.gbPerBucket": 100 } } };
    const plan = planFromPreview(previewOf("delete"), { usage });
    const uploads = plan.cost.diff!.resources.find((r) => r.name === "uploads")!;
    // 100 GB × €0.01606 + 5 GB egress × €0.01 = €1.656
    expect(uploads.delta).toBeCloseTo(-1.656, 6);
  });

  it("warns when the preview is of another stack than --stack", () => {
    const plan = planFromPreview(previewOf("create"), { stack: "production" });
    expect(plan.warnings).toContain("the preview is of stack dev, not production");
  });

  it("says in the text that it read a preview, not a mock run", () => {
    const text = renderHuman(planOf("replace"));
    expect(text).toContain("Read from a pulumi preview --json document (--from-preview)");
    expect(text).not.toContain("A mock run of the program");
    expect(text).toContain("Changes in the preview (the engine's steps)");
  });

  it("says so in the pull-request comment too", () => {
    const comment = renderMarkdown(planOf("replace"));
    expect(comment).toContain("Read from a `pulumi preview --json` document (`--from-preview`)");
    expect(comment).not.toContain("A mock run of the program");
    expect(comment).toContain("Changes in the preview (the engine's steps): 0 added, 0 removed, 2 changed");
  });
});

describe("scaleway-blocks plan --from-preview", () => {
  it("needs no --stack and no project: exit 2 on the replace preview", async () => {
    const run = await runCli(["plan", "--from-preview", join(PREVIEWS, "replace.json"), "--json"]);
    expect(run.code).toBe(2);
    const plan = JSON.parse(run.stdout) as { origin: string; stack: string };
    expect([plan.origin, plan.stack]).toEqual(["pulumi-preview", "dev"]);
  });

  it("exits 3 on a file that is not JSON", async () => {
    const run = await runCli(["plan", "--from-preview", join(FIXTURES, "platform", "Pulumi.yaml")]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("is not JSON");
  });

  it("exits 3 on a plan document given as a preview", async () => {
    const planned = await runCli(["plan", "--from-preview", join(PREVIEWS, "create.json"), "--json"]);
    const file = join(mkdtempSync(join(tmpdir(), "sb-preview-")), "plan.json");
    writeFileSync(file, planned.stdout);
    const run = await runCli(["plan", "--from-preview", file]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      "not a `pulumi preview --json` document (no steps and no changeSummary): a scaleway-blocks plan",
    );
  });

  it("refuses --from-preview with --baseline: exit 3", async () => {
    const run = await runCli([
      "plan",
      "--from-preview",
      join(PREVIEWS, "create.json"),
      "--baseline",
      join(PREVIEWS, "create.json"),
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("--from-preview and --baseline cannot be combined");
  });
});
