import {
  commonArgsShape,
  headerNameSchema,
  httpsUrlSchema,
  nameSegmentSchema,
  pulumiInput,
  secretInputSchema,
} from "@scaleway-blocks/core/internal";
import { COCKPIT_ALERT_PRODUCTS, CockpitAlertProduct } from "./alert-products";
import type * as pulumi from "@pulumi/pulumi";
import type { CommonArgs } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { z } from "zod";

/** Every permission a Cockpit token can carry (`scaleway.observability.Token` `scopes`). */
export const TokenScope = {
  QueryMetrics: "queryMetrics",
  WriteMetrics: "writeMetrics",
  SetupMetricsRules: "setupMetricsRules",
  QueryLogs: "queryLogs",
  WriteLogs: "writeLogs",
  SetupLogsRules: "setupLogsRules",
  QueryTraces: "queryTraces",
  WriteTraces: "writeTraces",
  SetupAlerts: "setupAlerts",
} as const;
export type TokenScope = (typeof TokenScope)[keyof typeof TokenScope];
/** Every value of `TokenScope`, in its order. */
export const TOKEN_SCOPES: readonly TokenScope[] = Object.values(TokenScope);

/** Cockpit data types a custom source can hold. */
export const SourceType = { Metrics: "metrics", Logs: "logs", Traces: "traces" } as const;
export type SourceType = (typeof SourceType)[keyof typeof SourceType];
/** Every value of `SourceType`, in its order. */
export const SOURCE_TYPES: readonly SourceType[] = Object.values(SourceType);

/** Scaleway's own Cockpit data an exporter can read: the types Scaleway products write to Cockpit. */
export const ScalewayDataType = { Metrics: SourceType.Metrics, Logs: SourceType.Logs } as const;
export type ScalewayDataType = (typeof ScalewayDataType)[keyof typeof ScalewayDataType];

/**
 * Retention bounds of custom Cockpit sources: 1 to 365 days, the provider's validator
 * (terraform-provider-scaleway v2.79.0 internal/services/cockpit/source.go, retention_days
 * `validation.IntBetween(1, 365)`). The Cockpit API's GetConfig answers up to 1825 days
 * (testdata/cockpit-config-data-source-basic.cassette.yaml), but the provider refuses more than 365.
 */
export const SOURCE_RETENTION_DAYS = { min: 1, max: 365 } as const;

/**
 * Bounds of a budget's monthly limit. The provider sends `consumption_limit` (cents) as a uint32
 * (terraform-provider-scaleway v2.79.0 internal/services/billing/budget_resource.go), so more than
 * 4 294 967 295 cents would wrap around silently; at least one cent.
 */
export const BUDGET_LIMIT_EUR = { min: 0.01, max: 42_949_672.95 } as const;

/**
 * At most 10 alerts per budget: Scaleway docs, "How to use billing alerts" ("You may configure up to
 * 10 billing alerts based on your monthly budget"). Thresholds are whole percentages 1–100 (the
 * provider accepts 0–100: internal/services/billing/budget_alert_resource.go; 0 would fire at once).
 */
export const MAX_BUDGET_THRESHOLDS = 10;

function unique<T>(values: readonly T[]): boolean {
  return new Set(values).size === values.length;
}

const emailSchema = z.email({ error: "expected an email address" });

const emailListSchema = z.array(emailSchema).refine((emails) => unique(emails.map((e) => e.toLowerCase())), {
  message: "expected each email address once",
});

const contactPointSchema = z.strictObject({
  /** Where Cockpit sends the alerts that fire. */
  email: emailSchema,
});

/** A product as Cockpit's preconfigured alerts name it, e.g. "PostgreSQL" or "SQL Databases". */
const productSchema = z.enum(CockpitAlertProduct, {
  error: () =>
    `expected a product Cockpit has preconfigured alerts for: ${COCKPIT_ALERT_PRODUCTS.map((p) => `"${p}"`).join(", ")}`,
});

const tokenScopesSchema = z
  .strictObject(
    Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, z.boolean().optional()])) as Record<
      TokenScope,
      z.ZodOptional<z.ZodBoolean>
    >,
  )
  .refine((scopes) => TOKEN_SCOPES.some((scope) => scopes[scope] === true), {
    message: `expected at least one scope set to true (${TOKEN_SCOPES.join(", ")})`,
  });

