import { describe, expect, it } from "vitest";
import {
  catalogPrice,
  livePriceBook,
  PRICE_TABLE,
  PRICE_TABLE_DATE,
  skuFor,
  tablePriceBook,
} from "../src/index";
import type { CatalogProduct } from "../src/index";

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
    expect(book.lookup("object.standard", "fr-par")).toMatchObject({ price: 0.0146, status: "official" });
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
