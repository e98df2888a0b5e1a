import type * as pulumi from "@pulumi/pulumi";
import { stableUuid } from "./ids";
import { scalewayResourceState } from "./scaleway-outputs";
import type { MockContext, MockState } from "./scaleway-outputs";
import { SCALEWAY_INVOKES } from "@scaleway-blocks/core/internal";

export interface ScalewayMocksOptions {
  /** The provider's default region (what `scaleway:region` would be). Default fr-par. */
  region?: string;
  /** The provider's default zone. Default `<region>-1`. */
  zone?: string;
  /** The provider's default project id. Default a stable fake UUID. */
  projectId?: string;
  organizationId?: string;
  /** Per-type overrides of the mocked state, merged over the defaults. */
  resources?: Record<string, (ctx: MockContext) => Partial<MockState> | undefined>;
  /** Per-token results of data sources (invokes), replacing the defaults. */
  calls?: Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>;
}

/**
 * The preconfigured Cockpit alerts the data source lists, named as the API names them: products, families
 * and rules of GET /cockpit/v1/regions/fr-par/alerts?is_preconfigured=true as recorded in
 * terraform-provider-scaleway v2.79.0 (internal/services/cockpit/testdata/
 * data-source-cockpit-preconfigured-alert-basic.cassette.yaml). No Serverless Containers or Object Storage.
 */
const PRECONFIGURED_ALERTS: ReadonlyArray<{ product: string; family: string; rules: readonly string[] }> = [
  {
    product: "Cockpit",
    family: "Observability",
    rules: ["CockpitIngestionIncrease", "CockpitIngestionDecrease"],
  },
  { product: "Instance", family: "Compute", rules: ["InstanceHighCPUUsage"] },
  {
    product: "Kubernetes",
    family: "Containers",
    rules: ["APIServerHighCPUUsage", "APIServerHighMemoryUsage", "NodesNotReady"],
  },
  {
    product: "LB",
    family: "Load Balancer",
    rules: ["LBHighCPULoad", "LBBackendServerDown", "LBBackendDown"],
  },
  { product: "MySQL", family: "Managed Databases", rules: ["MySQLTooManyConnections", "MySQLHighCPULoad"] },
  {
    product: "PostgreSQL",
    family: "Managed Databases",
    rules: ["PostgreSQLHighStorageUsage", "PostgresqlTooManyConnections", "PostgreSQLHighCPULoad"],
  },
  { product: "Redis", family: "Managed Databases", rules: ["HighCpuUsage", "HighMemoryUsage"] },
  { product: "SQL Databases", family: "Serverless", rules: ["ServerlessSQLDatabaseHighCPUUsage"] },
];

/**
 * The data sources Cockpit keeps for Scaleway's own products in every project and region, as the
 * Cockpit API lists them (ListDataSources, origin "scaleway": "Scaleway Metrics" kept 31 days and
 * "Scaleway Logs" kept 7; terraform-provider-scaleway v2.79.0
 * internal/services/cockpit/testdata/cockpit-sources-data-source-default-sources.cassette.yaml).
 */
const SCALEWAY_SOURCES = [
  { name: "Scaleway Metrics", type: "metrics", retentionDays: 31, pushPath: "/api/v1/push" },
  { name: "Scaleway Logs", type: "logs", retentionDays: 7, pushPath: "/loki/api/v1/push" },
] as const;

/**
 * Pulumi mocks that answer like Scaleway: regional ids "fr-par/<uuid>", zonal ids, S3 and
 * registry endpoints, private IPs, generated passwords, and the data sources the blocks use.
 * Every value is derived from the resource's type and name, so graphs are the same on every run.
 */
export class ScalewayMocks implements pulumi.runtime.Mocks {
  readonly region: string;
  readonly zone: string;
  readonly projectId: string;
  readonly organizationId: string;

