import { formatEuro } from "./render-human";
import type { PlanDocument } from "./schema";
import { shortType } from "./tokens";

type Doc = PlanDocument;
type Resource = Doc["resources"][number];

/** What a box of the diagram stands for, and what happens to it. */
export type UnitStatus = "risk" | "removed" | "added" | "changed" | "unchanged";

/** One box of the diagram: a component (with everything under it), or a resource at the stack's root. */
export interface DiagramUnit {
  id: string;
  /** Lines of text ("\n" between them). */
  label: string;
  status: UnitStatus;
  critical: boolean;
  /** The component (or resource) URN the box stands for; none for grouped and removed boxes. */
  urn?: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  kind: "dependency" | "contains";
  critical: boolean;
}

export interface Diagram {
  units: DiagramUnit[];
  edges: DiagramEdge[];
  /** Nested components were folded into their top-level component to stay under maxBoxes. */
  folded: boolean;
}

export interface DiagramOptions {
  /**
   * Above this many boxes, nested components fold into their top-level component and root-level
   * resources group by type. Default 40: a 50-component stack stays readable.
   */
  maxBoxes?: number;
}

export const DEFAULT_MAX_BOXES = 40;

/** The last part of a component type token: "scaleway-blocks:database:Database" → "Database". */
function componentKind(type: string): string {
  return type.split(":").pop() ?? type;
}

const RANK: Record<UnitStatus, number> = { risk: 4, removed: 3, added: 2, changed: 1, unchanged: 0 };

/**
 * The components of a plan as a graph: one box per component (or per resource directly under the
 * stack), an arrow from what is deployed first to what waits for it, and, with a baseline, what
 * changes. The critical path's boxes and arrows are flagged. Pure: the Mermaid text is `toMermaid`.
 */
