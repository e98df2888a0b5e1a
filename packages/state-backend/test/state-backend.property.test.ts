import { arbitraries as A, fuzz, valueOf } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { stateBackendArgsSchema } from "../src/args";
import { StateBackend } from "../src/index";
import type { StateBackendArgs } from "../src/index";

// Runs per property: 700 refused + 200 recorded + 100 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/state-backend exec vitest run test/state-backend.property.test.ts
const RUNS = { refused: 700, safeGraph: 200, deterministic: 100 } as const;
const TIMEOUT = 300_000;

const uuid = fc.uuid({ version: 4 });
const days = fc.integer({ min: 1, max: 3650 });
const principal = fc.oneof(
  uuid.map((userId) => ({ userId })),
  uuid.map((applicationId) => ({ applicationId })),
);

const validCases: fc.Arbitrary<FuzzCase<StateBackendArgs>> = fc
  .record({
    name: A.componentName,
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment", "region", "projectId"] }),
    owners: fc.array(principal, { minLength: 1, maxLength: 3 }),
    options: fc.record(
      {
        bucketName: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/),
        prefix: fc.constantFrom("pulumi", "platform/state", "a_b/c-d/e"),
        retention: fc.record(
          { noncurrentVersionExpirationDays: days, backupDays: days, historyDays: days },
          { requiredKeys: [] },
        ),
        objectLock: fc.oneof(
          fc.record({
            mode: fc.constantFrom("GOVERNANCE", "COMPLIANCE"),
            days: fc.integer({ min: 1, max: 36_500 }),
          }),
          fc.record({
            mode: fc.constantFrom("GOVERNANCE", "COMPLIANCE"),
            years: fc.integer({ min: 1, max: 100 }),
          }),
        ),
        protect: fc.constant(true),
        forceDestroy: fc.constant(false),
      },
      { requiredKeys: [] },
    ),
    encryption: fc.option(fc.oneof(fc.constant("create"), fc.constant("key")), { nil: undefined }),
    key: fc.option(
      fc.oneof(
        fc
          .constantFrom("2099-01-01T00:00:00Z", "2080-06-30T12:00:00.5+02:00")
          .map((expiresAt) => ({ apiKey: { expiresAt } })),
        fc.tuple(fc.integer({ min: 2, max: 3650 }), fc.nat()).map(([lifetimeDays, n]) => ({
          apiKey: { rotation: { lifetimeDays, rotateEveryDays: 1 + (n % (lifetimeDays - 1)) } },
        })),
      ),
      { nil: undefined },
    ),
    keyId: uuid,
    regional: fc.boolean(),
  })
  .map(({ name, common, owners, options, encryption, key, keyId, regional }) => ({
    name,
    args: {
      ...common,
      owners,
      ...options,
      ...(encryption === "create"
        ? { encryption: { createKey: true } }
        : encryption === "key"
          ? { encryption: { kmsKeyId: regional ? `${common.region}/${keyId}` : keyId } }
          : {}),
      ...key,
    } as unknown as StateBackendArgs,
  }));

const validArgs = validCases.map((c) => c.args as unknown as Record<string, unknown>);
const badDays = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 3651),
  A.boundaryNumber.filter((n) => !(Number.isInteger(n) && n >= 1 && n <= 3650)),
  A.wrongType(["number", "undefined"]),
);

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validArgs }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(validArgs, {
      keys: Object.keys(stateBackendArgsSchema.shape),
      required: ["project", "environment", "projectId", "owners"],
      strictObjects: [
        { path: ["retention"], keys: ["noncurrentVersionExpirationDays", "backupDays", "historyDays"] },
        { path: ["objectLock"], keys: ["mode", "days", "years"] },
        { path: ["encryption"], keys: ["kmsKeyId", "createKey", "rotationPeriodDays"] },
        { path: ["apiKey"], keys: ["expiresAt", "rotation"] },
      ],
      fields: [
        {
          path: ["bucketName"],
          invalid: fc.oneof(
            fc.constantFrom("ab", "a.b.c", "-abc", "ABC", "b".repeat(64)),
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["prefix"],
          invalid: fc.oneof(
            fc.constantFrom("", "/pulumi", "pulumi/", "a//b", "a b", "é", "p".repeat(201)),
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["owners"],
          invalid: fc.oneof(
            fc.constantFrom(
              [],
              [{}],
              [{ userId: "x" }],
              [{ groupId: "11111111-2222-4333-8444-555555555555" }],
            ),
            uuid.map((id) => [{ userId: id, applicationId: id }]),
            A.wrongType(["array"]),
          ),
        },
        { path: ["retention", "noncurrentVersionExpirationDays"], invalid: badDays },
        { path: ["retention", "backupDays"], invalid: badDays },
        { path: ["retention", "historyDays"], invalid: badDays },
        {
          path: ["objectLock"],
          invalid: fc.oneof(
            fc.constantFrom(
              { mode: "GOVERNANCE" },
              { mode: "X", days: 1 },
              { mode: "COMPLIANCE", days: 1, years: 1 },
              { mode: "COMPLIANCE", years: 101 },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["encryption"],
          invalid: fc.oneof(
            fc.constantFrom(
              {},
              { createKey: false },
              { kmsKeyId: "nope" },
              { createKey: true, rotationPeriodDays: 0 },
            ),
            uuid.map((id) => ({ kmsKeyId: `other-region/${id}` })),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["apiKey", "expiresAt"],
          invalid: fc.oneof(
            fc.constantFrom("2020-01-01T00:00:00Z", "2099-01-01", "tomorrow", ""),
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["apiKey", "rotation"],
          invalid: fc.oneof(
            fc.constantFrom(
              { lifetimeDays: 0, rotateEveryDays: 1 },
              { lifetimeDays: 30 },
              { lifetimeDays: 30, rotateEveryDays: 3651 },
              { lifetimeDays: 30.5, rotateEveryDays: 1 },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        { path: ["protect"], invalid: fc.oneof(fc.constant(false), A.wrongType(["boolean", "undefined"])) },
        {
          path: ["forceDestroy"],
          invalid: fc.oneof(fc.constant(true), A.wrongType(["boolean", "undefined"])),
        },
      ],
    }),
  },
);

const build = (name: string, args: StateBackendArgs) => new StateBackend(name, args);

describe("StateBackend under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () => fuzz.refused("StateBackend", invalidCases, build as never, { numRuns: RUNS.refused }),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () =>
      fuzz.safeGraph("StateBackend", validCases, build, {
        numRuns: RUNS.safeGraph,
        // The CI environment is secret as a whole; the access key id and the URL it also holds are public.
        publicValues: async (result) => {
          const backend = result as StateBackend;
          return [await valueOf(backend.accessKeyId), await valueOf(backend.backendUrl)];
        },
      }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("StateBackend", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
