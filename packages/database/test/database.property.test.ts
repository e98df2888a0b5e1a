import { environmentProfile } from "@scaleway-blocks/core";
import type { Environment } from "@scaleway-blocks/core";
import { Network } from "@scaleway-blocks/network";
import { arbitraries as A, fuzz } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { managedDatabaseArgsSchema, serverlessDatabaseArgsSchema } from "../src/args";
import { Database } from "../src/index";
import type { DatabaseArgs } from "../src/index";

// Runs per property: 800 refused + 150 recorded + 50 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/database exec vitest run test/database.property.test.ts
// A managed database records ~30 resources (~80 ms on a loaded 2-core machine), so fewer recorded runs.
const RUNS = { refused: 800, safeGraph: 150, deterministic: 50 } as const;
const TIMEOUT = 300_000;

/** Stands for a Network component built in the same program (the build function creates it). */
const NETWORK = "<a Network in the database's region>";

const uuid = fc.uuid({ version: 4 });
const RESERVED = /^(postgres|public|none|template.*|pg_.*|rdb.*)$/;
/** SQL names the database takes as database and user names. */
const sqlName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,14}$/).filter((n) => !RESERVED.test(n));

const databases = fc
  .record({
    admin: fc.option(sqlName, { nil: undefined }),
    dbs: fc.array(
      fc.record({
        explicitOwner: fc.boolean(),
        readers: fc.integer({ min: 0, max: 1 }),
        ownerPermission: fc.option(fc.constantFrom("all", "readwrite"), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .chain(({ admin, dbs }) => {
    const needed = 1 + dbs.reduce((n, db) => n + 1 + (db.explicitOwner ? 1 : 0) + db.readers, 0);
    return fc.uniqueArray(sqlName, { minLength: needed, maxLength: needed }).map((pool) => {
      const take = () => pool.shift()!;
      const userName = take();
      return {
        ...(admin === undefined ? {} : { userName }),
        databases: dbs.map((db) => ({
          name: take(),
          ...(db.explicitOwner ? { owner: take() } : {}),
          ...(db.ownerPermission ? { ownerPermission: db.ownerPermission } : {}),
          readOnlyUsers: Array.from({ length: db.readers }, take),
        })),
      };
    });
  });

const managedArgs = fc
  .record({
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment", "region"] }),
    how: fc.constantFrom("id", "uuid", "input", "network"),
    id: uuid,
    users: databases,
  })
  .chain(({ common, how, id, users }) => {
    const network =
      how === "network"
        ? fc.constant(NETWORK)
        : how === "uuid"
          ? fc.constant(id)
          : how === "id"
            ? fc.constant(`${common.region}/${id}`)
            : A.input(fc.constant(`${common.region}/${id}`));
    const volume = fc.oneof(
      fc.record({ volumeType: fc.constant("lssd") }),
      fc.record(
        {
          volumeType: fc.constantFrom("sbs_5k", "sbs_15k"),
          volumeSizeInGb: fc.integer({ min: 1, max: 2000 }).map((n) => n * 5),
        },
        { requiredKeys: [] },
      ),
    );
    return fc.record(
      {
        base: fc.constant({ ...common, mode: "managed", ...users }),
        network,
        volume,
        options: fc.record(
          {
            ...(how === "network" ? { privateNetworkName: fc.constant("main") } : {}),
            engine: fc.constantFrom("PostgreSQL-15", "PostgreSQL-16", "PostgreSQL-17"),
            nodeType: fc.constantFrom("DB-DEV-S", "DB-DEV-M", "DB-GP-XS", "db-pro2-xxs", "DB-POP2-2C-8G"),
            highAvailability: fc.boolean(),
            backups: fc.record(
              {
                enabled: fc.boolean(),
                frequencyHours: fc.integer({ min: 1, max: 168 }),
                retentionDays: fc.integer({ min: 1, max: 365 }),
                inAnotherRegion: fc.boolean(),
              },
              { requiredKeys: [] },
            ),
            settings: fc.dictionary(
              fc.constantFrom("max_connections", "work_mem", "timezone"),
              fc.string({ maxLength: 8 }),
              { maxKeys: 2 },
            ),
            initSettings: fc.dictionary(
              fc.constantFrom("lc_collate", "lc_ctype"),
              fc.constantFrom("C", "en_US.UTF-8"),
              { maxKeys: 2 },
            ),
            publicEndpoint: fc.oneof(
              fc.record({
                allowedCidrs: fc.subarray(["203.0.113.0/24", "198.51.100.7/32", "10.0.0.0/8"], {
                  minLength: 1,
                }),
              }),
              fc.constant({ allowedCidrs: ["0.0.0.0/0"], allowFromAnywhere: true }),
            ),
            readReplica: fc.oneof(fc.boolean(), fc.record({ sameZone: fc.boolean() }, { requiredKeys: [] })),
            protect: fc.boolean(),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ["base", "network", "volume", "options"] },
    );
  })
  .map(({ base, network, volume, options }) => {
    // Turning HA off where the profile turns it on is allowed, but warns on every run: keep the log quiet.
    const quiet =
      environmentProfile(base.environment as Environment).database.highAvailability &&
      options.highAvailability === false;
    return {
      ...base,
      network,
      ...volume,
      ...options,
      ...(quiet ? { highAvailability: true } : {}),
    } as unknown as DatabaseArgs;
  });

const serverlessArgs = fc
  .record({
    common: fc.record(
      {
        ...A.commonArgs({ regions: ["fr-par"] }),
        project: A.nameSegment(12).filter((p) => !RESERVED.test(p)),
      },
      { requiredKeys: ["project", "environment"] },
    ),
    databaseName: fc.option(sqlName, { nil: undefined }),
    cpu: fc
      .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 15 }))
      .filter(([min, max]) => min <= max),
    iamAccess: fc.option(
      fc.oneof(
        fc.boolean(),
        fc.record(
          {
            permissionSet: fc.constantFrom("ServerlessSQLDatabaseReadWrite", "ServerlessSQLDatabaseReadOnly"),
            apiKey: fc.record({
              expiresAt: fc.constantFrom("2099-01-01T00:00:00Z", "2080-06-30T12:00:00.5+02:00"),
            }),
          },
          { requiredKeys: [] },
        ),
        fc.tuple(fc.integer({ min: 2, max: 3650 }), fc.nat()).map(([lifetimeDays, n]) => ({
          apiKey: { rotation: { lifetimeDays, rotateEveryDays: 1 + (n % (lifetimeDays - 1)) } },
        })),
      ),
      { nil: undefined },
    ),
    protect: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ common, databaseName, cpu: [minCpu, maxCpu], iamAccess, protect }) => {
    const args: Record<string, unknown> = {
      ...common,
      mode: "serverless",
      minCpu,
      maxCpu,
      databaseName,
      iamAccess,
      protect,
    };
    for (const key of Object.keys(args)) if (args[key] === undefined) delete args[key];
    return args as unknown as DatabaseArgs;
  });

const validArgs = fc.oneof(managedArgs, serverlessArgs);
const validCases: fc.Arbitrary<FuzzCase<DatabaseArgs>> = fc.record({
  name: A.componentName,
  args: validArgs,
});

/** Builds the database, and first the Network it stands on when the args ask for one. */
function build(name: string, args: DatabaseArgs): Database {
  if (args.mode === "managed" && args.network === NETWORK) {
    const network = new Network(`${name}-net`, {
      project: args.project,
      environment: args.environment,
      region: args.region,
    });
    return new Database(name, { ...args, network });
  }
  return new Database(name, args);
}

const notBoolean = A.wrongType(["boolean", "undefined"]);
/** Bad input must fail before anything is registered, so no Network is built first. */
const withStringNetwork = (managedArgs as unknown as fc.Arbitrary<Record<string, unknown>>).filter(
  (args) => args.network !== NETWORK,
);

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: withStringNetwork }) },
  {
    weight: 6,
    arbitrary: A.invalidCases(withStringNetwork, {
      keys: Object.keys(managedDatabaseArgsSchema.shape),
      required: ["project", "environment", "mode", "network", "databases"],
      strictObjects: [
        { path: ["backups"], keys: ["enabled", "frequencyHours", "retentionDays", "inAnotherRegion"] },
        { path: ["publicEndpoint"], keys: ["allowedCidrs", "allowFromAnywhere"] },
      ],
      fields: [
        {
          path: ["mode"],
          invalid: fc.oneof(fc.constantFrom("Managed", "rdb", ""), A.wrongType(["string"])),
        },
        {
          path: ["network"],
          invalid: fc.oneof(
            fc.constantFrom(
              "pn-123",
              "fr-par/not-a-uuid",
              "",
              "fr-par-1/11111111-2222-4333-8444-555555555555",
            ),
            A.wrongType(["string", "deferred"]),
          ),
        },
        {
          path: ["privateNetworkName"],
          invalid: fc.oneof(fc.constant("main"), A.wrongType(["undefined"])),
        },
        {
          path: ["engine"],
          invalid: fc.oneof(
            fc.constantFrom("PostgreSQL-14", "MySQL-8", "postgresql-17"),
            A.wrongType(["undefined"]),
          ),
        },
        {
          path: ["nodeType"],
          invalid: fc.oneof(
            fc.constantFrom("", "DB", "db-", "GP-XS", "db dev s"),
            A.wrongType(["string", "undefined"]),
          ),
        },
        { path: ["highAvailability"], invalid: notBoolean },
        {
          path: ["userName"],
          invalid: fc.oneof(
            fc.constantFrom("", "postgres", "pg_admin", "rdbadmin", "Admin", "1admin", "u".repeat(64)),
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["volumeType"],
          invalid: fc.oneof(fc.constantFrom("b_ssd", "LSSD", ""), A.wrongType(["undefined"])),
        },
        {
          path: ["volumeSizeInGb"],
          invalid: fc.oneof(
            fc.constantFrom(0, 4, 7, 10_005, 12.5),
            A.boundaryNumber.filter((n) => !(Number.isInteger(n) && n >= 5 && n <= 10_000 && n % 5 === 0)),
            A.wrongType(["number", "undefined"]),
          ),
        },
        { path: ["backups"], invalid: A.wrongType(["object", "undefined"]) },
        {
          path: ["backups", "frequencyHours"],
          invalid: fc.oneof(fc.constantFrom(0, 169, 1.5), A.wrongType(["number", "undefined"])),
        },
        {
          path: ["backups", "retentionDays"],
          invalid: fc.oneof(fc.constantFrom(0, 366, 2.5), A.wrongType(["number", "undefined"])),
        },
        {
          path: ["settings"],
          invalid: fc.oneof(
            fc.constantFrom({ MaxConnections: "1" }, { max_connections: 200 }, { "": "x" }),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["publicEndpoint"],
          invalid: fc.oneof(
            fc.constantFrom(
              { allowedCidrs: [] },
              { allowedCidrs: ["0.0.0.0/0"] },
              { allowedCidrs: ["0.0.0.0/1", "128.0.0.0/1"] },
              { allowedCidrs: ["203.0.113.7/24"] },
              { allowedCidrs: ["2001:db8::/32"] },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["databases"],
          invalid: fc.oneof(
            fc.constantFrom(
              [],
              [{ name: "postgres" }],
              [{ name: "template1" }],
              [{ name: "app" }, { name: "app" }],
              [{ name: "app", readOnlyUsers: ["app"] }],
              [{ name: "App" }],
              [{ name: "app", ownerPermission: "read" }],
              [{ name: "pg_app", owner: "pg_app" }],
            ),
            A.wrongType(["array"]),
          ),
        },
        {
          path: ["readReplica"],
          invalid: fc.oneof(
            fc.constant({ sameZone: "yes" }),
            A.wrongType(["boolean", "object", "undefined"]),
          ),
        },
        { path: ["protect"], invalid: notBoolean },
      ],
    }),
  },
  {
    weight: 3,
    arbitrary: A.invalidCases(serverlessArgs as unknown as fc.Arbitrary<Record<string, unknown>>, {
      keys: Object.keys(serverlessDatabaseArgsSchema.shape),
      required: ["project", "environment", "mode"],
      fields: [
        { path: ["region"], invalid: fc.constantFrom("nl-ams", "pl-waw") },
        {
          path: ["databaseName"],
          invalid: fc.oneof(
            fc.constantFrom("", "postgres", "rdb", "Shop", "1db", "d".repeat(64)),
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["minCpu"],
          invalid: fc.oneof(fc.constantFrom(-1, 16, 0.5), A.wrongType(["number", "undefined"])),
        },
        {
          path: ["maxCpu"],
          invalid: fc.oneof(fc.constantFrom(0, 16, 1.5), A.wrongType(["number", "undefined"])),
        },
        {
          path: ["iamAccess"],
          invalid: fc.oneof(
            fc.constantFrom(
              { permissionSet: "ServerlessSQLDatabaseAdmin" },
              { apiKey: { expiresAt: "2020-01-01T00:00:00Z" } },
              { apiKey: { expiresAt: "2099-01-01" } },
              { apiKey: { rotation: { lifetimeDays: 0, rotateEveryDays: 1 } } },
              {
                apiKey: {
                  expiresAt: "2099-01-01T00:00:00Z",
                  rotation: { lifetimeDays: 90, rotateEveryDays: 30 },
                },
              },
              { apiKeyExpiresAt: "2099-01-01T00:00:00Z" },
              { readOnly: true },
            ),
            A.wrongType(["boolean", "object", "undefined"]),
          ),
        },
        { path: ["protect"], invalid: notBoolean },
      ],
    }),
  },
);

describe("Database under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () =>
      fuzz.refused(
        "Database",
        invalidCases,
        (name, args) => new Database(name as string, args as DatabaseArgs),
        {
          numRuns: RUNS.refused,
        },
      ),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () => fuzz.safeGraph("Database", validCases, build, { numRuns: RUNS.safeGraph }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Database", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
