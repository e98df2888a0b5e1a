import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BLOCK_TYPES,
  record,
  recordError,
  ResourceRef,
  SCALEWAY_TYPES,
  Secret,
} from "@scaleway-blocks/testing";
import type { FailedRecording, Recording, ResourceGraph, SecretLeak } from "@scaleway-blocks/testing";
import { parse } from "yaml";
import program from "../src/index";

export const PROJECT_DIR = join(__dirname, "..");
export const PROJECT = "state-backend";
export const STACK = "shared";

export const T = {
  component: BLOCK_TYPES.stateBackend,
  storage: BLOCK_TYPES.storage,
  bucket: SCALEWAY_TYPES.bucket,
  acl: SCALEWAY_TYPES.bucketAcl,
  bucketPolicy: SCALEWAY_TYPES.bucketPolicy,
  sse: SCALEWAY_TYPES.bucketEncryption,
  lock: SCALEWAY_TYPES.bucketLock,
  key: SCALEWAY_TYPES.kmsKey,
  application: SCALEWAY_TYPES.iamApplication,
  iamPolicy: SCALEWAY_TYPES.iamPolicy,
  apiKey: SCALEWAY_TYPES.iamApiKey,
} as const;

export function readYaml(file: string): unknown {
  return parse(readFileSync(join(PROJECT_DIR, file), "utf8")) as unknown;
}

/** The real stack file's config, as written: "namespace:key" → YAML value. */
export function stackFileConfig(): Record<string, unknown> {
  const file = readYaml(`Pulumi.${STACK}.yaml`) as { config?: Record<string, unknown> };
  return { ...(file.config ?? {}) };
}

/** Pulumi passes strings as they are and every other value JSON-encoded; bare keys go to the project. */
export function asPulumiConfig(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    out[key.includes(":") ? key : `${PROJECT}:${key}`] =
      typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/**
 * The stack file's config with changes: a key set to `undefined` is removed. Keys without a
 * namespace are this project's (`owners` → `state-backend:owners`).
 */
export function configWith(changes: Record<string, unknown> = {}): Record<string, string> {
  const values = stackFileConfig();
  for (const [key, value] of Object.entries(changes)) {
    const full = key.includes(":") ? key : `${PROJECT}:${key}`;
    if (value === undefined) Reflect.deleteProperty(values, full);
    else values[full] = value;
  }
  return asPulumiConfig(values);
}

const options = (config: Record<string, string>) => ({ project: PROJECT, stack: STACK, config });

/** Runs the program as Pulumi would, under the mocks, with the real stack file (plus changes). */
export function runStack(changes: Record<string, unknown> = {}): Promise<Recording<Record<string, unknown>>> {
  return record(() => program.main(), options(configWith(changes)));
}

let unchanged: Promise<Recording<Record<string, unknown>>> | undefined;

/**
 * runStack() with the stack file as it is, recorded once per test process and shared by the tests that
 * only read it (a mock run of the same program and config gives the same graph). A test that compares
 * with the clock (the CI key's rotating expiry) records its own run.
 */
export function sharedStack(): Promise<Recording<Record<string, unknown>>> {
  return (unchanged ??= runStack());
}

export function runStackError(changes: Record<string, unknown>): Promise<FailedRecording> {
  return recordError(() => program.main(), options(configWith(changes)));
}

/** A config value of the real stack file. */
export function fileValue<V = string>(key: string): V {
  const value = stackFileConfig()[key.includes(":") ? key : `${PROJECT}:${key}`];
  if (value === undefined) throw new Error(`Pulumi.${STACK}.yaml has no ${key}`);
  return value as V;
}

export interface PolicyStatement {
  Sid: string;
  Effect: string;
  Principal: "*" | { SCW: string[] };
  Action: string[];
  Resource: string[];
}

const MIN_SECRET_LENGTH = 4;

function walkPlain(value: unknown, path: string, visit: (leaf: string, path: string) => void): void {
  if (value instanceof Secret || value instanceof ResourceRef) return; // inside a secret is fine
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkPlain(item, `${path}[${i}]`, visit));
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) walkPlain(child, path ? `${path}.${key}` : key, visit);
    return;
  }
  if (typeof value === "string") visit(value, path);
}

/**
 * graph.secretLeaks(), minus values that are public on purpose. The CI environment is a secret as
 * a whole, so the graph also holds its public parts (the access key id, the backend URL) as
 * secret values; graph.secretLeaks() then reports every plain use of them. @scaleway-blocks/testing
 * has no `publicValues` option yet: this is that option, to move into ResourceGraph.secretLeaks.
 */
export function secretLeaksIgnoring(
  graph: ResourceGraph,
  knownSecrets: Iterable<string>,
  publicValues: Iterable<string>,
): SecretLeak[] {
  const ignored = new Set(publicValues);
  const secrets = [...graph.secretValues(), ...knownSecrets].filter(
    (s) => s.length >= MIN_SECRET_LENGTH && !ignored.has(s),
  );
  const leaks: SecretLeak[] = [];
  for (const r of graph.resources) {
    for (const where of ["inputs", "outputs"] as const) {
      walkPlain(r[where], "", (leaf, path) => {
        const secret = secrets.find((s) => leaf.includes(s));
        if (secret) leaks.push({ urn: r.urn, where, path, secretPrefix: `${secret.slice(0, 2)}…` });
      });
    }
  }
  return leaks;
}
