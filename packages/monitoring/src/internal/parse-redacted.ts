import * as pulumi from "@pulumi/pulumi";
import { ConfigError, configIssuesFromZod, describeReceived, formatPath } from "@scaleway-blocks/core";
import type { z } from "zod";

/** How a possibly secret value is described in an error: its kind and size, never its content. */
export function describeRedacted(value: unknown): string {
  if (typeof value === "string") return `a string of ${value.length} characters (value redacted)`;
  if (value === undefined || value === null || pulumi.Output.isInstance(value) || value instanceof Promise) {
    return describeReceived(value);
  }
  if (Array.isArray(value) || typeof value === "object") return describeReceived(value);
  return `a ${typeof value} (value redacted)`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Like core's `parseArgs`, but the given value of a field for which `redact(path)` is true is
 * described by kind and size only: core's ConfigError quotes given values, which must never happen
 * for a secret (e.g. an API key in an exporter header). Candidate for core: a redaction option on
 * parseArgs (container and secrets carry the same helper).
 */
export function parseArgsRedacting<S extends z.ZodType>(
  schema: S,
  args: unknown,
  component: { type: string; name: string },
  redact: (path: readonly PropertyKey[]) => boolean,
): z.output<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issues = configIssuesFromZod(result.error, args).map((issue, i) => {
    const path = result.error.issues[i]?.path ?? [];
    return redact(path) ? { ...issue, received: describeRedacted(valueAt(args, path)) } : issue;
  });
  throw new ConfigError(component.type, component.name, issues);
}

/** Whether a zod path lies at or under the given path. */
export function isUnder(prefix: readonly PropertyKey[]): (path: readonly PropertyKey[]) => boolean {
  return (path) =>
    path.length >= prefix.length && formatPath(path.slice(0, prefix.length)) === formatPath(prefix);
}
