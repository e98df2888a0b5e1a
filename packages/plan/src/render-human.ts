import type { Palette } from "./color";
import { palette } from "./color";
import { shortType } from "./tokens";
import type { PlanDocument } from "./schema";
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
    .map(([k, v]) => (typeof v === "boolean" ? `${k}=${v ? "yes" : "no"}` : `${k}=${v}`))
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

function renderTree(roots: readonly TreeNode[], c: Palette): string[] {
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

function renderCost(doc: Doc, c: Palette): string[] {
  const out: string[] = [];
  const origin =
    doc.cost.priceOrigin === "live" ? "Scaleway public catalog, fetched" : "shipped price table of";
  out.push(c.bold(`Estimated monthly cost — EUR excl. VAT (${origin} ${doc.cost.priceDate})`));
  const costs = new Map(doc.cost.resources.map((r) => [r.urn, r]));
  const components = new Map(doc.cost.components.map((r) => [r.urn, r]));
  const visit = (node: TreeNode, indent: string): void => {
    if (!node.custom) {
      const t = components.get(node.urn);
      out.push(`  ${indent}${c.bold(node.name)} ${c.dim(node.type)}: ${t ? total(t, c) : ""}`);
      node.children.forEach((child) => visit(child, `${indent}  `));
      return;
    }
    const r = costs.get(node.urn);
    if (!r) return;
    out.push(`  ${indent}${node.name} ${c.cyan(node.displayType)}: ${total(r, c)}`);
    for (const l of r.lines) {
      if (l.monthly === 0) continue; // free items: priced, counted, not listed
      out.push(`  ${indent}    ${lineText(l, c)}`);
    }
  };
  buildTree(doc.resources, doc.defaultRegion).forEach((root) => visit(root, ""));
  for (const l of doc.cost.adjustments) out.push(`  ${lineText(l, c)}`);
  const free = doc.cost.resources.filter((r) => r.unknownCount === 0 && r.known === 0).length;
  out.push(
    `  ${c.bold("Total")}: ${total(doc.cost.total, c)} per month` +
      (doc.cost.total.unknownCount > 0 ? c.dim(" (unknown items are not counted as zero)") : "") +
      (free > 0 ? c.dim(`; ${free} resources cost nothing of their own`) : ""),
  );

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

function renderPolicy(doc: Doc, c: Palette): string[] {
  const p = doc.policy;
  const out: string[] = [];
  const head = `Policy (@scaleway-blocks/policy): ${p.mandatory} mandatory, ${p.advisory} advisory`;
  out.push(c.bold(head) + (p.failed ? c.red(" — FAILS (exit 1)") : c.green(" — passes")));
  for (const severity of ["mandatory", "advisory"] as const) {
    const findings = p.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    out.push(`  ${severity === "mandatory" ? c.red("mandatory") : c.yellow("advisory")}`);
    for (const f of findings) out.push(`    ${f.ruleId} ${f.name} ${c.dim(`(${f.type})`)}: ${f.message}`);
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
      `  ${formatDuration(s.startSeconds).padStart(7)} → ${formatDuration(s.finishSeconds).padEnd(7)} ${s.name} ${c.cyan(
        shortType(s.type),
      )} ${formatDuration(s.seconds)} ${c.dim(`[${s.basis}] ${s.source}`)}`,
    );
  }
  return out;
}

function renderDiff(doc: Doc, c: Palette): string[] {
  const d = doc.diff;
  if (!d) return [];
  const out = [
    c.bold(
      `Changes since the baseline (${d.baseline.stack}, ${d.baseline.generatedAt}): ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`,
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

/** The plan for people. `color` adds ANSI colours (the CLI turns it on only on a TTY without NO_COLOR). */
export function renderHuman(doc: Doc, options: { color?: boolean } = {}): string {
  const c = palette(options.color === true);
  const customs = doc.resources.filter((r) => r.custom).length;
  const out: string[] = [
    c.bold(`scaleway-blocks plan: project ${doc.project}, stack ${doc.stack}`),
    c.dim(
      "A mock run of the program: nothing was deployed or read from Scaleway; provider-side defaults are not previewed.",
    ),
    "",
    c.bold(
      `Resources: ${plural(customs, "resource")} in ${plural(doc.resources.length - customs, "component")}`,
    ),
    ...renderTree(buildTree(doc.resources, doc.defaultRegion), c),
    "",
    ...renderCost(doc, c),
    "",
    ...renderPolicy(doc, c),
    "",
    ...renderDeployTime(doc, c),
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
