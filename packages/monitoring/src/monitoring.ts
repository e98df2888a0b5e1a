import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import {
  BLOCK_TYPES,
  blockContext,
  describeRedacted,
  isPathUnder,
  parseArgs,
  resolveProtection,
} from "@scaleway-blocks/core/internal";
import type { Region } from "@scaleway-blocks/core";
import { SECRET_ARG_PATHS, TOKEN_SCOPES, monitoringArgsSchema } from "./args";
import type { MonitoringArgs, ParsedMonitoringArgs, SourceType } from "./args";

/** Budget alert thresholds (percent of the limit) when none are given. */
export const DEFAULT_BUDGET_THRESHOLDS: readonly number[] = [50, 80, 100];

function outputRecord<T>(entries: Array<[string, pulumi.Output<T>]>): pulumi.Output<Record<string, T>> {
  return pulumi.all(Object.fromEntries(entries)) as pulumi.Output<Record<string, T>>;
}

/** Parses Monitoring's args as its constructor does; errors never quote a secret value. */
function parseMonitoringArgs(name: string, args: MonitoringArgs) {
  return parseArgs(
    monitoringArgsSchema,
    args,
    { type: Monitoring.TYPE, name },
    {
      describe: (path, value) =>
        SECRET_ARG_PATHS.some((prefix) => isPathUnder(path, prefix)) ? describeRedacted(value) : undefined,
    },
  );
}

/** Every check `new Monitoring(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateMonitoringArgs(name: string, args: MonitoringArgs): void {
  parseMonitoringArgs(name, args);
}

/**
 * Cockpit monitoring for one project and region: the alert manager with email contact points and the
 * preconfigured alerts of the products a stack uses, least-privilege push tokens, custom data sources,
 * an optional OTLP export, and an optional budget alert on the organization's consumption.
 */
export class Monitoring extends pulumi.ComponentResource {
  static readonly TYPE = BLOCK_TYPES.monitoring;

  readonly region: Region;
  /** The Cockpit Grafana URL (sign in with Scaleway IAM). */
  readonly grafanaUrl: pulumi.Output<string>;
  readonly alertManagerId: pulumi.Output<string>;
  readonly alertManagerUrl: pulumi.Output<string>;
  /** The preconfigured alert rule ids enabled for the requested products, sorted. */
  readonly enabledAlertRuleIds: pulumi.Output<string[]>;
  /** Token ids by key. */
  readonly tokenIds: pulumi.Output<Record<string, string>>;
  /** Token secret keys by key, as a Pulumi secret. */
  readonly tokenSecretKeys: pulumi.Output<Record<string, string>>;
  /** Custom source ids by key. */
  readonly sourceIds: pulumi.Output<Record<string, string>>;
  /** Custom source query URLs by key. */
  readonly sourceUrls: pulumi.Output<Record<string, string>>;
  /** Custom source push URLs by key. */
  readonly sourcePushUrls: pulumi.Output<Record<string, string>>;
  /** The exporter's id, when `exporter` is set. */
  readonly exporterId: pulumi.Output<string> | undefined;
  /** The budget's id, when `budget` is set. */
  readonly budgetId: pulumi.Output<string> | undefined;
  /**
   * The Cockpit alert manager resource this component registered (`<name>-alert-manager`), for what the
   * block does not wrap.
   */
  readonly alertManager: scaleway.observability.AlertManager;

