import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../src/index";
import { planDocumentSchema, renderMarkdown } from "../src/index";
import { FIXTURES } from "./helpers";

/**
 * The pull-request comment of a real plan (a mock run) of deployments/platform's production stack
 * against a baseline: test/fixtures/markdown/production.plan.json, written by regenerate.mjs next to
 * it (which says how the baseline differs). The snapshot is reviewed by eye; the plan README shows it.
 */
const SNAPSHOT = join(__dirname, "__snapshots__", "production-pr-comment.md");
const document = JSON.parse(
  readFileSync(join(FIXTURES, "markdown", "production.plan.json"), "utf8"),
) as PlanDocument;

describe("the pull-request comment of deployments/platform production", () => {
  it("is a plan document of this schema, with a diff and a cost diff", () => {
    expect(planDocumentSchema.safeParse(document).success).toBe(true);
    expect(document).toMatchObject({ project: "platform", stack: "production", exitCode: 2 });
    expect(document.diff!.dataLossRisks.map((r) => r.name)).toEqual(["reports-bucket"]);
    expect(document.cost.diff).toBeDefined();
  });

  it("matches the reviewed snapshot", async () => {
    await expect(renderMarkdown(document)).toMatchFileSnapshot(SNAPSHOT);
  });

  it("is the example in docs/plan.md (the PR comment section the README links to), word for word", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "docs", "plan.md"), "utf8");
    // between the markers, inside a range prettier leaves as it is
    const example =
      /<!-- markdown-example:start -->\n<!-- prettier-ignore-start -->\n([^]*?)<!-- prettier-ignore-end -->\n<!-- markdown-example:end -->/.exec(
        readme,
      )?.[1];
    expect(example, "docs/plan.md's example between its markers").toBeDefined();
    expect(`${example!.trim()}\n`).toBe(readFileSync(SNAPSHOT, "utf8"));
  });
});
