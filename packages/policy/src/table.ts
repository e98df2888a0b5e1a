import { rules as allRules } from "./rules";
import { defaultSettings, SETTING_JSON_SCHEMAS } from "./settings";
import type { SettingName } from "./settings";
import type { Rule } from "./types";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/** The full rule table (docs/policy.md): `| id | severity | what | why | fix |`, one row per rule. */
export function renderRuleTable(rules: readonly Rule[] = allRules): string {
  const rows = rules.map(
    (r) =>
      `| \`${r.id}\` | ${r.severity} | ${cell(r.description)} | ${cell(r.why)} | ${cell(r.remediation)} |`,
  );
  return ["| id | severity | what | why | fix |", "| --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README's rule summary: `| id | severity | what |`, one row per rule (docs/policy.md has the full table). */
export function renderRuleSummary(rules: readonly Rule[] = allRules): string {
  const rows = rules.map((r) => `| \`${r.id}\` | ${r.severity} | ${cell(r.description)} |`);
  return ["| id | severity | what |", "| --- | --- | --- |", ...rows].join("\n");
}

/** The README's settings table: each setting, its default and the rules that read it. */
export function renderSettingsTable(rules: readonly Rule[] = allRules): string {
  const defaults = defaultSettings();
  const names = Object.keys(SETTING_JSON_SCHEMAS) as SettingName[];
  const rows = names.map((name) => {
    const users = rules.filter(
      (r) => r.settings.includes(name) || (name === "environment" && r.environmentAware),
    );
    const value = defaults[name];
    const shown = value === undefined ? "unset" : `\`${JSON.stringify(value)}\``;
    return `| \`${name}\` | ${shown} | ${cell(SETTING_JSON_SCHEMAS[name].description ?? "")} | ${users.map((r) => `\`${r.id}\``).join(", ")} |`;
  });
  return ["| setting | default | meaning | rules |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