const sourceSchema = z.strictObject({
  /** What the source stores. */
  type: z.enum(SourceType, { error: () => `expected a source type: ${SOURCE_TYPES.join(" | ")}` }),
  /**
   * Days of data kept, 1–365. Default: the environment profile's metric retention for metrics, its log
   * retention for logs and traces. Changing it updates the source in place (the provider PATCHes
   * retention_days: testdata/cockpit-source-update.cassette.yaml); a new key or type replaces it.
   */
  retentionDays: z
    .number()
    .int("expected a whole number of days")
    .min(SOURCE_RETENTION_DAYS.min, `expected at least ${SOURCE_RETENTION_DAYS.min} day`)
    .max(SOURCE_RETENTION_DAYS.max, `expected at most ${SOURCE_RETENTION_DAYS.max} days`)
    .optional(),
});

const exporterSourceSchema = z.union(
  [
    z.strictObject({
      /** Scaleway's own data of this type in the component's region (found with getSources). */
      scaleway: z.enum(ScalewayDataType),
    }),
    z.strictObject({
      /** The key of one of this component's `sources`. */
      source: nameSegmentSchema,
    }),
    z.strictObject({
      /** The id of an existing data source, "<region>/<uuid>". */
      id: pulumiInput(z.string().min(1, "expected a data source id")),
    }),
  ],
  { error: () => 'expected { scaleway: "metrics" | "logs" }, { source: "<key of sources>" } or { id }' },
);

const exporterSchema = z.strictObject({
  /** The data to export. Default `{ scaleway: "metrics" }`. */
  from: exporterSourceSchema.optional(),
  /** The OpenTelemetry (OTLP) destination. */
  otlp: z.strictObject({
    /**
     * The OTLP endpoint: https only, since headers usually carry credentials, and no `user:password@`
     * in the URL (it would sit in plain text in the state): pass credentials as a secret header.
     */
    endpoint: httpsUrlSchema,
    /** Headers sent with every export (e.g. an API key). Stored as a Pulumi secret. */
    headers: z
      .record(z.string(), secretInputSchema)
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          const problem = headerNameSchema.safeParse(name).error?.issues[0];
          if (problem) ctx.addIssue({ code: "custom", path: [name], message: problem.message });
        }
      })
      .optional(),
  }),
  /** Scaleway products to export (names from getProducts). Default ["all"]. */
  products: z.array(z.string().min(1, "expected a product name")).min(1).optional(),
});

const budgetSchema = z.strictObject({
  /** The monthly spending limit in EUR (at most two decimals), €0.01 to €42,949,672.95. */
  monthlyLimitEur: z
    .number()
    .positive("expected a positive amount in EUR")
    .max(
      BUDGET_LIMIT_EUR.max,
      `expected at most ${BUDGET_LIMIT_EUR.max} EUR (the provider sends cents as a uint32)`,
    )
    .refine((eur) => Math.abs(eur * 100 - Math.round(eur * 100)) < 1e-6, {
      message: "expected an amount in EUR with at most two decimals",
    }),
  /** Percentages of the limit at which an alert is sent, at most 10 of them. Default [50, 80, 100]. */
  thresholds: z
    .array(
      z
        .number()
        .int("expected a whole percentage")
        .min(1, "expected a percentage of at least 1")
        .max(100, "expected a percentage of at most 100"),
    )
    .min(1, "expected at least one threshold")
    .max(
      MAX_BUDGET_THRESHOLDS,
      `expected at most ${MAX_BUDGET_THRESHOLDS} thresholds (Scaleway's limit of alerts per budget)`,
    )
    .refine(unique, { message: "expected each threshold once" })
    .optional(),
  /** Who receives budget alerts. Default: the contact points' addresses. */
  emails: emailListSchema.min(1, "expected at least one email address").optional(),
  /**
   * The organization whose consumption the budget watches (Scaleway budgets are per organization).
   * Default: the organization of `projectId` when it is set, else the provider's default organization.
   */
  organizationId: pulumiInput(
    z.string().regex(/^[0-9a-f-]{36}$/, "expected a Scaleway organization id (a UUID)"),
  ).optional(),
});

