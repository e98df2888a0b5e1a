import type { CostDiff, CostSum } from "./cost-diff";
import type { DiagramOptions } from "./mermaid";
import { componentDiagram, toMermaid } from "./mermaid";
import { palette } from "./color";
import { formatDuration, formatEuro, renderTree } from "./render-human";
import type { PlanDocument } from "./schema";
import { shortType } from "./tokens";
import type { TreeNode } from "./tree";
import { buildTree, walkTree } from "./tree";

type Doc = PlanDocument;

export interface MarkdownOptions extends DiagramOptions {
  /**
   * The cost before and after; default the plan's own (`cost.diff`, with a baseline). Without one the
   * comment shows this plan's cost.
   */
  costDiff?: CostDiff;
  /**
   * Above this many resources, the tree shows the children of unchanged components as one summary
   * line each. Default 80.
   */
  maxTreeResources?: number;
  /** Rows of a table shown before the rest goes under "more". Default 25. */
  maxRows?: number;
  /** Heading level of the title (the comment's sections are one level below). Default 3. */
  headingLevel?: number;
}

export const DEFAULT_MAX_TREE_RESOURCES = 80;

/** A table cell: no pipe, no line break, no HTML. */
export function cell(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n/g, " ");
}

/** Inline code in a table cell (a name or a type): backticks cannot close it early. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ")}${fence}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function sumText(s: CostSum): string {
  return `${formatEuro(s.known)}${s.unknownCount > 0 ? ` + ${s.unknownCount} unknown` : ""}`;
}

function signed(value: number): string {
  return value > 0 ? `+${formatEuro(value)}` : value < 0 ? formatEuro(value) : "±€0.00";
}

/**
 * A Markdown table; past `maxRows` rows the rest goes under a "more" fold. `footer` (a total) stays
 * last in the visible part.
 */
function table(
  head: readonly string[],
  rows: readonly string[][],
  maxRows: number,
  more: string,
  footer?: readonly string[],
): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  const render = (part: readonly (readonly string[])[]): string[] => [
    line(head),
    line(head.map(() => "---")),
    ...part.map(line),
  ];
  const tail = footer ? [footer] : [];
  if (rows.length <= maxRows) return render([...rows, ...tail]);
  return [
    ...render([...rows.slice(0, maxRows), ...tail]),
    "",
    `<details><summary>${plural(rows.length - maxRows, more)} more</summary>`,
    "",
    ...render(rows.slice(maxRows)),
    "",
    "</details>",
  ];
}

const VERDICT: Record<0 | 1 | 2, string> = {
  0: "**exit 0: no data-loss risk, no mandatory policy failure**",
  1: "**exit 1: a mandatory policy rule fails**",
  2: "**exit 2: data-loss risk**: a stateful resource would be destroyed",
};

function dataLoss(doc: Doc, h: string, maxRows: number): string[] {
  const risks = doc.diff?.dataLossRisks ?? [];
  if (risks.length === 0) return [];
  const rows = risks.map((r) => {
    const guard = [
      r.protect ? "`protect`: `pulumi up` stops before deleting it" : "",
      r.retainOnDelete ? "`retainOnDelete`: the old resource is orphaned, not deleted" : "",
    ].filter(Boolean);
    return [
      `**${r.action.toUpperCase()}**`,
      code(r.name),
      code(shortType(r.type)),
      cell(r.reason),
      guard.length > 0 ? guard.join("; ") : "none",
    ];
  });
  return [
    `${h} ⛔ Data-loss risk: ${plural(risks.length, "stateful resource")} would be destroyed`,
    "",
    ...table(["", "resource", "type", "why", "protection"], rows, maxRows, "risk"),
  ];
}

