import { describe, expect, it } from "vitest";
import { dataLocationsLine, stackDataLocations } from "../src/data-locations";
import { buildPlan, renderHuman } from "../src/index";
import { resource } from "./helpers";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

const PN = "fr-par/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const r = (type: string, inputs: Record<string, unknown> = {}) => ({ type, inputs });

describe("a stack's data locations", () => {
  it("groups what each region stores, counting resources of one kind", () => {
    const locations = stackDataLocations(
      [
        r(SCALEWAY_TYPES.bucket, { region: "fr-par" }),
        r(SCALEWAY_TYPES.bucket, { region: "fr-par" }),
        r(SCALEWAY_TYPES.secret, { region: "nl-ams" }),
        r(SCALEWAY_TYPES.container, { region: "fr-par" }),
      ],
      "fr-par",
    );
    expect(locations.regions).toEqual([
      { region: "fr-par", data: ["2 buckets"] },
      { region: "nl-ams", data: ["secret"] },
    ]);
  });

  it("places resources that set no region in the stack's default region", () => {
    const locations = stackDataLocations([r(SCALEWAY_TYPES.secret)], "pl-waw");
    expect(locations.regions).toEqual([{ region: "pl-waw", data: ["secret"] }]);
  });

  it("shows a database's off-site backups as the other Scaleway regions, its own backups in its region", () => {
    const offSite = stackDataLocations(
      [r(SCALEWAY_TYPES.databaseInstance, { region: "fr-par", privateNetwork: { pnId: PN } })],
      "fr-par",
    );
    expect(offSite.offSite).toEqual([{ what: "automatic backups (off-site)", anyOf: ["nl-ams", "pl-waw"] }]);
    const same = stackDataLocations(
      [r(SCALEWAY_TYPES.databaseInstance, { region: "nl-ams", backupSameRegion: true })],
      "fr-par",
    );
    expect(same.regions).toEqual([{ region: "nl-ams", data: ["Managed Database", "automatic backups"] }]);
    expect(same.offSite).toEqual([]);
  });

  it("names Cockpit data with its retention, and exports leaving Scaleway", () => {
    const locations = stackDataLocations(
      [
        r(SCALEWAY_TYPES.cockpitSource, { type: "logs", retentionDays: 31 }),
        r(SCALEWAY_TYPES.exporter, {
          otlpDestination: { endpoint: "https://otlp.example.com" },
        }),
      ],
      "fr-par",
    );
    expect(locations.regions).toEqual([{ region: "fr-par", data: ["Cockpit logs (31 days)"] }]);
    expect(locations.external).toEqual([{ what: "copy of Cockpit data (export)", to: "otlp.example.com" }]);
  });

  it("says it in one line", () => {
    const line = dataLocationsLine(
      stackDataLocations(
        [
          r(SCALEWAY_TYPES.databaseInstance, { region: "fr-par" }),
          r(SCALEWAY_TYPES.bucket, { region: "fr-par" }),
        ],
        "fr-par",
      ),
    );
    expect(line).toBe(
      "Data locations: fr-par (Managed Database, bucket); automatic backups (off-site) in nl-ams or pl-waw",
    );
    expect(dataLocationsLine(stackDataLocations([], "fr-par"))).toBe(
      "Data locations: no data-holding resource",
    );
  });
});

describe("the plan", () => {
  const graph = {
    resources: [
      resource({ type: SCALEWAY_TYPES.bucket, name: "uploads", inputs: { region: "nl-ams" } }),
      resource({ type: SCALEWAY_TYPES.secret, name: "db-password", inputs: {} }),
    ],
  };

  it("carries the stack's data locations in its JSON document, unset regions in the default region", () => {
    const plan = buildPlan(graph, { project: "proj", stack: "test", defaultRegion: "fr-par" });
    expect(plan.dataLocations).toEqual({
      regions: [
        { region: "fr-par", data: ["secret"] },
        { region: "nl-ams", data: ["bucket"] },
      ],
      offSite: [],
      external: [],
    });
  });

  it("prints them on one line of the human form", () => {
    const text = renderHuman(buildPlan(graph, { project: "proj", stack: "test", defaultRegion: "fr-par" }));
    expect(text).toContain("Data locations: fr-par (secret); nl-ams (bucket)");
  });
});