export function componentDiagram(doc: Doc, options: DiagramOptions = {}): Diagram {
  const maxBoxes = options.maxBoxes ?? DEFAULT_MAX_BOXES;
  const byUrn = new Map(doc.resources.map((r) => [r.urn, r]));
  const parentOf = (r: Resource): Resource | undefined =>
    r.parent === undefined ? undefined : byUrn.get(r.parent);
  const components = doc.resources.filter((r) => !r.custom);
  const rootCustoms = doc.resources.filter((r) => r.custom && parentOf(r) === undefined);

  // Which box a resource belongs to: its innermost component, or only its top-level one when folded.
  const fold = components.length + rootCustoms.length > maxBoxes;
  const groupByType = fold && components.filter((c) => !parentOf(c)).length + rootCustoms.length > maxBoxes;
  const boxOf = new Map<string, string>();
  const topOf = (r: Resource): Resource => {
    let top = r;
    for (let p = parentOf(top); p !== undefined; p = parentOf(top)) top = p;
    return top;
  };
  for (const r of doc.resources) {
    if (!r.custom) {
      boxOf.set(r.urn, fold ? topOf(r).urn : r.urn);
      continue;
    }
    let owner: Resource | undefined = parentOf(r);
    while (owner !== undefined && owner.custom) owner = parentOf(owner);
    if (owner !== undefined) boxOf.set(r.urn, fold ? topOf(owner).urn : owner.urn);
    else boxOf.set(r.urn, groupByType ? `type:${shortType(r.type)}` : r.urn);
  }

  // What changes, by box.
  const diff = doc.diff;
  const status = new Map<string, UnitStatus>();
  const raise = (box: string | undefined, s: UnitStatus): void => {
    if (box === undefined) return;
    if (RANK[s] > RANK[status.get(box) ?? "unchanged"]) status.set(box, s);
  };
  const riskUrns = new Set<string>();
  for (const risk of diff?.dataLossRisks ?? []) {
    riskUrns.add(risk.urn);
    if (risk.newUrn !== undefined) riskUrns.add(risk.newUrn);
  }
  const added = new Set(diff?.added.map((r) => r.urn) ?? []);
  for (const r of diff?.added ?? []) {
    const box = boxOf.get(r.urn);
    // a box whose own component is new is added; a new resource in an existing one changes it
    raise(box, box !== undefined && added.has(box) ? "added" : "changed");
  }
  for (const r of diff?.changed ?? []) raise(boxOf.get(r.urn), "changed");
  for (const urn of riskUrns) raise(boxOf.get(urn), "risk");

  // The boxes, in registration order.
  const units = new Map<string, DiagramUnit>();
  const members = new Map<string, Resource[]>();
  for (const r of doc.resources) {
    const box = boxOf.get(r.urn)!;
    members.set(box, [...(members.get(box) ?? []), r]);
  }
  const componentCost = new Map(doc.cost.components.map((c) => [c.urn, c]));
  const resourceCost = new Map(doc.cost.resources.map((c) => [c.urn, c]));
  const costText = (known: number, unknown: number): string =>
    known === 0 && unknown === 0
      ? ""
      : ` · ${formatEuro(known)}/mo${unknown > 0 ? ` + ${unknown} unknown` : ""}`;
  for (const [box, list] of members) {
    const own = byUrn.get(box);
    const customs = list.filter((r) => r.custom).length;
    let label: string;
    if (own === undefined) {
      // a group of root resources of one type
      const known = list.reduce((s, r) => s + (resourceCost.get(r.urn)?.known ?? 0), 0);
      const unknown = list.reduce((s, r) => s + (resourceCost.get(r.urn)?.unknownCount ?? 0), 0);
      label = `${list.length} × ${box.slice("type:".length)}${costText(known, unknown)}`;
    } else if (own.custom) {
      const c = resourceCost.get(own.urn);
      label = `${own.name}\n${shortType(own.type)}${costText(c?.known ?? 0, c?.unknownCount ?? 0)}`;
    } else {
      const c = fold ? componentCost.get(own.urn) : undefined;
      // unfolded, a box holds only the resources directly under its component: cost them alone
      const known = c?.known ?? list.reduce((s, r) => s + (resourceCost.get(r.urn)?.known ?? 0), 0);
      const unknown =
        c?.unknownCount ?? list.reduce((s, r) => s + (resourceCost.get(r.urn)?.unknownCount ?? 0), 0);
      const count = customs === 1 ? "1 resource" : `${customs} resources`;
      label = `${own.name}\n${componentKind(own.type)} · ${count}${costText(known, unknown)}`;
    }
    units.set(box, {
      id: `c${units.size}`,
      label,
      status: status.get(box) ?? "unchanged",
      critical: false,
      ...(own ? { urn: own.urn } : {}),
    });
  }
  if (diff && diff.removed.length > 0) {
    const names = diff.removed.map((r) => r.name);
    const shown = names.slice(0, 4).join(", ") + (names.length > 4 ? `, … (${names.length - 4} more)` : "");
    units.set("removed", {
      id: `c${units.size}`,
      label: `removed: ${names.length === 1 ? "1 resource" : `${names.length} resources`}\n${shown}`,
      status: diff.removed.some((r) => riskUrns.has(r.urn)) ? "risk" : "removed",
      critical: false,
    });
  }

  // Arrows: what waits for what, between boxes; nesting as a dotted line.
  const edges = new Map<string, DiagramEdge>();
  const addEdge = (from: string, to: string, kind: DiagramEdge["kind"]): void => {
    if (from === to) return;
    const key = `${from}>${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, kind, critical: false });
  };
  if (!fold)
    for (const c of components) {
      const p = parentOf(c);
      if (p !== undefined) addEdge(boxOf.get(p.urn)!, c.urn, "contains");
    }
  for (const r of doc.resources)
    for (const dep of r.dependencies) {
      const from = boxOf.get(dep);
      if (from !== undefined) addEdge(from, boxOf.get(r.urn)!, "dependency");
    }

  // The critical path, box by box.
  const path: string[] = [];
  for (const step of doc.deployTime.steps) {
    const box = boxOf.get(step.urn);
    if (box !== undefined && path[path.length - 1] !== box) path.push(box);
  }
  for (const box of path) units.get(box)!.critical = true;
  for (let i = 1; i < path.length; i++) {
    const [from, to] = [path[i - 1]!, path[i]!];
    addEdge(from, to, "dependency");
    edges.get(`${from}>${to}`)!.critical = true;
  }

  // Drop a dependency arrow that another route already implies (a → b → c makes a → c noise).
  const deps = [...edges.values()].filter((e) => e.kind === "dependency");
  const next = new Map<string, string[]>();
  for (const e of deps) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const reachableWithout = (from: string, to: string): boolean => {
    const seen = new Set<string>([from]);
    const queue = (next.get(from) ?? []).filter((n) => n !== to);
    while (queue.length > 0) {
      const n = queue.shift()!;
      if (n === to) return true;
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(...(next.get(n) ?? []));
    }
    return false;
  };
  for (const e of deps) if (!e.critical && reachableWithout(e.from, e.to)) edges.delete(`${e.from}>${e.to}`);

  const idOf = (box: string): string => units.get(box)!.id;
  return {
    units: [...units.values()],
    edges: [...edges.values()].map((e) => ({ ...e, from: idOf(e.from), to: idOf(e.to) })),
    folded: fold,
  };
}

/** A label in Mermaid's text: quotes and markup characters as entities, one line per "\n". */
function label(text: string): string {
  const entities: Record<string, string> = { '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;" };
  return text
    .split("\n")
    .map((line) => line.replace(/["<>#]/g, (ch) => entities[ch]!))
    .join("<br/>");
}

const STYLES: Record<Exclude<UnitStatus, "unchanged">, string> = {
  risk: "fill:#ffd7d5,stroke:#cf222e,color:#82071e",
  removed: "fill:#eaeef2,stroke:#6e7781,color:#24292f,stroke-dasharray:4 3",
  added: "fill:#dafbe1,stroke:#1a7f37,color:#044f1e",
  changed: "fill:#fff8c5,stroke:#9a6700,color:#4d2d00",
};

/**
 * The diagram as a Mermaid flowchart (GitHub renders ```mermaid blocks): an arrow from what is
 * deployed first to what waits for it; red: a data-loss risk, yellow: changed, green: added, grey:
 * removed; thick purple border and arrows: the critical path of the deployment.
 */
export function toMermaid(diagram: Diagram): string {
  const out = ["flowchart LR"];
  for (const u of diagram.units) out.push(`  ${u.id}["${label(u.label)}"]`);
  const critical: number[] = [];
  diagram.edges.forEach((e, i) => {
    out.push(`  ${e.from} ${e.kind === "contains" ? "-.-" : "-->"} ${e.to}`);
    if (e.critical) critical.push(i);
  });
  for (const [status, style] of Object.entries(STYLES)) {
    const ids = diagram.units.filter((u) => u.status === status).map((u) => u.id);
    if (ids.length === 0) continue;
    out.push(`  classDef ${status} ${style}`, `  class ${ids.join(",")} ${status}`);
  }
  const onPath = diagram.units.filter((u) => u.critical).map((u) => u.id);
  if (onPath.length > 0)
    out.push(`  classDef critical stroke:#8250df,stroke-width:4px`, `  class ${onPath.join(",")} critical`);
  if (critical.length > 0) out.push(`  linkStyle ${critical.join(",")} stroke:#8250df,stroke-width:4px`);
  return out.join("\n");
}
