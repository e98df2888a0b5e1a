import type { CostOptions } from "./cost";
import { estimateCost } from "./cost";
import type { DiffResource } from "./diff";
import type { PlanResource } from "./resources";
import { canonicalUrn } from "./tokens";

/** A sum that keeps count of what it could not add (the plan document's `known` + `unknownCount`). */
export interface CostSum {
  /** EUR per month of the items whose price is known. */
  known: number;
  /** Items whose price or quantity is unknown. */
  unknownCount: number;
}

/** What the diff reads of a priced resource: the plan document's `cost.resources[]` entries satisfy it. */
export interface CostedResource extends CostSum {
  readonly urn: string;
  readonly name: string;
  readonly type: string;
}

/**
 * What the diff reads of a cost section: the plan document's `cost` (and `estimateCost`'s result)
 * satisfy it. `adjustments` are the stack-wide lines (per-account free tiers).
 */
export interface CostSection {
  readonly resources: readonly CostedResource[];
  readonly adjustments?: readonly { readonly monthly: number | null }[];
  readonly total: CostSum;
}

/** One resource whose monthly cost differs between the two sections. */
export interface CostChange {
  urn: string;
  name: string;
  type: string;
  /** added: only in the new section; removed: only in the old one; changed: in both, at another cost. */
  change: "added" | "removed" | "changed";
  /** The old monthly cost; null when added. */
  before: CostSum | null;
  /** The new monthly cost; null when removed. */
  after: CostSum | null;
  /** EUR per month: the new known cost minus the old (a missing side counts 0). */
  delta: number;
  /** The old URN, when the resource was matched under another one (an alias). */
  beforeUrn?: string;
}

/** Infracost's `diff`, for the plan: the monthly cost before and after, per resource and in total. */
export interface CostDiff {
  currency: "EUR";
  /** What the before side is (how it was priced). */
  basis: string;
  before: CostSum;
  after: CostSum;
  /**
   * EUR per month, after.known − before.known. Unknown items are in neither side's `known`: when
   * either side has some, the true difference may be anything beside this figure.
   */
  delta: number;
  /** Resources whose cost differs, largest change first (by |delta|, then name). */
  resources: CostChange[];
  /** The stack-wide lines (per-account free tiers), old and new sum and their difference. */
  adjustments: { before: number; after: number; delta: number };
  /** Resources in both sections at the same cost. */
  unchangedCount: number;
}

export interface CostDiffOptions {
  /** What the before side is; default "the earlier cost section as given". */
  basis?: string;
  /**
   * The old URN a new resource takes over under another URN (its aliases, as the engine matches them),
   * or undefined. Without it, resources match by URN, with deprecated type tokens read as the module
   * tokens that alias them.
   */
  previousUrn?: (urn: string) => string | undefined;
}

/** Rounds away floating-point noise (1e-6 EUR), as the cost estimate does. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function sum(values: readonly { monthly: number | null }[] | undefined): number {
  return round((values ?? []).reduce((s, l) => s + (l.monthly ?? 0), 0));
}

function costSum(r: CostSum): CostSum {
  return { known: r.known, unknownCount: r.unknownCount };
}

/** Largest change first, then by name and URN (a stable order for snapshots and comments). */
function byChange(a: CostChange, b: CostChange): number {
  return Math.abs(b.delta) - Math.abs(a.delta) || a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn);
}

/**
 * The difference between two cost sections of the plan's JSON model (`cost` of a `--json` plan or of
 * `estimateCost`): total before and after, and every resource added, removed or priced differently.
 * `before` undefined: everything is added (a first deployment). Pure: no I/O.
 *
 * Unknown prices stay unknown: a resource whose known part is equal but whose count of unknown items
 * changes is listed with delta 0; the totals carry both sides' `unknownCount`.
 */
