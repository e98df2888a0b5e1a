import { describe, expect, it } from "vitest";
import {
  backupRegionFor,
  defaultZone,
  regionFor,
  regionOfZone,
  s3Endpoint,
  s3Host,
  zoneFor,
} from "../src/index";
import { regionSchema, zoneSchema } from "../src/internal";

describe("regionSchema", () => {
  it.each(["fr-par", "nl-ams", "pl-waw"])("accepts %s", (region) => {
    expect(regionSchema.parse(region)).toBe(region);
  });

  it.each(["fr-par-1", "us-east-1", "it-mil", "FR-PAR", ""])("refuses %j", (region) => {
    const result = regionSchema.safeParse(region);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("fr-par | nl-ams | pl-waw");
  });
});

describe("zoneSchema", () => {
  it.each(["fr-par-1", "fr-par-3", "nl-ams-3", "pl-waw-3"])("accepts %s", (zone) => {
    expect(zoneSchema.parse(zone)).toBe(zone);
  });

  it.each(["fr-par-4", "fr-par", "nl-ams-0"])("refuses %j", (zone) => {
    expect(zoneSchema.safeParse(zone).success).toBe(false);
  });
});

describe("zoneFor", () => {
  it("refuses fr-par-3 for a public gateway", () => {
    const result = zoneFor("publicGateway").safeParse("fr-par-3");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(
      /publicGateway is offered: fr-par-1 \| fr-par-2 \| nl-ams-1/,
    );
  });

  it.each(["fr-par-1", "fr-par-2", "nl-ams-3", "pl-waw-2"])("accepts %s for a public gateway", (zone) => {
    expect(zoneFor("publicGateway").parse(zone)).toBe(zone);
  });
});

describe("regionFor", () => {
  it("accepts only fr-par for Serverless SQL", () => {
    expect(regionFor("serverlessSqlDatabase").parse("fr-par")).toBe("fr-par");
    expect(regionFor("serverlessSqlDatabase").safeParse("nl-ams").success).toBe(false);
  });

  it("refuses GLACIER in pl-waw", () => {
    expect(regionFor("objectStorageGlacier").safeParse("pl-waw").success).toBe(false);
    expect(regionFor("objectStorageGlacier").parse("nl-ams")).toBe("nl-ams");
  });
});

describe("locality helpers", () => {
  it("finds the region of a zone", () => {
    expect(regionOfZone("nl-ams-3")).toBe("nl-ams");
  });

  it("uses the -1 zone as a region's default", () => {
    expect(defaultZone("pl-waw")).toBe("pl-waw-1");
  });

  it("keeps backups out of the primary region", () => {
    for (const region of ["fr-par", "nl-ams", "pl-waw"] as const) {
      expect(backupRegionFor(region)).not.toBe(region);
    }
  });

  it("gives the region's S3 endpoint URL and host", () => {
    expect(s3Endpoint("nl-ams")).toBe("https://s3.nl-ams.scw.cloud");
    expect(s3Host("pl-waw")).toBe("s3.pl-waw.scw.cloud");
  });
});
