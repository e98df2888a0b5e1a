import { describe, expect, it } from "vitest";
import { cronProblem, normalizeCronSchedule, timeZoneProblem } from "../src/internal/cron";
import { IMAGE_REFERENCE_PATTERN } from "../src/internal/image";
import { memoryToBytes } from "../src/internal/memory";

describe("memoryToBytes", () => {
  it("reads a plain number as Scaleway MB, which are decimal (1,000,000 bytes)", () => {
    expect(memoryToBytes(2048)).toEqual({ bytes: 2048 * 1000 * 1000 });
  });

  it("reads MB and GB as decimal and Mi and Gi as binary, in any case", () => {
    expect(memoryToBytes("512mi")).toEqual({ bytes: 512 * 1024 * 1024 });
    expect(memoryToBytes("1Gi")).toEqual({ bytes: 1024 * 1024 * 1024 });
    expect(memoryToBytes("256MB")).toEqual({ bytes: 256 * 1000 * 1000 });
    expect(memoryToBytes("4gb")).toEqual({ bytes: 4000 * 1000 * 1000 });
  });

  it("refuses a size that is not a whole number of its unit's megabytes", () => {
    expect(memoryToBytes("0.3Gi")).toEqual({ error: "expected a whole number of MiB" });
    expect(memoryToBytes(512.5)).toEqual({ error: "expected a whole number of MB" });
  });
});

describe("cronProblem", () => {
  it("accepts lists, ranges, steps and names", () => {
    for (const schedule of ["*/15 * * * *", "0 9-17/2 * * MON-FRI", "30 2 1,15 JAN,JUL 0", "0 0 * * SAT"]) {
      expect(cronProblem(schedule), schedule).toBeUndefined();
    }
  });

  it("refuses a day of week of 7, which robfig/cron's ParseStandard refuses (0-6)", () => {
    expect(cronProblem("0 0 * * 7")).toMatch(/7 is outside 0-6 for the day of week/);
  });

  it("refuses a day of month of 0", () => {
    expect(cronProblem("0 0 0 * *")).toMatch(/outside 1-31 for the day of month/);
  });

  it("refuses a step of zero", () => {
    expect(cronProblem("*/0 * * * *")).toMatch(/step/);
  });
});

describe("normalizeCronSchedule", () => {
  it("trims the schedule and puts one space between fields", () => {
    expect(normalizeCronSchedule("  5 4\t*  * 1 \n")).toBe("5 4 * * 1");
  });
});

describe("timeZoneProblem", () => {
  it("accepts zone names, UTC and Etc/UTC", () => {
    for (const tz of ["Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "Etc/UTC", "Etc/GMT+1"]) {
      expect(timeZoneProblem(tz), tz).toBeUndefined();
    }
  });

  it("accepts every zone Node lists, spelled as Node lists it", () => {
    for (const tz of Intl.supportedValuesOf("timeZone")) expect(timeZoneProblem(tz), tz).toBeUndefined();
  });

  it("accepts the IANA spellings Node 20 lists under an older name", () => {
    for (const tz of ["Asia/Kolkata", "Europe/Kyiv", "America/Nuuk", "Asia/Ho_Chi_Minh", "Pacific/Kanton"]) {
      expect(timeZoneProblem(tz), tz).toBeUndefined();
    }
  });

  it("names the right spelling of a zone given in the wrong case", () => {
    expect(timeZoneProblem("europe/paris")).toMatch(/"Europe\/Paris"/);
    expect(timeZoneProblem("EUROPE/PARIS")).toMatch(/"Europe\/Paris"/);
    expect(timeZoneProblem("utc")).toMatch(/"UTC"/);
    expect(timeZoneProblem("asia/kolkata")).toMatch(/"Asia\/Kolkata"/);
  });

  it("names the current name of an old alias", () => {
    expect(timeZoneProblem("US/Pacific")).toMatch(/"America\/Los_Angeles"/);
  });

  it("refuses offsets, bare city names and made-up zones", () => {
    for (const tz of ["+02:00", "Paris", "Europe/Atlantis", ""])
      expect(timeZoneProblem(tz), tz).toBeDefined();
  });
});

describe("IMAGE_REFERENCE_PATTERN", () => {
  it("accepts references with a registry, a port, a tag or a digest", () => {
    for (const ref of [
      "nginx:1.27",
      "docker.io/library/nginx:1.27-alpine",
      "localhost:5000/team/app:v1",
      "rg.fr-par.scw.cloud/acme/api:2024.01.02",
      `ghcr.io/acme/api:1.0@sha256:${"0".repeat(64)}`,
    ]) {
      expect(IMAGE_REFERENCE_PATTERN.test(ref), ref).toBe(true);
    }
  });

  it("refuses references without a tag or digest, or with capitals in the path", () => {
    for (const ref of ["nginx", "ghcr.io/acme/api", "ghcr.io/Acme/api:1", "https://ghcr.io/acme/api:1"]) {
      expect(IMAGE_REFERENCE_PATTERN.test(ref), ref).toBe(false);
    }
  });
});
