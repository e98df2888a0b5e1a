import { describe, expect, it } from "vitest";
import { cronProblem, isIanaTimeZone } from "../src/internal/cron";
import { IMAGE_REFERENCE_PATTERN } from "../src/internal/image";
import { memoryToBytes } from "../src/internal/memory";

describe("memoryToBytes", () => {
  it("reads a plain number as Scaleway MB, which are MiB", () => {
    expect(memoryToBytes(2048)).toEqual({ bytes: 2048 * 1024 * 1024 });
  });

  it("reads Mi, Gi, MB and GB suffixes in any case", () => {
    expect(memoryToBytes("512mi")).toEqual({ bytes: 512 * 1024 * 1024 });
    expect(memoryToBytes("1Gi")).toEqual({ bytes: 1024 * 1024 * 1024 });
    expect(memoryToBytes("256MB")).toEqual({ bytes: 256 * 1024 * 1024 });
    expect(memoryToBytes("4gb")).toEqual({ bytes: 4096 * 1024 * 1024 });
  });

  it("refuses a size that is not a whole number of MiB", () => {
    expect(memoryToBytes("0.3Gi")).toEqual({ error: "expected a whole number of MiB" });
  });
});

describe("cronProblem", () => {
  it("accepts lists, ranges, steps and names", () => {
    for (const schedule of ["*/15 * * * *", "0 9-17/2 * * MON-FRI", "30 2 1,15 JAN,JUL 0", "0 0 * * 7"]) {
      expect(cronProblem(schedule), schedule).toBeUndefined();
    }
  });

  it("refuses a day of month of 0", () => {
    expect(cronProblem("0 0 0 * *")).toMatch(/outside 1-31 for the day of month/);
  });

  it("refuses a step of zero", () => {
    expect(cronProblem("*/0 * * * *")).toMatch(/step/);
  });
});

describe("isIanaTimeZone", () => {
  it("accepts zone names and UTC", () => {
    for (const tz of ["Europe/Paris", "America/Argentina/Buenos_Aires", "UTC", "Etc/GMT+1"]) {
      expect(isIanaTimeZone(tz), tz).toBe(true);
    }
  });

  it("refuses offsets, abbreviations of nothing and made-up zones", () => {
    for (const tz of ["+02:00", "Paris", "Europe/Atlantis", ""]) expect(isIanaTimeZone(tz), tz).toBe(false);
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
