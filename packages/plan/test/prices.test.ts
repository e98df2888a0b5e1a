import { describe, expect, it } from "vitest";
import { estimateCost, livePriceBook, PRICE_TABLE, PRICE_TABLE_DATE, tablePriceBook } from "../src/index";
import { catalogPrice } from "../src/live-prices";
import { resolveAssumptions } from "../src/assumptions";
import { skuFor } from "../src/prices";
import type { CatalogProduct } from "../src/live-prices";
import { planResource } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const failing = () => Promise.reject(new Error("getaddrinfo ENOTFOUND api.scaleway.com"));

const catalog: CatalogProduct[] = [
  {
    sku: "/paas/caas/cpu_consumption/fr-par",
    price: { units: 0, nanos: 20_000, currencyCode: "EUR" },
    unit: "vcpu_s",
    size: 1,
  },
  {
    sku: "/storage/rdb/instance/db-dev-s/fr-par",
    price: { units: 0, nanos: 17_000_000, currencyCode: "EUR" },
    unit: "hour",
    size: 1,
  },
  {
    sku: "/storage/rdb/instance/db-gp-xs/fr-par",
    price: { units: 0, nanos: 400_000_000, currencyCode: "EUR" },
    unit: "hour",
  },
];

describe("price table", () => {
  it("gives every entry a source and a status, and unknown entries no price", () => {
    for (const entry of PRICE_TABLE) {
      expect(entry.source.length, entry.key).toBeGreaterThan(0);
      expect(entry.price === null, entry.key).toBe(entry.status === "unknown");
    }
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps node types without a source unknown", () => {
    expect(tablePriceBook.lookup("rdb.node.db-gp-xs", "fr-par")).toMatchObject({
      price: null,
      status: "unknown",
    });
  });

  it("maps price keys to catalog SKUs per region", () => {
    expect(skuFor("containers.vcpu", "fr-par")).toBe("/paas/caas/cpu_consumption/fr-par");
    expect(skuFor("rdb.node.db-dev-s", "nl-ams")).toBe("/storage/rdb/instance/db-dev-s/nl-ams");
  });
});

describe("live prices", () => {
  it("falls back to the table with a warning when the catalog cannot be fetched", async () => {
    const { book, warnings } = await livePriceBook(tablePriceBook, failing);
    expect(book).toBe(tablePriceBook);
    expect(warnings).toEqual([expect.stringContaining("ENOTFOUND")]);
    expect(warnings[0]).toContain(PRICE_TABLE_DATE);
  });

  it("quotes the catalog where it has the SKU, and the table elsewhere", async () => {
    const { book, warnings } = await livePriceBook(
      tablePriceBook,
      () => Promise.resolve(catalog),
      new Date("2027-01-15T00:00:00Z"),
    );
    expect(warnings).toEqual([]);
    expect(book.date).toBe("2027-01-15");
    expect(book.lookup("containers.vcpu", "fr-par")).toMatchObject({ price: 0.00002, status: "live" });
    expect(book.lookup("rdb.node.db-dev-s", "fr-par").price).toBeCloseTo(0.017, 9);
    expect(book.lookup("rdb.node.db-gp-xs", "fr-par")).toMatchObject({ price: 0.4, status: "live" });
    expect(book.lookup("object.standard", "fr-par")).toMatchObject({ price: 0.01606, status: "third-party" });
    // no SKU for nl-ams in this catalog: the table's figure
    expect(book.lookup("containers.vcpu", "nl-ams")).toMatchObject({ price: 0.00001, status: "official" });
  });

  it("converts an hourly catalog price for a monthly table entry", () => {
    const product: CatalogProduct = { sku: "x", price: { units: 0, nanos: 50_000_000 }, unit: "hour" };
    expect(catalogPrice(product, "month")).toBeCloseTo(0.05 * 730, 9);
    expect(catalogPrice(product, "GB-month")).toBeUndefined();
  });
});

describe("live prices timeout", () => {
  it("falls back to the table when the catalog does not answer in time", async () => {
    const never = () => new Promise<never>(() => undefined);
    const { book, warnings } = await livePriceBook(tablePriceBook, never, new Date(), 20);
    expect(book.origin).toBe("table");
    expect(warnings[0]).toContain("no answer within");
  });
});