export function diffCosts(
  before: CostSection | undefined,
  after: CostSection,
  options: CostDiffOptions = {},
): CostDiff {
  const old = new Map((before?.resources ?? []).map((r) => [canonicalUrn(r.urn), r]));
  const seen = new Set<string>();
  const resources: CostChange[] = [];
  let unchangedCount = 0;
  for (const now of after.resources) {
    let key = canonicalUrn(now.urn);
    let beforeUrn: string | undefined;
    if (!old.has(key)) {
      const previous = options.previousUrn?.(now.urn);
      if (previous !== undefined && old.has(canonicalUrn(previous)) && !seen.has(canonicalUrn(previous))) {
        key = canonicalUrn(previous);
        beforeUrn = old.get(key)!.urn;
      }
    }
    const was = old.get(key);
    if (was === undefined || seen.has(key)) {
      resources.push({
        urn: now.urn,
        name: now.name,
        type: now.type,
        change: "added",
        before: null,
        after: costSum(now),
        delta: round(now.known),
      });
      continue;
    }
    seen.add(key);
    if (was.known === now.known && was.unknownCount === now.unknownCount) {
      unchangedCount++;
      continue;
    }
    resources.push({
      urn: now.urn,
      name: now.name,
      type: now.type,
      change: "changed",
      before: costSum(was),
      after: costSum(now),
      delta: round(now.known - was.known),
      ...(beforeUrn !== undefined ? { beforeUrn } : {}),
    });
  }
  for (const [key, was] of old) {
    if (seen.has(key)) continue;
    resources.push({
      urn: was.urn,
      name: was.name,
      type: was.type,
      change: "removed",
      before: costSum(was),
      after: null,
      delta: round(-was.known),
    });
  }
  const beforeTotal: CostSum = before ? costSum(before.total) : { known: 0, unknownCount: 0 };
  const adjustmentsBefore = sum(before?.adjustments);
  const adjustmentsAfter = sum(after.adjustments);
  return {
    currency: "EUR",
    basis: options.basis ?? "the earlier cost section as given",
    before: beforeTotal,
    after: costSum(after.total),
    delta: round(after.total.known - beforeTotal.known),
    resources: resources.sort(byChange),
    adjustments: {
      before: adjustmentsBefore,
      after: adjustmentsAfter,
      delta: round(adjustmentsAfter - adjustmentsBefore),
    },
    unchangedCount,
  };
}

/** What baselineCostDiff reads of an earlier plan (`--json` output, as parseBaseline returns it). */
export interface CostBaseline {
  readonly defaultRegion?: string;
  readonly resources: readonly DiffResource[];
}

/** The basis of a diff against a baseline repriced with this plan's prices and usage. */
export const REPRICED_BASIS =
  "the baseline's resources priced with this plan's prices and usage, so the difference is the program's own";

/**
 * The cost difference between an earlier plan and this one. The baseline's resources are priced again
 * with this plan's prices and usage (assumptions, usage file) rather than read from its recorded cost:
 * a new price table or a changed usage figure then moves both sides alike and the difference is what
 * the program changes. A resource matches its baseline entry by URN or through one of its aliases.
 */
export function baselineCostDiff(
  baseline: CostBaseline,
  current: readonly PlanResource[],
  currentCost: CostSection,
  options: CostOptions,
): CostDiff {
  const before = estimateCost(
    baseline.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      custom: r.custom,
      ...(r.parent !== undefined ? { parent: r.parent } : {}),
      dependencies: [],
      inputs: { ...r.inputs },
      protect: r.protect === true,
      retainOnDelete: r.retainOnDelete === true,
      replaceOnChanges: [...(r.replaceOnChanges ?? [])],
      aliases: [...(r.aliases ?? [])],
      ...(r.mockId !== undefined ? { mockId: r.mockId } : {}),
    })),
    { ...options, defaultRegion: baseline.defaultRegion ?? options.defaultRegion },
  );
  const old = new Set(baseline.resources.map((r) => canonicalUrn(r.urn)));
  const aliases = new Map(current.map((r) => [r.urn, r.aliases]));
  return diffCosts(before, currentCost, {
    basis: REPRICED_BASIS,
    previousUrn: (urn) => aliases.get(urn)?.find((a) => old.has(canonicalUrn(a))),
  });
}
