import { z } from "zod";

/** Scaleway regions where the building blocks run (EU data residency: Paris, Amsterdam, Warsaw). */
export const REGIONS = ["fr-par", "nl-ams", "pl-waw"] as const;
export type Region = (typeof REGIONS)[number];

/** Every availability zone of the Instance API. */
export const ZONES = [
  "fr-par-1",
  "fr-par-2",
  "fr-par-3",
  "nl-ams-1",
  "nl-ams-2",
  "nl-ams-3",
  "pl-waw-1",
  "pl-waw-2",
  "pl-waw-3",
] as const;
export type Zone = (typeof ZONES)[number];

/**
 * Products that exist only in some localities. Source: the LOCALITY tables of the
 * `@scaleway/sdk-*` packages (see shared/reference/scaleway-resources.md §4.1).
 */
export const ZONES_BY_PRODUCT = {
  /** Public Gateways are not offered in fr-par-3. */
  publicGateway: [
    "fr-par-1",
    "fr-par-2",
    "nl-ams-1",
    "nl-ams-2",
    "nl-ams-3",
    "pl-waw-1",
    "pl-waw-2",
    "pl-waw-3",
  ],
} as const satisfies Record<string, readonly Zone[]>;

export const REGIONS_BY_PRODUCT = {
  /** Serverless SQL Database is offered in fr-par only. */
  serverlessSqlDatabase: ["fr-par"],
  /** The GLACIER storage class exists in fr-par and nl-ams only. */
  objectStorageGlacier: ["fr-par", "nl-ams"],
} as const satisfies Record<string, readonly Region[]>;

export type ZonalProduct = keyof typeof ZONES_BY_PRODUCT;
export type RegionalProduct = keyof typeof REGIONS_BY_PRODUCT;

export const regionSchema = z.enum(REGIONS, {
  error: () => `expected a Scaleway region: ${REGIONS.join(" | ")}`,
});

export const zoneSchema = z.enum(ZONES, {
  error: () => `expected a Scaleway zone: ${ZONES.join(" | ")}`,
});

/** A zone where the given product is offered, e.g. `zoneFor("publicGateway")` refuses fr-par-3. */
export function zoneFor<P extends ZonalProduct>(product: P) {
  const zones: (typeof ZONES_BY_PRODUCT)[P] = ZONES_BY_PRODUCT[product];
  return z.enum(zones, {
    error: () => `expected a zone where ${product} is offered: ${zones.join(" | ")}`,
  });
}

/** A region where the given product is offered, e.g. `regionFor("serverlessSqlDatabase")` is fr-par only. */
export function regionFor<P extends RegionalProduct>(product: P) {
  const regions: (typeof REGIONS_BY_PRODUCT)[P] = REGIONS_BY_PRODUCT[product];
  return z.enum(regions, {
    error: () => `expected a region where ${product} is offered: ${regions.join(" | ")}`,
  });
}

/** The region a zone belongs to: "fr-par-2" → "fr-par". */
export function regionOfZone(zone: Zone): Region {
  return zone.slice(0, zone.lastIndexOf("-")) as Region;
}

/** The default zone of a region (its "-1" zone, offered by every zonal product). */
export function defaultZone(region: Region): Zone {
  return `${region}-1` as Zone;
}

/** Another region for off-site copies (backups kept outside the primary region). */
export function backupRegionFor(region: Region): Region {
  return region === "fr-par" ? "nl-ams" : "fr-par";
}

/** The region's Object Storage (S3) host without a scheme, `s3.<region>.scw.cloud`, as some tools take it. */
export function s3Host(region: Region): string {
  return "s3." + region + ".scw.cloud";
}

/** The region's Object Storage (S3) endpoint URL, `https://s3.<region>.scw.cloud`, for S3 clients. */
export function s3Endpoint(region: Region): string {
  return "https://" + s3Host(region);
}
