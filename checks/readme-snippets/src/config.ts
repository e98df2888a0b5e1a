/** An example UUID for config keys that hold a Scaleway id (`projectId`, `adminUserId`…). */
const EXAMPLE_ID = "11111111-2222-4333-8444-555555555555";

const READS =
  /config\.(?:require|get)(Secret|Number|Boolean|Object|SecretNumber|SecretBoolean|SecretObject)?\(\s*"([^"]+)"/g;

/**
 * Stack configuration for a snippet: an example value for every key it reads with `new pulumi.Config()`,
 * keyed "<project>:<key>" as the test kit takes it.
 */
export function configFor(code: string, project: string): Record<string, string> {
  const config: Record<string, string> = {};
  for (const [, kind = "", key = ""] of code.matchAll(READS)) {
    const value = kind.endsWith("Number")
      ? "1"
      : kind.endsWith("Boolean")
        ? "true"
        : kind.endsWith("Object")
          ? "{}"
          : /Id$/.test(key)
            ? EXAMPLE_ID
            : `example-${key.toLowerCase()}`;
    config[`${project}:${key}`] = value;
  }
  return config;
}
