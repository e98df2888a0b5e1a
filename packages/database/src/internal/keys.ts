import { NAME_PATTERN } from "@scaleway-blocks/core";
import { shortHash } from "@scaleway-blocks/core/internal";

/** The longest key the Secrets component accepts. */
export const SECRET_KEY_MAX = 30;

/**
 * A Secrets key for a PostgreSQL user or database name. Secret keys are lowercase letters, digits and
 * single hyphens (at most 30); SQL names may also hold "_" and be up to 63 characters. A name that is
 * already a valid key is used as is; any other one is sanitised and suffixed with a hash of the name,
 * so two names that sanitise alike ("app_ro" and "app-ro") still get distinct, stable keys.
 */
export function secretKeyFor(name: string): string {
  if (name.length <= SECRET_KEY_MAX && NAME_PATTERN.test(name)) return name;
  const hash = shortHash(name);
  const base = name
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SECRET_KEY_MAX - hash.length - 1)
    .replace(/-+$/, "");
  return base === "" ? `k-${hash}` : `${base}-${hash}`;
}