function policy(doc: Doc, h: string, maxRows: number): string[] {
  const p = doc.policy;
  const rows = (severity: "mandatory" | "advisory"): string[][] =>
    p.findings
      .filter((f) => f.severity === severity)
      .map((f) => [
        code(f.ruleId),
        code(f.name),
        code(shortType(f.type)),
        cell(f.message),
        f.remediation ? cell(f.remediation) : "",
      ]);
  const head = ["rule", "resource", "type", "finding", "fix"];
  const out: string[] = [];
  if (p.mandatory > 0)
    out.push(
      `${h} ❌ Mandatory policy findings: ${p.mandatory}`,
      "",
      ...table(head, rows("mandatory"), maxRows, "finding"),
    );
  else out.push(`${h} Policy: no mandatory finding`);
  if (p.advisory > 0) {
    // advice is folded, and only the first rows are listed: the text and JSON forms have them all
    const advice = rows("advisory");
    const hidden = advice.length - maxRows;
    out.push(
      "",
      `<details><summary>${plural(p.advisory, "advisory finding")} (these do not fail the plan)</summary>`,
      "",
      ...table(head, advice.slice(0, maxRows), maxRows, "finding"),
      ...(hidden > 0
        ? ["", `${plural(hidden, "more advisory finding")}: see the plan's text or JSON output.`]
        : []),
      "",
      "</details>",
    );
  }
  return out;
}

