// `scaleway-blocks plan --from-preview` on documents printed by the REAL `pulumi preview --json`
// (CLI v3.248.0, YAML language host, DIY backend in a local directory), for a program of Scaleway
// types served by a TEST-ONLY STAND-IN provider plugin (support/standin-provider): the engine, its
// steps and the document format are Pulumi's; which inputs replace a resource is the stand-in's choice.
// Nothing here is a deployment to Scaleway. With UPDATE_PREVIEW_FIXTURES=1 the documents are written,
// reduced, to packages/plan/test/fixtures/preview/ (the plan's unit-test fixtures).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { main } from "../../packages/plan/src/main";
import type { PlanDocument } from "../../packages/plan/src/schema";
import { PulumiSession } from "./support/pulumi";
import { PREVIEW_PROJECT, previewProgram, reducePreview, standinPluginDir } from "./support/standin-provider";

const tools = inject("engineTools");
if (tools.skip) {
  process.stderr.write(`[engine] skipped: the Pulumi tools cannot be built on this machine: ${tools.skip}\n`);
}
const toolsBin = tools.bin ?? "";

const FIXTURES = join(__dirname, "..", "..", "packages", "plan", "test", "fixtures", "preview");
const STACK = "dev";
/** The documents kept as the plan's unit-test fixtures. */
const FIXTURE_CASES = new Set([
  "create",
  "update",
  "replace",
  "replace-delete-first",
  "delete",
  "delete-show-sames",
]);

interface Step {
  op: string;
  urn: string;
  replaceReasons?: string[];
  detailedDiff?: Record<string, { kind: string }> | null;
}
interface Preview {
  steps: Step[];
  changeSummary?: Record<string, number>;
}

/** The ops of each resource's steps, by resource name (the stack's own step left out). */
function opsByName(doc: Preview): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const step of doc.steps) {
    if (step.urn.includes("::pulumi:pulumi:Stack::")) continue;
    const name = step.urn.split("::").pop()!;
    (out[name] ??= []).push(step.op);
  }
  return out;
}

const names = (list: readonly { name: string }[]) => list.map((r) => r.name).sort();

