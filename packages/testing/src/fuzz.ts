import { isDeepStrictEqual } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, ENVIRONMENTS, REGIONS, RESERVED_TAG_KEYS } from "@scaleway-blocks/core";
import * as fc from "fast-check";
import { record, recordError } from "@scaleway-blocks/recorder";
import type { RecordOptions } from "@scaleway-blocks/recorder";

/**
 * Generators and property checks shared by the blocks' property tests (issue 18), so that no
 * generator is copied between packages.
 *
 * Every check prints its seed. To replay a failure, run the same test with the seed (and, to go
 * straight to the shrunk counterexample, the path) that fast-check printed:
 * `FC_SEED=<seed> FC_PATH=<path> [FC_STACKS=1] pnpm --filter @scaleway-blocks/<block> exec vitest run test/<block>.property.test.ts`.
 */

/** A kind of JavaScript value a field may accept; {@link arbitraries.wrongType} generates the others. */
export type ValueKind =
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "undefined"
  | "array"
  | "object"
  | "bigint"
  | "date"
  | "deferred";

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
const LETTERS = ALNUM.slice(0, 26);

/** Numbers at the edges: signed zeros, NaN, infinities, fractions, integer and unsigned limits. */
const boundaryNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.EPSILON,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_SAFE_INTEGER,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 32 - 1,
    2 ** 32,
    1e21,
  ),
  fc.double(),
  fc.integer(),
);

/** The code points fast-check's "binary" string unit draws from: all of Unicode but the surrogate halves. */
const SURROGATES = { first: 0xd800, count: 0x800 } as const;
const BINARY_UNITS = 0x110000 - SURROGATES.count;

/**
 * One unit of `fc.string({ unit: "binary" })` (fast-check 4: a mapToConstant over code points 0 to
 * 0x10FFFF without the surrogate halves), drawn from the same `nat` with the same mapping, so that it
 * generates and shrinks the same strings for the same seed (test/fuzz.property.test.ts compares them).
 *
 * fast-check's own unit finds a character's index through a map of all 1.1 million characters, which
 * `fc.string` builds at once (to split its "dangerous strings", `__proto__`…, into units): 0.5 to 1.5 s
 * of CPU in every test process that builds the kit's strings. This one computes the index.
 */
const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: BINARY_UNITS - 1 }).map(
  (index) => String.fromCodePoint(index < SURROGATES.first ? index : index + SURROGATES.count),
  (value) => {
    const codePoint = typeof value === "string" ? value.codePointAt(0) : undefined;
    if (
      codePoint === undefined ||
      String.fromCodePoint(codePoint) !== value ||
      (codePoint >= SURROGATES.first && codePoint < SURROGATES.first + SURROGATES.count)
    ) {
      throw new Error("not one unit of a binary string");
    }
    return codePoint < SURROGATES.first ? codePoint : codePoint - SURROGATES.count;
  },
);

/** Strings of every Unicode kind: graphemes, astral characters, lone surrogates, control characters. */
const unicodeString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: binaryUnit, maxLength: 12 }),
  fc.constantFrom("é", "ß", "İ", "🚀", "\u0000", "\u200b", "\ud800", "a\u0301", "ａｂｃ", "‮abc", "\n", " "),
);

/** Strings from a few hundred to 20 000 characters, cheap to generate. */
const hugeString: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom("a", "a-", "é", "🚀", "0"), unicodeString),
    fc.integer({ min: 200, max: 20_000 }),
  )
  .map(([unit, length]) => (unit === "" ? "x" : unit).repeat(length).slice(0, length));

/** Any string: plain, unicode or huge. */
const anyString: fc.Arbitrary<string> = fc.oneof(fc.string(), unicodeString, hugeString);

/**
 * A value that only resolves later or is wrapped: an Output, a Promise, or a Pulumi secret
 * (an Output marked secret) of `value`.
 */
function deferred<T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc
    .tuple(value, fc.constantFrom("output", "promise", "secret"))
    .map(([v, how]) =>
      printable(
        how === "promise" ? Promise.resolve(v) : how === "secret" ? pulumi.secret(v) : pulumi.output(v),
        `${how === "promise" ? "Promise.resolve" : `pulumi.${how}`}(${fc.stringify(v)})`,
      ),
    );
}

