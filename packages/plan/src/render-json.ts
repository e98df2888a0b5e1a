import type { PlanDocument } from "./schema";

/** The plan for machines: the versioned document (see schema/plan.schema.json), pretty-printed. */
export function renderJson(plan: PlanDocument): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
