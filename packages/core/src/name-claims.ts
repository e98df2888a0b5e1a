import * as pulumi from "@pulumi/pulumi";
import { sanitizeSegment } from "./naming";

/**
 * A component's Pulumi name becomes a segment of every Scaleway name it creates, lower-cased and
 * cut down to [a-z0-9-]. Two components whose names differ only there ("Net" and "net", "db_1" and
 * "db-1") get the same Scaleway names: a bucket name is taken, or two networks answer to one name.
 * Each program claims its names here, so the second one is refused before anything is created.
 */

/** Why a component name cannot name Scaleway resources; undefined when it can. */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "expected a non-empty component name";
  if (sanitizeSegment(name) === "") {
    return "expected a component name with at least one letter or digit (a-z, 0-9): it is part of every Scaleway name";
  }
  return undefined;
}

const FALLBACK_SCOPE = {};
/** One set of claims per Pulumi program: the mock monitor changes with every test run. */
const claimsByProgram = new WeakMap<object, Map<string, string>>();

function claims(): Map<string, string> {
  const scope = (pulumi.runtime.getMonitor() as object | undefined) ?? FALLBACK_SCOPE;
  let map = claimsByProgram.get(scope);
  if (!map) {
    map = new Map();
    claimsByProgram.set(scope, map);
  }
  return map;
}

/**
 * Records that `component` names its Scaleway resources `<project>-<environment>-<segment>…`, and
 * returns the name of another component of the same type that already does, if any.
 * Args without a project and an environment (sub-parses) claim nothing.
 */
export function claimScalewayName(
  component: { type: string; name: string },
  parsed: unknown,
): string | undefined {
  if (parsed === null || typeof parsed !== "object") return undefined;
  const { project, environment } = parsed as { project?: unknown; environment?: unknown };
  if (typeof project !== "string" || typeof environment !== "string") return undefined;
  const key = [component.type, project, environment, sanitizeSegment(component.name)].join("\u0000");
  const map = claims();
  const holder = map.get(key);
  if (holder !== undefined && holder !== component.name) return holder;
  map.set(key, component.name);
  return undefined;
}