function cost(doc: Doc, h: string, maxRows: number, diff: CostDiff | undefined): string[] {
  const origin =
    doc.cost.priceOrigin === "live"
      ? `Scaleway's public catalog, fetched ${doc.cost.priceDate}`
      : `the shipped price table of ${doc.cost.priceDate}`;
  const note = `EUR excl. VAT, per month, from ${origin}; unknown prices are counted apart, never as zero.`;
  if (diff === undefined) {
    const rows = doc.cost.components
      .filter((c) => {
        const r = doc.resources.find((x) => x.urn === c.urn);
        return r !== undefined && r.parent === undefined;
      })
      .map((c) => [code(c.name), code(c.type.split(":").pop() ?? c.type), sumText(c)]);
    const rootResources = doc.cost.resources.filter((c) => {
      const r = doc.resources.find((x) => x.urn === c.urn);
      return r !== undefined && r.parent === undefined && (c.known > 0 || c.unknownCount > 0);
    });
    for (const c of rootResources) rows.push([code(c.name), code(shortType(c.type)), sumText(c)]);
    return [
      `${h} Monthly cost: ${sumText(doc.cost.total)}`,
      "",
      note,
      "",
      ...table(["component", "type", "per month"], rows, maxRows, "line", [
        "**total**",
        "",
        `**${sumText(doc.cost.total)}**`,
      ]),
    ];
  }
  // added or removed resources that cost nothing of their own (an ACL, a namespace) are counted, not listed
  const free = (s: CostSum | null): boolean => s === null || (s.known === 0 && s.unknownCount === 0);
  const listed = diff.resources.filter((r) => !(free(r.before) && free(r.after)));
  const rows = listed.map((r) => [
    r.change === "added" ? "+" : r.change === "removed" ? "−" : "~",
    code(r.name),
    code(shortType(r.type)),
    r.before ? sumText(r.before) : "",
    r.after ? sumText(r.after) : "",
    signed(r.delta),
  ]);
  if (diff.adjustments.delta !== 0)
    rows.push([
      "~",
      "per-account free tiers",
      "",
      formatEuro(diff.adjustments.before),
      formatEuro(diff.adjustments.after),
      signed(diff.adjustments.delta),
    ]);
  const totals = [
    "",
    "**total**",
    "",
    `**${sumText(diff.before)}**`,
    `**${sumText(diff.after)}**`,
    `**${signed(diff.delta)}**`,
  ];
  const unknown =
    diff.before.unknownCount > 0 || diff.after.unknownCount > 0
      ? " Unknown items are in neither total: the true difference may be more or less."
      : "";
  const notListed = [
    diff.resources.length > listed.length
      ? `${plural(diff.resources.length - listed.length, "resource")} added or removed at no cost of their own`
      : "",
    diff.unchangedCount > 0 ? `${plural(diff.unchangedCount, "resource")} at the same cost` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return [
    `${h} Monthly cost: ${sumText(diff.before)} → ${sumText(diff.after)} (${signed(diff.delta)})`,
    "",
    `${note}${unknown} Before: ${cell(diff.basis)}.`,
    "",
    ...table(["", "resource", "type", "before", "after", "difference"], rows, maxRows, "resource", totals),
    ...(notListed ? ["", `${notListed}.`] : []),
  ];
}

function changes(doc: Doc, h: string, maxRows: number): string[] {
  const d = doc.diff;
  if (!d) return [];
  const since = doc.mockRun ? "since the baseline" : "in the preview (the engine's steps)";
  const title = `${h} Changes ${since}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`;
  const rows = [
    ...d.added.map((r) => ["+", code(r.name), code(shortType(r.type)), ""]),
    ...d.removed.map((r) => ["−", code(r.name), code(shortType(r.type)), ""]),
    ...d.changed.map((r) => [
      r.replaceInputs.length > 0 || r.reason ? "±" : "~",
      code(r.name),
      code(shortType(r.type)),
      [
        r.changedInputs
          .map((i) => (r.replaceInputs.includes(i) ? `${code(i)} (replaces)` : code(i)))
          .join(", "),
        r.reason ? cell(r.reason) : "",
      ]
        .filter(Boolean)
        .join("; "),
    ]),
  ];
  if (rows.length === 0) return [title];
  return [title, "", ...table(["", "resource", "type", "inputs"], rows, maxRows, "change")];
}

function deployTime(doc: Doc, h: string, maxRows: number): string[] {
  const d = doc.deployTime;
  const verdict = d.withinTarget
    ? `within the ${formatDuration(d.targetSeconds)} target`
    : `**over the ${formatDuration(d.targetSeconds)} target** by ${formatDuration(d.totalSeconds - d.targetSeconds)}`;
  const what = d.scope === "changes" ? "Deploy time of the changes" : "Deploy time";
  const out = [`${h} ${what}: ${formatDuration(d.totalSeconds)} (${verdict})`, ""];
  const bounds: string[] = [];
  if (d.maxSeconds > d.totalSeconds)
    bounds.push(`${formatDuration(d.maxSeconds)} with the slowest recorded creation of each type`);
  if (d.upperBoundSeconds > Math.max(d.totalSeconds, d.maxSeconds))
    bounds.push(`up to ${formatDuration(d.upperBoundSeconds)} with the provider's timeouts`);
  out.push(
    `Along the critical path, with the p90 of the provider's recorded creations${bounds.length > 0 ? `; ${bounds.join(", ")}` : ""}.`,
  );
  if (d.steps.length === 0) {
    out.push("", d.scope === "changes" ? "Nothing to create or update." : "Nothing to create.");
    return out;
  }
  const rows = d.steps.map((s) => [
    `${formatDuration(s.startSeconds)} → ${formatDuration(s.finishSeconds)}`,
    code(s.name),
    code(shortType(s.type)),
    formatDuration(s.seconds),
    s.basis,
  ]);
  return [...out, "", ...table(["when", "resource", "type", "takes", "basis"], rows, maxRows, "step")];
}

/**
 * The tree to show: small trees whole; in a big one, components with nothing changing show their
 * resources as one line of counts by type, so the comment stays short.
 */
export function collapseTree(
  roots: readonly TreeNode[],
  changing: ReadonlySet<string>,
  max: number,
): TreeNode[] {
  if (walkTree(roots).filter((n) => n.custom).length <= max) return [...roots];
  const touches = (node: TreeNode): boolean =>
    changing.has(node.urn) || node.children.some((child) => touches(child));
  const collapse = (node: TreeNode): TreeNode => {
    if (node.custom || touches(node)) return { ...node, children: node.children.map(collapse) };
    const counts = new Map<string, number>();
    for (const n of walkTree(node.children))
      if (n.custom) counts.set(n.displayType, (counts.get(n.displayType) ?? 0) + 1);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const summary: TreeNode = {
      urn: `${node.urn}#collapsed`,
      name: `${plural(total, "resource")}, unchanged:`,
      type: "",
      displayType: [...counts].map(([type, n]) => `${n} ${type}`).join(", "),
      custom: true,
      settings: {},
      children: [],
    };
    return { ...node, children: total > 0 ? [summary] : [] };
  };
  return roots.map(collapse);
}

/**
 * The tree with what changes said after each type: [added], [changed: inputs], [REPLACED] or
 * [DATA LOSS: replaced] (the old resource is destroyed).
 */
export function markChanges(roots: readonly TreeNode[], doc: Doc): TreeNode[] {
  const marks = new Map<string, string>();
  for (const r of doc.diff?.added ?? []) marks.set(r.urn, "[added]");
  for (const r of doc.diff?.changed ?? [])
    marks.set(
      r.urn,
      r.replaceInputs.length > 0 || r.reason
        ? `[REPLACED: ${(r.replaceInputs.length > 0 ? r.replaceInputs : r.changedInputs).join(", ") || "its instance"}]`
        : `[changed: ${r.changedInputs.join(", ")}]`,
    );
  for (const r of doc.diff?.dataLossRisks ?? [])
    marks.set(r.newUrn ?? r.urn, `[DATA LOSS: ${r.action === "delete" ? "deleted" : "replaced"}]`);
  const mark = (node: TreeNode): TreeNode => {
    const m = marks.get(node.urn);
    const children = node.children.map(mark);
    if (m === undefined) return { ...node, children };
    return node.custom
      ? { ...node, displayType: `${node.displayType} ${m}`, children }
      : { ...node, type: `${node.type} ${m}`, children };
  };
  return roots.map(mark);
}

function tree(doc: Doc, maxTreeResources: number): string[] {
  const customs = doc.resources.filter((r) => r.custom).length;
  const changing = new Set([
    ...(doc.diff?.added ?? []).map((r) => r.urn),
    ...(doc.diff?.changed ?? []).map((r) => r.urn),
    ...(doc.diff?.dataLossRisks ?? []).flatMap((r) => [r.urn, r.newUrn ?? r.urn]),
  ]);
  const roots = markChanges(
    collapseTree(buildTree(doc.resources, doc.defaultRegion), changing, maxTreeResources),
    doc,
  );
  const collapsed = walkTree(roots).filter((n) => n.custom).length < customs;
  return [
    `<details><summary>Resource tree: ${plural(customs, "resource")} in ${plural(doc.resources.length - customs, "component")}${collapsed ? " (unchanged components folded)" : ""}</summary>`,
    "",
    "```text",
    ...renderTree(roots, palette(false)).map((l) => l.replace(/^ {2}/, "")),
    "```",
    "",
    "</details>",
  ];
}

function diagram(doc: Doc, options: DiagramOptions): string[] {
  const d = componentDiagram(doc, options);
  if (d.units.length === 0) return [];
  const legend = [
    "an arrow runs from what is deployed first to what waits for it",
    doc.diff ? "red: data-loss risk, yellow: changed, green: added, grey: removed" : "",
    d.units.some((u) => u.critical) ? "thick purple: the critical path" : "",
    d.folded ? "nested components are folded into their top-level component" : "",
  ].filter(Boolean);
  return [
    `<details open><summary>Components: ${legend.join("; ")}</summary>`,
    "",
    "```mermaid",
    toMermaid(d),
    "```",
    "",
    "</details>",
  ];
}

/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown): data-loss risks first, then
 * mandatory policy findings, the cost difference, what changes, the deploy time of the changes, a
 * Mermaid diagram of the components (what changes and the critical path highlighted) and the
 * resource tree, collapsed. Pure: no I/O.
 */
