/**
 * Memory sizes for Serverless Containers.
 *
 * Scaleway counts container memory in decimal megabytes: the provider turns `memory_limit` MB into
 * bytes with scaleway-sdk-go's `scw.MB` = 1,000,000 (terraform-provider-scaleway v2.79.0
 * internal/services/container/helpers_container.go; container_test.go expects memory_limit 1120 to
 * give memory_limit_bytes 1120000000), the API's own default is 2048 MB = 2,048,000,000 bytes
 * (cassette container-basic), and a Scaleway reviewer confirms all container memory limits are in
 * MB/GB, not MiB/GiB (scaleway/docs-content pull request 3583). So a plain number and the "MB"/"GB"
 * suffixes are decimal; "Mi"/"Gi" stay binary for those who think in them.
 */
const MB = 1000 * 1000;
const MIB = 1024 * 1024;

/** Scaleway's documented limits: 128 to 12228 MB per container (containers-limitations page, 2025-09-17). */
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 12228;

/**
 * Scaleway ties memory to CPU: from 1 MB to 4 MB per mvCPU. Scaleway announced the constraint on
 * 2024-09-19 ("Relationship between vCPU and RAM rationalized", docs-content changelog) without
 * publishing it; the API's own error states it ("2000 mvCPU require a minimum of 2000 MB and a maximum
 * of 8000 MB of memory", scaleway/serverless-gateway issue 63), and the API accepted the upper edge
 * (280 mvCPU with 1120 MB, cassette container-basic).
 */
export const MEMORY_MB_PER_MVCPU = { min: 1, max: 4 } as const;

const UNITS: Readonly<Record<string, { bytes: number; name: string }>> = {
  mb: { bytes: MB, name: "MB" },
  gb: { bytes: 1000 * MB, name: "MB" },
  mi: { bytes: MIB, name: "MiB" },
  gi: { bytes: 1024 * MIB, name: "MiB" },
};
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(Mi|MB|Gi|GB)\s*$/i;

/** The friendly forms accepted, for error messages. */
export const MEMORY_FORMS = `a number of MB (e.g. 512), or a string such as "512MB", "2GB", "512Mi", "1Gi"`;

/** Bytes for a friendly memory size, or a sentence saying what is wrong. */
export function memoryToBytes(value: number | string): { bytes: number } | { error: string } {
  let bytes: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: `expected ${MEMORY_FORMS}` };
    if (!Number.isInteger(value)) return { error: "expected a whole number of MB" };
    bytes = value * MB;
  } else {
    const match = PATTERN.exec(value);
    if (!match) return { error: `expected ${MEMORY_FORMS}` };
    const unit = UNITS[match[2]!.toLowerCase()]!;
    bytes = Number(match[1]) * unit.bytes;
    const perMegabyte = unit.name === "MB" ? MB : MIB;
    if (!Number.isInteger(bytes / perMegabyte)) return { error: `expected a whole number of ${unit.name}` };
  }
  if (bytes < MEMORY_MIN_MB * MB || bytes > MEMORY_MAX_MB * MB) {
    return { error: `expected between ${MEMORY_MIN_MB} MB and ${MEMORY_MAX_MB} MB (Scaleway's limits)` };
  }
  return { bytes };
}

/** Bytes for a number of Scaleway MB (1,000,000 bytes each). */
export function mbToBytes(mb: number): number {
  return mb * MB;
}

/** undefined when the memory suits the CPU, otherwise what Scaleway expects. */
export function memoryForCpuProblem(mvcpu: number, bytes: number): string | undefined {
  const min = Math.max(mvcpu * MEMORY_MB_PER_MVCPU.min, MEMORY_MIN_MB);
  const max = Math.min(mvcpu * MEMORY_MB_PER_MVCPU.max, MEMORY_MAX_MB);
  if (bytes >= min * MB && bytes <= max * MB) return undefined;
  const given = Number.isInteger(bytes / MB) ? `${bytes / MB} MB` : `${(bytes / MB).toFixed(1)} MB`;
  return (
    `expected memory between ${min} MB and ${max} MB for ${mvcpu} mvCPU ` +
    `(Scaleway allows 1 to 4 MB per mvCPU); it is ${given}`
  );
}
