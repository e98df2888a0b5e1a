// Plain text inputs read for credentials: by name (core's rule for plain variables) and value by value.
import { secretLookingVariablePart } from "@scaleway-blocks/core/internal";
import { asString, tryRead } from "./values";

/**
 * Whether an environment variable name looks like it holds a secret: core's rule for plain variables,
 * which lets through references and public halves of key pairs (S3_ACCESS_KEY_ID, SECRET_NAME,
 * TOKEN_URL: core's NOT_SECRET_SUFFIXES), the same rule the container block applies to `environment`.
 */
export function looksSecret(name: string): boolean {
  return secretLookingVariablePart(name) !== undefined;
}

/** Plain string values of a map input, read one by one (an unknown value during preview is skipped). */
export function plainValues(map: Readonly<Record<string, unknown>>): Map<string, string> {
  const values = new Map<string, string>();
  for (const key of Object.keys(map)) {
    const value = asString(tryRead(() => map[key]));
    if (value !== undefined) values.set(key, value);
  }
  return values;
}
