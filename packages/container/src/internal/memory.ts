/**
 * Memory sizes for Serverless Containers.
 *
 * Scaleway counts container memory in "MB" that are mebibytes (the console's 2048 MB is 2 GiB, and
 * the provider's memory/vCPU table pairs 1024 MB with 560 mvCPU), so a plain number and the "MB"/"GB"
 * suffixes are read the same way as "Mi"/"Gi".
 */
const MIB = 1024 * 1024;

/** Scaleway's documented limits: 128 MB to 12 GB per container. */
export const MEMORY_MIN_MIB = 128;
export const MEMORY_MAX_MIB = 12 * 1024;

const UNITS: Readonly<Record<string, number>> = { mi: 1, mb: 1, gi: 1024, gb: 1024 };
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(Mi|MB|Gi|GB)\s*$/i;

/** The friendly forms accepted, for error messages. */
export const MEMORY_FORMS = `a number of MB (e.g. 512), or a string such as "512Mi", "1Gi", "2GB"`;

/** Bytes for a friendly memory size, or a sentence saying what is wrong. */
export function memoryToBytes(value: number | string): { bytes: number } | { error: string } {
  let mib: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { error: `expected ${MEMORY_FORMS}` };
    mib = value;
  } else {
    const match = PATTERN.exec(value);
    if (!match) return { error: `expected ${MEMORY_FORMS}` };
    mib = Number(match[1]) * UNITS[match[2]!.toLowerCase()]!;
  }
  if (!Number.isInteger(mib)) return { error: "expected a whole number of MiB" };
  if (mib < MEMORY_MIN_MIB || mib > MEMORY_MAX_MIB) {
    return { error: `expected between ${MEMORY_MIN_MIB} MiB and ${MEMORY_MAX_MIB / 1024} GiB` };
  }
  return { bytes: mib * MIB };
}

/** Bytes for a number of Scaleway MB (MiB). */
export function mibToBytes(mib: number): number {
  return mib * MIB;
}
