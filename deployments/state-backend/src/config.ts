import * as pulumi from "@pulumi/pulumi";
import { StackConfigError } from "@scaleway-blocks/core";
import {
  describeReceived,
  nameSegmentSchema,
  regionSchema,
  stackConfigIssuesFromZod,
  stackConfigKey,
  stackConfigMessage,
  stackFileName,
  tagsSchema,
} from "@scaleway-blocks/core/internal";
import type { ConfigError, StackConfigIssue } from "@scaleway-blocks/core";
import type { StackConfigKeyOptions } from "@scaleway-blocks/core/internal";
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The keys this project reads from its own namespace (`state-backend:<key>`). Keys holding YAML
 * lists or mappings reach the program JSON-encoded, as Pulumi passes structured config.
 */
export const CONFIG_KEYS = [
  "project",
  "projectId",
  "bucketName",
  "prefix",
  "owners",
  "encryption",
  "retention",
  "objectLock",
  "apiKey",
  "tags",
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The provider setting the bucket's region comes from, as in deployments/platform. */
export const REGION_KEY = "scaleway:region";

const STRUCTURED_KEYS: ReadonlySet<string> = new Set([
  "owners",
  "encryption",
  "retention",
  "objectLock",
  "apiKey",
  "tags",
]);

/** Keys refused with a reason rather than "unknown key". */
const REFUSED_KEYS: Readonly<Record<string, string>> = {
  environment:
    "expected no environment key: the state bucket is always production, because it holds the state of every stack, production's included",
  forceDestroy: "expected no forceDestroy key: the state bucket is never deleted with its objects",
  protect: "expected no protect key: the state bucket is always protected and retained on delete",
  versioning: "expected no versioning key: the state bucket is always versioned",
  region: "expected no region key: the region is scaleway:region, which the provider reads too",
};

const mapping = (what: string) =>
  z.record(z.string(), z.unknown(), { error: () => `expected a YAML mapping (${what})` });

/**
 * The shape of the stack configuration. Details inside `owners`, `encryption`, `retention`,
 * `objectLock` and `apiKey` (UUIDs, day counts, lock modes…) are checked by StateBackend
 * itself; its errors are reported against the same config keys (see `configErrorFromComponent`).
 */
export const stackConfigSchema = z.object({
  /** The platform's name: the first part of every Scaleway name and the `project` tag. */
  project: z
    .string({ error: () => 'expected the platform\'s name (a string, e.g. "platform")' })
    .pipe(nameSegmentSchema),
  /** The Scaleway project (UUID) of the bucket; the CI key is limited to it. */
  projectId: z
    .string({ error: () => "expected a Scaleway project id (a UUID)" })
    .regex(UUID, "expected a Scaleway project id (a UUID)"),
  /** The bucket's region: the stack's `scaleway:region` (default fr-par), as for the provider. */
  region: regionSchema,
  /** The bucket's global name, pinned: a change would replace the bucket (protect refuses it). */
  bucketName: z.string({ error: () => "expected a bucket name (a string)" }),
  /** A path inside the bucket for the state. Default: the bucket root. */
  prefix: z.string({ error: () => "expected a prefix (a string)" }).optional(),
  /** Who keeps full access through the bucket policy: the identity running this stack, and a second admin. */
  owners: z
    .array(mapping("{ userId: <uuid> } or { applicationId: <uuid> }"), {
      error: () => "expected a YAML list of owners ({ userId: <uuid> } or { applicationId: <uuid> })",
    })
    .min(1, "expected at least one owner: without one the bucket policy locks the platform out"),
  encryption: mapping("{ createKey: true } or { kmsKeyId: <id> }").optional(),
  retention: mapping("noncurrentVersionExpirationDays, backupDays, historyDays").optional(),
  objectLock: mapping("{ mode, days | years }").optional(),
  /**
   * The CI key's expiry: `{ rotation: { lifetimeDays, rotateEveryDays } }` (default: 90-day keys, new
   * every 30 days) or a fixed `{ expiresAt }` (RFC 3339, in the future), which goes stale.
   */
  apiKey: mapping(
    "rotation: { lifetimeDays, rotateEveryDays } or expiresAt: <RFC 3339 date-time>",
  ).optional(),
  tags: tagsSchema.optional(),
});
export type StackConfig = z.output<typeof stackConfigSchema>;

/** How this project's config paths become stack keys: the region is the provider's scaleway:region. */
function keyOptions(namespace: string): StackConfigKeyOptions {
  return { namespace, keys: { region: REGION_KEY } };
}

/**
 * Reads and validates this project's stack configuration. Throws a StackConfigError naming the
 * stack file and every bad key; nothing is registered before it returns.
 */
export function readStackConfig(): StackConfig {
  const config = new pulumi.Config();
  const namespace = config.name;
  const issues: StackConfigIssue[] = [];
  const raw: Record<string, unknown> = {};

  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (!key.startsWith(namespace + ":")) continue;
    const name = key.slice(namespace.length + 1);
    const refused = Object.hasOwn(REFUSED_KEYS, name) ? REFUSED_KEYS[name] : undefined;
    if (refused !== undefined) {
      issues.push({ key, message: stackConfigMessage(refused, describeReceived(value)) });
      continue;
    }
    if (!(CONFIG_KEYS as readonly string[]).includes(name)) {
      issues.push({
        key,
        message: stackConfigMessage(
          "expected one of the known keys (" + CONFIG_KEYS.join(", ") + ")",
          "an unknown key",
        ),
      });
      continue;
    }
    if (!STRUCTURED_KEYS.has(name)) {
      raw[name] = value;
      continue;
    }
    try {
      raw[name] = JSON.parse(value) as unknown;
    } catch {
      // A plain string where a YAML list or mapping belongs; the schema says what was expected.
      raw[name] = value;
    }
  }
  // One region for the provider and the bucket: scaleway:region.
  raw.region = new pulumi.Config("scaleway").get("region") ?? "fr-par";

  const parsed = stackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // The region comes from scaleway:region: it is reported against that key. A missing key is
    // "received nothing".
    issues.push(
      ...stackConfigIssuesFromZod(parsed.error, raw, { ...keyOptions(namespace), missing: "nothing" }),
    );
  }
  if (issues.length > 0 || !parsed.success) throw new StackConfigError(stackFileName(), sortIssues(issues));
  return parsed.data;
}

/** Issues in the order of CONFIG_KEYS, unknown keys last, so messages are stable. */
function sortIssues(issues: StackConfigIssue[]): StackConfigIssue[] {
  const rank = (key: string): number => {
    if (key === REGION_KEY) return -1;
    const name = key.slice(key.indexOf(":") + 1).split(/[.[]/)[0] ?? "";
    const i = (CONFIG_KEYS as readonly string[]).indexOf(name);
    return i === -1 ? CONFIG_KEYS.length : i;
  };
  return [...issues].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
}

/**
 * StateBackend checks the details of its args (UUIDs of owners, day counts, lock modes, bucket name
 * rules…) and throws a ConfigError naming the arg path. The args are the config keys under the
 * same names, so its issues become issues of those keys in the stack file (the region's, of
 * scaleway:region), with what was given folded into the message.
 */
export function configErrorFromComponent(error: ConfigError): StackConfigError {
  const options = keyOptions(new pulumi.Config().name);
  return new StackConfigError(
    stackFileName(),
    error.issues.map((i) => ({
      key: stackConfigKey(i.path, options),
      message: stackConfigMessage(i.expected, i.received),
    })),
  );
}
