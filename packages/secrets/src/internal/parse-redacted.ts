import * as pulumi from "@pulumi/pulumi";
import { ConfigError, configIssuesFromZod, describeReceived } from "@scaleway-blocks/core";
import type { z } from "zod";

/** How a secret value is described in an error: its kind and size, never its content. */
export function describeRedacted(value: unknown): string {
  if (typeof value === "string") return `a string of ${value.length} characters (value redacted)`;
  if (value === undefined || value === null || pulumi.Output.isInstance(value) || value instanceof Promise) {
    return describeReceived(value);
  }
  if (typeof value === "object") return describeReceived(value);
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
 * Like core's `parseArgs`, but `received` may replace how a field's given value is described:
 * core's ConfigError quotes the given value, which must never happen for a secret.
 * `received` returns undefined to keep core's description.
 * Candidate for core (parseArgs with a `describeReceived` option).
 */
export function parseArgsRedacting<S extends z.ZodType>(
  schema: S,
  args: unknown,
  component: { type: string; name: string },
  received: (path: readonly PropertyKey[], value: unknown) => string | undefined,
): z.output<S> {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  const issues = configIssuesFromZod(result.error, args).map((issue, i) => {
    const path = result.error.issues[i]?.path ?? [];
    const described = received(path, valueAt(args, path));
    return described === undefined ? issue : { ...issue, received: described };
  });
  throw new ConfigError(component.type, component.name, issues);
}
