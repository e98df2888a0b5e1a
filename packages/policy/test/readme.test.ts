import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderRuleSummary, renderRuleTable, renderSettingsTable, rules } from "../src/index";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
// The full rule table (why and fix) lives in the repository's docs; the README keeps the summary.
const docs = readFileSync(join(__dirname, "..", "..", "..", "docs", "policy.md"), "utf8");

function between(name: string, text = readme): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  return text.slice(text.indexOf(start) + start.length, text.indexOf(end)).trim();
}

describe("README", () => {
  it("holds the rule summary rendered from the rules, exactly", () => {
    expect(between("rule-summary")).toBe(renderRuleSummary());
  });

  it("docs/policy.md holds the full rule table rendered from the rules, exactly", () => {
    expect(between("rules", docs)).toBe(renderRuleTable());
  });

  it("has one table row per rule", () => {
    const rows = renderRuleTable()
      .split("\n")
      .filter((line) => line.startsWith("| `scw-"));
    expect(rows.map((row) => /`([^`]+)`/.exec(row)?.[1])).toEqual(rules.map((r) => r.id));
  });

  it("lists at least 60 rules in its rule summary", () => {
    expect(
      between("rule-summary")
        .split("\n")
        .filter((line) => line.startsWith("| `scw-")).length,
    ).toBeGreaterThanOrEqual(60);
  });

  it("holds the settings table rendered from the settings, exactly", () => {
    expect(between("settings")).toBe(renderSettingsTable());
  });

  it("escapes pipes inside cells so a row keeps five columns", () => {
    const custom = [{ ...rules[0]!, description: "a | b" }];
    expect(renderRuleTable(custom).split("\n")[2]).toContain("a \\| b");
  });
});
