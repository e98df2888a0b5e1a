import type { Palette } from "./color";
import { dataLocationsLine } from "./data-locations";
import { palette } from "./color";
import { shortType } from "./tokens";
import type { PlanDocument } from "./schema";
import type { ServiceGoalsReport } from "./service-goals";
import type { TreeNode } from "./tree";
import { buildTree } from "./tree";

type Doc = PlanDocument;
type CostLine = Doc["cost"]["resources"][number]["lines"][number];

export function formatEuro(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}€${abs > 0 && abs < 0.01 ? abs.toFixed(4) : abs.toFixed(2)}`;
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) return `${rest}s`;
  if (m >= 60) return `${Math.floor(m / 60)}h ${m % 60}m`;
  return rest === 0 ? `${m}m` : `${m}m ${rest}s`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function total(t: { known: number; unknownCount: number }, c: Palette): string {
  const unknown = t.unknownCount > 0 ? c.yellow(` + ${t.unknownCount} unknown`) : "";
  return `${formatEuro(t.known)}${unknown}`;
}

function settingsText(settings: Record<string, string | number | boolean>): string {
  return Object.entries(settings)
    .map(([k, v]) =>
      typeof v === "boolean"
        ? `${k}=${v ? "yes" : "no"}`
        : `${k}=${k === "name" && typeof v === "string" ? readableName(v) : v}`,
    )
    .join(" ");
}

/** The width the text form fits in. */
export const MAX_WIDTH = 120;

/** ANSI colour codes (ESC [ … m), built from a string so that no control character sits in a literal. */
const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, "g");
const ANSI_PART = new RegExp(`(${ESC}\\[[0-9;]*m)`);

/** Columns a line takes on a terminal (colour codes take none). */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, "")].length;
}

/**
 * Breaks a line longer than `width` at spaces; the following lines start with `continuation`.
 * A word longer than a whole line is cut.
 */
export function wrapLine(line: string, width = MAX_WIDTH, continuation?: string): string[] {
  if (visibleWidth(line) <= width) return [line];
  const indent = continuation ?? " ".repeat((/^ */.exec(line.replace(ANSI, ""))?.[0].length ?? 0) + 4);
  const out: string[] = [];
  const lead = /^ */.exec(line)?.[0] ?? "";
  const [first = "", ...words] = line.slice(lead.length).split(" ");
  let current = lead + first;
  for (const word of words) {
    const candidate = `${current} ${word}`;
    if (visibleWidth(candidate) <= width || current.trim() === "") {
      current = candidate;
      continue;
    }
    out.push(current.trimEnd());
    current = indent + word;
  }
  out.push(current);
  // cut what is still too long (a single long word), keeping colour codes whole
  return out.flatMap((l) => {
    const pieces: string[] = [];
    let rest = l;
    while (visibleWidth(rest) > width) {
      let cut = 0;
      let seen = 0;
      for (const part of rest.split(ANSI_PART)) {
        if (part.startsWith(`${ESC}[`)) {
          cut += part.length;
          continue;
        }
        const room = width - seen;
        if ([...part].length > room) {
          cut += [...part].slice(0, room).join("").length;
          break;
        }
        cut += part.length;
        seen += [...part].length;
      }
      pieces.push(rest.slice(0, cut));
      rest = indent + rest.slice(cut);
    }
    pieces.push(rest);
    return pieces;
  });
}

/**
 * A child's name in the tree without its parent's name in front: "database-credentials-admin"
 * under "database-credentials" reads "…-admin" (the JSON and the other sections keep full names).
 */
export function treeName(name: string, parentName: string | undefined): string {
  if (parentName === undefined || !name.startsWith(`${parentName}-`) || name.length === parentName.length + 1)
    return name;
  return `…${name.slice(parentName.length)}`;
}

export function renderTree(roots: readonly TreeNode[], c: Palette): string[] {
  const out: string[] = [];
  const visit = (node: TreeNode, parent: TreeNode | undefined, prefix: string, last: boolean): void => {
    const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
    const name = treeName(node.name, parent?.name);
    const head = node.custom ? `${name} ${c.cyan(node.displayType)}` : `${c.bold(name)} ${c.dim(node.type)}`;
    const settings = settingsText(node.settings);
    const childPrefix = parent === undefined ? "" : prefix + (last ? "   " : "│  ");
    // Wrapped settings stay inside the tree: under the node, beside its children's branch.
    const continuation = `  ${childPrefix}${node.children.length > 0 ? "│  " : "   "}  `;
    out.push(
      ...wrapLine(
        `  ${prefix}${branch}${head}${settings ? `  ${c.dim(settings)}` : ""}`,
        MAX_WIDTH,
        continuation,
      ),
    );
    node.children.forEach((child, i) => visit(child, node, childPrefix, i === node.children.length - 1));
  };
  roots.forEach((root) => visit(root, undefined, "", true));
  return out;
}

function lineText(l: CostLine, c: Palette): string {
  const qty = l.quantity === null ? "? " : `${+l.quantity.toFixed(4)} `;
  const price = l.unitPrice === null ? "unknown price" : `€${l.unitPrice}`;
  const amount = l.monthly === null ? c.yellow("unknown") : formatEuro(l.monthly);
  const note = l.note ? c.dim(` — ${l.note}`) : "";
  return `${l.item}: ${qty}${l.unit} × ${price} = ${amount} [${l.status}]${note}`;
}

/**
 * A name without the repeat that composed names make: a run of two or more dash-separated words that
 * already appeared is replaced by "…", so `platform-dev-database-credentials-platform-dev-database` (the
 * credentials secret of database platform-dev-database) reads `platform-dev-database-credentials-…`.
 * --verbose and the JSON keep the full name.
 */
export function readableName(name: string): string {
  const words = name.split("-");
  for (let length = Math.floor(words.length / 2); length >= 2; length--) {
    for (let later = words.length - length; later >= length; later--) {
      const run = words.slice(later, later + length).join("-");
      for (let earlier = 0; earlier + length <= later; earlier++) {
        if (words.slice(earlier, earlier + length).join("-") === run)
          return readableName(
            [...words.slice(0, later), "…", ...words.slice(later + length)].join("-").replace(/…(-…)+/g, "…"),
          );
      }
    }
  }
  return name;
}

function usageText(usage: Readonly<Record<string, number | boolean>>): string {
  return Object.entries(usage)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
}

/** How many resources the short cost section lists (the most expensive); --verbose lists all. */
export const COST_TOP_LINES = 5;

function priceOrigin(doc: Doc): string {
  return doc.cost.priceOrigin === "live"
    ? `Scaleway public catalog, fetched ${doc.cost.priceDate}`
    : `shipped price table of ${doc.cost.priceDate}`;
}

function totalLine(doc: Doc, c: Palette): string {
  const free = doc.cost.resources.filter((r) => r.unknownCount === 0 && r.known === 0).length;
  return (
    `  ${c.bold("Total")}: ${total(doc.cost.total, c)} per month` +
    (doc.cost.total.unknownCount > 0 ? c.dim(" (unknown items are not counted as zero)") : "") +
    (free > 0 ? c.dim(`; ${plural(free, "resource")} cost nothing of their own`) : "")
  );
}

/** The default cost section: the total, the most expensive resources, what is unknown, and the usage assumed. */
function renderCostShort(doc: Doc, c: Palette): string[] {
  const out = [c.bold(`Estimated monthly cost — EUR excl. VAT (${priceOrigin(doc)})`)];
  const priced = doc.cost.resources
    .filter((r) => r.known !== 0 || r.unknownCount > 0)
    .sort((a, b) => b.known - a.known || b.unknownCount - a.unknownCount || a.name.localeCompare(b.name));
  // the most expensive, and every resource with an unknown item (an unknown is never hidden in a sum)
  const top = priced.filter((r, i) => i < COST_TOP_LINES || r.unknownCount > 0);
  const width = Math.max(0, ...top.map((r) => formatEuro(r.known).length));
  for (const r of top) {
    const unknown = r.unknownCount > 0 ? c.yellow(` + ${r.unknownCount} unknown`) : "";
    out.push(
      `  ${formatEuro(r.known).padStart(width)}${unknown}  ${readableName(r.name)} ${c.cyan(shortType(r.type))}`,
    );
  }
  const rest = priced.filter((r) => !top.includes(r));
  if (rest.length > 0) {
    const restTotal = {
      known: rest.reduce((s, r) => s + r.known, 0),
      unknownCount: rest.reduce((s, r) => s + r.unknownCount, 0),
    };
    out.push(
      `  ${formatEuro(restTotal.known).padStart(width)}${restTotal.unknownCount > 0 ? c.yellow(` + ${restTotal.unknownCount} unknown`) : ""}  ${plural(rest.length, "more resource")}`,
    );
  }
  for (const l of doc.cost.adjustments)
    out.push(`  ${formatEuro(l.monthly ?? 0).padStart(width)}  ${l.item}`);
  out.push(totalLine(doc, c));
  const used = new Set(doc.cost.resources.flatMap((r) => r.lines.flatMap((l) => l.assumptions)));
  const assumed = doc.cost.assumptions
    .filter((a) => used.has(a.key) && a.key !== "hoursPerMonth")
    .map((a) => `${a.key}=${String(a.value)}`);
  if (assumed.length > 0) out.push(c.dim(`  Usage assumed: ${assumed.join(", ")}`));
  const own = doc.cost.resources.filter((r) => r.usage !== undefined);
  if (own.length > 0)
    out.push(
      c.dim(
        `  Usage of ${plural(own.length, "resource")} from the usage file: ${own
          .map((r) => `${readableName(r.name)} ${usageText(r.usage!)}`)
          .join("; ")}`,
      ),
    );
  out.push(c.dim("  --verbose for every priced item, the price sources and the assumptions"));
  return out;
}

function renderCost(doc: Doc, c: Palette, verbose: boolean): string[] {
  if (!verbose) return renderCostShort(doc, c);
  const out: string[] = [];
  out.push(c.bold(`Estimated monthly cost — EUR excl. VAT (${priceOrigin(doc)})`));
  const costs = new Map(doc.cost.resources.map((r) => [r.urn, r]));
  const components = new Map(doc.cost.components.map((r) => [r.urn, r]));
  const visit = (node: TreeNode, indent: string): void => {
    if (!node.custom) {
      const t = components.get(node.urn);
      out.push(`  ${indent}${c.bold(readableName(node.name))} ${c.dim(node.type)}: ${t ? total(t, c) : ""}`);
      node.children.forEach((child) => visit(child, `${indent}  `));
      return;
    }
    const r = costs.get(node.urn);
    if (!r) return;
    out.push(`  ${indent}${readableName(node.name)} ${c.cyan(node.displayType)}: ${total(r, c)}`);
    if (r.usage !== undefined) out.push(c.dim(`  ${indent}    usage file: ${usageText(r.usage)}`));
    for (const l of r.lines) {
      if (l.monthly === 0) continue; // free items: priced, counted, not listed
      out.push(`  ${indent}    ${lineText(l, c)}`);
    }
  };
  buildTree(doc.resources, doc.defaultRegion).forEach((root) => visit(root, ""));
  for (const l of doc.cost.adjustments) out.push(`  ${lineText(l, c)}`);
  out.push(totalLine(doc, c));

  const sources = new Map<string, string>();
  for (const l of [...doc.cost.resources.flatMap((r) => r.lines), ...doc.cost.adjustments])
    sources.set(l.priceKey, `[${l.status}] ${l.priceKey}: ${l.source}`);
  out.push("", c.bold("  Price sources"));
  for (const s of [...sources.values()].sort()) out.push(`    ${s}`);

  const used = new Set(doc.cost.resources.flatMap((r) => r.lines.flatMap((l) => l.assumptions)));
  for (const l of doc.cost.adjustments) l.assumptions.forEach((a) => used.add(a));
  const assumptions = doc.cost.assumptions.filter((a) => used.has(a.key));
  if (assumptions.length > 0) {
    out.push(
      "",
      c.bold("  Assumptions") + c.dim(" (override with --assume key=value or --assumptions file.json)"),
    );
    for (const a of assumptions) out.push(`    ${a.key} = ${String(a.value)}  ${c.dim(a.description)}`);
  }
  return out;
}

function signedEuro(value: number): string {
  return value > 0 ? `+${formatEuro(value)}` : formatEuro(value);
}

/** The cost difference against the baseline (Infracost's diff): total before → after, then the changes. */
function renderCostDiff(doc: Doc, c: Palette, verbose: boolean): string[] {
  const d = doc.cost.diff;
  if (!d) return [];
  const direction = d.delta > 0 ? "increases" : d.delta < 0 ? "decreases" : "does not change";
  const by = d.delta === 0 ? "" : ` by ${formatEuro(Math.abs(d.delta))}`;
  const out = [
    c.bold(
      `Monthly cost change ${doc.mockRun ? "since the baseline" : "in the preview"}: ${direction}${by}`,
    ) + ` (${total(d.before, c)} → ${total(d.after, c)})`,
  ];
  const shown = verbose ? d.resources : d.resources.slice(0, COST_TOP_LINES);
  const width = Math.max(0, ...shown.map((r) => signedEuro(r.delta).length));
  for (const r of shown) {
    const mark = r.change === "added" ? c.green("+") : r.change === "removed" ? c.red("-") : c.yellow("~");
    const was =
      r.change === "added"
        ? "new"
        : r.change === "removed"
          ? "removed"
          : `${total(r.before!, c)} → ${total(r.after!, c)}`;
    out.push(
      `  ${mark} ${signedEuro(r.delta).padStart(width)}  ${readableName(r.name)} ${c.cyan(shortType(r.type))} ${c.dim(`(${was})`)}`,
    );
  }
  const hidden = d.resources.length - shown.length;
  if (hidden > 0) {
    const rest = d.resources.slice(shown.length).reduce((s, r) => s + r.delta, 0);
    out.push(`    ${signedEuro(rest)}  ${plural(hidden, "more change")} (--verbose lists them)`);
  }
  if (d.adjustments.delta !== 0) out.push(`    ${signedEuro(d.adjustments.delta)}  per-account free tiers`);
  if (d.before.unknownCount + d.after.unknownCount > 0)
    out.push(c.dim("  unknown items are in neither side: the true difference may be larger or smaller"));
  if (verbose) out.push(c.dim(`  before: ${d.basis}`));
  return out;
}

function renderPolicy(doc: Doc, c: Palette): string[] {
  const p = doc.policy;
  const out: string[] = [];
  const head = `Policy (@scaleway-blocks/policy): ${p.mandatory} mandatory, ${p.advisory} advisory`;
  out.push(c.bold(head) + (p.failed ? c.red(" — FAILS (exit 1)") : c.green(" — passes")));
  for (const severity of ["mandatory", "advisory"] as const) {
    const findings = p.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    out.push(`  ${severity === "mandatory" ? c.red("mandatory") : c.yellow("advisory")}`);
    for (const f of findings)
      out.push(`    ${f.ruleId} ${readableName(f.name)} ${c.dim(`(${f.type})`)}: ${f.message}`);
  }
  return out;
}

function renderDeployTime(doc: Doc, c: Palette): string[] {
  const d = doc.deployTime;
  const verdict = d.withinTarget
    ? c.green(`within the ${formatDuration(d.targetSeconds)} target`)
    : c.red(
        `over the ${formatDuration(d.targetSeconds)} target by ${formatDuration(d.totalSeconds - d.targetSeconds)}`,
      );
  const what =
    d.scope === "changes" ? "Estimated deployment time of the changes" : "Estimated deployment time";
  const out = [
    c.bold(`${what}: ${formatDuration(d.totalSeconds)} along the critical path`) + ` (${verdict})`,
  ];
  if (d.maxSeconds > d.totalSeconds)
    out.push(c.dim(`  ${formatDuration(d.maxSeconds)} with the slowest recorded creation of each type`));
  if (d.upperBoundSeconds > Math.max(d.totalSeconds, d.maxSeconds))
    out.push(
      c.dim(
        `  up to ${formatDuration(d.upperBoundSeconds)} with documented upper bounds (provider timeouts)`,
      ),
    );
  if (d.scope === "changes" && d.steps.length === 0) out.push(c.dim("  nothing to create or update"));
  for (const s of d.steps) {
    out.push(
      `  ${formatDuration(s.startSeconds).padStart(7)} → ${formatDuration(s.finishSeconds).padEnd(7)} ${readableName(s.name)} ${c.cyan(
        shortType(s.type),
      )} ${formatDuration(s.seconds)} ${c.dim(`[${s.basis}] ${s.source}`)}`,
    );
  }
  return out;
}

function renderServiceGoals(goals: ServiceGoalsReport, c: Palette): string[] {
  const where = goals.environment ?? "environment unknown";
  const need = goals.required ? "all three required" : "may miss them";
  const out = [c.bold(`Service goals (${where}: ${need})`)];
  for (const g of goals.goals) {
    const mark = g.supported
      ? c.green("supported")
      : goals.required
        ? c.red("NOT supported")
        : c.yellow("not supported");
    out.push(`  ${g.title}: ${mark}`, ...g.reasons.map((r) => c.dim(`    ${r}`)));
  }
  return out;
}

function renderDiff(doc: Doc, c: Palette): string[] {
  const d = doc.diff;
  if (!d) return [];
  const out = [
    c.bold(
      `${doc.mockRun ? `Changes since the baseline (${d.baseline.stack}, ${d.baseline.generatedAt})` : "Changes in the preview (the engine's steps)"}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`,
    ),
  ];
  for (const r of d.added) out.push(`  ${c.green("+")} ${r.name} ${c.dim(shortType(r.type))}`);
  for (const r of d.removed) out.push(`  ${c.red("-")} ${r.name} ${c.dim(shortType(r.type))}`);
  for (const r of d.changed)
    out.push(`  ${c.yellow("~")} ${r.name} ${c.dim(shortType(r.type))}: ${r.changedInputs.join(", ")}`);
  if (d.dataLossRisks.length > 0) {
    out.push(
      "",
      c.red(
        c.bold(`DATA-LOSS RISK: ${d.dataLossRisks.length} stateful resource(s) would be destroyed (exit 2)`),
      ),
    );
    for (const r of d.dataLossRisks) {
      const notes = [
        r.protect ? "protected: pulumi up would stop before deleting it" : "",
        r.retainOnDelete ? "retainOnDelete: the old resource would be orphaned, not deleted" : "",
      ].filter(Boolean);
      out.push(
        `  ${c.red(r.action.toUpperCase())} ${r.name} ${c.dim(shortType(r.type))}: ${r.reason}${notes.length ? c.dim(` (${notes.join("; ")})`) : ""}`,
      );
    }
  }
  return out;
}

const EXIT_TEXT: Record<0 | 1 | 2, string> = {
  0: "ok",
  1: "a mandatory policy rule fails",
  2: "data-loss risk",
};

/**
 * The plan for people. `color` adds ANSI colours (the CLI turns it on only on a TTY without NO_COLOR);
 * `verbose` prints every priced item, the price sources and the assumptions instead of the short cost section.
 */
export function renderHuman(doc: Doc, options: { color?: boolean; verbose?: boolean } = {}): string {
  const c = palette(options.color === true);
  const verbose = options.verbose === true;
  const customs = doc.resources.filter((r) => r.custom).length;
  const out: string[] = [
    c.bold(`scaleway-blocks plan: project ${doc.project}, stack ${doc.stack}`),
    c.dim(
      doc.mockRun
        ? "A mock run of the program: nothing was deployed or read from Scaleway; provider-side defaults are not previewed."
        : "Read from a pulumi preview --json document (--from-preview): the engine's steps and states; nothing was deployed.",
    ),
    "",
    c.bold(
      `Resources: ${plural(customs, "resource")} in ${plural(doc.resources.length - customs, "component")}`,
    ),
    ...renderTree(buildTree(doc.resources, doc.defaultRegion), c),
    "",
    ...renderCost(doc, c, verbose),
    ...(doc.cost.diff ? ["", ...renderCostDiff(doc, c, verbose)] : []),
    "",
    ...renderPolicy(doc, c),
    ...(doc.dataLocations ? [dataLocationsLine(doc.dataLocations)] : []),
    "",
    ...renderDeployTime(doc, c),
    ...(doc.serviceGoals ? ["", ...renderServiceGoals(doc.serviceGoals, c)] : []),
  ];
  const diff = renderDiff(doc, c);
  if (diff.length > 0) out.push("", ...diff);
  if (doc.warnings.length > 0) out.push("", c.yellow("Warnings"), ...doc.warnings.map((w) => `  ${w}`));
  const code = doc.exitCode;
  out.push("", `Result: exit ${code} (${EXIT_TEXT[code]})`);
  // Every line fits MAX_WIDTH columns: long ones continue on the next, indented.
  return `${out
    .flatMap((line) => line.split("\n"))
    .flatMap((line) => wrapLine(line))
    .join("\n")}\n`;
}
