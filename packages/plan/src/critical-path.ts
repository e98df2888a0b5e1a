import type { TypeDuration } from "./durations";

/** The minimal shape the critical path needs from a resource. */
export interface PathResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  /** false for components: they take no time, they finish when their last child does. */
  readonly custom: boolean;
  readonly parent?: string;
  readonly dependencies: readonly string[];
}

export interface PathStep {
  urn: string;
  name: string;
  type: string;
  /** When it may start: its parent has started and every dependency has finished. */
  startSeconds: number;
  seconds: number;
  finishSeconds: number;
  basis: TypeDuration["basis"];
  source: string;
  /** The slowest recorded creation of the type, when measured. */
  maxSeconds?: number;
  upperBoundSeconds?: number;
}

export interface CriticalPath {
  /** Wall time of the whole deployment if every independent resource is created in parallel. */
  totalSeconds: number;
  /** The same with the slowest recorded creation of each measured type in place of its p90. */
  maxSeconds: number;
  /** The same with every documented upper bound (e.g. provider timeouts) in place of the estimate. */
  upperBoundSeconds: number;
  targetSeconds: number;
  withinTarget: boolean;
  /** The chain of resources that sets the total, first to last. */
  steps: PathStep[];
}

export const DEFAULT_TARGET_SECONDS = 10 * 60;

interface Timing {
  start: number;
  finish: number;
  /** What decided the start: the parent's start, or a dependency's finish. */
  startBy?: { urn: string; kind: "parent" | "dependency" };
  /** Components: the child that finishes last. */
  finishBy?: string;
}

/**
 * The critical path through the dependency graph. A resource starts when its parent has started
 * (Pulumi registers children after their parent) and every dependency has finished; a dependency
 * on a component waits for all its descendants. Custom resources take their type's duration,
 * components none. Cycles (a child depending on its own ancestor) are broken by ignoring the edge.
 */
export function criticalPath(
  resources: readonly PathResource[],
  duration: (resource: PathResource) => TypeDuration,
  targetSeconds: number = DEFAULT_TARGET_SECONDS,
): CriticalPath {
  const byUrn = new Map(resources.map((r) => [r.urn, r]));
  const children = new Map<string, PathResource[]>();
  for (const r of resources) {
    if (r.parent !== undefined && byUrn.has(r.parent))
      children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }

  const schedule = (seconds: (r: PathResource) => number) => {
    const timings = new Map<string, Timing>();
    const starts = new Map<string, Pick<Timing, "start" | "startBy">>();
    const inStart = new Set<string>();
    const inFinish = new Set<string>();

    const startOf = (r: PathResource): Pick<Timing, "start" | "startBy"> => {
      const known = starts.get(r.urn);
      if (known) return known;
      if (inStart.has(r.urn)) return { start: 0 };
      inStart.add(r.urn);
      let result: Pick<Timing, "start" | "startBy"> = { start: 0 };
      const parent = r.parent === undefined ? undefined : byUrn.get(r.parent);
      if (parent) {
        const p = startOf(parent);
        if (p.start > result.start) result = { start: p.start, startBy: { urn: parent.urn, kind: "parent" } };
      }
      for (const urn of r.dependencies) {
        const dep = byUrn.get(urn);
        if (!dep) continue;
        const finish = finishOf(dep);
        if (finish > result.start) result = { start: finish, startBy: { urn, kind: "dependency" } };
      }
      inStart.delete(r.urn);
      starts.set(r.urn, result);
      return result;
    };

    const finishOf = (r: PathResource): number => {
      const known = timings.get(r.urn);
      if (known) return known.finish;
      if (inFinish.has(r.urn)) return startOf(r).start; // a cycle: the edge counts for nothing
      inFinish.add(r.urn);
      const start = startOf(r);
      const timing: Timing = { ...start, finish: start.start };
      if (r.custom) timing.finish = start.start + seconds(r);
      else {
        for (const child of children.get(r.urn) ?? []) {
          const finish = finishOf(child);
          if (finish > timing.finish) [timing.finish, timing.finishBy] = [finish, child.urn];
        }
      }
      inFinish.delete(r.urn);
      timings.set(r.urn, timing);
      return timing.finish;
    };

    let total = 0;
    let last: string | undefined;
    for (const r of resources) {
      const finish = finishOf(r);
      if (last === undefined || finish > total) [total, last] = [finish, r.urn];
    }
    return { timings, total, last };
  };

  const estimate = schedule((r) => duration(r).seconds);
  const slowest = schedule((r) => duration(r).maxSeconds ?? duration(r).seconds);
  const upper = schedule(
    (r) => duration(r).upperBoundSeconds ?? duration(r).maxSeconds ?? duration(r).seconds,
  );

  // Walk back from the last finisher. Reaching a component by its finish leads to its last child;
  // reaching anything by its start leads to what decided it (a parent's start or a dependency's finish).
  const steps: PathStep[] = [];
  const seen = new Set<string>();
  let cursor: { urn: string; mode: "finish" | "start" } | undefined =
    estimate.last === undefined ? undefined : { urn: estimate.last, mode: "finish" };
  while (cursor !== undefined && !seen.has(`${cursor.mode}:${cursor.urn}`)) {
    seen.add(`${cursor.mode}:${cursor.urn}`);
    const r = byUrn.get(cursor.urn)!;
    const t = estimate.timings.get(cursor.urn)!;
    if (cursor.mode === "finish") {
      if (!r.custom) {
        cursor =
          t.finishBy !== undefined ? { urn: t.finishBy, mode: "finish" } : { urn: r.urn, mode: "start" };
        continue;
      }
      const d = duration(r);
      const step: PathStep = {
        urn: r.urn,
        name: r.name,
        type: r.type,
        startSeconds: t.start,
        seconds: d.seconds,
        finishSeconds: t.finish,
        basis: d.basis,
        source: d.source,
      };
      if (d.maxSeconds !== undefined) step.maxSeconds = d.maxSeconds;
      if (d.upperBoundSeconds !== undefined) step.upperBoundSeconds = d.upperBoundSeconds;
      steps.unshift(step);
      cursor = { urn: r.urn, mode: "start" };
      continue;
    }
    const by = t.startBy;
    cursor = by === undefined ? undefined : { urn: by.urn, mode: by.kind === "parent" ? "start" : "finish" };
  }

  return {
    totalSeconds: estimate.total,
    maxSeconds: slowest.total,
    upperBoundSeconds: upper.total,
    targetSeconds,
    withinTarget: estimate.total <= targetSeconds,
    steps,
  };
}
