import { z } from "zod";

export const ENVIRONMENTS = ["dev", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS, {
  error: () => `expected an environment: ${ENVIRONMENTS.join(" | ")}`,
});

/**
 * The defaults an environment implies. Components read them; any explicit arg wins.
 * dev is the cheapest sensible stack, production the safest, staging is production-shaped but smaller.
 */
export interface EnvironmentProfile {
  readonly environment: Environment;
  /** Pulumi `protect` on stateful resources, Secret Manager `protected`, no forceDestroy. */
  readonly deletionProtection: boolean;
  readonly database: {
    readonly nodeType: string;
    readonly highAvailability: boolean;
    readonly volumeSizeInGb: number;
    readonly backupFrequencyHours: number;
    readonly backupRetentionDays: number;
    /** Keep automatic backups in another region than the instance. */
    readonly backupInAnotherRegion: boolean;
    /** Prefer Serverless SQL over a managed instance where a stack does not say. */
    readonly preferServerless: boolean;
  };
  readonly container: {
    /** ≥ 1 keeps an instance warm so the first request does not wait for a cold start. */
    readonly minScale: number;
    readonly maxScale: number;
    /** mvCPU: 1000 = 1 vCPU. */
    readonly cpuLimit: number;
    readonly memoryLimitMb: number;
  };
  readonly storage: {
    readonly versioning: boolean;
    readonly noncurrentVersionExpirationDays: number;
    readonly abortIncompleteMultipartUploadDays: number;
    /** Whether a bucket may be deleted with its objects (never in production). */
    readonly forceDestroy: boolean;
  };
  // "Production has alert contacts" is a production rule: @scaleway-blocks/policy states it once
  // (scw-monitoring-alert-contacts-in-production), so no profile restates it.
  readonly monitoring: {
    readonly logRetentionDays: number;
    readonly metricRetentionDays: number;
  };
}

const PROFILES: Readonly<Record<Environment, EnvironmentProfile>> = {
  dev: {
    environment: "dev",
    deletionProtection: false,
    database: {
      nodeType: "DB-DEV-S",
      highAvailability: false,
      volumeSizeInGb: 10,
      backupFrequencyHours: 24,
      backupRetentionDays: 7,
      backupInAnotherRegion: false,
      preferServerless: true,
    },
    container: { minScale: 0, maxScale: 2, cpuLimit: 250, memoryLimitMb: 256 },
    storage: {
      versioning: false,
      noncurrentVersionExpirationDays: 7,
      abortIncompleteMultipartUploadDays: 1,
      forceDestroy: true,
    },
    monitoring: { logRetentionDays: 7, metricRetentionDays: 31 },
  },
  staging: {
    environment: "staging",
    deletionProtection: false,
    database: {
      nodeType: "DB-DEV-M",
      highAvailability: false,
      volumeSizeInGb: 20,
      backupFrequencyHours: 24,
      backupRetentionDays: 7,
      backupInAnotherRegion: false,
      preferServerless: false,
    },
    container: { minScale: 0, maxScale: 5, cpuLimit: 500, memoryLimitMb: 512 },
    storage: {
      versioning: true,
      noncurrentVersionExpirationDays: 30,
      abortIncompleteMultipartUploadDays: 3,
      forceDestroy: false,
    },
    monitoring: { logRetentionDays: 14, metricRetentionDays: 31 },
  },
  production: {
    environment: "production",
    deletionProtection: true,
    database: {
      nodeType: "DB-PRO2-XXS",
      highAvailability: true,
      volumeSizeInGb: 50,
      backupFrequencyHours: 12,
      backupRetentionDays: 30,
      backupInAnotherRegion: true,
      preferServerless: false,
    },
    container: { minScale: 1, maxScale: 20, cpuLimit: 1000, memoryLimitMb: 1024 },
    storage: {
      versioning: true,
      noncurrentVersionExpirationDays: 90,
      abortIncompleteMultipartUploadDays: 7,
      forceDestroy: false,
    },
    monitoring: { logRetentionDays: 31, metricRetentionDays: 90 },
  },
};

/** The defaults of an environment. The returned object is frozen: override by passing explicit args. */
export function environmentProfile(environment: Environment): EnvironmentProfile {
  return PROFILES[environment];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
deepFreeze(PROFILES);
