import { describe, expect, it } from "vitest";
import { ScalewayMocks, generatedPassword, stableIpIn, stableUuid } from "../src/index";
import { RANDOM_TYPES, SCALEWAY_INVOKES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const mocks = new ScalewayMocks();
const GET_SOURCES = SCALEWAY_INVOKES.getSources;

function create(type: string, name: string, inputs: Record<string, unknown> = {}) {
  return mocks.newResource({ type, name, inputs, custom: true });
}

describe("ScalewayMocks resources", () => {
  it("gives zonal resources zonal ids", () => {
    expect(create(SCALEWAY_TYPES.publicGateway, "gw", { zone: "nl-ams-2" }).id).toMatch(
      /^nl-ams-2\/[0-9a-f-]{36}$/,
    );
  });

  it("gives IAM resources plain UUIDs", () => {
    expect(create(SCALEWAY_TYPES.iamApplication, "app").id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts a database on a private IP of its network", () => {
    const { state } = create(SCALEWAY_TYPES.databaseInstance, "db", {
      privateNetwork: { pnId: "fr-par/abc", enableIpam: true },
    });
    expect(state.privateNetwork).toMatchObject({ port: 5432, pnId: "fr-par/abc" });
    expect((state.privateNetwork as { ip: string }).ip).toMatch(/^172\.16\.[0-3]\.\d+$/);
    expect(state.loadBalancer).toBeUndefined();
  });

  it("gives a database a public endpoint only when asked", () => {
    const { state } = create(SCALEWAY_TYPES.databaseInstance, "db", { loadBalancer: {} });
    expect(state.loadBalancer).toMatchObject({ port: 5432 });
  });

  it("derives a container's domain from its name and region", () => {
    const { state } = create(SCALEWAY_TYPES.container, "api", {
      name: "api",
      region: "pl-waw",
    });
    expect(state.domainName).toMatch(/^api-[0-9a-f]{8}\.functions\.fnc\.pl-waw\.scw\.cloud$/);
  });

  it("gives a Serverless SQL database a postgres endpoint", () => {
    const { state } = create(SCALEWAY_TYPES.serverlessDatabase, "sdb", {
      name: "app",
    });
    expect(state.endpoint).toMatch(
      /^postgres:\/\/[0-9a-f-]{36}\.pg\.sdb\.fr-par\.scw\.cloud:5432\/app\?sslmode=require$/,
    );
  });

  it("generates a password with the requested length and alphabet", () => {
    const { state } = create(RANDOM_TYPES.password, "pw", {
      length: 32,
      special: true,
      overrideSpecial: "-_",
      minUpper: 1,
      minLower: 1,
      minNumeric: 1,
      minSpecial: 1,
    });
    expect(state.result).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(state.result).toMatch(/[A-Z]/);
    expect(state.result).toMatch(/[-_]/);
  });

  it("names a bucket's id after its name input, or after its Pulumi name when it has none", () => {
    expect(create(SCALEWAY_TYPES.bucket, "assets", { name: "shop-assets", region: "nl-ams" }).id).toBe(
      "nl-ams/shop-assets",
    );
    const unnamed = create(SCALEWAY_TYPES.bucket, "assets");
    expect(unnamed.id).toBe(`fr-par/assets-${stableUuid("assets").slice(0, 8)}`);
    expect(unnamed.state.name).toBe(`assets-${stableUuid("assets").slice(0, 8)}`);
  });

  it("leaves undefined inputs out of the state and keeps the others in their order", () => {
    const { state } = create(SCALEWAY_TYPES.vpc, "v", { name: "net", tags: undefined, enableRouting: true });
    expect(Object.keys(state)).toEqual([
      "region",
      "projectId",
      "name",
      "enableRouting",
      "isDefault",
      "organizationId",
    ]);
    expect("tags" in state).toBe(false);
  });

  it("keeps an input named __proto__ as a property of the state, not its prototype", () => {
    const inputs = JSON.parse('{"__proto__": {"polluted": true}, "name": "net"}') as Record<string, unknown>;
    const { state } = create(SCALEWAY_TYPES.vpc, "v", inputs);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(state, "__proto__")?.value).toEqual({ polluted: true });
  });

  it("lets a test override the state of a type", () => {
    const custom = new ScalewayMocks({
      resources: { [SCALEWAY_TYPES.vpc]: () => ({ state: { isDefault: true } }) },
    });
    expect(
      custom.newResource({ type: SCALEWAY_TYPES.vpc, name: "v", inputs: {}, custom: true }).state.isDefault,
    ).toBe(true);
  });
});

describe("ScalewayMocks data sources", () => {
  it("lists preconfigured alerts for the products the blocks use", () => {
    const result = mocks.call({
      token: SCALEWAY_INVOKES.getPreconfiguredAlert,
      inputs: {},
    });
    const alerts = result.alerts as Array<{ productName: string; preconfiguredRuleId: string }>;
    expect(new Set(alerts.map((a) => a.productName))).toEqual(
      new Set(["Cockpit", "Instance", "Kubernetes", "LB", "MySQL", "PostgreSQL", "Redis", "SQL Databases"]),
    );
    expect(alerts.every((a) => /^[0-9a-f-]{36}$/.test(a.preconfiguredRuleId))).toBe(true);
  });

  it("lists Scaleway's own metrics and logs sources with getSources, as ListDataSources answers", () => {
    const result = mocks.call({ token: GET_SOURCES, inputs: { origin: "scaleway", region: "nl-ams" } });
    expect(result.id).toBe("nl-ams");
    const sources = result.sources as Array<Record<string, unknown>>;
    expect(sources.map((s) => [s.name, s.type, s.origin, s.retentionDays])).toEqual([
      ["Scaleway Metrics", "metrics", "scaleway", 31],
      ["Scaleway Logs", "logs", "scaleway", 7],
    ]);
    const metrics = sources[0]!;
    expect(metrics.id).toMatch(/^nl-ams\/[0-9a-f-]{36}$/);
    expect(metrics.projectId).toBe(mocks.projectId);
    const uuid = String(metrics.id).slice("nl-ams/".length);
    expect(metrics.url).toBe(`https://${uuid}.metrics.cockpit.nl-ams.scw.cloud`);
    expect(metrics.pushUrl).toBe(`${String(metrics.url)}/api/v1/push`);
    expect(sources[1]!.pushUrl).toBe(`${String(sources[1]!.url)}/loki/api/v1/push`);
  });

  it("filters getSources by type and name, and knows no custom source", () => {
    const byType = mocks.call({ token: GET_SOURCES, inputs: { type: "logs" } });
    expect((byType.sources as Array<{ type: string }>).map((s) => s.type)).toEqual(["logs"]);
    const byName = mocks.call({ token: GET_SOURCES, inputs: { name: "Scaleway Metrics" } });
    expect((byName.sources as Array<{ type: string }>).map((s) => s.type)).toEqual(["metrics"]);
    expect(mocks.call({ token: GET_SOURCES, inputs: { origin: "custom" } }).sources).toEqual([]);
  });

  it("gives the Scaleway metrics source the id the preconfigured alerts point at", () => {
    const sources = mocks.call({ token: GET_SOURCES, inputs: { type: "metrics" } }).sources as Array<{
      id: string;
    }>;
    const alerts = mocks.call({
      token: SCALEWAY_INVOKES.getPreconfiguredAlert,
      inputs: {},
    }).alerts as Array<{ dataSourceId: string }>;
    expect(sources[0]!.id.split("/")[1]).toBe(alerts[0]!.dataSourceId);
  });

  it("answers getProject with the default project", () => {
    expect(mocks.call({ token: SCALEWAY_INVOKES.getProject, inputs: {} }).id).toBe(mocks.projectId);
  });
});

describe("stable values", () => {
  it("derives the same UUID from the same seed", () => {
    expect(stableUuid("a", "b")).toBe(stableUuid("a", "b"));
    expect(stableUuid("a", "b")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("picks host addresses inside the subnet", () => {
    for (const seed of ["a", "b", "c", "d"]) {
      expect(stableIpIn("10.1.4.0/24", seed)).toMatch(/^10\.1\.4\.(\d+)$/);
    }
  });

  it("builds passwords only from the enabled classes", () => {
    expect(generatedPassword({ length: 20, upper: false, special: false }, "x")).toMatch(/^[a-z0-9]{20}$/);
  });
});
