import { describe, expect, it } from "vitest";
import { buildPlan, renderHuman } from "../src/index";
import { resource } from "./helpers";

const graph = {
  resources: [
    resource({
      type: "scaleway:databases/instance:Instance",
      name: "gp",
      inputs: { nodeType: "DB-GP-XS", privateNetwork: { pnId: "x" }, encryptionAtRest: true },
    }),
    resource({ type: "scaleway:object/bucket:Bucket", name: "assets", inputs: { name: "assets" } }),
  ],
};
const plan = buildPlan(graph, { project: "proj", stack: "test" });

describe("renderHuman", () => {
  it("prints unknown prices as unknown and counts them in the total", () => {
    const text = renderHuman(plan);
    expect(text).toMatch(/Managed Database node DB-GP-XS: 730 hour × unknown price = unknown \[unknown\]/);
    // bucket €0.2106 and the default backups €0.21; node, management and lssd storage unknown
    expect(text).toContain("Total: €0.42 + 3 unknown per month");
  });

  it("lists the price sources and the assumptions the estimate used", () => {
    const text = renderHuman(plan);
    expect(text).toContain("[official] object.egress: https://www.scaleway.com/en/docs/object-storage/faq/");
    expect(text).toContain("[third-party] object.standard: third-party 2026 documents quoting");
    expect(text).toContain("storage.gbPerBucket = 10");
  });

  it("prints no escape codes without colour, and some with it", () => {
    expect(renderHuman(plan)).not.toContain("\u001b[");
    expect(renderHuman(plan, { color: true })).toContain("\u001b[");
  });

  it("says that the plan is a mock run, not a deployment", () => {
    expect(renderHuman(plan)).toContain("A mock run of the program: nothing was deployed");
  });
});
