import { describe, expect, it } from "vitest";
import type { GraphResource, PolicyEngine } from "../src/index";
import { buildPlan, parseBaseline, renderJson } from "../src/index";
import { componentDiagram, toMermaid } from "../src/mermaid";
import { resource, urn } from "./helpers";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const NET = BLOCK_TYPES.network;
const DB = BLOCK_TYPES.database;
const SECRETS = BLOCK_TYPES.secrets;
const APP = BLOCK_TYPES.container;
const noPolicy: PolicyEngine = { evaluate: () => [], hasMandatoryFailures: () => false };
const options = { project: "proj", stack: "test", policy: noPolicy };

/** network → database (with nested credentials) → app; an IAM application at the root. */
function stack(options: { userName?: string; app?: boolean } = {}): GraphResource[] {
  const net = urn(NET, "net");
  const pn = urn(SCALEWAY_TYPES.privateNetwork, "net-pn", [NET]);
  const db = urn(DB, "db");
  const creds = urn(SECRETS, "db-credentials", [DB]);
  const instance = urn(SCALEWAY_TYPES.databaseInstance, "db-instance", [DB]);
  const app = urn(APP, "app");
  return [
    resource({ type: NET, name: "net", urn: net, custom: false }),
    resource({
      type: SCALEWAY_TYPES.privateNetwork,
      name: "net-pn",
      urn: pn,
      parent: net,
    }),
    resource({ type: DB, name: "db", urn: db, custom: false }),
    resource({ type: SECRETS, name: "db-credentials", urn: creds, parent: db, custom: false }),
    resource({
      type: SCALEWAY_TYPES.secret,
      name: "db-credentials-admin",
      urn: urn(SCALEWAY_TYPES.secret, "db-credentials-admin", [DB, SECRETS]),
      parent: creds,
    }),
    resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "db-instance",
      urn: instance,
      parent: db,
      dependencies: [pn, creds],
      inputs: { nodeType: "DB-DEV-S", userName: options.userName ?? "admin" },
    }),
    ...(options.app === false
      ? []
      : [
          resource({ type: APP, name: "app", urn: app, custom: false, dependencies: [db, net] }),
          resource({
            type: SCALEWAY_TYPES.container,
            name: "app-api",
            urn: urn(SCALEWAY_TYPES.container, "app-api", [APP]),
            parent: app,
            dependencies: [db, net],
          }),
        ]),
    resource({
      type: SCALEWAY_TYPES.iamApplication,
      name: "identity",
      inputs: { name: 'the "app"' },
    }),
  ];
}

const labelOf = (d: ReturnType<typeof componentDiagram>, name: string) =>
  d.units.find((u) => u.label.split("\n")[0] === name);

describe("componentDiagram", () => {
  const plan = buildPlan({ resources: stack() }, options);
  const d = componentDiagram(plan);
  const id = (name: string) => labelOf(d, name)!.id;

  it("draws one box per component and per resource at the stack's root, with its count and cost", () => {
    expect(d.units.map((u) => u.label.split("\n")[0])).toEqual([
      "net",
      "db",
      "db-credentials",
      "app",
      "identity",
    ]);
    expect(labelOf(d, "db")!.label).toMatch(/^db\nDatabase · 1 resource · €\d+\.\d\d\/mo \+ 1 unknown$/);
    expect(labelOf(d, "identity")!.label).toBe("identity\niam.Application");
  });

  it("draws an arrow from what is deployed first to what waits for it, and nesting as a dotted line", () => {
    const edges = d.edges.map((e) => [e.from, e.kind, e.to]);
    expect(edges).toContainEqual([id("db"), "contains", id("db-credentials")]);
    expect(edges).toContainEqual([id("net"), "dependency", id("db")]);
    expect(edges).toContainEqual([id("db-credentials"), "dependency", id("db")]);
    expect(edges).toContainEqual([id("db"), "dependency", id("app")]);
  });

  it("leaves out an arrow that another route already implies (net → db → app makes net → app noise)", () => {
    expect(d.edges.map((e) => [e.from, e.to])).not.toContainEqual([id("net"), id("app")]);
  });

  it("marks the critical path's boxes and arrows", () => {
    // vpc-less: the private network, then the instance (4 min), then the container
    expect(d.units.filter((u) => u.critical).map((u) => u.label.split("\n")[0])).toEqual([
      "net",
      "db",
      "app",
    ]);
    const critical = d.edges.filter((e) => e.critical).map((e) => [e.from, e.to]);
    expect(critical).toEqual([
      [id("net"), id("db")],
      [id("db"), id("app")],
    ]);
    const text = toMermaid(d);
    const links = d.edges.flatMap((e, i) => (e.critical ? [i] : []));
    expect(text).toContain(`  linkStyle ${links.join(",")} stroke:#8250df,stroke-width:4px`);
    expect(text).toContain(`  class ${id("net")},${id("db")},${id("app")} critical`);
  });

  it("writes a Mermaid flowchart whose labels cannot break it", () => {
    const text = toMermaid(d);
    expect(text.split("\n")[0]).toBe("flowchart LR");
    expect(text).toContain(`  ${id("db")} -.- ${id("db-credentials")}`);
    expect(text).toContain(`  ${id("db")} --> ${id("app")}`);
    expect(text).toContain(`  ${id("identity")}["identity<br/>iam.Application"]`);
    const quoted = toMermaid({
      units: [{ id: "c0", label: 'a "b" <c> #d', status: "unchanged", critical: false }],
      edges: [],
      folded: false,
    });
    expect(quoted).toContain('c0["a #quot;b#quot; #lt;c#gt; #35;d"]');
  });
});

