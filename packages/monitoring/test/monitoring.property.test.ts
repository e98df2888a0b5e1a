import { arbitraries as A, fuzz } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { TOKEN_SCOPES, monitoringArgsSchema } from "../src/args";
import { Monitoring } from "../src/index";
import type { MonitoringArgs } from "../src/index";

// Runs per property: 700 refused + 200 recorded + 100 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/monitoring exec vitest run test/monitoring.property.test.ts
const RUNS = { refused: 700, safeGraph: 200, deterministic: 100 } as const;
const TIMEOUT = 300_000;

const secretText = fc.string({
  unit: fc.constantFrom(..."abcdefghijkmnpqrstuvwxyz23456789"),
  minLength: 12,
  maxLength: 24,
});
const email = fc
  .tuple(A.nameSegment(10), fc.constantFrom("example.com", "ops.example.org"))
  .map(([user, domain]) => `${user}@${domain}`);
const emails = (minLength: number) =>
  fc.uniqueArray(email, { minLength, maxLength: 3, selector: (e) => e.toLowerCase() });

const scopes = fc
  .tuple(
    fc.constantFrom(...TOKEN_SCOPES),
    fc.dictionary(fc.constantFrom(...TOKEN_SCOPES), fc.boolean(), { maxKeys: 4 }),
  )
  .map(([on, rest]) => ({ ...rest, [on]: true }));

const budget = (withEmails: boolean) =>
  fc.record(
    {
      monthlyLimitEur: fc.oneof(
        fc.integer({ min: 1, max: 10_000_000 }).map((cents) => cents / 100),
        fc.constantFrom(0.01, 42_949_672.95),
      ),
      thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 }),
      emails: emails(1),
      organizationId: A.input(fc.uuid({ version: 4 })),
    },
    { requiredKeys: withEmails ? ["monthlyLimitEur", "emails"] : ["monthlyLimitEur"] },
  );

/** The exporter, with the header values it holds as plain text. */
const exporter = (sourceKeys: string[]) =>
  fc
    .record({
      from: fc.option(
        fc.oneof(
          fc.record({ scaleway: fc.constantFrom("metrics", "logs") }),
          ...(sourceKeys.length > 0 ? [fc.constantFrom(...sourceKeys).map((source) => ({ source }))] : []),
          fc.record({ id: A.input(fc.uuid({ version: 4 }).map((id) => `fr-par/${id}`)) }),
        ),
        { nil: undefined },
      ),
      endpoint: fc.constantFrom(
        "https://otlp.example.com",
        "https://otlp.example.com:4318/v1",
        "https://é.example/otlp",
      ),
      headers: fc.dictionary(
        fc.constantFrom("Authorization", "X-Api-Key", "x-scope-orgid"),
        fc
          .tuple(secretText, fc.boolean())
          .map(([text, wrap]) => ({ value: wrap ? A.secretOf(text) : text, plain: text })),
        { maxKeys: 2 },
      ),
      products: fc.option(fc.subarray(["PostgreSQL", "SQL Databases", "Redis"], { minLength: 1 }), {
        nil: undefined,
      }),
    })
    .map(({ from, endpoint, headers, products }) => ({
      exporter: {
        ...(from ? { from } : {}),
        otlp: {
          endpoint,
          ...(Object.keys(headers).length > 0
            ? { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.value])) }
            : {}),
        },
        ...(products ? { products } : {}),
      },
      plain: Object.values(headers).map((v) => v.plain),
      // None: the component marks otlpDestination secret as a whole (for the headers), and secretLeaks
      // does not count a public endpoint that is secret only as part of an object.
      publicValues: [] as string[],
    }));