export const monitoringArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /** Email contact points of the Cockpit alert manager. */
    contactPoints: z
      .array(contactPointSchema)
      .refine((points) => unique(points.map((p) => p.email.toLowerCase())), {
        message: "expected each email address once",
      })
      .default([]),
    /** Products whose preconfigured Cockpit alerts are enabled, as Cockpit names them, e.g. ["PostgreSQL"]. */
    products: z.array(productSchema).refine(unique, { message: "expected each product once" }).default([]),
    /** Cockpit tokens by workload; each gets only the scopes set to true (every other scope is off). */
    tokens: z.record(nameSegmentSchema, tokenScopesSchema).default({}),
    /** Custom data sources by key. */
    sources: z.record(nameSegmentSchema, sourceSchema).default({}),
    /**
     * Pulumi `protect`. `true` (or the component's `protect` option) protects every child; left unset, the
     * environment's deletionProtection (production) protects the custom sources, whose deletion deletes
     * their data, and nothing else. The component's `retainOnDelete` option reaches every child.
     */
    protect: z.boolean().optional(),
    /** @deprecated Renamed `protect` (one name in every block). */
    protectSources: z
      .never({ error: () => 'expected nothing: renamed "protect", the name every block uses' })
      .optional(),
    /** Export Cockpit data to an OTLP endpoint. */
    exporter: exporterSchema.optional(),
    /** A budget with email alerts on the organization's consumption. */
    budget: budgetSchema.optional(),
  })
  .superRefine((args, ctx) => {
    const from = args.exporter?.from;
    if (from && "source" in from && !(from.source in args.sources)) {
      const known = Object.keys(args.sources);
      ctx.addIssue({
        code: "custom",
        path: ["exporter", "from", "source"],
        message: `expected the key of one of sources (${known.length > 0 ? known.join(", ") : "none defined"})`,
      });
    }
    if (args.budget && !args.budget.emails && args.contactPoints.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["budget", "emails"],
        message: "expected at least one email address (or contactPoints to default to)",
      });
    }
  });

/** An email contact point of the Cockpit alert manager. */
export interface ContactPointArgs {
  /** Where Cockpit sends the alerts that fire: an email address, each address once per component. */
  email: string;
}

/**
 * The scopes of one Cockpit token (`scaleway.observability.Token` `scopes`): only those set to `true`
 * are granted, every other one is sent as `false`. At least one must be `true`.
 */
export interface TokenScopes {
  /**
   * Read metrics (an external Grafana, a dashboard).
   * @default false
   */
  queryMetrics?: boolean;
  /**
   * Push metrics (an agent, an app's OpenTelemetry SDK).
   * @default false
   */
  writeMetrics?: boolean;
  /**
   * Create and edit metrics recording and alerting rules.
   * @default false
   */
  setupMetricsRules?: boolean;
  /**
   * Read logs.
   * @default false
   */
  queryLogs?: boolean;
  /**
   * Push logs.
   * @default false
   */
  writeLogs?: boolean;
  /**
   * Create and edit logs rules.
   * @default false
   */
  setupLogsRules?: boolean;
  /**
   * Read traces.
   * @default false
   */
  queryTraces?: boolean;
  /**
   * Push traces.
   * @default false
   */
  writeTraces?: boolean;
  /**
   * Configure the alert manager.
   * @default false
   */
  setupAlerts?: boolean;
}

/** A custom Cockpit data source (`scaleway.observability.Source`). */
export interface SourceArgs {
  /**
   * What the source stores: `SourceType.Metrics`, `Logs` or `Traces`.
   * **Changing it RECREATES the source**, and its data is lost (as does a new key in `sources`).
   */
  type: SourceType;
  /**
   * Days of data kept, 1–365 (the provider's bound). Changing it updates the source in place.
   * @default metrics: dev 31, staging 31, production 90; logs and traces: dev 7, staging 14, production 31
   */
  retentionDays?: number;
}

/** Export Scaleway's own data of this type in the component's region (found with `getSources`). */
export interface ExportScalewayData {
  /** `"metrics"` or `"logs"`. */
  scaleway: ScalewayDataType;
}

/** Export one of this component's own `sources`. */
export interface ExportComponentSource {
  /** The key of one of this component's `sources`. */
  source: string;
}

/** Export an existing data source, e.g. one another stack created. */
export interface ExportExistingSource {
  /** The data source's id, `"<region>/<uuid>"`; may come from another resource. */
  id: pulumi.Input<string>;
}

/** The data an exporter reads. */
export type ExporterSource = ExportScalewayData | ExportComponentSource | ExportExistingSource;

