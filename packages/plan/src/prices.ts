/**
 * The dated price table that ships with the package, compiled from Scaleway's public docs and the
 * third-party documents listed per entry (see README "Price table"). Prices are EUR excluding VAT
 * and the same in every region. An entry whose price no source gives has `price: null`: it stays
 * unknown and is never counted as zero.
 */

/** How much an entry can be trusted. */
export type PriceStatus =
  /** Scaleway's docs (FAQ pages, with their validation date). */
  | "official"
  /** A third-party document quoting Scaleway's pricing page or catalog: indicative. */
  | "third-party"
  /** Derived from the docs but not stated on a pricing page. */
  | "inferred"
  /** Fetched from Scaleway's public product catalog during this run (--live-prices). */
  | "live"
  /** No source: the price is not known. */
  | "unknown";

export interface PriceEntry {
  /** Stable key, e.g. "containers.vcpu" or "rdb.node.db-dev-s". */
  readonly key: string;
  readonly description: string;
  /** What one unit is: "vCPU-s", "GB-s", "GB-month", "hour", "month", "GB", "factor", … */
  readonly unit: string;
  /** EUR per unit, excl. VAT; null when unknown. */
  readonly price: number | null;
  readonly status: PriceStatus;
  /** Where the figure comes from (URL or document), and its date. */
  readonly source: string;
  readonly sourceDate?: string;
  readonly note?: string;
  /** The product catalog SKU, with "{region}" or "{zone}" standing for the locality. */
  readonly sku?: string;
  /**
   * Keys of other items this price already includes: a Managed Database node type whose sources give
   * only the instance's total (node and Database management together) bundles its management item.
   */
  readonly bundles?: readonly string[];
}

/** When the table was compiled from its sources. */
export const PRICE_TABLE_DATE = "2026-12-06";

export const HOURS_PER_MONTH = 730;

const CONTAINERS_FAQ = "https://www.scaleway.com/en/docs/serverless-containers/faq/ (validation 2025-04-02)";
const REGISTRY_FAQ = "https://www.scaleway.com/en/docs/container-registry/faq/ (validation 2025-08-19)";
const OBJECT_FAQ = "https://www.scaleway.com/en/docs/object-storage/faq/ (validation 2025-10-21)";
const COCKPIT_FAQ = "https://www.scaleway.com/en/docs/cockpit/faq/ (validation 2025-05-02)";
const RDB_3RD =
  "third-party 2026 documents quoting the Scaleway catalog (NL doc; FR budget doc of 2026-08-20)";
const NOT_FOUND = "no source found; try --live-prices or the Scaleway console estimator";
/** Third-party documents quoting Scaleway's product catalog, collected on 2026-12-06 (indicative). */
const CATALOG_3RD =
  "third-party 2026 documents quoting Scaleway's product catalog (collected 2026-12-06; indicative)";
const CATALOG_DATE = "2026-12-06";