const validCases: fc.Arbitrary<FuzzCase<MonitoringArgs>> = fc
  .record({
    name: A.componentName,
    common: fc.record(A.commonArgs(), { requiredKeys: ["project", "environment"] }),
    contactPoints: emails(0).map((list) => list.map((e) => ({ email: e }))),
    sources: fc.dictionary(
      A.nameSegment(12),
      fc.record(
        {
          type: fc.constantFrom("metrics", "logs", "traces"),
          retentionDays: fc.integer({ min: 1, max: 365 }),
        },
        { requiredKeys: ["type"] },
      ),
      { maxKeys: 2 },
    ),
    pick: fc.record({ exporter: fc.boolean(), budget: fc.boolean() }),
    options: fc.record(
      {
        products: fc.subarray(["PostgreSQL", "SQL Databases", "Redis", "Kubernetes"]),
        tokens: fc.dictionary(A.nameSegment(12), scopes, { maxKeys: 2 }),
        protect: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  })
  .chain(({ name, common, contactPoints, sources, pick, options }) => {
    // Production pages someone (the policy rule scw-monitoring-alert-contacts-in-production).
    const points =
      common.environment === "production" && contactPoints.length === 0
        ? [{ email: "oncall@example.com" }]
        : contactPoints;
    return fc
      .record({
        exporter: pick.exporter
          ? exporter(Object.keys(sources)).map(
              (e) => e as { exporter?: unknown; plain: string[]; publicValues: string[] },
            )
          : fc.constant({ plain: [] as string[], publicValues: [] as string[] }),
        budget: pick.budget ? budget(points.length === 0).map((b) => ({ budget: b })) : fc.constant({}),
      })
      .map(({ exporter: { plain, publicValues, ...withExporter }, budget: withBudget }) => ({
        name,
        args: {
          ...common,
          ...(points.length > 0 ? { contactPoints: points } : {}),
          ...(Object.keys(sources).length > 0 ? { sources } : {}),
          ...options,
          ...withExporter,
          ...withBudget,
        } as unknown as MonitoringArgs,
        secrets: plain,
        publicValues,
      }));
  });

const validArgs = validCases.map((c) => c.args as unknown as Record<string, unknown>);

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validArgs }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(validArgs, {
      keys: Object.keys(monitoringArgsSchema.shape),
      strictObjects: [
        { path: ["exporter"], keys: ["from", "otlp", "products"] },
        { path: ["exporter", "otlp"], keys: ["endpoint", "headers"] },
        { path: ["budget"], keys: ["monthlyLimitEur", "thresholds", "emails", "organizationId"] },
      ],
      fields: [
        {
          path: ["contactPoints"],
          invalid: fc.oneof(
            fc.constantFrom(
              [{ email: "not-an-email" }],
              [{ email: "a@example.com" }, { email: "A@example.com" }],
              [{ mail: "a@example.com" }],
              [{}],
            ),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["products"],
          invalid: fc.oneof(
            fc.constantFrom(
              ["rdb"],
              ["PostgreSQL", "PostgreSQL"],
              [""],
              ["postgresql"],
              ["serverless-containers"],
            ),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["tokens"],
          invalid: fc.oneof(
            fc.constantFrom(
              { ci: {} },
              { ci: { queryMetrics: false } },
              { ci: { readEverything: true } },
              { Ci: { queryLogs: true } },
              { ci: { queryLogs: "yes" } },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["sources"],
          invalid: fc.oneof(
            fc.constantFrom(
              { app: { type: "events" } },
              { app: { type: "logs", retentionDays: 0 } },
              { app: { type: "logs", retentionDays: 366 } },
              { app: { type: "logs", retentionDays: 1.5 } },
              { App: { type: "logs" } },
              { app: {} },
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        { path: ["protect"], invalid: A.wrongType(["boolean", "undefined"]) },
        { path: ["protectSources"], invalid: fc.oneof(fc.boolean(), A.wrongType(["undefined"])) },
        {
          path: ["exporter", "otlp", "endpoint"],
          invalid: fc.oneof(
            fc.constantFrom("http://otlp.example.com", "otlp.example.com", "", "https://", "ftp://x.example"),
            A.wrongType(["string"]),
          ),
        },
        {
          path: ["exporter", "otlp", "headers"],
          invalid: fc.oneof(
            fc.constantFrom({ Authorization: "" }, { "Bad Header": "x" }, { Authorization: 42 }, { "": "x" }),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["exporter", "from"],
          invalid: fc.oneof(
            fc.constantFrom(
              { scaleway: "traces" },
              { source: "missing-source" },
              { id: "" },
              { scaleway: "metrics", id: "x" },
              {},
            ),
            A.wrongType(["object", "undefined"]),
          ),
        },
        {
          path: ["budget", "monthlyLimitEur"],
          invalid: fc.oneof(
            fc.constantFrom(0, -1, 0.001, 1.005, 42_949_672.96, 1e12),
            A.boundaryNumber.filter(
              (n) => !(n > 0 && n <= 42_949_672.95 && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6),
            ),
            A.wrongType(["number"]),
          ),
        },
        {
          path: ["budget", "thresholds"],
          invalid: fc.oneof(
            fc.constantFrom(
              [],
              [0],
              [101],
              [50, 50],
              [12.5],
              Array.from({ length: 11 }, (_, i) => i + 1),
            ),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["budget", "emails"],
          invalid: fc.oneof(
            fc.constantFrom([], ["nope"], ["a@example.com", "A@example.com"]),
            A.wrongType(["array", "undefined"]),
          ),
        },
        {
          path: ["budget", "organizationId"],
          invalid: fc.oneof(
            fc.constantFrom("", "org", "11111111-2222-4333-8444-55555555555"),
            A.wrongType(["string", "deferred", "undefined"]),
          ),
        },
      ],
    }),
  },
);

const build = (name: string, args: MonitoringArgs) => new Monitoring(name, args);

describe("Monitoring under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () => fuzz.refused("Monitoring", invalidCases, build as never, { numRuns: RUNS.refused }),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () => fuzz.safeGraph("Monitoring", validCases, build, { numRuns: RUNS.safeGraph }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Monitoring", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