/** Gives a value the text fast-check prints in a counterexample (an Output would print a warning). */
function printable<T extends object>(value: T, text: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => text, enumerable: false });
  return value;
}

const KINDS: Record<ValueKind, fc.Arbitrary<unknown>> = {
  string: anyString,
  number: boundaryNumber,
  boolean: fc.boolean(),
  null: fc.constant(null),
  undefined: fc.constant(undefined),
  array: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object({ maxDepth: 1 })), {
    maxLength: 3,
  }),
  object: fc.oneof(
    fc.object({ maxDepth: 1, maxKeys: 3 }),
    fc.constant(Object.create(null) as object),
    fc.constant({ __proto__: { polluted: true } }),
  ),
  bigint: fc.bigInt(),
  date: fc.date(),
  deferred: deferred(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined))),
};

/** Every kind of value except the `accepted` ones: wrong types, null, undefined, Outputs, Promises, secrets. */
function wrongType(accepted: readonly ValueKind[]): fc.Arbitrary<unknown> {
  const others = (Object.keys(KINDS) as ValueKind[]).filter((k) => !accepted.includes(k));
  return fc.oneof(...others.map((k) => KINDS[k]));
}

/** A name segment as core's nameSegmentSchema takes it: lowercase, digits, single hyphens, letter first, ≤ 30. */
function nameSegment(maxLength = 30): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...LETTERS),
      fc.array(fc.array(fc.constantFrom(...ALNUM), { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
    )
    .map(([first, parts]) => [first + (parts[0]?.join("") ?? ""), ...parts.slice(1).map((p) => p.join(""))])
    .map((parts) => parts.join("-").slice(0, maxLength).replace(/-+$/, ""));
}

/** Strings that are not name segments: empty, upper case, leading digit or hyphen, double hyphen, too long. */
const badNameSegment: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "",
    "A",
    "Shop",
    "1shop",
    "-shop",
    "shop-",
    "sh--op",
    "sh_op",
    "sh op",
    "shöp",
    "a".repeat(31),
  ),
  hugeString,
  unicodeString.filter((s) => !/^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$/.test(s) || s.length > 30),
  wrongType(["string"]),
);

/** A Pulumi component name: letters, digits, '-' and '_' (what names usually look like), 1 to 24 characters. */
const componentName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...LETTERS, ..."ABCXYZ".split("")),
    fc.array(fc.constantFrom(...ALNUM, "-", "_", "A", "Z"), { maxLength: 23 }),
  )
  .map(([first, rest]) => first + rest.join(""));

/** Component names core refuses: empty, or with no letter or digit; and non-strings. */
const badComponentName: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("", "-", "___", " ", "--_--", "é", "🚀"),
  fc.constantFrom(undefined, null, 42),
);

const TAG_KEY_CHARS = [...ALNUM, ..."ABZ_.:/-".split("")];
const tagKey = fc
  .tuple(fc.constantFrom(...ALNUM), fc.array(fc.constantFrom(...TAG_KEY_CHARS), { maxLength: 20 }))
  .map(([first, rest]) => first + rest.join(""))
  .filter((k) => !(RESERVED_TAG_KEYS as readonly string[]).includes(k));
const tagValue = fc
  .oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 }))
  .filter((v) => /^[^,=\s]*$/.test(v) && v.length <= 63);

/** User tags core accepts: up to `maxKeys` keys, none reserved. */
function tags(maxKeys = 3): fc.Arbitrary<Record<string, string>> {
  return fc.dictionary(tagKey, tagValue, { maxKeys });
}

/** `pulumi.secret(value)`, printed as such in a counterexample. */
function secretOf<T>(value: T): pulumi.Output<T> {
  return printable(pulumi.secret(value) as pulumi.Output<T>, `pulumi.secret(${fc.stringify(value)})`);
}

