import { rules as allRules } from "./rules";
import type { Rule } from "./types";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/** The README's rule table: `| id | severity | what | why | fix |`, one row per rule. */
export function renderRuleTable(rules: readonly Rule[] = allRules): string {
  const rows = rules.map(
    (r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.description)} | ${cell(r.why)} | ${cell(r.remediation)} |`,
  );
  return ["| id | severity | what | why | fix |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}
