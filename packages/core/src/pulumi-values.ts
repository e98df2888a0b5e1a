import type * as pulumi from "@pulumi/pulumi";
import { isPlainObject } from "./plain-objects";

/**
 * Values as Pulumi passes them between a program and the engine (or its mocks), and as a recorded
 * graph (@scaleway-blocks/recorder) keeps them: secrets and resource references.
 */

/**
 * Pulumi's wire signatures, `pulumi.runtime.specialSigKey`, `specialSecretSig`, `specialResourceSig`
 * and `unknownValue` (@pulumi/pulumi runtime/rpc.d.ts). Each is typed by the SDK's own declaration
 * (a string literal type there), so a value that differs from the installed SDK's does not compile,
 * and test/pulumi-values.test.ts compares them with `pulumi.runtime` at run time. They are not read
 * from `pulumi.runtime` when this module loads because that loads most of the SDK (runtime/rpc.js
 * requires output, resource, asset…: about 0.4 s), which the plan's own process never loads.
 */
export const PULUMI_WIRE: {
  /** The key whose value says what a special object is. */
  readonly sigKey: typeof pulumi.runtime.specialSigKey;
  /** A secret: `{ [sigKey]: secretSig, value }`. */
  readonly secretSig: typeof pulumi.runtime.specialSecretSig;
  /** A resource reference: `{ [sigKey]: resourceSig, urn, id? }`. */
  readonly resourceSig: typeof pulumi.runtime.specialResourceSig;
  /** A value not known yet (during a preview). */
  readonly unknownValue: typeof pulumi.runtime.unknownValue;
} = {
  sigKey: "4dabf18193072939515e22adb298388d",
  secretSig: "1b47061264138c4ac30d75fd1eb44270",
  resourceSig: "5cf8f73096256a8f31e491e813e4eb8e",
  unknownValue: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
};

// Marks the classes below across copies of this package (an `instanceof` fails between two copies).
const SECRET_BRAND = Symbol.for("@scaleway-blocks/core:Secret");

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
Object.defineProperty(Secret.prototype, SECRET_BRAND, { value: true });

/** A reference to another resource, as Pulumi passes it between components. */
export class ResourceRef {
  constructor(
    readonly urn: string,
    readonly id?: string,
  ) {}
}

/** Whether a value is a secret: a `Secret`, or a secret as Pulumi serializes it (`{ [sigKey]: secretSig, value }`). */
export function isSecret(value: unknown): value is Secret {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  if ((value as Record<symbol, unknown>)[SECRET_BRAND] === true) return true;
  return (value as Record<string, unknown>)[PULUMI_WIRE.sigKey] === PULUMI_WIRE.secretSig;
}

export interface UnwrapSecretsOptions {
  /**
   * Put this text in place of every secret, instead of the value it holds (e.g. "[secret]"), and in
   * place of any plain string that contains one of `knownSecrets`. Unset: each secret becomes its value.
   */
  readonly redact?: string;
  /** Strings known to be secret (held as secrets elsewhere): with `redact`, a string containing one is redacted too. */
  readonly knownSecrets?: ReadonlySet<string>;
  /** Receives every non-empty string found inside a secret (e.g. to scrub messages of them). */
  readonly found?: Set<string>;
}

/**
 * A copy of `value` with every secret replaced by what it holds (recursively), or by `redact`.
 * Arrays and plain objects are copied; resource references and other class instances are kept as
 * they are. The one secret-unwrapping walk of the project: tests read what a secret holds, the
 * policy evaluates plain inputs, the plan shows them redacted.
 */
export function unwrapSecrets(value: unknown, options: UnwrapSecretsOptions = {}): unknown {
  return unwrap(value, options, false);
}

function unwrap(value: unknown, options: UnwrapSecretsOptions, inSecret: boolean): unknown {
  if (isSecret(value)) {
    const inner = (value as { value?: unknown }).value;
    if (options.redact === undefined) return unwrap(inner, options, true);
    if (options.found) unwrap(inner, options, true);
    return options.redact;
  }
  if (Array.isArray(value)) return value.map((item) => unwrap(item, options, inSecret));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, unwrap(child, options, inSecret)]),
    );
  }
  if (typeof value === "string" && value !== "") {
    if (inSecret) options.found?.add(value);
    else if (options.redact !== undefined && options.knownSecrets) {
      for (const secret of options.knownSecrets) {
        if (secret !== "" && value.includes(secret)) return options.redact;
      }
    }
  }
  return value;
}
