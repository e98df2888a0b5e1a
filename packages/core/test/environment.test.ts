import { describe, expect, it } from "vitest";
import { environmentProfile } from "../src/index";
import { environmentSchema } from "../src/internal";

describe("environmentSchema", () => {
  it.each(["dev", "staging", "production"])("accepts %s", (env) => {
    expect(environmentSchema.parse(env)).toBe(env);
  });

  it.each(["prod", "Production", "test", ""])("refuses %j and lists the choices", (env) => {
    const result = environmentSchema.safeParse(env);
    expect(result.error?.issues[0]?.message).toBe("expected an environment: dev | staging | production");
  });
});

describe("environment profiles", () => {
  const dev = environmentProfile("dev");
  const staging = environmentProfile("staging");
  const production = environmentProfile("production");

  it("protects stateful resources only in production", () => {
    expect([dev, staging, production].map((p) => p.deletionProtection)).toEqual([false, false, true]);
  });

  it("runs a highly available database only in production", () => {
    expect([dev, staging, production].map((p) => p.database.highAvailability)).toEqual([false, false, true]);
  });

  it("keeps production backups longer and in another region", () => {
    expect(production.database.backupRetentionDays).toBeGreaterThan(staging.database.backupRetentionDays);
    expect(production.database.backupInAnotherRegion).toBe(true);
    expect(dev.database.backupInAnotherRegion).toBe(false);
  });

  it("keeps one container warm in production and scales dev and staging to zero", () => {
    expect(production.container.minScale).toBeGreaterThanOrEqual(1);
    expect(dev.container.minScale).toBe(0);
    expect(staging.container.minScale).toBe(0);
  });

  it("versions buckets outside dev and never force-destroys outside dev", () => {
    expect([dev, staging, production].map((p) => p.storage.versioning)).toEqual([false, true, true]);
    expect([dev, staging, production].map((p) => p.storage.forceDestroy)).toEqual([true, false, false]);
  });

  it("sizes dev smallest", () => {
    expect(dev.database.nodeType).toBe("DB-DEV-S");
    expect(dev.container.cpuLimit).toBeLessThan(production.container.cpuLimit);
    expect(dev.database.volumeSizeInGb).toBeLessThan(production.database.volumeSizeInGb);
  });

  it("cannot be changed by a caller", () => {
    expect(() => {
      (production.database as { highAvailability: boolean }).highAvailability = false;
    }).toThrow(TypeError);
    expect(environmentProfile("production").database.highAvailability).toBe(true);
  });
});
