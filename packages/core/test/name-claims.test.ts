import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseArgs } from "../src/internal";
import { catchConfigError } from "./catch-config-error";

const schema = z.strictObject({ project: z.string(), environment: z.string() });
const args = { project: "shop", environment: "dev" };

describe("component names", () => {
  it("refuses an empty component name before Pulumi does", () => {
    const error = catchConfigError(() => parseArgs(schema, args, { type: "t:claims:Empty", name: "" }));
    expect(error.issues[0]).toMatchObject({
      path: "(name)",
      expected: "expected a non-empty component name",
    });
  });

  it("refuses a name without a letter or digit, which would vanish from every Scaleway name", () => {
    const error = catchConfigError(() => parseArgs(schema, args, { type: "t:claims:Accent", name: "é" }));
    expect(error.issues[0]!.expected).toContain("at least one letter or digit");
  });

  it("refuses a second component whose name has the same Scaleway form", () => {
    const type = "t:claims:Case";
    parseArgs(schema, args, { type, name: "net" });
    const error = catchConfigError(() => parseArgs(schema, args, { type, name: "Net" }));
    expect(error.issues[0]!.expected).toContain('component "net"');
  });

  it("lets the same name be parsed twice (a validation before the component)", () => {
    const type = "t:claims:Twice";
    parseArgs(schema, args, { type, name: "api" });
    expect(() => parseArgs(schema, args, { type, name: "api" })).not.toThrow();
  });

  it("lets names with the same Scaleway form live in other environments or types", () => {
    parseArgs(schema, args, { type: "t:claims:Env", name: "db_1" });
    expect(() =>
      parseArgs(schema, { ...args, environment: "staging" }, { type: "t:claims:Env", name: "db-1" }),
    ).not.toThrow();
    expect(() => parseArgs(schema, args, { type: "t:claims:Other", name: "db-1" })).not.toThrow();
  });
});
