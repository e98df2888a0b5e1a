import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import {
  commonArgsSchema,
  nameProblem,
  nameSegmentSchema,
  parseArgs,
  tagsSchema,
} from "@scaleway-blocks/core/internal";
import * as fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { arbitraries as A, fuzz } from "../src/index";

const TYPE = "test:index:Toy";
const schema = commonArgsSchema.strict();
type ToyArgs = Record<string, unknown>;

/** A component that follows the house rules: parse first, then register a bucket. */
class Toy extends pulumi.ComponentResource {
  constructor(name: string, args: ToyArgs, secret?: string) {
    const parsed = parseArgs(schema, args, { type: TYPE, name });
    super(TYPE, name, {}, {});
    new scaleway.object.Bucket(
      `${name}-bucket`,
      { name: `${parsed.project}-${parsed.environment}`, tags: secret ? { token: secret } : {} },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

const valid = fc.record(A.commonArgs(), { requiredKeys: ["project", "environment"] });
const validCases = fc.record({ name: A.componentName, args: valid });
const invalidCases = A.invalidCases(valid, { keys: Object.keys(schema.shape) });

describe("generators", () => {
  it("builds name segments, component names and tags that core accepts", () => {
    fc.assert(
      fc.property(A.nameSegment(), A.componentName, A.tags(), (segment, name, tags) => {
        expect(nameSegmentSchema.safeParse(segment).success).toBe(true);
        expect(nameProblem(name)).toBeUndefined();
        expect(tagsSchema.safeParse(tags).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never gives wrongType a value of a kind it accepts", () => {
    fc.assert(
      fc.property(A.wrongType(["string", "undefined", "deferred"]), (value) => {
        expect(typeof value).not.toBe("string");
        expect(value).not.toBeUndefined();
        expect(pulumi.Output.isInstance(value) || value instanceof Promise).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("gives invalidArgs only args the common schema refuses, and says how each was broken", () => {
    fc.assert(
      fc.property(A.invalidArgs(valid, { keys: Object.keys(schema.shape) }), ({ mutation, args }) => {
        expect(mutation).not.toBe("");
        const deferredRoot = pulumi.Output.isInstance(args) || args instanceof Promise;
        expect(deferredRoot || !schema.safeParse(args).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("draws binaryUnit strings exactly as fast-check's binary unit, and shrinks them the same way", () => {
    const ours = fc.string({ unit: A.binaryUnit, maxLength: 12 });
    const fastChecks = fc.string({ unit: "binary", maxLength: 12 });
    for (const seed of [1, 42, 20261206]) {
      expect(fc.sample(ours, { seed, numRuns: 500 })).toEqual(fc.sample(fastChecks, { seed, numRuns: 500 }));
      const shrunk = (arbitrary: fc.Arbitrary<string>) =>
        fc.check(
          fc.property(arbitrary, (s) => !/[\u{10000}-\u{10FFFF}]/u.test(s) || s.length < 4),
          { seed, numRuns: 1_000 },
        ).counterexample;
      expect(shrunk(ours)).toEqual(shrunk(fastChecks));
    }
    for (const value of ["", "a", "ab", "\u0000", "\ud7ff", "\ud800", "\udfff", "\ue000", "🚀", "🚀a", 97]) {
      expect(ours.canShrinkWithoutContext(value), JSON.stringify(value)).toBe(
        fastChecks.canShrinkWithoutContext(value),
      );
    }
  });
});

describe("fuzz checks", () => {
  afterEach(() => {
    delete process.env.FC_SEED;
  });

  it("uses the seed FC_SEED gives, to replay a run", () => {
    process.env.FC_SEED = "42";
    expect(fuzz.parameters("toy", 10)).toMatchObject({ seed: 42, numRuns: 10 });
  });

  it("passes a component that refuses bad input with a ConfigError and keeps its graph clean", async () => {
    await fuzz.refused("Toy", invalidCases, (name, args) => new Toy(name as string, args as ToyArgs), {
      numRuns: 100,
    });
    await fuzz.safeGraph("Toy", validCases, (name, args) => new Toy(name, args), { numRuns: 20 });
    await fuzz.deterministic("Toy", validCases, (name, args) => new Toy(name, args), { numRuns: 10 });
  }, 60_000);

  it("fails a component that throws something other than a ConfigError", async () => {
    const build = () => {
      throw new TypeError("Cannot read properties of undefined");
    };
    await expect(fuzz.refused("Toy", invalidCases, build, { numRuns: 5 })).rejects.toThrow(
      /expected a ConfigError, got TypeError/,
    );
  });

  it("fails a component that registers a resource before refusing its input", async () => {
    const build = (name: unknown, args: unknown) => {
      new scaleway.object.Bucket("early", { name: "early" });
      return new Toy(String(name), args as ToyArgs);
    };
    await expect(fuzz.refused("Toy", invalidCases, build, { numRuns: 5 })).rejects.toThrow(
      /expected nothing registered before the ConfigError/,
    );
  });

  it("refuses cases whose args are still wrapped with their mutation", async () => {
    const wrapped = fc.record({
      name: A.componentName,
      args: A.invalidArgs(valid, { keys: Object.keys(schema.shape) }),
    });
    await expect(
      fuzz.refused("Toy", wrapped, (name, args) => new Toy(name, args as unknown as ToyArgs), { numRuns: 5 }),
    ).rejects.toThrow(/build the cases with arbitraries.invalidCases/);
  });

  it("fails a component that accepts bad input", async () => {
    const build = () => new pulumi.ComponentResource(TYPE, "accepting", {});
    await expect(fuzz.refused("Toy", invalidCases, build, { numRuns: 5 })).rejects.toThrow(
      /expected the program to throw/,
    );
  });

  it("fails a graph that holds a given secret in plain text", async () => {
    const cases = validCases.map((c) => ({ ...c, secrets: ["s3cr3t-token"] }));
    await expect(
      fuzz.safeGraph("Toy", cases, (name, args) => new Toy(name, args, "s3cr3t-token"), { numRuns: 5 }),
    ).rejects.toThrow(/expected no plaintext secret/);
  });

  it("fails a component whose graph changes from one run to the next", async () => {
    let run = 0;
    const build = (name: string, args: ToyArgs) => new Toy(`${name}${run++}`, args);
    await expect(fuzz.deterministic("Toy", validCases, build, { numRuns: 5 })).rejects.toThrow(
      /expected the same graph twice/,
    );
  });
});