export function renderMarkdown(doc: Doc, options: MarkdownOptions = {}): string {
  const level = options.headingLevel ?? 3;
  const title = "#".repeat(level);
  const h = "#".repeat(level + 1);
  const maxRows = options.maxRows ?? 25;
  const baseline = doc.diff?.baseline;
  const out: string[] = [
    `${title} scaleway-blocks plan: ${code(doc.project)} / ${code(doc.stack)}: ${VERDICT[doc.exitCode]}`,
    "",
    doc.mockRun
      ? `A mock run of the program (nothing was deployed or read from Scaleway)${
          baseline
            ? `, compared with the plan of ${code(`${baseline.project}/${baseline.stack}`)} made ${cell(baseline.generatedAt)}`
            : ""
        }.`
      : "Read from a `pulumi preview --json` document (`--from-preview`): the engine's own steps and states; nothing was deployed.",
  ];
  const sections = [
    dataLoss(doc, h, maxRows),
    policy(doc, h, maxRows),
    cost(doc, h, maxRows, options.costDiff ?? doc.cost.diff),
    changes(doc, h, maxRows),
    deployTime(doc, h, maxRows),
    diagram(doc, options),
    tree(doc, options.maxTreeResources ?? DEFAULT_MAX_TREE_RESOURCES),
  ];
  for (const section of sections) if (section.length > 0) out.push("", ...section);
  if (doc.warnings.length > 0) out.push("", `${h} Warnings`, "", ...doc.warnings.map((w) => `- ${cell(w)}`));
  out.push(
    "",
    `<sub>${cell(doc.generator.name)} ${cell(doc.generator.version)} · ${cell(doc.generatedAt)} · exit status ${doc.exitCode}</sub>`,
  );
  return `${out.join("\n")}\n`;
}