/** A Pulumi input of `value`: the value itself, an Output of it or a Promise of it (never a secret). */
function input<T>(value: fc.Arbitrary<T>): fc.Arbitrary<pulumi.Input<T>> {
  return fc.oneof(
    { weight: 3, arbitrary: value },
    value.map((v) => printable(pulumi.output(v) as pulumi.Output<T>, `pulumi.output(${fc.stringify(v)})`)),
    value.map((v) => printable(Promise.resolve(v), `Promise.resolve(${fc.stringify(v)})`)),
  );
}

interface CommonArgsOptions {
  /** The regions the block offers. Default: every Scaleway region core knows. */
  regions?: readonly string[];
  /** The environments to draw from. Default: dev, staging, production. */
  environments?: readonly string[];
}

/**
 * The args every block shares (core's commonArgsShape): project, environment and, optionally,
 * region, projectId (a value, an Output or a Promise) and tags.
 */
function commonArgs(options: CommonArgsOptions = {}) {
  return {
    project: nameSegment(12),
    environment: fc.constantFrom(...(options.environments ?? ENVIRONMENTS)),
    region: fc.constantFrom(...(options.regions ?? REGIONS)),
    projectId: input(fc.uuid({ version: 4 })),
    tags: tags(),
  };
}

/** Keys of {@link commonArgs} that must be present. */
const COMMON_REQUIRED = ["project", "environment"] as const;

/** A field and values that it refuses whatever the other args hold. */
export interface FieldMutation {
  /** Path from the args root, e.g. ["publicGateway", "bastionPort"]. */
  path: readonly PropertyKey[];
  invalid: fc.Arbitrary<unknown>;
}

/** Mutations of the common args: each value is refused whatever else the args hold. */
const commonFieldMutations: readonly FieldMutation[] = [
  { path: ["project"], invalid: badNameSegment },
  {
    path: ["environment"],
    invalid: fc.oneof(
      fc.constantFrom("prod", "Production", "DEV", "", "development", "test", " dev"),
      anyString.filter((s) => !(ENVIRONMENTS as readonly string[]).includes(s)),
      wrongType(["string"]),
    ),
  },
  {
    path: ["region"],
    invalid: fc.oneof(
      fc.constantFrom("fr-par-1", "FR-PAR", "eu-west-1", "", "par"),
      anyString.filter((s) => !(REGIONS as readonly string[]).includes(s)),
      wrongType(["string", "undefined"]),
    ),
  },
  {
    path: ["projectId"],
    invalid: fc.oneof(
      fc.constantFrom("", "not-a-uuid", "11111111-2222-4333-8444-55555555555"),
      anyString,
      wrongType(["string", "undefined", "deferred"]),
    ),
  },
  {
    path: ["tags"],
    invalid: fc.oneof(
      fc.constantFrom(...RESERVED_TAG_KEYS).map((k) => ({ [k]: "x" })),
      fc.constantFrom({ "": "x" }, { "-bad": "x" }, { ok: "a,b" }, { ok: "a=b" }, { ok: "a b" }),
      fc.constantFrom({ ok: 1 }, { ok: null }, { ok: "x".repeat(64) }, { ["k".repeat(64)]: "v" }),
      fc.oneof(KINDS.string, KINDS.number, KINDS.boolean, KINDS.null, KINDS.array, KINDS.deferred),
    ),
  },
];

/** Whether a value is an object literal (or a null-prototype object, which fast-check's records may be). */
function isRecord(value: unknown): value is Record<PropertyKey, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A copy of plain objects and arrays; anything else (Outputs, Promises) is shared. */
function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clonePlain) as T;
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clonePlain(v)])) as T;
  }
  return value;
}

/** Sets `value` at `path` as an own enumerable property, creating plain objects on the way. */
function setAt(root: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let current: Record<PropertyKey, unknown> = root;
  path.slice(0, -1).forEach((key) => {
    const next = current[key];
    if (!isRecord(next) && !Array.isArray(next)) current[key] = {};
    current = current[key] as Record<PropertyKey, unknown>;
  });
  Object.defineProperty(current, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function getAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === "object"
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    root,
  );
}