  private readonly tokenSecrets: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseMonitoringArgs(name, args);
    super(Monitoring.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "monitoring", name }, parsed);
    // Explicit arg, then the component's own `protect` option, then the profile (sources only: they hold data).
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);
    const { region, projectId } = parsed;
    this.region = region;

    this.grafanaUrl = scaleway.observability.getGrafanaOutput({ projectId }, { parent: this }).grafanaUrl;

    // Alerts
    this.enabledAlertRuleIds = this.preconfiguredAlertIds(parsed);
    const alertManager = new scaleway.observability.AlertManager(
      `${name}-alert-manager`,
      {
        region,
        projectId,
        contactPoints: parsed.contactPoints.map((point) => ({ email: point.email })),
        preconfiguredAlertIds: this.enabledAlertRuleIds,
      },
      { parent: this, ...protection.other },
    );
    this.alertManager = alertManager;
    this.alertManagerId = alertManager.id;
    this.alertManagerUrl = alertManager.alertManagerUrl;

    // Tokens: every scope is set explicitly, because the provider grants write scopes when left unset.
    const tokens = Object.entries(parsed.tokens).map(([key, requested]) => {
      const scopes = Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, requested[scope] === true]));
      const token = new scaleway.observability.Token(
        `${name}-token-${key}`,
        { name: ctx.name(`token-${key}`), region, projectId, scopes },
        { parent: this, ...protection.other },
      );
      return { key, id: token.id, secretKey: pulumi.secret(token.secretKey) };
    });
    this.tokenIds = outputRecord(tokens.map((t) => [t.key, t.id]));
    this.tokenSecrets = Object.fromEntries(tokens.map((t) => [t.key, t.secretKey]));
    this.tokenSecretKeys = pulumi.secret(outputRecord(tokens.map((t) => [t.key, t.secretKey])));

    // Custom sources
    const defaultRetention: Record<SourceType, number> = {
      metrics: ctx.profile.monitoring.metricRetentionDays,
      logs: ctx.profile.monitoring.logRetentionDays,
      traces: ctx.profile.monitoring.logRetentionDays,
    };
    const sources = Object.entries(parsed.sources).map(([key, spec]) => {
      const source = new scaleway.observability.Source(
        `${name}-source-${key}`,
        {
          name: ctx.name(`source-${key}`),
          type: spec.type,
          retentionDays: spec.retentionDays ?? defaultRetention[spec.type],
          region,
          projectId,
        },
        { parent: this, ...protection.stateful },
      );
      return { key, source };
    });
    this.sourceIds = outputRecord(sources.map(({ key, source }) => [key, source.id]));
    this.sourceUrls = outputRecord(sources.map(({ key, source }) => [key, source.url]));
    this.sourcePushUrls = outputRecord(sources.map(({ key, source }) => [key, source.pushUrl]));

    // Export
    if (parsed.exporter) {
      const exporter = parsed.exporter;
      const from = exporter.from ?? { scaleway: "metrics" as const };
      let datasourceId: pulumi.Input<string>;
      if ("source" in from) {
        datasourceId = sources.find((s) => s.key === from.source)!.source.id;
      } else if ("id" in from) {
        datasourceId = from.id;
      } else {
        datasourceId = this.scalewaySourceId(from.scaleway, parsed);
      }
      const headers = exporter.otlp.headers;
      const created = new scaleway.observability.Exporter(
        `${name}-exporter`,
        {
          name: ctx.name("exporter"),
          description: `OTLP export of ${ctx.project} ${ctx.environment} Cockpit data`,
          datasourceId,
          exportedProducts: exporter.products ?? ["all"],
          otlpDestination: {
            endpoint: exporter.otlp.endpoint,
            headers: headers ? pulumi.secret(pulumi.output(headers)) : undefined,
          },
          region,
          projectId,
        },
        // The provider does not mark the destination secret; its headers usually carry credentials.
        { parent: this, additionalSecretOutputs: ["otlpDestination"], ...protection.other },
      );
      this.exporterId = created.id;
    }

    // Budget
    if (parsed.budget) {
      const budget = parsed.budget;
      const organizationId =
        budget.organizationId ??
        (projectId !== undefined
          ? scaleway.account.getProjectOutput({ projectId }, { parent: this }).organizationId
          : undefined);
      const created = new scaleway.billing.Budget(
        `${name}-budget`,
        {
          // The provider takes cents.
          consumptionLimit: Math.round(budget.monthlyLimitEur * 100),
          enabled: true,
          organizationId,
        },
        { parent: this, ...protection.other },
      );
      const emails = budget.emails ?? parsed.contactPoints.map((point) => point.email);
      for (const threshold of budget.thresholds ?? DEFAULT_BUDGET_THRESHOLDS) {
        const alert = new scaleway.billing.BudgetAlert(
          `${name}-budget-alert-${threshold}`,
          { budgetId: created.id, threshold },
          { parent: this, ...protection.other },
        );
        new scaleway.billing.BudgetAlertNotification(
          `${name}-budget-alert-${threshold}-email`,
          { budgetAlertId: alert.id, emailAddresses: emails },
          { parent: this, ...protection.other },
        );
      }
      this.budgetId = created.id;
    }

    this.registerOutputs({
      grafanaUrl: this.grafanaUrl,
      alertManagerId: this.alertManagerId,
      alertManagerUrl: this.alertManagerUrl,
      enabledAlertRuleIds: this.enabledAlertRuleIds,
      tokenIds: this.tokenIds,
      tokenSecretKeys: this.tokenSecretKeys,
      sourceIds: this.sourceIds,
      sourceUrls: this.sourceUrls,
      sourcePushUrls: this.sourcePushUrls,
      exporterId: this.exporterId,
      budgetId: this.budgetId,
    });
  }

  /** The secret key of one token (a Pulumi secret). Unknown key → Error naming the known keys. */
  tokenSecretKey(key: string): pulumi.Output<string> {
    const secret = this.tokenSecrets[key];
    if (!secret) {
      const known = Object.keys(this.tokenSecrets);
      throw new Error(
        `Monitoring has no token "${key}"; known tokens: ${known.length > 0 ? known.join(", ") : "none"}`,
      );
    }
    return secret;
  }

  private preconfiguredAlertIds(parsed: ParsedMonitoringArgs): pulumi.Output<string[]> {
    const products: readonly string[] = parsed.products;
    if (products.length === 0) return pulumi.output([]);
    const lookup = scaleway.observability.getPreconfiguredAlertOutput(
      { region: parsed.region, projectId: parsed.projectId },
      { parent: this },
    );
    return lookup.alerts.apply((alerts) => {
      const matched = alerts.filter((alert) => products.includes(alert.productName));
      const available = [...new Set(alerts.map((alert) => alert.productName))].sort();
      for (const product of products) {
        if (!matched.some((alert) => alert.productName === product)) {
          void pulumi.log.warn(
            `Cockpit has no preconfigured alert for product "${product}" in ${parsed.region}; products with alerts: ${available.join(", ")}`,
            this,
          );
        }
      }
      return [...new Set(matched.map((alert) => alert.preconfiguredRuleId))].sort();
    });
  }

  private scalewaySourceId(type: "metrics" | "logs", parsed: ParsedMonitoringArgs): pulumi.Output<string> {
    const lookup = scaleway.observability.getSourcesOutput(
      { origin: "scaleway", type, region: parsed.region, projectId: parsed.projectId },
      { parent: this },
    );
    return lookup.apply((result) => {
      const found = (result.sources ?? []).find((s) => s.origin === "scaleway" && s.type === type);
      if (!found) {
        throw new Error(
          `Monitoring: no Scaleway ${type} data source found in ${parsed.region} to export; pass exporter.from.id instead`,
        );
      }
      return found.id;
    });
  }
}
