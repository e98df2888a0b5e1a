import { describe, expect, it } from "vitest";
import { buildPlan, renderHuman } from "../src/index";
import { treeName, visibleWidth, wrapLine } from "../src/render-human";
import { resource } from "./helpers";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const graph = {
  resources: [
    resource({
      type: SCALEWAY_TYPES.databaseInstance,
      name: "gp",
      inputs: { nodeType: "DB-GP-XS", privateNetwork: { pnId: "x" }, encryptionAtRest: true },
    }),
    resource({ type: SCALEWAY_TYPES.bucket, name: "assets", inputs: { name: "assets" } }),
  ],
};
const plan = buildPlan(graph, { project: "proj", stack: "test" });

describe("renderHuman", () => {
  it("prints unknown prices as unknown and counts them in the total (--verbose)", () => {
    const text = renderHuman(plan, { verbose: true });
    expect(text).toMatch(/Managed Database node DB-GP-XS: 730 hour × unknown price = unknown \[unknown\]/);
    // bucket €0.2106 and the default backups €0.21; node, management and lssd storage unknown
    expect(text).toContain("Total: €0.42 + 3 unknown per month");
  });

  it("lists the price sources and the assumptions the estimate used (--verbose)", () => {
    const text = renderHuman(plan, { verbose: true });
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

describe("renderHuman's width and names", () => {
  const componentType = BLOCK_TYPES.secrets;
  const parentUrn =
    "urn:pulumi:test::proj::scaleway-blocks:secrets:Secrets::platform-dev-database-credentials";
  const wide = buildPlan(
    {
      resources: [
        resource({
          type: componentType,
          name: "platform-dev-database-credentials",
          urn: parentUrn,
          custom: false,
        }),
        resource({
          type: SCALEWAY_TYPES.secret,
          name: "platform-dev-database-credentials-platform-dev-database",
          parent: parentUrn,
          inputs: {
            // distinct words: a repeated run would read "…" (readableName)
            name: "platform-dev-database-credentials-alpha-bravo-charlie-delta-echo-foxtrot-golf-hotel-india-juliett-kilo-lima-mike-november-oscar-papa-admin",
            path: "/platform/dev/database/credentials",
            protected: true,
          },
        }),
      ],
    },
    { project: "proj", stack: "test" },
  );

  it("fits every line in 120 columns, with or without colour", () => {
    for (const color of [false, true]) {
      // colour codes take no columns
      const lines = renderHuman(wide, { color }).split("\n");
      expect(lines.filter((l) => visibleWidth(l) > 120)).toEqual([]);
    }
  });

  it("continues a wrapped resource line inside the tree", () => {
    const text = renderHuman(wide);
    expect(text).toContain(
      "\n  └─ …-platform-dev-database secrets.Secret\n          name=platform-dev-database-credentials-",
    );
    expect(text).toContain(
      "\n          path=/platform/dev/database/credentials protected=yes region=fr-par\n",
    );
  });

  it("does not repeat the parent's name in front of a child's in the tree", () => {
    const text = renderHuman(wide);
    expect(text).not.toContain("└─ platform-dev-database-credentials-platform-dev-database");
    // the cost section and the JSON keep the full name
    expect(wide.resources.map((r) => r.name)).toContain(
      "platform-dev-database-credentials-platform-dev-database",
    );
  });
});

describe("wrapLine and treeName", () => {
  it("breaks at spaces and indents what follows", () => {
    expect(wrapLine("  aaa bbb ccc", 9)).toEqual(["  aaa bbb", "      ccc"]);
  });

  it("shortens only a name that starts with its parent's name and a dash", () => {
    expect(treeName("db-instance", "db")).toBe("…-instance");
    expect(treeName("dbx", "db")).toBe("dbx");
    expect(treeName("db", undefined)).toBe("db");
  });
});
