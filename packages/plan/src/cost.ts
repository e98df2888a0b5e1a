import { moduleTypeOf } from "@scaleway-blocks/policy";
import type { Assumptions } from "./assumptions";
import { booleanAssumption, numberAssumption } from "./assumptions";
import { regionOf } from "./key-settings";
import type { PriceBook, PriceQuote, PriceStatus } from "./prices";
import { tablePriceBook } from "./prices";
import type { Json, PlanResource } from "./resources";
import { T, shortType } from "./tokens";

/** One priced item of a resource: known (monthly is a number) or unknown (monthly is null). */
export interface CostLine {
  item: string;
  priceKey: string;
  /** Units per month; null when the program does not say and no assumption covers it. */
  quantity: number | null;
  unit: string;
  /** EUR per unit; null when unknown. */
  unitPrice: number | null;
  /** EUR per month; null when unknown (never counted as zero). */
  monthly: number | null;
  status: PriceStatus;
  source: string;
  /** Assumption keys the quantity comes from. */
  assumptions: string[];
  note?: string;
}

/** A sum that keeps count of what it could not add. */
export interface CostTotal {
  /** EUR per month of the items whose price is known. */
  known: number;
  /** Items whose price or quantity is unknown: "+ N unknown". */
  unknownCount: number;
}

export interface ResourceCost extends CostTotal {
  urn: string;
  name: string;
  type: string;
  lines: CostLine[];
  /** The usage file's figures for this resource (assumption keys), when it has some. */
  usage?: Record<string, number | boolean>;
}

export interface ComponentCost extends CostTotal {
  urn: string;
  name: string;
  type: string;
}

export interface CostEstimate {
  currency: "EUR";
  /** Date of the prices used (table date, or fetch date with --live-prices). */
  priceDate: string;
  priceOrigin: "table" | "live";
  resources: ResourceCost[];
  components: ComponentCost[];
  /** Stack-wide lines (per-account free tiers, when applied). */
  adjustments: CostLine[];
  total: CostTotal;
}

export interface CostOptions {
  prices?: PriceBook;
  assumptions: Assumptions;
  /** The provider's default region (stack config scaleway:region, else fr-par). */
  defaultRegion: string;
  /**
   * Per-resource usage (the usage file's `resources`): assumption overrides for one resource, which win
   * over `assumptions` for it.
   */
  usageOf?: (resource: PlanResource) => Readonly<Record<string, number | boolean>> | undefined;
}

