import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { secretLookingPart } from "./env-vars";
import { describeReceived, describeRedacted, formatPath, valueAt } from "./errors";

/**
 * Errors in a Pulumi project's own stack configuration (`Pulumi.<stack>.yaml`), for deployment
 * programs that validate their `config:` before building anything. One line per bad key:
 *
 *   Pulumi.production.yaml: platform:monitoring.contacts: expected at least one contact in production
 *   Pulumi.shared.yaml: state-backend:owners[0].userId: expected an IAM user id (a UUID); received "bob"
 */

/** One bad stack setting: its key as the stack file spells it, and what is wrong with it. */
export interface StackConfigIssue {
  /** The full config key with the path inside its value, e.g. "platform:monitoring.contacts" or "scaleway:region". */
  key: string;
  /** What was expected, then what was given when that helps: `expected a UUID; received "bob"`. */
  message: string;
}

/**
 * A stack configuration the program cannot build from, raised before any resource is registered.
 * The message has one line per bad key: `<stackFile>: <key>: <message>`.
 */
export class StackConfigError extends Error {
  override readonly name = "StackConfigError";

  constructor(
    /** The stack file the settings come from, e.g. "Pulumi.production.yaml". */
    readonly stackFile: string,
    readonly issues: readonly StackConfigIssue[],
  ) {
    super(formatStackConfigError(stackFile, issues));
  }
}

/** `<stackFile>: <key>: <message>`, one line per issue. */
export function formatStackConfigError(stackFile: string, issues: readonly StackConfigIssue[]): string {
  if (issues.length === 0) return `${stackFile}: invalid configuration`;
  return issues.map((i) => `${stackFile}: ${i.key}: ${i.message}`).join("\n");
}

/** The stack file of a stack, as errors name it: `Pulumi.<stack>.yaml` (default: the running stack). */
export function stackFileName(stack: string = pulumi.getStack()): string {
  return `Pulumi.${stack}.yaml`;
}

/** `expected; received <received>`, or the expected text alone when nothing is worth saying about the value. */
export function stackConfigMessage(expected: string, received?: string): string {
  return received === undefined ? expected : `${expected}; received ${received}`;
}

export interface StackConfigKeyOptions {
  /** The project's config namespace: a path `a.b` is the key `<namespace>:a.b`. */
  namespace: string;
  /**
   * Top-level fields read from a key of another namespace, e.g. `{ region: "scaleway:region" }`
   * when the program takes its region from the provider's setting.
   */
  keys?: Readonly<Record<string, string>>;
}

/**
 * The stack key of a field path in the program's config object: `["owners", 0, "userId"]` (or
 * `"owners[0].userId"`, a ConfigIssue's path) → `"state-backend:owners[0].userId"`. Fields listed
 * in `keys` keep their own key. The empty path is the namespace itself.
 */
export function stackConfigKey(
  path: readonly PropertyKey[] | string,
  options: StackConfigKeyOptions,
): string {
  const text = typeof path === "string" ? path : formatPath(path);
  if (text === "") return options.namespace;
  const field = typeof path === "string" ? (/^[^.[]*/.exec(path)?.[0] ?? "") : String(path[0]);
  const own = options.keys && Object.hasOwn(options.keys, field) ? options.keys[field] : undefined;
  return own !== undefined ? own + text.slice(field.length) : `${options.namespace}:${text}`;
}

export interface StackValueOptions {
  /** Paths whose values are described by kind and size only, on top of secret-looking keys. */
  redact?: (path: readonly PropertyKey[]) => boolean;
  /** What follows "received" when the stack file has no value there. Default: "received" is left out. */
  missing?: string;
}

/**
 * What a stack file holds at a path, as it follows "received" in a message; undefined when it holds
 * nothing there (unless `missing` says otherwise). Values under a secret-looking key (any path part
 * that `secretLookingPart` flags, e.g. `apiToken`) or a `redact` path are never quoted.
 */
export function describeStackValue(
  path: readonly PropertyKey[],
  value: unknown,
  options: StackValueOptions = {},
): string | undefined {
  if (value === undefined) return options.missing;
  const secretLooking = path.some(
    (part) => typeof part === "string" && secretLookingPart(part) !== undefined,
  );
  return secretLooking || options.redact?.(path) ? describeRedacted(value) : describeReceived(value);
}

export interface StackConfigIssuesOptions extends StackConfigKeyOptions, StackValueOptions {
  /** The message for an unknown key at a path (zod's unrecognized_keys). Default: "unknown key". */
  unknownKey?: (path: readonly PropertyKey[]) => string;
}

/**
 * Turns the zod issues of a program's config object into stack issues: each at its stack key, with
 * zod's message and what the stack file holds there (read from `input`, described by
 * describeStackValue). Each unknown key is an issue of its own.
 */
export function stackConfigIssuesFromZod(
  error: z.ZodError,
  input: unknown,
  options: StackConfigIssuesOptions,
): StackConfigIssue[] {
  return error.issues.flatMap((issue): StackConfigIssue[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((name) => {
        const path = [...issue.path, name];
        return { key: stackConfigKey(path, options), message: options.unknownKey?.(path) ?? "unknown key" };
      });
    }
    const expected = issue.message.replace(/^Invalid input: /, "");
    const received = describeStackValue(issue.path, valueAt(input, issue.path), options);
    return [{ key: stackConfigKey(issue.path, options), message: stackConfigMessage(expected, received) }];
  });
}