/** What {@link arbitraries.invalidArgs} needs to know about a block's args. */
export interface InvalidArgsSpec {
  /** Every key the args object accepts (e.g. `Object.keys(schema.shape)`): other keys are refused. */
  keys: readonly string[];
  /** Keys that must be present. Default: project and environment. */
  required?: readonly string[];
  /** Block-specific fields and values they refuse; the common args' mutations are always added. */
  fields?: readonly FieldMutation[];
  /** Nested objects that refuse unknown keys, with the keys they accept (when the valid args hold them). */
  strictObjects?: ReadonlyArray<{ path: readonly PropertyKey[]; keys: readonly string[] }>;
}

/** How an args object was broken, kept with it so that a counterexample says what it tests. */
export interface InvalidArgs {
  mutation: string;
  args: unknown;
}

/** Keys a strict object refuses: typos of its own keys, prototype names, random strings. */
function unknownKey(keys: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc
        .constantFrom(...keys)
        .chain((k) => fc.constantFrom(`${k}s`, k.toUpperCase(), `${k} `, `_${k}`, k.slice(0, -1) || "x")),
      fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "then", ""),
      fc.string({ minLength: 1, maxLength: 12 }),
      unicodeString,
    )
    .filter((k) => !keys.includes(k));
}

/**
 * Args a block must refuse, built from its valid args by one mutation: not an object at all (null,
 * a string, an array, an Output/Promise/secret of valid args…), a required key missing, an unknown
 * key added, or one field given a value it refuses (wrong type, boundary number, huge or unicode
 * string, null, an Output, a Promise or a secret where a plain value is expected).
 */
function invalidArgs(
  valid: fc.Arbitrary<Record<string, unknown>>,
  spec: InvalidArgsSpec,
): fc.Arbitrary<InvalidArgs> {
  const required = spec.required ?? COMMON_REQUIRED;
  const fields = [...commonFieldMutations, ...(spec.fields ?? [])];
  const notAnObject = fc.oneof(
    wrongType(["object", "deferred", "undefined"]),
    fc.constant(undefined),
    deferred(valid),
  );
  return fc.oneof(
    { weight: 1, arbitrary: notAnObject.map((args) => ({ mutation: "args are not a plain object", args })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...required)).map(([args, key]) => {
        const copy = clonePlain(args);
        delete copy[key];
        return { mutation: `required key "${key}" missing`, args: copy };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat(), fc.anything({ maxDepth: 1 })).chain(([args, pick, value]) => {
        const places = [
          { path: [] as readonly PropertyKey[], keys: spec.keys },
          ...(spec.strictObjects ?? []).filter((s) => {
            const at = getAt(args, s.path);
            return isRecord(at);
          }),
        ];
        const place = places[pick % places.length]!;
        return unknownKey(place.keys).map((key) => {
          const copy = clonePlain(args);
          setAt(copy, [...place.path, key], value);
          return {
            mutation: `unknown key ${JSON.stringify(key)} at ${place.path.join(".") || "(args)"}`,
            args: copy,
          };
        });
      }),
    },
    // Most cases break one field: there are many fields, and each deserves a fair number of cases.
    {
      weight: 6,
      arbitrary: fc.tuple(valid, fc.constantFrom(...fields)).chain(([args, field]) =>
        field.invalid.map((value) => {
          const copy = clonePlain(args);
          setAt(copy, field.path, value);
          return { mutation: `bad value at ${field.path.map(String).join(".")}`, args: copy };
        }),
      ),
    },
  );
}

/** A case a block must refuse: a component name, args broken by one mutation, and what the mutation was. */
export interface InvalidCase {
  name: unknown;
  args: unknown;
  /** How the args were broken, e.g. "bad value at publicGateway.bastionPort" (printed with a counterexample). */
  mutation: string;
}

/**
 * Cases a block must refuse: {@link invalidArgs} of its valid args, each with a component name
 * (`name`, default: valid component names).
 */
function invalidCases(
  valid: fc.Arbitrary<Record<string, unknown>>,
  spec: InvalidArgsSpec,
  name: fc.Arbitrary<unknown> = componentName,
): fc.Arbitrary<InvalidCase> {
  return fc
    .tuple(name, invalidArgs(valid, spec))
    .map(([n, { mutation, args }]) => ({ name: n, mutation, args }));
}