export const PRICE_TABLE: readonly PriceEntry[] = [
  {
    key: "containers.vcpu",
    description: "Serverless Containers vCPU",
    unit: "vCPU-s",
    price: 0.00001,
    status: "official",
    source: CONTAINERS_FAQ,
    sourceDate: "2025-04-02",
    note: "€1.00 per 100 000 vCPU-s; free tier 200 000 vCPU-s per account per month",
    sku: "/paas/caas/cpu_consumption/{region}",
  },
  {
    key: "containers.memory",
    description: "Serverless Containers memory",
    unit: "GB-s",
    price: 0.000002,
    status: "third-party",
    source: `${CATALOG_3RD}, catalog SKU /paas/caas/memory_consumption/<region>`,
    sourceDate: CATALOG_DATE,
    note: "the catalog's price, preferred to the Serverless Containers FAQ's €0.000001/GB-s (validation 2025-04-02) because it is more recent; free tier 400 000 GB-s per account per month",
    sku: "/paas/caas/memory_consumption/{region}",
  },
  {
    key: "registry.private-storage",
    description: "Container Registry private image storage",
    unit: "GB-month",
    price: 0.027,
    status: "official",
    source: REGISTRY_FAQ,
    sourceDate: "2025-08-19",
    note: "public images free up to 75 GB; intra-regional egress free, inter-regional €0.033/GB",
  },
  {
    key: "object.standard",
    description: "Object Storage Standard Multi-AZ",
    unit: "GB-month",
    price: 0.01606,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "€0.000022/GB-hour × 730 h; the Object Storage FAQ (validation 2025-10-21) gave €0.00002/GB-hour (€0.0146/GB-month)",
  },
  {
    key: "object.onezone",
    description: "Object Storage Standard One Zone (ONEZONE_IA)",
    unit: "GB-month",
    price: 0.008,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "about €0.008/GB-month since the 2026-01-05 price cut; the FAQ (validation 2025-10-21) gave €0.012",
  },
  {
    key: "object.glacier",
    description: "Object Storage Glacier",
    unit: "GB-month",
    price: 0.0025,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "about €0.0025/GB-month; fr-par and nl-ams only; restore €0.009/GB (Object Storage FAQ, 2025-10-21, which gave €0.002/GB-month)",
  },
  {
    key: "object.egress",
    description: "Object Storage egress (internet and inter-region)",
    unit: "GB",
    price: 0.01,
    status: "official",
    source: OBJECT_FAQ,
    sourceDate: "2025-10-21",
    note: "75 GB free every month per account; intra-region traffic, requests and ingress free",
  },
  {
    key: "rdb.node.db-dev-s",
    description: "Managed PostgreSQL DB-DEV-S (node and Database management)",
    unit: "hour",
    price: 0.0156,
    status: "third-party",
    source: RDB_3RD,
    sourceDate: "2026-08-20",
    note: "≈ €11.39/month, quoted as the instance's price: node and Database management together (the split is not given)",
    sku: "/storage/rdb/instance/db-dev-s/{region}",
    bundles: ["rdb.management.db-dev-s"],
  },
  {
    key: "rdb.node.db-dev-m",
    description: "Managed PostgreSQL DB-DEV-M (node and Database management)",
    unit: "month",
    price: 29,
    status: "third-party",
    source: "FR budget document, 2026-08 (indicative)",
    sourceDate: "2026-08-20",
    note: "about €29/month, a total that includes the Database management and a small storage volume",
    sku: "/storage/rdb/instance/db-dev-m/{region}",
    bundles: ["rdb.management.db-dev-m"],
  },
  {
    key: "rdb.node.db-pro2-xxs",
    description: "Managed PostgreSQL node DB-PRO2-XXS",
    unit: "hour",
    price: 0.0583,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "the node SKU; the catalog bills the Database management apart (rdb.management.db-pro2-xxs)",
    sku: "/storage/rdb/instance/db-pro2-xxs/{region}",
  },
  {
    key: "rdb.management.db-pro2-xxs",
    description: "Managed Database management (DB-PRO2-XXS)",
    unit: "hour",
    price: 0.0517,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: 'the catalog\'s "Database management" SKU, billed beside the node SKU (once, also with HA)',
  },
  {
    key: "rdb.storage.sbs_5k",
    description: "Managed Database block storage, 5K IOPS (sbs_5k)",
    unit: "GB-month",
    price: 0.0993,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
  },
  {
    key: "rdb.storage.sbs_15k",
    description: "Managed Database block storage, 15K IOPS (sbs_15k)",
    unit: "GB-month",
    price: 0.14892,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "€0.000204/GB-hour × 730 h",
  },
  {
    key: "rdb.backup",
    description: "Managed Database backups and snapshots",
    unit: "GB-month",
    price: 0.03,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
  },
  {
    key: "sdb.compute",
    description: "Serverless SQL Database compute (vCPU, 4 GB RAM per vCPU)",
    unit: "vCPU-s",
    price: null,
    status: "unknown",
    source:
      "billing model: https://www.scaleway.com/en/docs/serverless-sql-databases/faq/ (validation 2025-04-16); unit price not found",
    note: "no compute charge while idle with min 0 vCPU",
  },
  {
    key: "sdb.storage",
    description: "Serverless SQL Database storage (includes 7 days of backups)",
    unit: "GB-month",
    price: null,
    status: "unknown",
    source:
      "billing model: https://www.scaleway.com/en/docs/serverless-sql-databases/faq/ (validation 2025-04-16); unit price not found",
  },
  {
    key: "secrets.version",
    description: "Secret Manager secret version stored",
    unit: "version-hour",
    price: 0.00006,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "about €0.044 per version per month; billing model: https://www.scaleway.com/en/docs/secret-manager/faq/ (validation 2025-04-15)",
  },
  {
    key: "secrets.request",
    description: "Secret Manager API requests",
    unit: "request",
    price: 0.000003,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
  },
  {
    key: "kms.key",
    description: "Key Manager key",
    unit: "month",
    price: null,
    status: "unknown",
    source: "https://www.scaleway.com/en/docs/key-manager/faq/ (validation 2025-07-24); unit price not found",
  },
  {
    key: "cockpit.scaleway-data",
    description: "Cockpit: Scaleway-produced metrics, logs and traces within default retention",
    unit: "month",
    price: 0,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "cockpit.custom-metrics",
    description: "Cockpit custom metrics ingestion (first tier, 0–10 B samples)",
    unit: "million samples",
    price: 0.15,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "cockpit.custom-logs",
    description: "Cockpit custom logs ingestion",
    unit: "GB",
    price: 0.35,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "cockpit.custom-traces",
    description: "Cockpit custom traces ingestion",
    unit: "GB",
    price: 0.35,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "cockpit.retention-metrics",
    description: "Cockpit metrics retention beyond 31 days",
    unit: "10M samples-day",
    price: 0.0002,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "cockpit.retention-logs",
    description: "Cockpit logs and traces retention beyond 7 days",
    unit: "GB-day",
    price: 0.002,
    status: "official",
    source: COCKPIT_FAQ,
    sourceDate: "2025-05-02",
  },
  {
    key: "network.public-gateway.vpc-gw-s",
    description: "Public Gateway VPC-GW-S",
    unit: "hour",
    price: 0.026,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "its flexible IP is billed apart (network.flexible-ip)",
  },
  {
    key: "network.public-gateway.vpc-gw-m",
    description: "Public Gateway VPC-GW-M",
    unit: "hour",
    price: 0.095,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "its flexible IP is billed apart (network.flexible-ip)",
  },
  {
    key: "network.public-gateway.vpc-gw-l",
    description: "Public Gateway VPC-GW-L",
    unit: "hour",
    price: 0.439,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "its flexible IP is billed apart (network.flexible-ip)",
  },
  {
    key: "network.public-gateway.vpc-gw-xl",
    description: "Public Gateway VPC-GW-XL",
    unit: "hour",
    price: 0.949,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "its flexible IP is billed apart (network.flexible-ip)",
  },
  {
    key: "network.flexible-ip",
    description: "Public Gateway flexible IP",
    unit: "hour",
    price: 0.005,
    status: "third-party",
    source: CATALOG_3RD,
    sourceDate: CATALOG_DATE,
    note: "billed apart from the gateway (Public Gateway FAQ, 2025-09-24)",
  },
  {
    key: "network.vpc",
    description: "VPC, Private Networks, VPC routing and private IPs",
    unit: "month",
    price: 0,
    status: "official",
    source: "https://www.scaleway.com/en/docs/vpc/faq/ (validation 2025-05-05)",
    sourceDate: "2025-05-05",
  },
  {
    key: "included",
    description: "Configuration of a billed product; no separate price is listed",
    unit: "month",
    price: 0,
    status: "inferred",
    source: "billing models in the product FAQs: the product is billed on the resource this one configures",
  },
  {
    key: "billing.budget",
    description: "Billing budget, budget alert or alert notification (an account setting)",
    unit: "month",
    price: 0,
    status: "inferred",
    source: "an account billing setting: no price is listed for budgets or their alerts (assumed free)",
  },
  {
    key: "local",
    description: "Not a Scaleway resource (computed by Pulumi or a local provider)",
    unit: "month",
    price: 0,
    status: "inferred",
    source: "nothing is created at Scaleway",
  },
];