describe("the third-party catalog prices of 2026-12 (issue 11)", () => {
  const quote = (key: string) => tablePriceBook.lookup(key, "fr-par");

  it.each([
    ["rdb.storage.sbs_5k", 0.0993, "GB-month"],
    ["rdb.storage.sbs_15k", 0.000204 * 730, "GB-month"],
    ["rdb.backup", 0.03, "GB-month"],
    ["rdb.node.db-pro2-xxs", 0.0583, "hour"],
    ["rdb.management.db-pro2-xxs", 0.0517, "hour"],
    ["secrets.version", 0.00006, "version-hour"],
    ["secrets.request", 0.000003, "request"],
    ["network.public-gateway.vpc-gw-s", 0.026, "hour"],
    ["network.public-gateway.vpc-gw-m", 0.095, "hour"],
    ["network.public-gateway.vpc-gw-l", 0.439, "hour"],
    ["network.public-gateway.vpc-gw-xl", 0.949, "hour"],
    ["network.flexible-ip", 0.005, "hour"],
    ["object.standard", 0.000022 * 730, "GB-month"],
    ["object.onezone", 0.008, "GB-month"],
    ["object.glacier", 0.0025, "GB-month"],
  ])("prices %s at %f per %s, marked third-party with its date", (key, price, unit) => {
    const q = quote(key);
    expect(q.price).toBeCloseTo(price, 9);
    expect(q).toMatchObject({ unit, status: "third-party" });
    expect(q.source).toMatch(/third-party/);
    expect(PRICE_TABLE.find((e) => e.key === key)?.sourceDate).toMatch(/^2026-/);
  });

  it("prefers the catalog's container memory price to the older FAQ's, and says so", () => {
    const memory = quote("containers.memory");
    expect(memory).toMatchObject({ price: 0.000002, status: "third-party" });
    expect(memory.note).toMatch(/FAQ.*0\.000001/);
  });

  it("no longer prices high availability as twice the node", () => {
    expect(PRICE_TABLE.map((e) => e.key)).not.toContain("rdb.ha-multiplier");
  });
});

describe("live prices of a managed database", () => {
  const rdbCatalog: CatalogProduct[] = [
    {
      sku: "/storage/rdb/instance/db-pro2-xxs/fr-par",
      product: "DB-PRO2-XXS",
      price: { units: 0, nanos: 58_300_000, currencyCode: "EUR" },
      unit: "hour",
    },
    {
      sku: "/storage/rdb/database_management/db-pro2-xxs/fr-par",
      product: "Database management",
      variant: "DB-PRO2-XXS",
      price: { units: 0, nanos: 51_700_000, currencyCode: "EUR" },
      unit: "hour",
    },
  ];
  const live = () => livePriceBook(tablePriceBook, () => Promise.resolve(rdbCatalog), new Date("2027-01-15"));

  it("quotes the Database management SKU beside the node SKU", async () => {
    const { book } = await live();
    expect(book.lookup("rdb.node.db-pro2-xxs", "fr-par")).toMatchObject({ price: 0.0583, status: "live" });
    expect(book.lookup("rdb.management.db-pro2-xxs", "fr-par")).toMatchObject({
      price: 0.0517,
      status: "live",
      source: expect.stringContaining("/storage/rdb/database_management/db-pro2-xxs/fr-par"),
    });
  });

  it("prices an instance as node plus management, not the node alone", async () => {
    const { book } = await live();
    const cost = estimateCost(
      [
        planResource({
          type: SCALEWAY_TYPES.databaseInstance,
          name: "pg",
          inputs: { nodeType: "DB-PRO2-XXS", disableBackup: true, volumeType: "sbs_5k", volumeSizeInGb: 10 },
        }),
      ],
      { prices: book, assumptions: resolveAssumptions(), defaultRegion: "fr-par" },
    );
    const lines = cost.resources[0]!.lines;
    const compute = lines.filter(
      (l) => l.priceKey.startsWith("rdb.node.") || l.priceKey.startsWith("rdb.management."),
    );
    expect(compute.map((l) => l.status)).toEqual(["live", "live"]);
    expect(compute.reduce((sum, l) => sum + l.monthly!, 0)).toBeCloseTo((0.0583 + 0.0517) * 730, 6);
  });

  it("leaves the management part unknown when the catalog has only the node SKU", async () => {
    const { book } = await livePriceBook(
      tablePriceBook,
      () => Promise.resolve([{ ...rdbCatalog[0]!, sku: "/storage/rdb/instance/db-gp-xs/fr-par" }]),
      new Date("2027-01-15"),
    );
    expect(book.lookup("rdb.node.db-gp-xs", "fr-par").status).toBe("live");
    expect(book.lookup("rdb.management.db-gp-xs", "fr-par")).toMatchObject({
      price: null,
      status: "unknown",
    });
  });
});
