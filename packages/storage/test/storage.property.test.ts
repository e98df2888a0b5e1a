import { arbitraries as A, fuzz } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { bucketArgsSchema } from "../src/args";
import { Bucket } from "../src/index";
import type { BucketArgs } from "../src/index";

// Runs per property: 700 refused + 200 recorded + 100 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/storage exec vitest run test/storage.property.test.ts
const RUNS = { refused: 700, safeGraph: 200, deterministic: 100 } as const;
const TIMEOUT = 300_000;

const uuid = fc.uuid({ version: 4 });
const days = (min: number, max = 36_500) => fc.integer({ min, max });

const bucketName = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$/))
  .map(([name]) => name)
  .filter((name) => name.length >= 3 && name.length <= 63);

/** ONEZONE_IA and/or GLACIER, GLACIER later than ONEZONE_IA (glacier only where offered). */
const transitions = (glacier: boolean) =>
  fc
    .record({
      ia: fc.option(days(30, 1000), { nil: undefined }),
      glacierAfter: fc.option(days(90, 2000), { nil: undefined }),
    })
    .map(({ ia, glacierAfter }) => [
      ...(ia !== undefined || !glacier ? [{ days: ia ?? 30, storageClass: "ONEZONE_IA" as const }] : []),
      ...(glacier && glacierAfter !== undefined
        ? [{ days: (ia ?? 0) + glacierAfter, storageClass: "GLACIER" as const }]
        : []),
    ])
    .filter((list) => list.length > 0);

const lifecycleRules = (glacier: boolean) =>
  fc
    .uniqueArray(
      fc.record(
        {
          id: fc.oneof(
            fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
            fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }),
          ),
          enabled: fc.boolean(),
          prefix: fc.constantFrom("logs/", "tmp/", "é/", "a b/"),
          tags: fc.dictionary(fc.constantFrom("kind", "team"), fc.string({ maxLength: 8 }), { maxKeys: 2 }),
          expirationDays: days(1),
          transitions: transitions(glacier),
          abortIncompleteMultipartUploadDays: days(1, 30),
        },
        { requiredKeys: ["id", "expirationDays"] },
      ),
      { maxLength: 2, selector: (r) => r.id },
    )
    .map((rules) => rules.filter((r) => r.id !== "housekeeping" && r.id !== "transitions"));

const corsRule = fc.record(
  {
    allowedMethods: fc.subarray(["GET", "PUT", "POST", "DELETE", "HEAD"] as const, { minLength: 1 }),
    allowedOrigins: fc.subarray(["https://shop.example", "*", "https://é.example"], { minLength: 1 }),
    allowedHeaders: fc.constant(["*"]),
    maxAgeSeconds: fc.integer({ min: 0, max: 86_400 }),
  },
  { requiredKeys: ["allowedMethods", "allowedOrigins"] },
);

const principal = fc.oneof(
  uuid.map((userId) => ({ userId })),
  uuid.map((applicationId) => ({ applicationId })),
);

const access = fc
  .record({
    owners: fc.array(principal, { minLength: 1, maxLength: 2 }),
    apps: fc.uniqueArray(uuid, { maxLength: 4 }),
    split: fc.nat(),
  })
  .map(({ owners, apps, split }) => {
    const at = apps.length === 0 ? 0 : split % (apps.length + 1);
    return { owners, readApplicationIds: apps.slice(0, at), readWriteApplicationIds: apps.slice(at) };
  });

