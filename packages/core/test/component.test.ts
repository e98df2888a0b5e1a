import { describe, expect, it } from "vitest";
import { blockContext } from "../src/index";

describe("blockContext", () => {
  const context = blockContext(
    { kind: "database", name: "main" },
    { project: "shop", environment: "production", region: "nl-ams", tags: { team: "core" } },
  );

  it("names resources after project, environment, component name and role", () => {
    expect(context.name("instance")).toBe("shop-production-main-instance");
  });

  it("tags resources with the component kind", () => {
    expect(context.tags.map.component).toBe("database");
    expect(context.tags.list).toContain("team=core");
  });

  it("carries the environment's profile", () => {
    expect(context.profile.database.highAvailability).toBe(true);
    expect(context.region).toBe("nl-ams");
  });
});
