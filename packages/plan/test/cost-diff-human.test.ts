import { describe, expect, it } from "vitest";
import { buildPlan, renderHuman } from "../src/index";
import { COST_TOP_LINES, readableName } from "../src/render-human";
import { resource, runCli, runCliShared } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

/** Eight buckets of growing size and a database whose node price is unknown. */
const graph = {
  resources: [
    ...Array.from({ length: 8 }, (_, i) =>
      resource({ type: SCALEWAY_TYPES.bucket, name: `bucket-${i}`, inputs: { name: `b${i}` } }),
    ),
    resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "gp",
      inputs: { nodeType: "DB-GP-XS", volumeType: "sbs_5k", volumeSizeInGb: 1, disableBackup: true },
    }),
  ],
};
const plan = buildPlan(graph, { project: "proj", stack: "test" });
const costSection = (text: string) =>
  text.slice(text.indexOf("Estimated monthly cost"), text.indexOf("Policy"));

describe("the text form's cost section", () => {
  it(`is short by default: the total, the ${COST_TOP_LINES} most expensive resources and the rest in one line`, () => {
    const text = costSection(renderHuman(plan));
    // 8 buckets at €0.2106 (10 GB × €0.01606 + 5 GB × €0.01): 5 listed, 3 summed (€0.6318 → €0.63)
    expect(text.match(/€0\.21 {2}bucket-\d object\.Bucket/g)).toHaveLength(COST_TOP_LINES);
    expect(text).toContain("€0.63  3 more resources");
    expect(text).toContain("Total: €1.78 + 2 unknown per month");
    expect(text).not.toContain("Price sources");
    expect(text).toContain("--verbose for every priced item");
  });

  it("always lists a resource with an unknown price, however cheap", () => {
    // gp: 1 GB sbs_5k at €0.0993 known; node and management unknown
    expect(costSection(renderHuman(plan))).toContain("€0.10 + 2 unknown  gp databases.Instance");
  });

  it("names the usage it assumed in one line", () => {
    expect(costSection(renderHuman(plan))).toContain(
      "Usage assumed: storage.gbPerBucket=10, storage.egressGbPerBucket=5",
    );
  });

  it("prints every priced item, the price sources and the assumptions with --verbose", () => {
    const text = costSection(renderHuman(plan, { verbose: true }));
    expect(text.match(/bucket-\d object\.Bucket: €0\.21/g)).toHaveLength(8);
    expect(text).toContain("Object Storage egress (internet and inter-region): 5 GB × €0.01 = €0.05");
    expect(text).toContain("Price sources");
    expect(text).toContain("storage.gbPerBucket = 10");
  });

  it("takes --verbose on the command line", async () => {
    const short = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform"]);
    const verbose = await runCli(["plan", "--stack", "dev", "--cwd", "platform", "--verbose"]);
    expect(short.stdout).not.toContain("Price sources");
    expect(verbose.stdout).toContain("Price sources");
    expect(verbose.stdout.split("\n").length).toBeGreaterThan(short.stdout.split("\n").length);
  });
});

describe("readableName", () => {
  it("replaces a repeated run of words by …", () => {
    expect(readableName("platform-dev-database-credentials-platform-dev-database")).toBe(
      "platform-dev-database-credentials-…",
    );
    expect(readableName("platform-dev-database-credentials-platform-dev-database-version")).toBe(
      "platform-dev-database-credentials-…-version",
    );
  });

  it("keeps a name without a repeated run of two words or more", () => {
    expect(readableName("database-credentials-platform-dev-database")).toBe(
      "database-credentials-platform-dev-database",
    );
    expect(readableName("api-api")).toBe("api-api");
  });

  it("is used for the tree's name setting", () => {
    const secret = buildPlan(
      {
        resources: [
          resource({
            type: SCALEWAY_TYPES.secret,
            name: "creds",
            inputs: { name: "platform-dev-database-credentials-platform-dev-database" },
          }),
        ],
      },
      { project: "proj", stack: "test" },
    );
    const text = renderHuman(secret);
    expect(text).toContain("name=platform-dev-database-credentials-… ");
    expect(text).not.toContain("credentials-platform-dev-database");
  });
});