  constructor(private readonly options: ScalewayMocksOptions = {}) {
    this.region = options.region ?? "fr-par";
    this.zone = options.zone ?? `${this.region}-1`;
    this.projectId = options.projectId ?? stableUuid("project");
    this.organizationId = options.organizationId ?? stableUuid("organization");
  }

  newResource(args: pulumi.runtime.MockResourceArgs): {
    id: string | undefined;
    state: Record<string, unknown>;
  } {
    const ctx: MockContext = {
      type: args.type,
      name: args.name,
      inputs: args.inputs as Record<string, unknown>,
      region: this.region,
      zone: this.zone,
      projectId: this.projectId,
      organizationId: this.organizationId,
    };
    const base = scalewayResourceState(ctx);
    const override = this.options.resources?.[args.type]?.(ctx);
    return {
      id: override?.id ?? base.id,
      state: { ...base.state, ...(override?.state ?? {}) },
    };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const inputs = args.inputs as Record<string, unknown>;
    const custom = this.options.calls?.[args.token];
    if (custom) return custom(inputs);
    const region = typeof inputs.region === "string" ? inputs.region : this.region;
    const projectId = typeof inputs.projectId === "string" ? inputs.projectId : this.projectId;
    switch (args.token) {
      case SCALEWAY_INVOKES.getProject:
        return {
          id: projectId,
          projectId,
          organizationId: this.organizationId,
          name: typeof inputs.name === "string" ? inputs.name : "default",
          description: "",
          createdAt: "2026-01-01T00:00:00Z",
          updatedAt: "2026-01-01T00:00:00Z",
        };
      case SCALEWAY_INVOKES.getAvailabilityZones:
        return { id: region, region, zones: [1, 2, 3].map((n) => `${region}-${n}`) };
      case SCALEWAY_INVOKES.getGrafana:
        return {
          id: projectId,
          projectId,
          grafanaUrl: `https://${projectId}.dashboard.obs.${region}.scw.cloud`,
        };
      case SCALEWAY_INVOKES.getPreconfiguredAlert:
        return {
          id: `${region}/${projectId}`,
          projectId,
          region,
          alerts: PRECONFIGURED_ALERTS.flatMap(({ product, family, rules }) =>
            rules.map((rule) => ({
              preconfiguredRuleId: stableUuid("preconfigured-alert", product, rule),
              name: rule,
              displayName: rule.replace(/([a-z])([A-Z])/g, "$1 $2"),
              displayDescription: `${rule} on ${product}`,
              productName: product,
              productFamily: family,
              dataSourceId: stableUuid("scaleway-metrics", region),
              duration: "5m",
              rule: `${rule} > 0`,
              ruleStatus: "disabled",
              state: "inactive",
              annotations: {},
            })),
          ),
        };
      case SCALEWAY_INVOKES.getSources: {
        // The provider's data source: ListDataSources filtered by origin and type, then by name; its id is
        // the region (internal/services/cockpit/sources_data_source.go). Custom sources are not tracked.
        const sources = SCALEWAY_SOURCES.filter(
          (source) =>
            (inputs.origin === undefined || inputs.origin === "scaleway") &&
            (inputs.type === undefined || inputs.type === source.type) &&
            (inputs.name === undefined || inputs.name === source.name),
        ).map(({ name, type, retentionDays, pushPath }) => {
          const uuid = stableUuid(`scaleway-${type}`, region);
          const url = `https://${uuid}.${type}.cockpit.${region}.scw.cloud`;
          return {
            id: `${region}/${uuid}`,
            projectId,
            name,
            url,
            pushUrl: `${url}${pushPath}`,
            type,
            origin: "scaleway",
            retentionDays,
            synchronizedWithGrafana: true,
            region,
            createdAt: "2026-01-01T00:00:00Z",
            updatedAt: "2026-01-01T00:00:00Z",
          };
        });
        return { ...inputs, id: region, region, projectId, sources };
      }
      default:
        // Unknown data sources echo their inputs with a stable id, like a lookup that found what was asked.
        return { id: stableUuid(args.token, JSON.stringify(inputs)), ...inputs };
    }
  }
}
