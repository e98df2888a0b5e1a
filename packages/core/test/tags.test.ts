import { describe, expect, it } from "vitest";
import { scalewayTags } from "../src/index";
import { tagsSchema } from "../src/internal";

describe("scalewayTags", () => {
  const tags = scalewayTags({
    project: "shop",
    environment: "staging",
    component: "database",
    extra: { team: "core" },
  });

  it("always carries managed-by, environment, component and project", () => {
    expect(tags.map).toMatchObject({
      "managed-by": "pulumi",
      environment: "staging",
      component: "database",
      project: "shop",
    });
  });

  it("adds user tags", () => {
    expect(tags.map.team).toBe("core");
  });

  it("renders sorted key=value strings for resources that take a list", () => {
    expect(tags.list).toEqual([
      "component=database",
      "environment=staging",
      "managed-by=pulumi",
      "project=shop",
      "team=core",
    ]);
  });

  it("refuses to let user tags replace a standard one", () => {
    expect(() =>
      scalewayTags({
        project: "shop",
        environment: "dev",
        component: "db",
        extra: { environment: "production" },
      }),
    ).toThrow(/environment are set by scaleway-blocks/);
  });
});

describe("tagsSchema", () => {
  it("accepts simple tags", () => {
    expect(tagsSchema.parse({ team: "core", "cost-center": "42" })).toEqual({
      team: "core",
      "cost-center": "42",
    });
  });

  it("refuses a value with a comma", () => {
    const result = tagsSchema.safeParse({ team: "a,b" });
    expect(result.error?.issues[0]?.path).toEqual(["team"]);
  });

  it("refuses a reserved key", () => {
    const result = tagsSchema.safeParse({ "managed-by": "terraform" });
    expect(result.error?.issues[0]?.message).toContain("expected no reserved tag key");
  });

  it("refuses a key with a space", () => {
    expect(tagsSchema.safeParse({ "my team": "x" }).success).toBe(false);
  });
});
