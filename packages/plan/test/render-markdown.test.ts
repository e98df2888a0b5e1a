import { describe, expect, it } from "vitest";
import type { GraphResource, PolicyEngine, PolicyFinding } from "../src/index";
import { buildPlan, diffCosts, parseBaseline, renderJson, renderMarkdown } from "../src/index";
import { parseCliArgs } from "../src/cli-args";
import { cell, code } from "../src/render-markdown";
import { resource, runCli, urn } from "./helpers";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const DB = BLOCK_TYPES.database;
const APP = BLOCK_TYPES.container;

/** A small stack: a database component (instance + database) and an app component waiting for it. */
function stack(options: { userName?: string; nodeType?: string; withCache?: boolean } = {}): GraphResource[] {
  const db = urn(DB, "db");
  const instance = urn(SCALEWAY_TYPES.databaseInstance, "db-instance", [DB]);
  const app = urn(APP, "app");
  const resources: GraphResource[] = [
    resource({ type: DB, name: "db", urn: db, custom: false }),
    resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "db-instance",
      urn: instance,
      parent: db,
      inputs: { nodeType: options.nodeType ?? "DB-DEV-S", userName: options.userName ?? "admin" },
    }),
    resource({
      type: SCALEWAY_TYPES.database,
      name: "db-app",
      urn: urn(SCALEWAY_TYPES.database, "db-app", [DB]),
      parent: db,
      dependencies: [instance],
      inputs: { name: "app" },
    }),
    resource({ type: APP, name: "app", urn: app, custom: false, dependencies: [db] }),
    resource({
      type: SCALEWAY_TYPES.container,
      name: "app-api",
      urn: urn(SCALEWAY_TYPES.container, "app-api", [APP]),
      parent: app,
      dependencies: [db],
      inputs: { cpuLimit: 1000, memoryLimit: 2048, minScale: 1, maxScale: 2 },
    }),
  ];
  if (options.withCache)
    resources.push(
      resource({
        type: SCALEWAY_TYPES.bucket,
        name: "app-cache",
        urn: urn(SCALEWAY_TYPES.bucket, "app-cache", [APP]),
        parent: app,
        inputs: { name: "cache" },
      }),
    );
  return resources;
}

const engine = (findings: PolicyFinding[]): PolicyEngine => ({
  evaluate: () => findings,
  hasMandatoryFailures: (fs) => fs.some((f) => f.severity === "mandatory"),
});

const options = { project: "proj", stack: "test", now: new Date("2026-12-06T08:00:00Z") };
const before = buildPlan({ resources: stack() }, options);
const baseline = parseBaseline(JSON.parse(renderJson(before)));

/** The PR plan: the database user renamed (a replace: data loss), a bigger node, a cache bucket. */
const changed = buildPlan(
  { resources: stack({ userName: "owner", nodeType: "DB-DEV-M", withCache: true }) },
  {
    ...options,
    baseline,
    policy: engine([
      {
        ruleId: "scw-bucket-versioning",
        severity: "mandatory",
        urn: urn(SCALEWAY_TYPES.bucket, "app-cache", [APP]),
        name: "app-cache",
        type: SCALEWAY_TYPES.bucket,
        message: "versioning is off | <b>on purpose?</b>",
        remediation: "set versioning: true",
      },
      {
        ruleId: "scw-advice",
        severity: "advisory",
        urn: "u",
        name: "app-api",
        type: SCALEWAY_TYPES.container,
        message: "an advice",
      },
    ]),
  },
);

/** The cost before and after: the baseline's cost section against the new one. */
const costDiff = diffCosts(before.cost, changed.cost);