/** A price as a price book quotes it: an entry of the table (or of the live catalog) without its SKU. */
export type PriceQuote = Pick<
  PriceEntry,
  "key" | "description" | "unit" | "price" | "status" | "source" | "note" | "bundles"
>;

/** Where prices come from during one plan. */
export interface PriceBook {
  /** The date the prices are from (the table's date, or the day the catalog was fetched). */
  readonly date: string;
  readonly origin: "table" | "live";
  /** The price of an item in a region (prices are the same everywhere, SKUs are per region). */
  lookup(key: string, region: string): PriceQuote;
}

const TABLE = new Map(PRICE_TABLE.map((e) => [e.key, e]));

/** Families of keys an item may have without a table entry: their description and unit. */
const FAMILIES: ReadonlyArray<[RegExp, (name: string) => string, string]> = [
  [/^rdb\.node\.(.+)$/, (n) => `Managed Database node ${n.toUpperCase()}`, "hour"],
  [/^rdb\.management\.(.+)$/, (n) => `Managed Database management (${n.toUpperCase()})`, "hour"],
  [/^rdb\.storage\.(.+)$/, (n) => `Managed Database storage (${n})`, "GB-month"],
  [/^network\.public-gateway\.(.+)$/, (n) => `Public Gateway ${n.toUpperCase()}`, "hour"],
];

/** The table entry for a key, or an unknown quote that says no source was found. */
export function tableQuote(key: string): PriceQuote {
  const entry = TABLE.get(key);
  if (entry) return entry;
  for (const [pattern, describe, unit] of FAMILIES) {
    const name = pattern.exec(key)?.[1];
    if (name !== undefined)
      return { key, description: describe(name), unit, price: null, status: "unknown", source: NOT_FOUND };
  }
  return { key, description: key, unit: "month", price: null, status: "unknown", source: NOT_FOUND };
}

/** The shipped table as a price book. */
export const tablePriceBook: PriceBook = {
  date: PRICE_TABLE_DATE,
  origin: "table",
  lookup: (key) => tableQuote(key),
};

/** The catalog SKU of a price key in a region, when the key has one. */
export function skuFor(key: string, region: string): string | undefined {
  const entry = TABLE.get(key);
  if (entry?.sku) return entry.sku.replace("{region}", region);
  const node = /^rdb\.node\.(.+)$/.exec(key);
  if (node?.[1] !== undefined) return `/storage/rdb/instance/${node[1]}/${region}`;
  return undefined;
}