/** Rounds away floating-point noise (1e-6 EUR). */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function num(value: Json | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}
function str(value: Json | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

interface LineArgs {
  item?: string;
  quantity: number | null;
  /** Price multiplier on top of quantity × unit price (e.g. HA ×2, hours per month). */
  factor?: number;
  assumptions?: string[];
  note?: string;
  /** Status when this line is less certain than its price (e.g. an inferred multiplier). */
  status?: PriceStatus;
}

function line(quote: PriceQuote, args: LineArgs): CostLine {
  const known = quote.price !== null && args.quantity !== null;
  const out: CostLine = {
    item: args.item ?? quote.description,
    priceKey: quote.key,
    quantity: args.quantity === null ? null : round(args.quantity),
    unit: quote.unit,
    unitPrice: quote.price,
    monthly: known ? round(args.quantity! * quote.price * (args.factor ?? 1)) : null,
    status: quote.price === null ? "unknown" : (args.status ?? quote.status),
    source: quote.source,
    assumptions: args.assumptions ?? [],
  };
  const note = [args.note, quote.note].filter((n) => n !== undefined).join("; ");
  if (note) out.note = note;
  return out;
}

const INCLUDED = new Set<string>([
  T.containerNamespace,
  T.containerCron,
  T.containerTrigger,
  T.containerDomain,
  T.containerToken,
  T.database,
  T.databaseUser,
  T.databasePrivilege,
  T.databaseAcl,
  T.bucketAcl,
  T.bucketPolicy,
  T.bucketLock,
  T.bucketEncryption,
  T.bucketWebsite,
  T.objectItem,
  T.secret,
  T.iamApplication,
  T.iamPolicy,
  T.iamApiKey,
  T.iamGroup,
  T.iamGroupMembership,
  T.cockpitToken,
  T.alertManager,
  T.cockpit,
]);

const FREE_NETWORK = new Set<string>([
  T.vpc,
  T.privateNetwork,
  T.gatewayNetwork,
  T.ipamIp,
  T.route,
  T.networkAcl,
  T.publicGatewayPatRule,
]);

interface Context {
  readonly prices: PriceBook;
  readonly a: Assumptions;
  readonly region: string;
  readonly byId: ReadonlyMap<string, PlanResource>;
}

function containerLines(r: PlanResource, c: Context): CostLine[] {
  const i = r.inputs;
  const hours = numberAssumption(c.a, "hoursPerMonth");
  const minScale = num(i.minScale) ?? 0;
  const used: string[] = ["hoursPerMonth"];
  let instanceHours = minScale * hours;
  if (minScale === 0) {
    instanceHours += numberAssumption(c.a, "containers.activeHoursPerMonth");
    used.push("containers.activeHoursPerMonth");
  }
  const extra = numberAssumption(c.a, "containers.extraInstanceHoursPerMonth");
  instanceHours += extra;
  if (extra > 0) used.push("containers.extraInstanceHoursPerMonth");
  const seconds = instanceHours * 3600;
  const scale = `${instanceHours} instance-hours (min scale ${minScale})`;
  const cpu = num(i.cpuLimit);
  const memory = num(i.memoryLimitBytes);
  return [
    line(c.prices.lookup("containers.vcpu", c.region), {
      quantity: cpu === undefined ? null : (cpu / 1000) * seconds,
      assumptions: used,
      note:
        cpu === undefined
          ? "cpuLimit is not set: the provider's default is not previewed"
          : `${cpu / 1000} vCPU × ${scale}`,
    }),
    line(c.prices.lookup("containers.memory", c.region), {
      quantity: memory === undefined ? null : (memory / 1024 ** 3) * seconds,
      assumptions: used,
      note:
        memory === undefined
          ? "memoryLimitBytes is not set: the provider's default is not previewed"
          : `${memory / 1024 ** 3} GB × ${scale}`,
    }),
  ];
}

/** Units per month of an hourly or monthly quote, and the assumption that makes them. */
function perMonth(quote: PriceQuote, c: Context): { quantity: number; assumptions: string[] } {
  return quote.unit === "hour"
    ? { quantity: numberAssumption(c.a, "hoursPerMonth"), assumptions: ["hoursPerMonth"] }
    : { quantity: 1, assumptions: [] };
}

/**
 * The compute of a Managed Database instance: the node SKU plus the "Database management" SKU (the
 * catalog bills both), and with HA one more node: HA is billed as an extra node, not twice everything
 * (third-party documents quoting the catalog). A node type whose sources give only the instance's total
 * (its quote `bundles` the management) gets no management line, and its standby is unknown: the node
 * part of the total is not known.
 */
function databaseNodeLines(nodeType: string | undefined, ha: boolean, c: Context, item?: string): CostLine[] {
  if (nodeType === undefined) {
    return [
      line(c.prices.lookup("rdb.node.unset", c.region), { quantity: null, note: "nodeType is not set" }),
    ];
  }
  const type = nodeType.toLowerCase();
  const node = c.prices.lookup(`rdb.node.${type}`, c.region);
  const managementKey = `rdb.management.${type}`;
  const bundled = node.bundles?.includes(managementKey) === true;
  const out = [line(node, { item, ...perMonth(node, c) })];
  if (!bundled) {
    const management = c.prices.lookup(managementKey, c.region);
    out.push(line(management, perMonth(management, c)));
  }
  if (!ha) return out;
  const standbyItem = `High-availability standby node (${nodeType.toUpperCase()})`;
  if (bundled) {
    out.push(
      line(
        { ...node, price: null, source: HA_STANDBY_SOURCE, note: undefined },
        {
          item: standbyItem,
          ...perMonth(node, c),
          note: "HA adds one node; the node part of this type's total price is not known",
        },
      ),
    );
  } else {
    out.push(
      line(
        { ...node, note: undefined },
        { item: standbyItem, ...perMonth(node, c), note: `HA adds one node: ${HA_STANDBY_SOURCE}` },
      ),
    );
  }
  return out;
}

const HA_STANDBY_SOURCE =
  'HA is billed as one more node SKU, not twice the node, its "Database management" and its storage (third-party documents quoting the catalog, collected 2026-12-06)';

/** The API's default backup schedule when the program sets none: every 24 h, kept 7 days. */
export const DEFAULT_BACKUP_SCHEDULE = { frequencyHours: 24, retentionDays: 7 } as const;

function databaseInstanceLines(r: PlanResource, c: Context): CostLine[] {
  const i = r.inputs;
  const volumeType = str(i.volumeType);
  const size = num(i.volumeSizeInGb);
  const lines = databaseNodeLines(str(i.nodeType), i.isHaCluster === true, c);
  lines.push(
    line(c.prices.lookup(`rdb.storage.${(volumeType ?? "lssd").toLowerCase()}`, c.region), {
      quantity: size ?? numberAssumption(c.a, "database.storageGb"),
      assumptions: size === undefined ? ["database.storageGb"] : [],
      note:
        volumeType === undefined
          ? "volumeType is not set: the provider's default lssd (local storage, no price source)"
          : `volumeType ${volumeType}`,
    }),
  );
  if (i.disableBackup !== true) {
    // Source of the defaults: the API's answer in the provider's recording
    // rdb/testdata/instance-basic.cassette.yaml ("backup_schedule":{"frequency":24,…,"retention":7}).
    const frequency = num(i.backupScheduleFrequency);
    const retention = num(i.backupScheduleRetention);
    const every = frequency ?? DEFAULT_BACKUP_SCHEDULE.frequencyHours;
    const days = retention ?? DEFAULT_BACKUP_SCHEDULE.retentionDays;
    const kept = Math.max(1, Math.ceil((days * 24) / Math.max(every, 1)));
    const gb = numberAssumption(c.a, "database.gbPerBackup");
    const schedule = frequency === undefined && retention === undefined ? ", the API's default schedule" : "";
    lines.push(
      line(c.prices.lookup("rdb.backup", c.region), {
        item: "Managed Database automatic backups",
        quantity: kept * gb,
        assumptions: ["database.gbPerBackup"],
        note: `${kept} backups kept (every ${every} h for ${days} days${schedule}) × ${gb} GB`,
      }),
    );
  }
  return lines;
}

function readReplicaLines(r: PlanResource, c: Context): CostLine[] {
  const instance = instanceOf(r, c);
  const nodeType = instance === undefined ? undefined : str(instance.inputs.nodeType);
  return databaseNodeLines(nodeType, false, c, "Read replica node (same node type as its instance)");
}

function instanceOf(r: PlanResource, c: Context): PlanResource | undefined {
  const instanceId = str(r.inputs.instanceId);
  if (instanceId === undefined) return undefined;
  return c.byId.get(instanceId) ?? c.byId.get(instanceId.slice(instanceId.lastIndexOf("/") + 1));
}

/** A manual snapshot holds the instance's volume; a logical backup, one database dump. */
function databaseCopyLines(r: PlanResource, c: Context): CostLine[] {
  const quote = c.prices.lookup("rdb.backup", c.region);
  if (moduleTypeOf(r.type) === T.databaseSnapshot) {
    const size = num(instanceOf(r, c)?.inputs.volumeSizeInGb);
    return [
      line(quote, {
        item: "Managed Database snapshot",
        quantity: size ?? numberAssumption(c.a, "database.storageGb"),
        assumptions: size === undefined ? ["database.storageGb"] : [],
        note: "the size of its instance's volume",
      }),
    ];
  }
  return [
    line(quote, {
      item: "Managed Database logical backup",
      quantity: numberAssumption(c.a, "database.gbPerBackup"),
      assumptions: ["database.gbPerBackup"],
    }),
  ];
}

function bucketLines(r: PlanResource, c: Context): CostLine[] {
  return [
    line(c.prices.lookup("object.standard", c.region), {
      quantity: numberAssumption(c.a, "storage.gbPerBucket"),
      assumptions: ["storage.gbPerBucket"],
      note: "all objects assumed in the Standard class (lifecycle transitions are not modelled)",
    }),
    line(c.prices.lookup("object.egress", c.region), {
      quantity: numberAssumption(c.a, "storage.egressGbPerBucket"),
      assumptions: ["storage.egressGbPerBucket"],
    }),
  ];
}

function registryLines(r: PlanResource, c: Context): CostLine[] {
  const gb = numberAssumption(c.a, "registry.storedGbPerNamespace");
  const quote = c.prices.lookup("registry.private-storage", c.region);
  if (r.inputs.isPublic === true) {
    return [
      line(
        { ...quote, price: 0 },
        {
          item: "Container Registry public image storage",
          quantity: gb,
          assumptions: ["registry.storedGbPerNamespace"],
          note: gb > 75 ? "public images are free up to 75 GB only" : "public images are free up to 75 GB",
        },
      ),
    ];
  }
  return [line(quote, { quantity: gb, assumptions: ["registry.storedGbPerNamespace"] })];
}

function cockpitSourceLines(r: PlanResource, c: Context): CostLine[] {
  const type = str(r.inputs.type);
  const retention = num(r.inputs.retentionDays);
  if (type === "metrics") {
    const millions = numberAssumption(c.a, "cockpit.metricsMillionSamplesPerMonth");
    const extraDays = Math.max(0, (retention ?? 31) - 31);
    const lines = [
      line(c.prices.lookup("cockpit.custom-metrics", c.region), {
        quantity: millions,
        assumptions: ["cockpit.metricsMillionSamplesPerMonth"],
      }),
    ];
    if (extraDays > 0)
      lines.push(
        // Steady state: each month's samples are each kept extraDays beyond the free 31 days.
        line(c.prices.lookup("cockpit.retention-metrics", c.region), {
          quantity: (millions / 10) * extraDays,
          assumptions: ["cockpit.metricsMillionSamplesPerMonth"],
          note: `${extraDays} days beyond the default 31`,
        }),
      );
    return lines;
  }
  if (type === "logs" || type === "traces") {
    const key = type === "logs" ? "cockpit.logsGbPerMonth" : "cockpit.tracesGbPerMonth";
    const gb = numberAssumption(c.a, key);
    const extraDays = Math.max(0, (retention ?? 7) - 7);
    const lines = [
      line(c.prices.lookup(`cockpit.custom-${type}`, c.region), { quantity: gb, assumptions: [key] }),
    ];
    if (extraDays > 0)
      lines.push(
        line(c.prices.lookup("cockpit.retention-logs", c.region), {
          quantity: gb * extraDays,
          assumptions: [key],
          note: `${extraDays} days beyond the default 7`,
        }),
      );
    return lines;
  }
  return [
    line(c.prices.lookup("cockpit.custom-metrics", c.region), {
      quantity: null,
      note: "the source's type is not set: the provider's default is not previewed",
    }),
  ];
}

function resourceLines(r: PlanResource, c: Context): CostLine[] {
  const type = moduleTypeOf(r.type);
  if (!type.startsWith("scaleway:")) {
    return [line(c.prices.lookup("local", c.region), { quantity: 1 })];
  }
  if (INCLUDED.has(type)) return [line(c.prices.lookup("included", c.region), { quantity: 1 })];
  if (FREE_NETWORK.has(type)) return [line(c.prices.lookup("network.vpc", c.region), { quantity: 1 })];
  if (type.startsWith("scaleway:billing/"))
    return [line(c.prices.lookup("billing.budget", c.region), { quantity: 1 })];
  switch (type) {
    case T.container:
      return containerLines(r, c);
    case T.databaseInstance:
      return databaseInstanceLines(r, c);
    case T.databaseReadReplica:
      return readReplicaLines(r, c);
    case T.serverlessDatabase:
      return [
        line(c.prices.lookup("sdb.compute", c.region), { quantity: null }),
        line(c.prices.lookup("sdb.storage", c.region), { quantity: null }),
      ];
    case T.bucket:
      return bucketLines(r, c);
    case T.registryNamespace:
      return registryLines(r, c);
    case T.databaseSnapshot:
    case T.databaseBackup:
      return databaseCopyLines(r, c);
    case T.secretVersion:
      return [
        line(c.prices.lookup("secrets.version", c.region), {
          quantity: numberAssumption(c.a, "hoursPerMonth"),
          assumptions: ["hoursPerMonth"],
        }),
        line(c.prices.lookup("secrets.request", c.region), {
          quantity: numberAssumption(c.a, "secrets.requestsPerVersionPerMonth"),
          assumptions: ["secrets.requestsPerVersionPerMonth"],
        }),
      ];
    case T.kmsKey:
      return [line(c.prices.lookup("kms.key", c.region), { quantity: 1 })];
    case T.cockpitSource:
      return cockpitSourceLines(r, c);
    case T.publicGateway: {
      const gatewayType = str(r.inputs.type);
      return [
        line(c.prices.lookup(`network.public-gateway.${(gatewayType ?? "unset").toLowerCase()}`, c.region), {
          quantity: numberAssumption(c.a, "hoursPerMonth"),
          assumptions: ["hoursPerMonth"],
          note: gatewayType === undefined ? "type is not set" : undefined,
        }),
      ];
    }
    case T.publicGatewayIp: {
      const ip = c.prices.lookup("network.flexible-ip", c.region);
      return [line(ip, perMonth(ip, c))];
    }
    default:
      return [
        line(c.prices.lookup(`type.${shortType(type)}`, c.region), {
          item: `${shortType(type)} (no price entry for this type)`,
          quantity: 1,
        }),
      ];
  }
}

function totalOf(lines: readonly CostLine[]): CostTotal {
  let known = 0;
  let unknownCount = 0;
  for (const l of lines) {
    if (l.monthly === null) unknownCount++;
    else known += l.monthly;
  }
  return { known: round(known), unknownCount };
}

/** The per-account free tiers, as negative lines, when the assumptions say to apply them. */
function freeTierLines(resources: readonly ResourceCost[], c: Context): CostLine[] {
  if (!booleanAssumption(c.a, "account.applyFreeTiers")) return [];
  const all = resources.flatMap((r) => r.lines);
  const used = (key: string): number =>
    all.filter((l) => l.priceKey === key && l.quantity !== null).reduce((sum, l) => sum + l.quantity!, 0);
  return FREE_TIERS.map((tier) => {
    const quote = c.prices.lookup(tier.priceKey, c.region);
    return line(
      { ...quote, source: tier.source },
      {
        item: tier.item,
        quantity: -Math.min(used(tier.priceKey), tier.free),
        assumptions: ["account.applyFreeTiers"],
        note: "once per account and month: apply it in one stack of the account only",
      },
    );
  }).filter((l) => l.quantity !== 0);
}

/** A per-account monthly free allowance of a priced item. */
export interface FreeTier {
  readonly priceKey: string;
  /** Units free per account per month. */
  readonly free: number;
  readonly item: string;
  readonly source: string;
}

/**
 * The per-account free tiers the plan subtracts (assumption account.applyFreeTiers, off by default:
 * they are shared by every stack and project of the account). Checked 2026-12-06.
 */
export const FREE_TIERS: readonly FreeTier[] = [
  {
    priceKey: "containers.vcpu",
    free: 200_000,
    item: "Serverless Containers free tier (200 000 vCPU-s per account per month)",
    source:
      'https://www.scaleway.com/en/docs/serverless-containers/faq/ ("a 200 000 vCPU-s free tier per account per month")',
  },
  {
    priceKey: "containers.memory",
    free: 400_000,
    item: "Serverless Containers free tier (400 000 GB-s per account per month)",
    source:
      'https://www.scaleway.com/en/docs/serverless-containers/faq/ ("a 400 000 GB-s free tier per account and per month")',
  },
  {
    priceKey: "object.egress",
    free: 75,
    item: "Object Storage free egress (75 GB per account per month)",
    source:
      "https://www.scaleway.com/en/docs/object-storage/faq/ (validation 2025-10-21: 75 GB of egress free every month)",
  },
];

/**
 * The monthly cost of every resource, of every component (its descendants) and of the stack.
 * Unknown prices and quantities stay unknown: they are counted in `unknownCount`, never added as 0.
 */
export function estimateCost(resources: readonly PlanResource[], options: CostOptions): CostEstimate {
  const prices = options.prices ?? tablePriceBook;
  const byId = new Map(resources.filter((r) => r.mockId !== undefined).map((r) => [r.mockId!, r]));
  const costs: ResourceCost[] = resources
    .filter((r) => r.custom)
    .map((r) => {
      const usage = options.usageOf?.(r);
      const a = usage === undefined ? options.assumptions : { ...options.assumptions, ...usage };
      const c: Context = { prices, a, region: regionOf(r, options.defaultRegion), byId };
      const lines = resourceLines(r, c);
      return {
        urn: r.urn,
        name: r.name,
        type: r.type,
        lines,
        ...totalOf(lines),
        ...(usage !== undefined ? { usage: { ...usage } } : {}),
      };
    });
  const costByUrn = new Map(costs.map((c) => [c.urn, c]));
  const children = new Map<string, PlanResource[]>();
  for (const r of resources) {
    if (r.parent !== undefined) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const componentTotal = (urn: string): CostTotal => {
    const lines: CostTotal[] = (children.get(urn) ?? []).map((child) =>
      child.custom ? costByUrn.get(child.urn)! : componentTotal(child.urn),
    );
    return {
      known: round(lines.reduce((s, t) => s + t.known, 0)),
      unknownCount: lines.reduce((s, t) => s + t.unknownCount, 0),
    };
  };
  const components = resources
    .filter((r) => !r.custom)
    .map((r) => ({ urn: r.urn, name: r.name, type: r.type, ...componentTotal(r.urn) }));
  const adjustments = freeTierLines(costs, {
    prices,
    a: options.assumptions,
    region: options.defaultRegion,
    byId,
  });
  const all = [...costs.flatMap((c) => c.lines), ...adjustments];
  return {
    currency: "EUR",
    priceDate: prices.date,
    priceOrigin: prices.origin,
    resources: costs,
    components,
    adjustments,
    total: totalOf(all),
  };
}