describe("renderMarkdown: the pull-request comment", () => {
  const text = renderMarkdown(changed, { costDiff });

  it("puts the data-loss risk first, then mandatory findings, cost, changes, deploy time, diagram and tree", () => {
    const order = [
      "Data-loss risk: 1 stateful resource would be destroyed",
      "Mandatory policy findings: 1",
      "Monthly cost:",
      "Changes since the baseline:",
      "Deploy time of the changes:",
      "```mermaid",
      "<summary>Resource tree:",
    ].map((heading) => text.indexOf(heading));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("names the exit status and says the plan is a mock run compared with a baseline", () => {
    expect(text.split("\n")[0]).toBe(
      "### scaleway-blocks plan: `proj` / `test`: **exit 2: data-loss risk**: a stateful resource would be destroyed",
    );
    expect(text).toContain(
      "A mock run of the program (nothing was deployed or read from Scaleway), compared with the plan of `proj/test`",
    );
  });

  it("lists the risk with its action, its reason and its protection", () => {
    const row = text.split("\n").find((l) => l.startsWith("| **REPLACE** | `db-instance`"));
    expect(row).toContain("`databases.Instance`");
    expect(row).toContain("userName");
    expect(row).toMatch(/\| none \|$/);
  });

  it("keeps a table cell whole: pipes escaped, HTML shown as text", () => {
    expect(text).toContain("| versioning is off \\| &lt;b&gt;on purpose?&lt;/b&gt; | set versioning: true |");
    expect(cell("a\nb|c")).toBe("a b\\|c");
    expect(code("a`b")).toBe("``a`b``");
  });

  it("folds advisory findings, which do not fail the plan", () => {
    expect(text).toMatch(/<details><summary>1 advisory finding \(these do not fail the plan\)<\/summary>/);
  });

  it("shows the cost before and after per resource and in total", () => {
    const diff = costDiff;
    const euros = (n: number) => `€${n.toFixed(2)}`;
    expect(diff.delta).toBeGreaterThan(0);
    expect(text).toContain(
      `| **total** |  | **${euros(diff.before.known)} + 2 unknown** | **${euros(diff.after.known)} + 2 unknown** | **+${euros(diff.delta)}** |`,
    );
    expect(text).toContain(
      `#### Monthly cost: ${euros(diff.before.known)} + 2 unknown → ${euros(diff.after.known)} + 2 unknown (+${euros(diff.delta)})`,
    );
    expect(text).toMatch(
      /\| ~ \| `db-instance` \| `databases.Instance` \| €\d+\.\d\d \+ 1 unknown \| €\d+\.\d\d \+ 1 unknown \| \+€\d+\.\d\d \|/,
    );
    expect(text).toMatch(/\| \+ \| `app-cache` \| `object.Bucket` \| {2}\| €0\.21 \| \+€0\.21 \|/);
  });

  it("marks the inputs that replace a resource", () => {
    expect(text).toMatch(/\| ± \| `db-instance` \| `databases.Instance` \| .*`userName` \(replaces\)/);
  });

  it("times only what changes", () => {
    expect(text).toMatch(/#### Deploy time of the changes: \S+/);
    const steps = text
      .split("\n")
      .filter((l) => / → .*\| (measured|assumption|official|third-party) \|$/.test(l));
    expect(steps.map((l) => l.split(" | ")[1])).toEqual(["`db-instance`", "`app-cache`"]);
  });

  it("says in the tree what changes: the replaced instance, the added bucket", () => {
    const tree = text.slice(text.indexOf("```text"));
    expect(tree).toMatch(/…-instance databases\.Instance \[DATA LOSS: replaced\] {2}nodeType=DB-DEV-M/);
    expect(tree).toMatch(/…-cache object\.Bucket \[added\] {2}name=cache/);
    expect(tree).toMatch(/…-api containers\.Container {2}/);
  });

  it("collapses the resource tree in <details>", () => {
    const tree = text.slice(text.indexOf("<details><summary>Resource tree:"));
    expect(tree).toContain("```text\ndb scaleway-blocks:database:Database\n├─ …-app databases.Database");
    expect(tree.trimEnd()).toMatch(/```\n\n<\/details>\n\n<sub>.*exit status 2<\/sub>$/);
  });
});

describe("renderMarkdown without a baseline", () => {
  const text = renderMarkdown(buildPlan({ resources: stack() }, { ...options, policy: engine([]) }));

  it("shows this plan's cost per top-level component and in total, and no change section", () => {
    expect(text).toContain("#### Monthly cost: €");
    expect(text).toMatch(/\| `db` \| `Database` \| €\d+\.\d\d/);
    expect(text).toMatch(/\| \*\*total\*\* \| {2}\| \*\*€\d+\.\d\d/);
    expect(text).not.toContain("Changes since the baseline");
    expect(text).not.toContain("Data-loss risk");
    expect(text).toContain("#### Policy: no mandatory finding");
    expect(text).toContain("#### Deploy time: ");
  });
});

describe("renderMarkdown on a big stack", () => {
  // 60 components of 3 resources each: 180 resources, one of which changes
  const bucket = (_: number) => `scaleway-blocks:storage:Bucket`;
  const graph = (size: number): GraphResource[] =>
    Array.from({ length: 60 }, (_, i) => {
      const parent = urn(bucket(i), `b${i}`);
      return [
        resource({ type: bucket(i), name: `b${i}`, urn: parent, custom: false }),
        ...["bucket", "acl", "policy"].map((kind) =>
          resource({
            type: `scaleway:object/${kind === "bucket" ? "bucket:Bucket" : kind === "acl" ? "bucketAcl:BucketAcl" : "bucketPolicy:BucketPolicy"}`,
            name: `b${i}-${kind}`,
            urn: urn(`scaleway:object/${kind}`, `b${i}-${kind}`, [bucket(i)]),
            parent,
            inputs: kind === "bucket" ? { name: `b${i}`, tags: { size: String(i === 7 ? size : 1) } } : {},
          }),
        ),
      ];
    }).flat();
  const before = parseBaseline(JSON.parse(renderJson(buildPlan({ resources: graph(1) }, options))));
  const text = renderMarkdown(buildPlan({ resources: graph(2) }, { ...options, baseline: before }));
  const tree = text.slice(text.indexOf("```text"), text.lastIndexOf("```"));

  it("folds unchanged components into one line of counts, and keeps the changed one whole", () => {
    expect(text).toContain("Resource tree: 180 resources in 60 components (unchanged components folded)");
    expect(tree).toContain(
      "b0 scaleway-blocks:storage:Bucket\n└─ 3 resources, unchanged: 1 object.Bucket, 1 object.BucketAcl",
    );
    expect(tree).toMatch(
      /b7 scaleway-blocks:storage:Bucket\n├─ …-bucket object\.Bucket \[changed: tags\] {2}name=b7/,
    );
    expect(tree.split("\n").length).toBeLessThan(2 * 60 + 10);
  });

  it("lists the first 25 of 60 advisory findings and stays under half of GitHub's 65,536-character limit", () => {
    expect(text).toContain("35 more advisory findings: see the plan's text or JSON output.");
    expect(text.length).toBeLessThan(32_768);
  });
});

describe("--format", () => {
  it("is text by default; --json is --format json", () => {
    expect(parseCliArgs(["plan", "-s", "dev"]).format).toBe("text");
    expect(parseCliArgs(["plan", "-s", "dev", "--json"])).toMatchObject({ format: "json", json: true });
    expect(parseCliArgs(["plan", "-s", "dev", "--format", "json"])).toMatchObject({
      format: "json",
      json: true,
    });
    expect(parseCliArgs(["plan", "-s", "dev", "--format", "markdown"])).toMatchObject({
      format: "markdown",
      json: false,
    });
  });

  it("refuses an unknown format and --json with another format, saying why", () => {
    expect(() => parseCliArgs(["plan", "-s", "dev", "--format", "html"])).toThrow(
      '--format expects text, json, markdown; got "html"',
    );
    expect(() => parseCliArgs(["plan", "-s", "dev", "--json", "--format", "markdown"])).toThrow(
      "--json asks for --format json, not --format markdown",
    );
  });

  it("prints the comment from the CLI, warnings on stderr, with the plan's exit status", async () => {
    const run = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--format", "markdown"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^### scaleway-blocks plan: `fixture-platform` \/ `dev`: \*\*exit 0/);
    expect(run.stdout).toContain("```mermaid\nflowchart LR\n");
  });
});
