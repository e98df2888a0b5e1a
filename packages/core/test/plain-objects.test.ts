import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isPlainObject, nonPlainObjects, parseArgs, pulumiInput } from "../src/internal";
import { catchConfigError } from "./catch-config-error";

const component = { type: "scaleway-blocks:database:Database", name: "main" };

const replica = z.strictObject({ sameZone: z.boolean().default(true) });
const schema = z.strictObject({
  readReplica: z.union([z.boolean(), replica]).default(false),
  backups: z.strictObject({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  lifecycle: z.array(z.strictObject({ days: z.number() })).optional(),
  gateway: z.strictObject({ type: z.string().default("S") }).optional(),
  name: pulumiInput(z.string()).optional(),
  settings: pulumiInput(z.strictObject({ a: z.string() })).optional(),
});

function issuesOf(args: unknown) {
  return catchConfigError(() => parseArgs(schema, args, component)).issues;
}

describe("objects of options must be object literals", () => {
  it("refuses a Promise where a union of boolean and options is expected", () => {
    expect(issuesOf({ readReplica: Promise.resolve(false) })).toEqual([
      expect.objectContaining({ path: "readReplica", received: "a Promise" }),
    ]);
  });

  it("refuses a Promise where an object of options with defaults is expected", () => {
    const [issue] = issuesOf({ backups: Promise.resolve({ enabled: false }) });
    expect(issue).toMatchObject({ path: "backups", received: "a Promise" });
    expect(issue!.expected).toContain("cannot wait for deployment time");
  });

  it("refuses an Output where an optional object of options is expected", () => {
    expect(issuesOf({ gateway: pulumi.output({ type: "M" }) })[0]).toMatchObject({
      path: "gateway",
      received: "a pulumi Output",
    });
  });

  it("refuses a Date inside an array of options, naming its kind", () => {
    expect(issuesOf({ lifecycle: [{ days: 1 }, new Date()] })[0]).toMatchObject({
      path: "lifecycle[1]",
      received: "a Date",
    });
  });

  it("refuses a key-less class instance where the args themselves are expected", () => {
    expect(issuesOf(new Map())[0]).toMatchObject({ path: "", received: "a Map" });
  });

  it("accepts an Output where the field is a pulumi.Input of an object", () => {
    expect(() => parseArgs(schema, { settings: pulumi.output({ a: "x" }) }, component)).not.toThrow();
  });

  it("accepts Promises and Outputs of plain values and object literals everywhere", () => {
    const parsed = parseArgs(
      schema,
      { readReplica: {}, gateway: {}, name: Promise.resolve("x"), lifecycle: [{ days: 1 }] },
      component,
    );
    expect(parsed.readReplica).toEqual({ sameZone: true });
  });

  it("accepts Object.create(null) as an object literal", () => {
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(nonPlainObjects(schema, { gateway: Object.create(null) })).toEqual([]);
  });

  it("reports a misplaced Promise once, not also zod's issues under it", () => {
    expect(issuesOf({ backups: Promise.resolve({}), lifecycle: "x" }).map((i) => i.path)).toEqual([
      "backups",
      "lifecycle",
    ]);
  });
});
