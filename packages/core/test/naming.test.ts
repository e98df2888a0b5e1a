import { describe, expect, it } from "vitest";
import { NAME_PATTERN, resourceName } from "../src/index";
import { nameSegmentSchema, resourceNameSchema, shortHash } from "../src/internal";

describe("resourceName", () => {
  it("joins project, environment, component and role", () => {
    expect(resourceName({ project: "shop", environment: "dev", component: "db", role: "instance" })).toBe(
      "shop-dev-db-instance",
    );
  });

  it("leaves the role out when there is none", () => {
    expect(resourceName({ project: "shop", environment: "production", component: "api" })).toBe(
      "shop-production-api",
    );
  });

  it("is deterministic", () => {
    const parts = { project: "shop", environment: "staging", component: "assets", role: "bucket" } as const;
    expect(resourceName(parts)).toBe(resourceName(parts));
  });

  it("lowercases and replaces characters Scaleway refuses", () => {
    const name = resourceName({
      project: "Shop",
      environment: "dev",
      component: "My_DB",
      role: "main  pool",
    });
    expect(name).toBe("shop-dev-my-db-main-pool");
    expect(name).toMatch(NAME_PATTERN);
  });

  it("starts with a letter even when the project starts with a digit", () => {
    expect(resourceName({ project: "42shop", environment: "dev", component: "db" })).toMatch(/^[a-z]/);
  });

  it("cuts long names to the limit and ends them with a hash", () => {
    const parts = {
      project: "a-very-long-project-name",
      environment: "production",
      component: "a-rather-long-component-name",
      role: "and-a-long-role",
    } as const;
    const name = resourceName(parts);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/-[0-9a-f]{6}$/);
    expect(name).toMatch(NAME_PATTERN);
  });

  it("keeps two long names with a shared prefix apart", () => {
    const base = { project: "platform", environment: "production", component: "x".repeat(40) } as const;
    const a = resourceName({ ...base, role: "first-role-name" }, { kind: "container" });
    const b = resourceName({ ...base, role: "second-role-name" }, { kind: "container" });
    expect(a.length).toBeLessThanOrEqual(34);
    expect(b.length).toBeLessThanOrEqual(34);
    expect(a).not.toBe(b);
  });

  it("honours an explicit maxLength", () => {
    const name = resourceName(
      { project: "shop", environment: "dev", component: "database" },
      { maxLength: 12 },
    );
    expect(name.length).toBeLessThanOrEqual(12);
    expect(name).toMatch(/^shop-[0-9a-f]{6}$/);
  });

  it("appends a suffix", () => {
    expect(
      resourceName(
        { project: "shop", environment: "dev", component: "assets" },
        { suffix: shortHash("org", "stack") },
      ),
    ).toMatch(/^shop-dev-assets-[0-9a-f]{6}$/);
  });
});

describe("shortHash", () => {
  it("is stable and depends on every part", () => {
    expect(shortHash("a", "b")).toBe(shortHash("a", "b"));
    expect(shortHash("a", "b")).not.toBe(shortHash("ab"));
  });
});

describe("resourceNameSchema", () => {
  it.each(["db", "shop-dev-db", "a1-b2"])("accepts %j", (name) => {
    expect(resourceNameSchema.parse(name)).toBe(name);
  });

  it.each([
    ["", "non-empty"],
    ["1db", "starting with a letter"],
    ["db-", "single hyphens"],
    ["d--b", "single hyphens"],
    ["DB", "lowercase"],
    ["db_main", "lowercase"],
    ["a".repeat(64), "at most 63"],
  ])("refuses %j", (name, message) => {
    const result = resourceNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });

  it("limits a name segment to 30 characters", () => {
    expect(nameSegmentSchema.safeParse("a".repeat(31)).success).toBe(false);
    expect(nameSegmentSchema.safeParse("a".repeat(30)).success).toBe(true);
  });
});
