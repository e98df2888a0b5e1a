import type { PriceBook, PriceQuote } from "./prices";
import { HOURS_PER_MONTH, skuFor, tableQuote } from "./prices";

/** One product of Scaleway's public catalog, reduced to what pricing needs. */
export interface CatalogProduct {
  /** e.g. "/paas/caas/cpu_consumption/fr-par", "/storage/rdb/instance/db-dev-s/fr-par". */
  readonly sku: string;
  /** Retail price of `size` units, EUR. */
  readonly price?: { readonly units: number; readonly nanos: number; readonly currencyCode?: string };
  /** The catalog's countable unit: "hour", "vcpu_s", "gb_s", "month", … */
  readonly unit?: string;
  /** How many units the price is for (default 1). */
  readonly size?: number;
  /** The catalog's product name and variant, e.g. "Database management" (used where no SKU form is known). */
  readonly product?: string;
  readonly variant?: string;
  readonly description?: string;
}

/** Lists the catalog. Injected in tests; the default one calls Scaleway's public API. */
export type CatalogFetcher = () => Promise<readonly CatalogProduct[]>;

/**
 * The public product catalog, through @scaleway/sdk-product-catalog (loaded only when asked for,
 * so a plan without --live-prices never pays for it). The public catalog needs no credentials.
 */
export const fetchPublicCatalog: CatalogFetcher = async () => {
  const [{ createClient }, { ProductCatalogv2alpha1 }] = await Promise.all([
    import("@scaleway/sdk-client"),
    import("@scaleway/sdk-product-catalog"),
  ]);
  const api = new ProductCatalogv2alpha1.PublicCatalogAPI(createClient({}));
  const products = await api.listPublicCatalogProducts({ pageSize: 100 }).all();
  return products.map((p) => ({
    sku: p.sku,
    price: p.price?.retailPrice
      ? {
          units: p.price.retailPrice.units,
          nanos: p.price.retailPrice.nanos,
          currencyCode: p.price.retailPrice.currencyCode,
        }
      : undefined,
    unit: p.unitOfMeasure?.unit,
    size: p.unitOfMeasure?.size,
    product: p.product,
    variant: p.variant,
    description: p.description,
  }));
};

/** Catalog unit → table unit: the factor that turns a price per catalog unit into a price per table unit. */
const CONVERSIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "vCPU-s": { vcpu_s: 1 },
  "GB-s": { gb_s: 1 },
  hour: { hour: 1, minute: 60 },
  month: { month: 1, hour: HOURS_PER_MONTH },
};

/** The catalog price converted to the table entry's unit, or undefined when the units do not match. */
export function catalogPrice(product: CatalogProduct, unit: string): number | undefined {
  if (!product.price || (product.price.currencyCode && product.price.currencyCode !== "EUR"))
    return undefined;
  const factor = CONVERSIONS[unit]?.[product.unit ?? ""];
  if (factor === undefined) return undefined;
  const amount = product.price.units + product.price.nanos / 1e9;
  const size = product.size && product.size > 0 ? product.size : 1;
  return (amount / size) * factor;
}

/** How long --live-prices waits for the catalog before using the table. */
export const LIVE_PRICES_TIMEOUT_MS = 20_000;

export interface LivePriceResult {
  book: PriceBook;
  /** Why the table was used instead (the fetch failed), for the user. */
  warnings: string[];
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A price book that quotes the live catalog where it has the item's SKU in a unit it can convert,
 * and the shipped table otherwise. When the catalog cannot be fetched, the table book is returned
 * with a warning.
 */
export async function livePriceBook(
  fallback: PriceBook,
  fetcher: CatalogFetcher = fetchPublicCatalog,
  now: Date = new Date(),
  timeoutMs: number = LIVE_PRICES_TIMEOUT_MS,
): Promise<LivePriceResult> {
  let products: readonly CatalogProduct[];
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
      timer.unref();
    });
    products = await Promise.race([fetcher(), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      book: fallback,
      warnings: [
        `--live-prices: could not fetch Scaleway's public product catalog (${reason}); using the price table of ${fallback.date}.`,
      ],
    };
  }
  clearTimeout(timer);
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const fetched = today(now);
  return {
    warnings: [],
    book: {
      date: fetched,
      origin: "live",
      lookup(key: string, region: string): PriceQuote {
        const table = fallback.lookup(key, region) ?? tableQuote(key);
        const management = /^rdb\.management\.(.+)$/.exec(key)?.[1];
        const sku = skuFor(key, region);
        const product =
          management !== undefined
            ? managementProduct(products, management, region)
            : sku === undefined
              ? undefined
              : bySku.get(sku);
        const price = product === undefined ? undefined : catalogPrice(product, table.unit);
        // Not in the catalog: the table's figure (a management entry, or unknown).
        if (price === undefined || product === undefined) return table;
        // A live node price is the node SKU alone: it bundles nothing.
        const { bundles: _bundled, ...quote } = table;
        return {
          ...quote,
          price,
          status: "live",
          source: `Scaleway public product catalog, SKU ${product.sku}, fetched ${fetched}`,
        };
      },
    },
  };
}

/**
 * The catalog's "Database management" product of a node type in a region. Its SKU form is not
 * documented (the node's is /storage/rdb/instance/<node-type>/<region>), so it is found by name: a
 * product of the region whose name, variant, description or SKU says "management" and names the
 * node type.
 */
function managementProduct(
  products: readonly CatalogProduct[],
  nodeType: string,
  region: string,
): CatalogProduct | undefined {
  const node = nodeType.toLowerCase();
  return products.find((p) => {
    if (!p.sku.endsWith(`/${region}`)) return false;
    const text = [p.sku, p.product, p.variant, p.description].join(" ").toLowerCase();
    return text.includes("management") && text.includes(node) && /rdb|database/.test(text);
  });
}