describe.skipIf(!toolsBin)("plan --from-preview on real `pulumi preview --json` documents", () => {
  let session: PulumiSession;
  let project: string;
  let work: string;
  const cleanup: string[] = [];

  /** `pulumi preview --json` with the stand-in plugin: the document, also written to a file. */
  async function preview(name: string, flags: string[] = []): Promise<{ doc: Preview; file: string }> {
    const run = await session.ok(["preview", "--json", "--stack", STACK, ...flags], { cwd: project });
    const doc = JSON.parse(run.stdout) as Preview;
    const file = join(work, `${name}.json`);
    writeFileSync(file, run.stdout);
    if (process.env.UPDATE_PREVIEW_FIXTURES === "1" && FIXTURE_CASES.has(name)) {
      mkdirSync(FIXTURES, { recursive: true });
      // Formatted as the repository's prettier check wants it.
      const target = join(FIXTURES, `${name}.json`);
      const prettier = await import("prettier");
      const text = JSON.stringify(reducePreview(doc as unknown as Record<string, unknown>));
      const options = await prettier.resolveConfig(target);
      writeFileSync(target, await prettier.format(text, { ...options, filepath: target }));
    }
    return { doc, file };
  }

  /** `scaleway-blocks plan --from-preview <file> --json`, in process: exit status, document, stderr. */
  async function plan(file: string, flags: string[] = []) {
    let stdout = "";
    let stderr = "";
    const code = await main(["plan", "--from-preview", file, "--json", ...flags], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd: work,
    });
    return { code, stderr, plan: stdout === "" ? undefined : (JSON.parse(stdout) as PlanDocument) };
  }

  const config = (args: string[]) => session.ok(["config", ...args, "--stack", STACK], { cwd: project });

  beforeAll(async () => {
    const plugins = standinPluginDir();
    work = mkdtempSync(join(tmpdir(), "sb-preview-"));
    project = join(work, "project");
    const state = join(work, "state");
    mkdirSync(project);
    mkdirSync(state);
    cleanup.push(plugins, work);
    session = new PulumiSession(toolsBin, undefined, [plugins]);
    await session.ok(["login", `file://${state}`]);
    previewProgram(project);
    await session.ok(["stack", "init", STACK], { cwd: project });
  }, 60_000);

  // Each case starts from the deployed program with its default config.
  afterEach(async () => {
    previewProgram(project);
    await config(["rm-all", "nodeType", "userName", "bucketName", "encryption"]);
  });

  afterAll(() => {
    session?.dispose();
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  it("create: a first preview creates the three resources; no data loss, policy passes: exit 0, cost from €0", async () => {
    const { doc, file } = await preview("create");
    expect(opsByName(doc)).toEqual({ db: ["create"], api: ["create"], uploads: ["create"] });

    const { code, plan: p } = await plan(file);
    expect(code).toBe(0);
    expect(p!.origin).toBe("pulumi-preview");
    expect(p!.mockRun).toBe(false);
    expect([p!.project, p!.stack]).toEqual([PREVIEW_PROJECT, STACK]);
    expect(names(p!.diff!.added)).toEqual(["api", "db", "uploads"]);
    expect(p!.diff!.dataLossRisks).toEqual([]);
    expect(p!.policy.mandatory).toBe(0);
    expect(p!.cost.diff!.before.known).toBe(0);
    expect(p!.cost.diff!.after.known).toBe(p!.cost.total.known);
    expect(p!.cost.total.known).toBeGreaterThan(0);
    expect(p!.cost.diff!.resources.map((r) => r.change)).toEqual(["added", "added", "added"]);
    // The secret input stays a secret: the document holds "[secret]", and so does the plan.
    expect(p!.resources.find((r) => r.name === "db")!.inputs.password).toBe("[secret]");
  });

  it("update: a new node type updates the instance in place: its cost rises, no data loss, exit 0", async () => {
    await session.ok(["up", "--yes", "--stack", STACK], { cwd: project });
    await config(["set", "nodeType", "DB-PRO2-XXS"]);
    const { doc, file } = await preview("update");
    // The container reads the instance's endpoint, unknown to the engine until the update is applied.
    expect(opsByName(doc)).toEqual({ db: ["update"], api: ["update"] });

    const { code, plan: p } = await plan(file);
    expect(code).toBe(0);
    expect(p!.diff!.changed.find((c) => c.name === "db")).toMatchObject({
      changedInputs: ["nodeType"],
      replaceInputs: [],
    });
    expect(p!.diff!.dataLossRisks).toEqual([]);
    // Only the instance's price moves (the container's endpoint variable costs nothing).
    const moved = p!.cost.diff!.resources;
    expect(moved.map((r) => [r.name, r.change])).toEqual([["db", "changed"]]);
    expect(moved[0]!.delta).toBeGreaterThan(0);
    expect(p!.deployTime.scope).toBe("changes");
    expect(p!.deployTime.steps.map((s) => s.name)).toEqual(["db", "api"]);
  });

  it("replace: a new user name replaces the instance (create-replacement, replace, delete-replaced): data-loss risk, exit 2", async () => {
    await config(["set", "userName", "admin"]);
    const { doc, file } = await preview("replace", ["--show-replacement-steps"]);
    expect(opsByName(doc).db).toEqual(["create-replacement", "replace", "delete-replaced"]);
    expect(doc.steps.find((s) => s.op === "replace")!.replaceReasons).toEqual(["userName"]);

    const { code, plan: p } = await plan(file);
    expect(code).toBe(2);
    expect(p!.diff!.dataLossRisks).toEqual([
      expect.objectContaining({ name: "db", action: "replace", protect: false }),
    ]);
    expect(p!.diff!.dataLossRisks[0]!.reason).toContain("userName changed");
    // The container reads the instance's endpoint, unknown until the new instance exists: an update.
    expect(p!.diff!.changed.find((c) => c.name === "api")).toMatchObject({
      changedInputs: ["environmentVariables"],
      replaceInputs: [],
    });

    // Without --show-replacement-steps the document has the logical step only: the same verdict.
    const plain = await preview("replace-logical");
    expect(opsByName(plain.doc).db).toEqual(["replace"]);
    const again = await plan(plain.file);
    expect(again.code).toBe(2);
    expect(again.plan!.diff!.dataLossRisks.map((r) => [r.name, r.action])).toEqual([["db", "replace"]]);
  });

  it("replace, delete first: a new bucket name deletes the old bucket before creating the new one: exit 2", async () => {
    await config(["set", "bucketName", "sb-preview-uploads-2"]);
    const { doc, file } = await preview("replace-delete-first", ["--show-replacement-steps"]);
    expect(opsByName(doc).uploads).toEqual(["delete-replaced", "replace", "create-replacement"]);

    const { code, plan: p } = await plan(file);
    expect(code).toBe(2);
    expect(p!.diff!.dataLossRisks.map((r) => [r.name, r.action])).toEqual([["uploads", "replace"]]);
    expect(p!.diff!.dataLossRisks[0]!.reason).toContain(
      "the old one is deleted before the new one is created",
    );
  });

  it("delete: a bucket left out of the program is deleted: data-loss risk, exit 2, its cost leaves the total", async () => {
    previewProgram(project, { withBucket: false });
    const { doc, file } = await preview("delete");
    expect(opsByName(doc)).toEqual({ uploads: ["delete"] });

    const { code, plan: p, stderr } = await plan(file);
    expect(code).toBe(2);
    expect(names(p!.diff!.removed)).toEqual(["uploads"]);
    expect(p!.diff!.dataLossRisks).toEqual([
      expect.objectContaining({ name: "uploads", action: "delete", retainOnDelete: false }),
    ]);
    const removed = p!.cost.diff!.resources.find((r) => r.name === "uploads")!;
    expect(removed.change).toBe("removed");
    expect(removed.delta).toBeLessThan(0);
    // Only what changes is in a default preview: the plan says its totals cover no more.
    expect(stderr).toContain("2 unchanged resources not in it");

    // With --show-sames the document holds the whole stack: totals before and after.
    const whole = await preview("delete-show-sames", ["--show-sames"]);
    const all = await plan(whole.file);
    expect(all.code).toBe(2);
    expect(all.stderr).not.toContain("unchanged resources not in it");
    expect(all.plan!.cost.diff!.unchangedCount).toBe(2);
    expect(all.plan!.cost.diff!.after.known).toBeCloseTo(
      all.plan!.cost.diff!.before.known + removed.delta,
      6,
    );
  });

  it("policy: turning encryption at rest off is an update that fails a mandatory rule: exit 1", async () => {
    await config(["set", "encryption", "false"]);
    const { doc, file } = await preview("policy");
    expect(opsByName(doc)).toEqual({ db: ["update"], api: ["update"] });

    const { code, plan: p } = await plan(file);
    expect(code).toBe(1);
    expect(p!.diff!.dataLossRisks).toEqual([]);
    expect(p!.policy.findings.map((f) => [f.ruleId, f.name])).toContainEqual([
      "scw-database-encryption-at-rest",
      "db",
    ]);
  });

  it("refuses a document that is not a preview (a stack export): exit 3, saying what it is", async () => {
    const exported = await session.ok(["stack", "export", "--stack", STACK], { cwd: project });
    const file = join(work, "export.json");
    writeFileSync(file, exported.stdout);
    const { code, plan: p, stderr } = await plan(file);
    expect(code).toBe(3);
    expect(p).toBeUndefined();
    expect(stderr).toContain("not a `pulumi preview --json` document");
    expect(stderr).toContain("a stack export");
    expect(readFileSync(file, "utf8")).toContain('"deployment"');
  });
});
