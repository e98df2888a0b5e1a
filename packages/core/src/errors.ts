import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { claimScalewayName, nameProblem } from "./name-claims";
import { sanitizeSegment } from "./naming";
import { isPlainObject, nonPlainObjects } from "./plain-objects";

/** One bad field: where it is, what was expected, what was given. */
export interface ConfigIssue {
  /** Dotted path from the args root, e.g. "privateNetworks[1].subnet". */
  path: string;
  expected: string;
  received: string;
}

/**
 * Bad input to a component, raised before any resource is created.
 * The message names the component, then every bad field with what was expected and what was given.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    /** The component's type token, e.g. "scaleway-blocks:database:Database". */
    readonly componentType: string,
    /** The Pulumi name given to the component. */
    readonly componentName: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(formatConfigError(componentType, componentName, issues));
  }
}

export function formatConfigError(
  componentType: string,
  componentName: string,
  issues: readonly ConfigIssue[],
): string {
  const lines = issues.map((i) => `  - ${i.path || "(args)"}: ${i.expected}; received ${i.received}`);
  const noun = issues.length === 1 ? "invalid argument" : `${issues.length} invalid arguments`;
  return `${componentType} "${componentName}": ${noun}\n${lines.join("\n")}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    const k = String(key);
    return acc === "" ? k : `${acc}.${k}`;
  }, "");
}

const MAX_RECEIVED_LENGTH = 80;

/** A short, safe rendering of a given value. Outputs and promises are never forced. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (pulumi.Output.isInstance(value)) return "a pulumi Output";
  if (value instanceof Promise) return "a Promise";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object" && !isPlainObject(value)) {
    const kind = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof kind === "string" && kind !== "" && kind !== "Object") return `a ${kind}`;
  }
  if (typeof value === "object") return `an object with keys ${Object.keys(value).join(", ") || "(none)"}`;
  if (typeof value === "function" || typeof value === "symbol") return `a ${typeof value}`;
  const text = typeof value === "string" ? JSON.stringify(value) : `${value as number | boolean | bigint}`;
  return text.length > MAX_RECEIVED_LENGTH ? `${text.slice(0, MAX_RECEIVED_LENGTH)}…` : text;
}

/** How a possibly secret value is described in an error: its kind and size, never its content. */
export function describeRedacted(value: unknown): string {
  if (typeof value === "string") return `a string of ${value.length} characters (value redacted)`;
  if (value === undefined || value === null || typeof value === "object") return describeReceived(value);
  return `a ${typeof value} (value redacted)`;
}

/** The value at a field path of a plain object (e.g. a zod issue's path in the raw args), or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

export interface ParseArgsOptions {
  /**
   * How a bad field's given value is described, instead of quoting it. Return `describeRedacted(value)`
   * for fields that may hold a secret (passwords, tokens, headers), undefined to keep the default.
   */
  describe?: (path: readonly PropertyKey[], value: unknown) => string | undefined;
}

/** Whether a field path lies at or under `prefix`, e.g. ["exporter", "otlp", "headers"]. */
export function isPathUnder(path: readonly PropertyKey[], prefix: readonly PropertyKey[]): boolean {
  return path.length >= prefix.length && prefix.every((key, i) => String(path[i]) === String(key));
}

/** Turns zod issues into ConfigIssues, reading the given value from the raw args. */
export function configIssuesFromZod(
  error: z.ZodError,
  args: unknown,
  options: ParseArgsOptions = {},
): ConfigIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path;
    if (issue.code === "unrecognized_keys") {
      return {
        path: formatPath(path),
        expected: `no unknown keys`,
        received: issue.keys.map((k) => JSON.stringify(k)).join(", "),
      };
    }
    const value = valueAt(args, path);
    return {
      path: formatPath(path),
      expected: issue.message.replace(/^Invalid input: /, ""),
      received: options.describe?.(path, value) ?? describeReceived(value),
    };
  });
}

/** The issue for an object of options given as a Promise, an Output or another non-literal object. */
function nonPlainObjectIssue(path: readonly PropertyKey[], value: unknown): ConfigIssue {
  const deferred = pulumi.Output.isInstance(value) || value instanceof Promise;
  return {
    path: formatPath(path),
    expected: deferred
      ? "expected an object of options known now (an object literal): a feature cannot wait for deployment time to be switched on or off"
      : "expected an object of options written as an object literal",
    received: describeReceived(value),
  };
}

/**
 * Parses a component's args with its schema, or throws a ConfigError naming every bad field.
 * Call it first in a component's constructor, before any resource is created.
 *
 * Besides the schema, it refuses an empty component name or one with no letter or digit, and an
 * object of options given as a Promise, an Output, a Date or any other non-literal object (zod
 * would read it as `{}` and switch the feature on).
 */
export function parseArgs<S extends z.ZodType>(
  schema: S,
  args: unknown,
  component: { type: string; name: string },
  options: ParseArgsOptions = {},
): z.output<S> {
  const problem = nameProblem(component.name);
  if (problem) {
    throw new ConfigError(component.type, component.name, [
      { path: "(name)", expected: problem, received: describeReceived(component.name) },
    ]);
  }
  const misplaced = nonPlainObjects(schema, args).map((f) => ({
    ...f,
    issue: nonPlainObjectIssue(f.path, f.value),
  }));
  const result = schema.safeParse(args);
  if (result.success && misplaced.length === 0) {
    const holder = claimScalewayName(component, result.data);
    if (holder === undefined) return result.data;
    throw new ConfigError(component.type, component.name, [
      {
        path: "(name)",
        expected: `expected a name whose Scaleway form differs from that of component "${holder}" of the same type ("${sanitizeSegment(holder)}"), or their resources share Scaleway names`,
        received: describeReceived(component.name),
      },
    ]);
  }
  const fromZod = result.success ? [] : configIssuesFromZod(result.error, args, options);
  const underMisplaced = (issue: ConfigIssue) =>
    misplaced.some(
      (m) =>
        m.issue.path === "" ||
        issue.path === m.issue.path ||
        issue.path.startsWith(`${m.issue.path}.`) ||
        issue.path.startsWith(`${m.issue.path}[`),
    );
  const issues = [...misplaced.map((m) => m.issue), ...fromZod.filter((i) => !underMisplaced(i))];
  throw new ConfigError(component.type, component.name, issues);
}
