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
  T.patRule,
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

function databaseNodeLine(nodeType: string | undefined, ha: boolean, c: Context, item?: string): CostLine[] {
  if (nodeType === undefined) {
    return [
      line(c.prices.lookup("rdb.node.unset", c.region), { quantity: null, note: "nodeType is not set" }),
    ];
  }
  const quote = c.prices.lookup(`rdb.node.${nodeType.toLowerCase()}`, c.region);
  const hours = quote.unit === "hour" ? numberAssumption(c.a, "hoursPerMonth") : 1;
  const assumptions = quote.unit === "hour" ? ["hoursPerMonth"] : [];
  const out = [line(quote, { item, quantity: hours, assumptions })];
  if (!ha) return out;
  // HA = the main node and a hot standby: the standby costs (multiplier − 1) more nodes.
  const multiplier = c.prices.lookup("rdb.ha-multiplier", c.region);
  const standby = line(
    {
      ...quote,
      key: multiplier.key,
      description: `High-availability standby node (${nodeType.toUpperCase()})`,
      status: multiplier.status,
      source: multiplier.source,
      note: undefined,
    },
    {
      quantity: hours,
      factor: multiplier.price === null ? 0 : multiplier.price - 1,
      assumptions,
      note: `HA costs ×${multiplier.price ?? "?"} the node price`,
    },
  );
  if (multiplier.price === null) [standby.monthly, standby.status] = [null, "unknown"];
  return [...out, standby];
}

function databaseInstanceLines(r: PlanResource, c: Context): CostLine[] {
  const i = r.inputs;
  const volumeType = str(i.volumeType);
  const size = num(i.volumeSizeInGb);
  const lines = databaseNodeLine(str(i.nodeType), i.isHaCluster === true, c);
  lines.push(
    line(c.prices.lookup("rdb.storage", c.region), {
      quantity: size ?? numberAssumption(c.a, "database.storageGb"),
      assumptions: size === undefined ? ["database.storageGb"] : [],
      note: volumeType === undefined ? undefined : `volumeType ${volumeType}`,
    }),
  );
  if (i.disableBackup !== true) lines.push(line(c.prices.lookup("rdb.backup", c.region), { quantity: 1 }));
  return lines;
}

function readReplicaLines(r: PlanResource, c: Context): CostLine[] {
  const instanceId = str(r.inputs.instanceId);
  const instance = instanceId === undefined ? undefined : c.byId.get(instanceId);
  const nodeType = instance === undefined ? undefined : str(instance.inputs.nodeType);
  return databaseNodeLine(nodeType, false, c, "Read replica node (same node type as its instance)");
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
    case T.readReplica:
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
    case T.secretVersion:
      return [line(c.prices.lookup("secrets.version", c.region), { quantity: 1 })];
    case T.kmsKey:
      return [line(c.prices.lookup("kms.key", c.region), { quantity: 1 })];
    case T.cockpitSource:
      return cockpitSourceLines(r, c);
    case T.publicGateway: {
      const gatewayType = str(r.inputs.type);
      return [
        line(c.prices.lookup("network.public-gateway", c.region), {
          quantity: numberAssumption(c.a, "hoursPerMonth"),
          assumptions: ["hoursPerMonth"],
          note: gatewayType === undefined ? undefined : `type ${gatewayType}`,
        }),
      ];
    }
    case T.publicGatewayIp:
      return [line(c.prices.lookup("network.flexible-ip", c.region), { quantity: 1 })];
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
  const tiers: Array<[string, number, string]> = [
    ["containers.vcpu", 200_000, "Serverless Containers free tier (200 000 vCPU-s per account)"],
    ["containers.memory", 400_000, "Serverless Containers free tier (400 000 GB-s per account)"],
    ["object.egress", 75, "Object Storage free egress (75 GB per account)"],
  ];
  return tiers
    .map(([key, free, item]) => {
      const quote = c.prices.lookup(key, c.region);
      return line(quote, {
        item,
        quantity: -Math.min(used(key), free),
        assumptions: ["account.applyFreeTiers"],
      });
    })
    .filter((l) => l.quantity !== 0);
}

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
      const c: Context = { prices, a: options.assumptions, region: regionOf(r, options.defaultRegion), byId };
      const lines = resourceLines(r, c);
      return { urn: r.urn, name: r.name, type: r.type, lines, ...totalOf(lines) };
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
