import type { KeySettings } from "./key-settings";
import { keySettings } from "./key-settings";
import type { PlanResource } from "./resources";
import { shortType } from "./tokens";

/** One node of the resource tree: a component or a resource, with its children. */
export interface TreeNode {
  urn: string;
  name: string;
  type: string;
  /** "databases.Instance" for provider resources; the component's type token otherwise. */
  displayType: string;
  custom: boolean;
  settings: KeySettings;
  children: TreeNode[];
}

/**
 * The resources as a forest: roots are the resources directly under the stack; each node's children
 * are the resources registered with it as parent. Components come first, then resources by type and name.
 */
export function buildTree(resources: readonly PlanResource[], defaultRegion: string): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const r of resources) {
    nodes.set(r.urn, {
      urn: r.urn,
      name: r.name,
      type: r.type,
      displayType: shortType(r.type),
      custom: r.custom,
      settings: keySettings(r, defaultRegion),
      children: [],
    });
  }
  const roots: TreeNode[] = [];
  for (const r of resources) {
    const node = nodes.get(r.urn)!;
    const parent = r.parent === undefined ? undefined : nodes.get(r.parent);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (nodes: TreeNode[]): void => {
    // Components first (in registration order), then resources by type and name: stable to read and diff.
    nodes.sort((a, b) =>
      a.custom !== b.custom
        ? Number(a.custom) - Number(b.custom)
        : a.custom
          ? a.displayType.localeCompare(b.displayType) || a.name.localeCompare(b.name)
          : 0,
    );
    nodes.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

/** Every node of the forest, depth first. */
export function walkTree(roots: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode): void => {
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}
