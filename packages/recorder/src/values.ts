import { PULUMI_WIRE, ResourceRef, Secret } from "@scaleway-blocks/core/internal";

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
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromPulumiValue(v)]));
  }
  return value;
}