/** Generators of valid and invalid values, shared by the blocks' property tests. */
export const arbitraries = {
  boundaryNumber,
  binaryUnit,
  unicodeString,
  hugeString,
  anyString,
  deferred,
  secretOf,
  wrongType,
  input,
  nameSegment,
  badNameSegment,
  componentName,
  badComponentName,
  tags,
  commonArgs,
  commonFieldMutations,
  invalidArgs,
  invalidCases,
} as const;

/** One generated case: the component's Pulumi name, its args, and secrets the args hold in plain text. */
export interface FuzzCase<A = unknown> {
  name: string;
  args: A;
  /** Plain-text secrets given in the args (e.g. inside pulumi.secret): none may appear unwrapped in the graph. */
  secrets?: readonly string[];
  /**
   * Values that are not secret although the graph holds them inside a Secret (see SecretLeaksOptions), e.g.
   * an exporter endpoint in an output the component marks secret as a whole for the headers beside it.
   */
  publicValues?: readonly string[];
}

/** Options of the {@link fuzz} checks. */
export interface FuzzOptions {
  /** Generated cases; the seed and number are printed. */
  numRuns: number;
  /** Options of each recording (mocks, config). */
  record?: RecordOptions;
  /**
   * Values known only once the component is built that are public although a Secret also holds them
   * (e.g. an access key id next to its secret key in one secret object); added to the case's publicValues.
   */
  publicValues?: (result: unknown) => Promise<readonly string[]> | readonly string[];
}

function seedFromEnv(): number {
  const fromEnv = process.env.FC_SEED;
  if (fromEnv !== undefined && fromEnv !== "") {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed))
      throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
    return seed;
  }
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
}

/**
 * fast-check parameters with the seed printed: FC_SEED replays a run, FC_PATH goes straight to the
 * counterexample fast-check reported.
 */
function parameters<T>(label: string, numRuns: number): fc.Parameters<T> {
  const seed = seedFromEnv();
  const path = process.env.FC_PATH || undefined;
  console.log(
    `[fast-check] ${label}: ${numRuns} runs, seed ${seed}${path ? `, path ${path}` : ""} (replay: FC_SEED=${seed})`,
  );
  return { seed, numRuns, ...(path ? { path } : {}), endOnFailure: true, includeErrorInReport: true };
}

/**
 * Runs `check` with stack traces off (unless FC_STACKS is set). record() already skips the two the
 * Pulumi SDK takes for the engine (a promise's, a resource's source position: the recorder's
 * src/sdk-stacks.ts); here every other stack is skipped too: the ConfigErrors a refused case throws
 * on purpose and any other error made along the way, each of which vitest would rewrite through
 * source maps (Error.prepareStackTrace, left out too). Assertions still carry their messages.
 */
async function withoutStackTraces<T>(check: () => Promise<T>): Promise<T> {
  // FC_STACKS=1 keeps them, to see where a replayed failure comes from.
  if (process.env.FC_STACKS) return check();
  const limit = Error.stackTraceLimit;
  const errorClass = Error as { prepareStackTrace?: ErrorConstructor["prepareStackTrace"] };
  const prepare = errorClass.prepareStackTrace;
  Error.stackTraceLimit = 0;
  errorClass.prepareStackTrace = undefined;
  try {
    return await check();
  } finally {
    Error.stackTraceLimit = limit;
    errorClass.prepareStackTrace = prepare;
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const stack = error.stack?.split("\n").slice(1).join("\n");
    return `${error.constructor.name}: ${error.message}${stack ? `\n${stack}` : ""}`;
  }
  return `a thrown ${typeof error}: ${String(error)}`;
}

const RECORD_DEFAULTS: RecordOptions = { settleTimeoutMs: 10_000 };