/** An OpenTelemetry (OTLP) destination. */
export interface OtlpDestinationArgs {
  /**
   * The OTLP endpoint: https only, since headers usually carry credentials, and no `user:password@`
   * in the URL (it would sit in plain text in the state): pass credentials as a secret header.
   */
  endpoint: string;
  /**
   * Headers sent with every export (e.g. an API key); names are RFC 9110 tokens. Values are stored as a
   * Pulumi secret and may come from another resource or a secret config value.
   * @default none
   */
  headers?: Record<string, pulumi.Input<string>>;
}

/** A Cockpit data export (`scaleway.observability.Exporter`). */
export interface ExporterArgs {
  /**
   * The data to export.
   * @default { scaleway: "metrics" }
   */
  from?: ExporterSource;
  /** The OpenTelemetry (OTLP) destination. */
  otlp: OtlpDestinationArgs;
  /**
   * Scaleway products to export, as `getProducts` names them (at least one).
   * @default ["all"]
   */
  products?: string[];
}

/** A monthly budget with email alerts on the organization's consumption (`scaleway.billing.Budget`). */
export interface BudgetArgs {
  /** The monthly spending limit in EUR (at most two decimals), €0.01 to €42,949,672.95; sent in cents. */
  monthlyLimitEur: number;
  /**
   * Whole percentages of the limit (1–100, each once, at most 10) at which an alert is sent.
   * @default [50, 80, 100]
   */
  thresholds?: number[];
  /**
   * Who receives budget alerts, each address once.
   * @default the `contactPoints` addresses (required when there are none)
   */
  emails?: string[];
  /**
   * The organization whose consumption the budget watches (Scaleway budgets are per organization);
   * may come from another resource.
   * @default the organization of `projectId` when it is set, else the provider's default organization
   */
  organizationId?: pulumi.Input<string>;
}

/**
 * The args of `Monitoring`: Cockpit's alert manager and its contacts, the preconfigured alerts of
 * the products a stack uses, tokens, custom sources, an export and a budget.
 */
export interface MonitoringArgs extends CommonArgs {
  /**
   * Email contact points of the Cockpit alert manager, each address once. Production needs at least
   * one: @scaleway-blocks/policy's rule `scw-monitoring-alert-contacts-in-production` says so (the plan
   * and the policy pack refuse a production alert manager without one).
   * @default []
   */
  contactPoints?: ContactPointArgs[];
  /**
   * Products whose preconfigured Cockpit alerts are enabled, as Cockpit names them, each once
   * (`CockpitAlertProduct`, e.g. `"PostgreSQL"`, `"SQL Databases"`).
   * @default []
   */
  products?: CockpitAlertProduct[];
  /**
   * Cockpit tokens by workload key (lowercase letters, digits, hyphens); each gets only the scopes set
   * to `true`.
   * @default {}
   */
  tokens?: Record<string, TokenScopes>;
  /**
   * Custom data sources by key (lowercase letters, digits, hyphens).
   * **A new key RECREATES the source**, and its data is lost.
   * @default {}
   */
  sources?: Record<string, SourceArgs>;
  /**
   * Pulumi `protect` on every child when `true`; it overrides the component's `protect` option. Left
   * unset, the environment's deletion protection protects the custom sources (whose deletion deletes
   * their data) and nothing else. The component's `retainOnDelete` option reaches every child.
   * @default the component's `protect` option, else dev: false, staging: false, production: the custom sources only
   */
  protect?: boolean;
  /**
   * Refused: renamed `protect`, the name every block uses.
   * @deprecated Use `protect`.
   * @default unset (any value is a ConfigError)
   */
  protectSources?: never;
  /**
   * Export Cockpit data to an OTLP endpoint.
   * @default none
   */
  exporter?: ExporterArgs;
  /**
   * A budget with email alerts on the organization's consumption.
   * @default none
   */
  budget?: BudgetArgs;
}

export type ParsedMonitoringArgs = z.output<typeof monitoringArgsSchema>;

// The documented interface and the schema accept the same args: a missing or mistyped field fails tsc.
const _monitoringArgsMatchSchema: AssertSameShape<
  MonitoringArgs,
  z.input<typeof monitoringArgsSchema>
> = true;
void _monitoringArgsMatchSchema;

/** Where secret values sit in the args: ConfigErrors describe them without quoting them. */
export const SECRET_ARG_PATHS: ReadonlyArray<readonly string[]> = [["exporter", "otlp", "headers"]];
