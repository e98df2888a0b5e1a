/** Pulumi's wire signatures (sdk/nodejs/runtime/rpc.ts). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** A value that Pulumi holds as a secret. Recorded graphs keep it wrapped, never silently unwrapped. */
export class Secret {
  constructor(readonly value: unknown) {}
  toString(): string {
    return "[secret]";
  }
  toJSON(): string {
    return "[secret]";
  }
}

/** A reference to another resource, as Pulumi passes it between components. */
export class ResourceRef {
  constructor(
    readonly urn: string,
    readonly id?: string,
  ) {}
}

export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret;
}

/** The value inside a Secret (recursively), for assertions on what a secret holds. */
export function reveal(value: unknown): unknown {
  if (value instanceof Secret) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (value && typeof value === "object" && !(value instanceof ResourceRef)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

/** Converts values deserialized by the Pulumi SDK into plain data with Secret and ResourceRef markers. */
export function fromPulumiValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPulumiValue);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (record[SIG_KEY] === SECRET_SIG) return new Secret(fromPulumiValue(record.value));
    if (record[SIG_KEY] === RESOURCE_SIG) {
      return new ResourceRef(
        typeof record.urn === "string" ? record.urn : "",
        typeof record.id === "string" ? record.id : undefined,
      );
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromPulumiValue(v)]));
  }
  return value;
}
