import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BaselineError,
  parseBaseline,
  PLAN_SCHEMA_VERSION,
  planDocumentSchema,
  planJsonSchema,
} from "../src/index";
import { runCliShared } from "./helpers";

describe("the --json document", () => {
  it("validates against the zod schema", async () => {
    const { stdout, code } = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    expect(code).toBe(0);
    const parsed = planDocumentSchema.safeParse(JSON.parse(stdout));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("carries its schema version", async () => {
    const { stdout } = await runCliShared(["plan", "--stack", "dev", "--cwd", "platform", "--json"]);
    expect((JSON.parse(stdout) as { schemaVersion: string }).schemaVersion).toBe(PLAN_SCHEMA_VERSION);
  });

  it("ships a JSON Schema file generated from the zod schema", () => {
    const shipped: unknown = JSON.parse(
      readFileSync(join(__dirname, "..", "schema", "plan.schema.json"), "utf8"),
    );
    expect(shipped).toEqual(planJsonSchema());
  });

  it("refuses a baseline that is not a plan", () => {
    expect(() => parseBaseline({ hello: "world" })).toThrow(BaselineError);
    expect(() =>
      parseBaseline({ schemaVersion: "2.0", project: "p", stack: "s", generatedAt: "", resources: [] }),
    ).toThrow(/schema version 1\.x/);
  });
});
