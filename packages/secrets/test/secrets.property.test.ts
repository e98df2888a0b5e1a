import * as pulumi from "@pulumi/pulumi";
import { arbitraries as A, fuzz } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { secretsArgsSchema } from "../src/args";
import { Secrets } from "../src/index";
import type { SecretsArgs } from "../src/index";

// Runs per property: 700 refused + 200 recorded + 100 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/secrets exec vitest run test/secrets.property.test.ts
const RUNS = { refused: 700, safeGraph: 200, deterministic: 100 } as const;
const TIMEOUT = 300_000;

/** A value distinctive enough that finding it anywhere in plain text is a leak, not a coincidence. */
const secretText = fc.string({
  unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyz23456789"),
  minLength: 12,
  maxLength: 24,
});

/** One secret's spec, with the plaintext values it gives (to look for in the graph). */
const secretSpec = fc.oneof(
  fc
    .tuple(
      secretText,
      fc.constantFrom("plain", "secret", "output", "promise"),
      fc.constantFrom(
        "opaque",
        "certificate",
        "ssh_key",
        "key_value",
        "basic_credentials",
        "database_credentials",
      ),
    )
    .map(([text, how, type]) => {
      const json = ["key_value", "basic_credentials", "database_credentials"].includes(type);
      const plain = json ? JSON.stringify({ username: "app", password: text }) : text;
      const value =
        how === "plain"
          ? plain
          : how === "secret"
            ? pulumi.secret(plain)
            : how === "output"
              ? pulumi.output(plain)
              : Promise.resolve(plain);
      return { spec: { value, type }, plaintext: [plain, text] };
    }),
  fc
    .record(
      {
        length: fc.integer({ min: 16, max: 128 }),
        alphabet: fc.constantFrom("dsn-safe", "alphanumeric", "full"),
      },
      { requiredKeys: [] },
    )
    .map((generate) => ({ spec: { generate }, plaintext: [] as string[] })),
);

const secretOptions = fc.record(
  {
    path: fc.constantFrom("/", "/app", "/app/db", "/a.b/c_d-e"),
    description: fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 })),
    tags: A.tags(),
    protect: fc.boolean(),
  },
  { requiredKeys: [] },
);

const validCases: fc.Arbitrary<FuzzCase<SecretsArgs>> = fc
  .record({
    name: A.componentName,
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment"] }),
    protect: fc.option(fc.boolean(), { nil: undefined }),
    secrets: fc.uniqueArray(fc.tuple(A.nameSegment(20), secretSpec, secretOptions), {
      minLength: 1,
      maxLength: 3,
      selector: ([key]) => key,
    }),
  })
  .map(({ name, common, protect, secrets }) => ({
    name,
    args: {
      ...common,
      ...(protect === undefined ? {} : { protect }),
      secrets: Object.fromEntries(secrets.map(([key, { spec }, options]) => [key, { ...spec, ...options }])),
    } as SecretsArgs,
    secrets: secrets.flatMap(([, { plaintext }]) => plaintext),
  }));

/** A secrets record with one spec it refuses, whatever else the args hold. */
const badSecrets = fc.oneof(
  fc.constant({}),
  fc
    .constantFrom("Bad_Key", "", "1key", "a--b", "k".repeat(31))
    .map((key) => ({ [key]: { value: "xxxx-yyyy" } })),
  fc
    .oneof(
      fc.constant({}),
      fc.constant({ value: "" }),
      fc.constant({ value: "xxxx", generate: {} }),
      fc.constant({ value: "x".repeat(64 * 1024 + 1) }),
      fc.constantFrom("key_value", "basic_credentials", "database_credentials").map((type) => ({
        value: "not json",
        type,
      })),
      fc.constantFrom("key_value", "certificate").map((type) => ({ generate: {}, type })),
      A.wrongType(["string", "deferred", "undefined"]).map((value) => ({ value })),
      fc
        .oneof(
          fc.constantFrom(15, 129, 16.5, 0, -1),
          A.boundaryNumber.filter((n) => !(Number.isInteger(n) && n >= 16 && n <= 128)),
          A.wrongType(["number", "undefined"]),
        )
        .map((length) => ({ generate: { length } })),
      fc
        .oneof(fc.constantFrom("hex", "DSN-SAFE", ""), A.wrongType(["undefined"]))
        .map((alphabet) => ({ generate: { alphabet } })),
      A.wrongType(["object", "undefined"]).map((generate) => ({ generate })),
      fc
        .oneof(fc.constantFrom("password", "OPAQUE", ""), A.wrongType(["undefined"]))
        .map((type) => ({ value: "xxxx", type })),
      fc
        .oneof(fc.constantFrom("", "app", "/app/", "//", "/a b", "/é"), A.wrongType(["undefined"]))
        .map((path) => ({ value: "xxxx", path })),
      fc
        .oneof(fc.constant("d".repeat(256)), A.wrongType(["string", "undefined"]))
        .map((description) => ({ value: "xxxx", description })),
      A.wrongType(["boolean", "undefined"]).map((protect) => ({ value: "xxxx", protect })),
      fc.constant({ value: "xxxx", tags: { environment: "x" } }),
      fc.constant({ value: "xxxx", valeu: "typo" }),
    )
    .map((spec) => ({ db: spec })),
  A.wrongType(["object"]),
);

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validCases.map((c) => c.args) }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(
      validCases.map((c) => c.args as unknown as Record<string, unknown>),
      {
        keys: Object.keys(secretsArgsSchema.shape),
        required: ["project", "environment", "secrets"],
        fields: [
          { path: ["secrets"], invalid: badSecrets },
          { path: ["protect"], invalid: A.wrongType(["boolean", "undefined"]) },
        ],
      },
    ),
  },
);

const build = (name: string, args: SecretsArgs) => new Secrets(name, args);

describe("Secrets under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () => fuzz.refused("Secrets", invalidCases, build as never, { numRuns: RUNS.refused }),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () => fuzz.safeGraph("Secrets", validCases, build, { numRuns: RUNS.safeGraph }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Secrets", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