/** Bad input → a ConfigError, with nothing registered (the graph holds no resource but the stack). */
async function refused<C extends { name: unknown; args: unknown }>(
  label: string,
  cases: fc.Arbitrary<C>,
  build: (name: C["name"], args: C["args"]) => unknown,
  options: FuzzOptions,
): Promise<void> {
  await withoutStackTraces(() =>
    fc.assert(
      fc.asyncProperty(cases, async (c) => {
        if (isRecord(c.args) && Object.keys(c.args).sort().join() === "args,mutation") {
          throw new Error("got { mutation, args } as args: build the cases with arbitraries.invalidCases");
        }
        const { error, graph } = await recordError(() => build(c.name, c.args), {
          ...RECORD_DEFAULTS,
          ...options.record,
        });
        if (!(error instanceof ConfigError)) {
          throw new Error(`expected a ConfigError, got ${describeError(error)}`);
        }
        if (graph.registered.length > 0) {
          throw new Error(
            `expected nothing registered before the ConfigError, found ${graph.registered.map((r) => r.urn).join(", ")}`,
          );
        }
      }),
      parameters<[C]>(`${label} refuses bad input`, options.numRuns),
    ),
  );
}

/** Valid input → a graph with no plaintext secret and no duplicate URN. */
async function safeGraph<A>(
  label: string,
  cases: fc.Arbitrary<FuzzCase<A>>,
  build: (name: string, args: A) => unknown,
  options: FuzzOptions,
): Promise<void> {
  await withoutStackTraces(() =>
    fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const { result, graph } = await record(() => build(c.name, c.args), {
          ...RECORD_DEFAULTS,
          ...options.record,
        });
        if (graph.registered.length === 0) throw new Error("expected the component to register resources");
        const publicValues = [...(c.publicValues ?? []), ...((await options.publicValues?.(result)) ?? [])];
        const leaks = graph.secretLeaks(c.secrets ?? [], { publicValues });
        if (leaks.length > 0) throw new Error(`expected no plaintext secret, found ${JSON.stringify(leaks)}`);
        const urns = graph.resources.map((r) => r.urn);
        const duplicates = urns.filter((u, i) => urns.indexOf(u) !== i);
        if (duplicates.length > 0)
          throw new Error(`expected unique URNs, found twice: ${duplicates.join(", ")}`);
      }),
      parameters<[FuzzCase<A>]>(`${label} keeps secrets and URNs`, options.numRuns),
    ),
  );
}

/** The same input → the same graph: the same URNs with the same inputs (in any registration order). */
async function deterministic<A>(
  label: string,
  cases: fc.Arbitrary<FuzzCase<A>>,
  build: (name: string, args: A) => unknown,
  options: FuzzOptions,
): Promise<void> {
  const shape = async (c: FuzzCase<A>) => {
    const { graph } = await record(() => build(c.name, c.args), { ...RECORD_DEFAULTS, ...options.record });
    // By URN: registrations that wait on Outputs or Promises may come in another order, which the engine ignores.
    return graph.resources
      .map((r) => ({ urn: r.urn, inputs: r.inputs }))
      .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  };
  await withoutStackTraces(() =>
    fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const first = await shape(c);
        const second = await shape(c);
        if (!isDeepStrictEqual(first, second)) {
          const differing = first
            .map((r, i) => (isDeepStrictEqual(r, second[i]) ? undefined : r.urn))
            .filter((u) => u !== undefined);
          throw new Error(
            `expected the same graph twice; ${first.length} vs ${second.length} resources, differing: ${differing.join(", ")}` +
              firstDifference(first, second),
          );
        }
      }),
      parameters<[FuzzCase<A>]>(`${label} builds the same graph from the same input`, options.numRuns),
    ),
  );
}

/** The first input that differs between two recordings of the same program, for the failure message. */
function firstDifference(
  first: ReadonlyArray<{ urn: string; inputs: Record<string, unknown> }>,
  second: ReadonlyArray<{ urn: string; inputs: Record<string, unknown> }>,
): string {
  const show = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 300);
  for (const [i, a] of first.entries()) {
    const b = second[i];
    if (!b) return "";
    if (a.urn !== b.urn) return `\nfirst difference: resource ${i} is ${a.urn}, then ${b.urn}`;
    for (const key of new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])) {
      if (!isDeepStrictEqual(a.inputs[key], b.inputs[key])) {
        return `\nfirst difference: ${a.urn} input ${key}: ${show(a.inputs[key])}, then ${show(b.inputs[key])}`;
      }
    }
  }
  return "";
}

/** The three property checks every block runs (issue 18). */
export const fuzz = { parameters, withoutStackTraces, refused, safeGraph, deterministic } as const;