const validArgs: fc.Arbitrary<BucketArgs> = fc
  .record({
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment", "region"] }),
    flags: fc.record(
      {
        publicRead: fc.boolean(),
        versioning: fc.boolean(),
        forceDestroy: fc.boolean(),
        protect: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    bucketName: fc.option(bucketName, { nil: undefined }),
    pick: fc.record({
      lifecycle: fc.boolean(),
      cors: fc.boolean(),
      encryption: fc.boolean(),
      lock: fc.boolean(),
      access: fc.boolean(),
    }),
  })
  .chain(({ common, flags, bucketName: givenName, pick }) => {
    const region = common.region;
    const glacier = region !== "pl-waw" && flags.publicRead !== true;
    const lock = pick.lock && flags.versioning !== false && flags.forceDestroy !== true;
    const forceDestroy = common.environment === "production" ? undefined : flags.forceDestroy;
    return fc.record(
      {
        base: fc.constant({
          ...common,
          ...flags,
          forceDestroy,
          ...(givenName ? { bucketName: givenName } : {}),
        }),
        lifecycle: pick.lifecycle
          ? fc.record(
              {
                noncurrentVersionExpirationDays:
                  flags.versioning === false ? fc.constant(undefined) : days(1),
                abortIncompleteMultipartUploadDays: days(1, 30),
                transitions: transitions(glacier),
                rules: lifecycleRules(glacier),
              },
              { requiredKeys: [] },
            )
          : fc.constant(undefined),
        corsRules: pick.cors ? fc.array(corsRule, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
        encryption:
          pick.encryption && flags.publicRead !== true
            ? fc.oneof(
                fc.record(
                  { createKey: fc.constant(true), rotationPeriodDays: days(1, 3650) },
                  { requiredKeys: ["createKey"] },
                ),
                fc
                  .oneof(
                    uuid,
                    uuid.map((id) => `${region}/${id}`),
                  )
                  .map((kmsKeyId) => ({ kmsKeyId })),
              )
            : fc.constant(undefined),
        objectLock: lock
          ? fc.oneof(
              fc.record({ mode: fc.constantFrom("GOVERNANCE", "COMPLIANCE"), days: days(1) }),
              fc.record({
                mode: fc.constantFrom("GOVERNANCE", "COMPLIANCE"),
                years: fc.integer({ min: 1, max: 100 }),
              }),
            )
          : fc.constant(undefined),
        access: pick.access ? access : fc.constant(undefined),
      },
      { requiredKeys: ["base"] },
    );
  })
  .map(({ base, ...rest }) => {
    const args: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries({ ...rest })) if (value !== undefined) args[key] = value;
    for (const key of Object.keys(args)) if (args[key] === undefined) delete args[key];
    return args as unknown as BucketArgs;
  });

const validCases: fc.Arbitrary<FuzzCase<BucketArgs>> = fc.record({ name: A.componentName, args: validArgs });

const notBoolean = A.wrongType(["boolean", "undefined"]);
const badDays = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 36_501),
  A.boundaryNumber.filter((n) => !(Number.isInteger(n) && n >= 1 && n <= 36_500)),
  A.wrongType(["number", "undefined"]),
);

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validArgs }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(validArgs as unknown as fc.Arbitrary<Record<string, unknown>>, {
      keys: Object.keys(bucketArgsSchema.shape),
      strictObjects: [
        {
          path: ["lifecycle"],
          keys: [
            "noncurrentVersionExpirationDays",
            "abortIncompleteMultipartUploadDays",
            "transitions",
            "rules",
          ],
        },
        { path: ["encryption"], keys: ["kmsKeyId", "createKey", "rotationPeriodDays"] },
        { path: ["objectLock"], keys: ["mode", "days", "years"] },
        { path: ["access"], keys: ["owners", "readApplicationIds", "readWriteApplicationIds"] },
      ],
      fields: [
        {
          path: ["bucketName"],
          invalid: fc.oneof(
            fc.constantFrom("ab", "a.b.c", "-abc", "abc-", "ABC", "a_b", "b".repeat(64), ""),
            A.wrongType(["string", "undefined"]),
          ),
        },
        { path: ["publicRead"], invalid: notBoolean },
        { path: ["versioning"], invalid: notBoolean },
        { path: ["forceDestroy"], invalid: notBoolean },
        { path: ["protect"], invalid: notBoolean },
        { path: ["tags", "public"], invalid: fc.constantFrom("true", "false", "") },
        { path: ["lifecycle"], invalid: A.wrongType(["object", "undefined"]) },
        { path: ["lifecycle", "abortIncompleteMultipartUploadDays"], invalid: badDays },
        {
          path: ["lifecycle", "transitions"],
          invalid: fc.oneof(
            fc.constantFrom(
              [],
              [{ days: 29, storageClass: "ONEZONE_IA" }],
              [{ days: 89, storageClass: "GLACIER" }],
              [{ days: 30, storageClass: "STANDARD" }],
              [
                { days: 30, storageClass: "ONEZONE_IA" },
                { days: 30, storageClass: "ONEZONE_IA" },
              ],
              [
                { days: 200, storageClass: "ONEZONE_IA" },
                { days: 100, storageClass: "GLACIER" },
              ],
              [{ days: 36_501, storageClass: "ONEZONE_IA" }],
            ),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["lifecycle", "rules"],
          invalid: fc.oneof(
            fc.constantFrom(
              [{ id: "housekeeping", expirationDays: 1 }],
              [{ id: "r" }],
              [{ id: "", expirationDays: 1 }],
              [{ id: "r", prefix: "", expirationDays: 1 }],
              [{ id: "r", prefix: "a\u0000b", expirationDays: 1 }],
              [{ id: "r", prefix: "é".repeat(513), expirationDays: 1 }],
              [
                { id: "r", expirationDays: 1 },
                { id: "r", expirationDays: 2 },
              ],
              [{ id: "i".repeat(256), expirationDays: 1 }],
            ),
            badDays.map((expirationDays) => [{ id: "r", expirationDays: expirationDays ?? "1" }]),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["corsRules"],
          invalid: fc.oneof(
            fc.constantFrom(
              [{ allowedMethods: [], allowedOrigins: ["*"] }],
              [{ allowedMethods: ["PATCH"], allowedOrigins: ["*"] }],
              [{ allowedMethods: ["GET"], allowedOrigins: [] }],
              [{ allowedMethods: ["GET"], allowedOrigins: [""] }],
              [{ allowedMethods: ["GET"], allowedOrigins: ["*"], maxAgeSeconds: 86_401 }],
              [{ allowedMethods: ["GET"], allowedOrigins: ["*"], maxAgeSeconds: -1 }],
            ),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["encryption"],
          invalid: fc.oneof(
            fc.constantFrom(
              {},
              { createKey: false },
              { kmsKeyId: "not-a-key" },
              { createKey: true, rotationPeriodDays: 3651 },
            ),
            uuid.map((kmsKeyId) => ({ kmsKeyId, createKey: true })),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["objectLock"],
          invalid: fc.oneof(
            fc.constantFrom(
              { mode: "LEGAL_HOLD", days: 1 },
              { mode: "GOVERNANCE" },
              { mode: "GOVERNANCE", days: 1, years: 1 },
              { mode: "COMPLIANCE", days: 36_501 },
              { mode: "COMPLIANCE", years: 101 },
              { mode: "COMPLIANCE", days: 0.5 },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["access"],
          invalid: fc.oneof(
            fc.constantFrom({ owners: [] }, { owners: [{}] }, { owners: [{ userId: "x" }] }),
            uuid.map((id) => ({ owners: [{ userId: id, applicationId: id }] })),
            uuid.map((id) => ({ owners: [{ userId: id }], readApplicationIds: [id, id] })),
            uuid.map((id) => ({
              owners: [{ userId: id }],
              readApplicationIds: [id],
              readWriteApplicationIds: [id],
            })),
            A.wrongType(["object", "undefined"]),
          ),
        },
      ],
    }),
  },
);

const build = (name: string, args: BucketArgs) => new Bucket(name, args);

describe("Bucket under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () => fuzz.refused("Bucket", invalidCases, build as never, { numRuns: RUNS.refused }),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () => fuzz.safeGraph("Bucket", validCases, build, { numRuns: RUNS.safeGraph }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Bucket", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
