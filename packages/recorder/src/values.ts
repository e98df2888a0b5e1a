import { PULUMI_WIRE, ResourceRef, Secret } from "@scaleway-blocks/core/internal";

/**
 * Sets `key` on a plain object as an own data property, as a spread or `Object.fromEntries` would:
 * a key named `__proto__` becomes a property, not the object's prototype.
 */
export function defineValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Converts values deserialized by the Pulumi SDK into plain data with Secret and ResourceRef markers. */
export function fromPulumiValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPulumiValue);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[PULUMI_WIRE.sigKey] === PULUMI_WIRE.secretSig)
      return new Secret(fromPulumiValue(record.value));
    if (record[PULUMI_WIRE.sigKey] === PULUMI_WIRE.resourceSig) {
      return new ResourceRef(
        typeof record.urn === "string" ? record.urn : "",
        typeof record.id === "string" ? record.id : undefined,
      );
    }
    // One pass over the keys (no entries arrays): this runs on every input and output of every resource.
    const plain: Record<string, unknown> = {};
    for (const key of Object.keys(record)) defineValue(plain, key, fromPulumiValue(record[key]));
    return plain;
  }
  return value;
}