describe("componentDiagram against a baseline", () => {
  const before = parseBaseline(
    JSON.parse(renderJson(buildPlan({ resources: stack({ app: false }) }, options))),
  );
  const plan = buildPlan({ resources: stack({ userName: "owner" }) }, { ...options, baseline: before });
  const d = componentDiagram(plan);

  it("colours what changes: a data-loss risk red, an added component green", () => {
    expect(labelOf(d, "db")!.status).toBe("risk");
    expect(labelOf(d, "app")!.status).toBe("added");
    expect(labelOf(d, "net")!.status).toBe("unchanged");
    const text = toMermaid(d);
    expect(text).toContain(`  class ${labelOf(d, "db")!.id} risk`);
    expect(text).toContain(`  class ${labelOf(d, "app")!.id} added`);
  });

  it("shows what was removed in a box of its own", () => {
    const gone = buildPlan(
      { resources: stack({ app: false }) },
      {
        ...options,
        baseline: parseBaseline(JSON.parse(renderJson(plan))),
      },
    );
    const removed = componentDiagram(gone).units.find((u) => u.label.startsWith("removed"));
    expect(removed).toMatchObject({ label: "removed: 2 resources\napp, app-api", status: "removed" });
  });
});

describe("componentDiagram of a 50-component stack", () => {
  // 50 services, each with a nested secrets component: 100 components, too many boxes to read
  const resources: GraphResource[] = Array.from({ length: 50 }, (_, i) => {
    const app = urn(APP, `s${i}`);
    const secrets = urn(SECRETS, `s${i}-secrets`, [APP]);
    return [
      resource({
        type: APP,
        name: `s${i}`,
        urn: app,
        custom: false,
        dependencies: i > 0 ? [urn(APP, `s${i - 1}`)] : [],
      }),
      resource({ type: SECRETS, name: `s${i}-secrets`, urn: secrets, parent: app, custom: false }),
      resource({
        type: SCALEWAY_TYPES.secret,
        name: `s${i}-secrets-key`,
        urn: urn(SCALEWAY_TYPES.secret, `s${i}-secrets-key`, [APP, SECRETS]),
        parent: secrets,
      }),
      resource({
        type: SCALEWAY_TYPES.container,
        name: `s${i}-api`,
        urn: urn(SCALEWAY_TYPES.container, `s${i}-api`, [APP]),
        parent: app,
      }),
    ];
  }).flat();
  const d = componentDiagram(buildPlan({ resources }, options));

  it("folds nested components into their top-level one: one box per service", () => {
    expect(d.folded).toBe(true);
    expect(d.units).toHaveLength(50);
    expect(d.units[0]!.label).toMatch(/^s0\nService · 2 resources/);
    expect(d.edges.every((e) => e.kind === "dependency")).toBe(true);
  });

  it("keeps the chain readable: 49 arrows, one per dependency", () => {
    expect(d.edges).toHaveLength(49);
  });

  it("groups root resources by type when even the top-level boxes are too many", () => {
    const buckets = Array.from({ length: 45 }, (_, i) =>
      resource({ type: SCALEWAY_TYPES.bucket, name: `bucket-${i}` }),
    );
    const grouped = componentDiagram(buildPlan({ resources: buckets }, options));
    expect(grouped.units.map((u) => u.label)).toEqual([expect.stringMatching(/^45 × object\.Bucket · €/)]);
  });
});
