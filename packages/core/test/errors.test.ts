import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  commonArgsSchema,
  describeReceived,
  describeRedacted,
  formatPath,
  isPathUnder,
  isDeferred,
  keyedRecord,
  parseArgs,
  pulumiInput,
  regionSchema,
  valueAt,
} from "../src/internal";
import { catchConfigError } from "./catch-config-error";

const component = { type: "scaleway-blocks:database:Database", name: "main" };

const schema = z.object({
  region: regionSchema,
  nodes: z.array(z.object({ size: z.number().int().positive() })),
  name: z.string().optional(),
});

describe("parseArgs", () => {
  it("returns the parsed args when they are valid", () => {
    expect(parseArgs(schema, { region: "fr-par", nodes: [{ size: 1 }] }, component)).toEqual({
      region: "fr-par",
      nodes: [{ size: 1 }],
    });
  });

  it("names the component type and name first", () => {
    const error = catchConfigError(() => parseArgs(schema, { region: "us-east-1", nodes: [] }, component));
    expect(error.message.split("\n")[0]).toBe('scaleway-blocks:database:Database "main": invalid argument');
  });

  it("lists every bad field with its path, what was expected and what was given", () => {
    const error = catchConfigError(() =>
      parseArgs(schema, { region: "us-east-1", nodes: [{ size: 2 }, { size: -1 }], name: 7 }, component),
    );
    expect(error.issues.map((i) => i.path)).toEqual(["region", "nodes[1].size", "name"]);
    expect(error.message).toContain(
      'region: expected a Scaleway region: fr-par | nl-ams | pl-waw; received "us-east-1"',
    );
    expect(error.message).toContain("nodes[1].size: Too small: expected number to be >0; received -1");
    expect(error.message).toContain("name: expected string, received number; received 7");
    expect(error.message).toContain("3 invalid arguments");
  });

  it("reports a missing required field as nothing given", () => {
    const error = catchConfigError(() => parseArgs(schema, { nodes: [] }, component));
    expect(error.issues[0]).toMatchObject({ path: "region", received: "nothing" });
  });

  it("reports unknown keys of a strict schema", () => {
    const error = catchConfigError(() =>
      parseArgs(z.strictObject({ a: z.string() }), { a: "x", nodeTpe: 1 }, component),
    );
    expect(error.message).toContain('no unknown keys; received "nodeTpe"');
  });

  it("is an Error with a stable name", () => {
    const error = catchConfigError(() => parseArgs(schema, {}, component));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ConfigError");
    expect(error.componentType).toBe(component.type);
    expect(error.componentName).toBe("main");
  });
});

describe("parseArgs redaction", () => {
  const secretSchema = z.object({ password: z.string().min(12), name: z.string().min(3) });

  it("never quotes a redacted field's value", () => {
    const error = catchConfigError(() =>
      parseArgs(secretSchema, { password: "hunter2", name: "x" }, component, {
        describe: (path, value) => (isPathUnder(path, ["password"]) ? describeRedacted(value) : undefined),
      }),
    );
    expect(error.message).not.toContain("hunter2");
    expect(error.issues[0]).toMatchObject({
      path: "password",
      received: "a string of 7 characters (value redacted)",
    });
  });

  it("still quotes fields that are not redacted", () => {
    const error = catchConfigError(() =>
      parseArgs(secretSchema, { password: "hunter2", name: "x" }, component, { describe: () => undefined }),
    );
    expect(error.message).toContain('received "hunter2"');
    expect(error.message).toContain('received "x"');
  });
});

describe("describeReceived", () => {
  it("never forces an Output", () => {
    expect(describeReceived(pulumi.output("x"))).toBe("a pulumi Output");
  });

  it("truncates long strings", () => {
    expect(describeReceived("x".repeat(200)).length).toBeLessThan(90);
  });

  it("describes objects by their keys", () => {
    expect(describeReceived({ a: 1, b: 2 })).toBe("an object with keys a, b");
  });
});

describe("isPathUnder", () => {
  it("matches the prefix itself and everything below it", () => {
    expect(isPathUnder(["a", "b"], ["a", "b"])).toBe(true);
    expect(isPathUnder(["a", "b", 0], ["a", "b"])).toBe(true);
    expect(isPathUnder(["a"], ["a", "b"])).toBe(false);
    expect(isPathUnder(["a", "c"], ["a", "b"])).toBe(false);
  });
});

describe("formatPath", () => {
  it("joins keys with dots and indexes with brackets", () => {
    expect(formatPath(["a", 0, "b", 12])).toBe("a[0].b[12]");
  });
});

describe("valueAt", () => {
  const root = { a: { b: [{ c: 1 }, { c: 2 }] } };

  it("reads the value at a path of keys and indexes", () => {
    expect(valueAt(root, ["a", "b", 1, "c"])).toBe(2);
    expect(valueAt(root, [])).toBe(root);
  });

  it("gives undefined for a path that leaves the object, without throwing", () => {
    expect(valueAt(root, ["a", "x", "y"])).toBeUndefined();
    expect(valueAt(root, ["a", "b", 0, "c", "d"])).toBeUndefined();
    expect(valueAt(null, ["a"])).toBeUndefined();
  });
});

describe("isDeferred", () => {
  it("is true for Outputs and Promises", () => {
    expect(isDeferred(pulumi.output("x"))).toBe(true);
    expect(isDeferred(Promise.resolve("x"))).toBe(true);
  });

  it("is false for plain values", () => {
    for (const value of ["x", 1, null, undefined, { then: "no" }]) expect(isDeferred(value)).toBe(false);
  });
});

describe("pulumiInput", () => {
  const port = pulumiInput(z.number().int().min(1).max(65535));

  it("validates plain values", () => {
    expect(port.safeParse(0).success).toBe(false);
    expect(port.safeParse(5432).success).toBe(true);
  });

  it("accepts Outputs and Promises unvalidated", () => {
    expect(port.safeParse(pulumi.output(5432)).success).toBe(true);
    expect(port.safeParse(Promise.resolve(1)).success).toBe(true);
  });
});

describe("keyedRecord", () => {
  const env = keyedRecord(z.string().regex(/^[A-Z_]+$/, "expected an upper-case name"), z.string());

  it("reports a bad key with the key schema's message at the key's path", () => {
    const error = catchConfigError(() =>
      parseArgs(z.object({ env }), { env: { GOOD: "1", "bad-key": "2" } }, component),
    );
    expect(error.issues).toEqual([
      { path: "env.bad-key", expected: "expected an upper-case name", received: '"2"' },
    ]);
  });

  it("accepts good keys", () => {
    expect(env.parse({ A_B: "x" })).toEqual({ A_B: "x" });
  });
});

describe("commonArgsSchema", () => {
  it("defaults the region to fr-par", () => {
    expect(commonArgsSchema.parse({ project: "shop", environment: "dev" }).region).toBe("fr-par");
  });

  it("refuses a project id that is not a UUID", () => {
    const result = commonArgsSchema.safeParse({
      project: "shop",
      environment: "dev",
      projectId: "my-project",
    });
    expect(result.success).toBe(false);
  });
});
