import { z } from "zod";
import { serviceGoalsSchema } from "./service-goals";

import { PLAN_SCHEMA_VERSION } from "./schema-version";
import { BaselineError } from "./baseline-error";

export { PLAN_SCHEMA_VERSION, BaselineError };

const json = z.json();

const status = z
  .enum(["official", "third-party", "inferred", "live", "unknown"])
  .describe(
    "How the price is known: official docs, third-party document, inferred, live catalog, or unknown.",
  );

const costLine = z.object({
  item: z.string(),
  priceKey: z.string().describe('Key in the price table, e.g. "containers.vcpu" or "rdb.node.db-dev-s".'),
  quantity: z.number().nullable().describe("Units per month; null when unknown."),
  unit: z.string(),
  unitPrice: z.number().nullable().describe("EUR per unit, excl. VAT; null when unknown."),
  monthly: z.number().nullable().describe("EUR per month; null when unknown (never counted as zero)."),
  status,
  source: z.string(),
  assumptions: z.array(z.string()).describe("Assumption keys the quantity comes from."),
  note: z.string().optional(),
});

const costTotal = {
  known: z.number().describe("EUR per month of the items whose price is known."),
  unknownCount: z.number().int().nonnegative().describe("Items whose price or quantity is unknown."),
};

const costSum = z.object(costTotal);

const costChange = z.object({
  urn: z.string(),
  type: z.string(),
  name: z.string(),
  change: z
    .enum(["added", "removed", "changed"])
    .describe("added: only in this plan; removed: only in the baseline; changed: in both, at another cost."),
  before: costSum.nullable().describe("The monthly cost in the baseline; null when added."),
  after: costSum.nullable().describe("The monthly cost in this plan; null when removed."),
  delta: z.number().describe("EUR per month: known cost after minus before (a missing side counts 0)."),
  beforeUrn: z.string().optional().describe("The baseline URN, when matched through an alias."),
});

const costDiff = z
  .object({
    currency: z.literal("EUR"),
    basis: z
      .string()
      .describe(
        "What the before side is: e.g. the baseline's resources priced with this plan's prices and usage.",
      ),
    before: costSum,
    after: costSum,
    delta: z
      .number()
      .describe(
        "EUR per month, after.known - before.known; unknown items are in neither side (see unknownCount).",
      ),
    resources: z.array(costChange).describe("Resources whose cost differs, largest change first."),
    adjustments: z
      .object({ before: z.number(), after: z.number(), delta: z.number() })
      .describe("Stack-wide lines (per-account free tiers): their sum before and after."),
    unchangedCount: z.number().int().nonnegative().describe("Resources in both at the same cost."),
  })
  .describe("The monthly cost before and after, per resource and in total (Infracost's diff).");

const settingValue = z.union([z.string(), z.number(), z.boolean()]);

const resource = z.object({
  urn: z.string(),
  type: z.string().describe("The registered type token."),
  displayType: z.string().describe('Short type, e.g. "databases.Instance", or the component type token.'),
  name: z.string().describe("The Pulumi name."),
  custom: z.boolean().describe("true for provider resources, false for components."),
  parent: z.string().optional().describe("The parent's URN; absent directly under the stack."),
  dependencies: z.array(z.string()).describe("URNs this resource waits for."),
  inputs: z
    .record(z.string(), json)
    .describe('Inputs; secrets are "[secret]", resource references { "$resource": urn }.'),
  protect: z.boolean(),
  retainOnDelete: z.boolean(),
  replaceOnChanges: z.array(z.string()),
  aliases: z.array(z.string()),
  mockId: z
    .string()
    .optional()
    .describe("The id the mocks gave (stable across runs); not a real Scaleway id."),
  settings: z.record(z.string(), settingValue).describe("Key settings shown in the tree."),
  stateful: z.boolean().describe("Holds data that a delete or a replace destroys."),
});

const summary = { urn: z.string(), type: z.string(), name: z.string() };

const finding = z.object({
  ruleId: z.string(),
  severity: z.enum(["mandatory", "advisory"]),
  urn: z.string(),
  name: z.string(),
  type: z.string(),
  message: z.string(),
  remediation: z.string().optional(),
});

const pathStep = z.object({
  urn: z.string(),
  name: z.string(),
  type: z.string(),
  startSeconds: z.number(),
  seconds: z.number(),
  finishSeconds: z.number(),
  basis: z
    .enum(["measured", "official", "third-party", "assumption", "override"])
    .describe("measured: the p90 of the provider's recorded acceptance tests."),
  source: z.string(),
  maxSeconds: z.number().optional().describe("The slowest recorded creation of the type, when measured."),
  upperBoundSeconds: z.number().optional().describe("The provider's create timeout, when known."),
});

export const planDocumentSchema = z
  .object({
    schemaVersion: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe("MAJOR.MINOR of this document's schema."),
    generator: z.object({ name: z.string(), version: z.string() }),
    project: z.string(),
    stack: z.string(),
    generatedAt: z.string().describe("ISO 8601 time of the plan."),
    mockRun: z
      .boolean()
      .describe(
        "true: the program ran under mocks. false (since 1.2): read from a `pulumi preview --json` document (--from-preview). Either way nothing was deployed.",
      ),
    origin: z
      .enum(["mock-run", "pulumi-preview"])
      .optional()
      .describe(
        "Where the resources come from (since 1.2): a mock run of the program, or the steps and states of a real `pulumi preview --json` (--from-preview), whose diff is the engine's own.",
      ),
    defaultRegion: z
      .string()
      .describe("The provider's default region (stack config scaleway:region, else fr-par)."),
    resources: z
      .array(resource)
      .describe("Components and resources, in registration order (the stack itself excluded)."),
    cost: z.object({
      currency: z.literal("EUR"),
      priceDate: z.string(),
      priceOrigin: z.enum(["table", "live"]),
      resources: z.array(
        z.object({
          ...summary,
          ...costTotal,
          lines: z.array(costLine),
          usage: z
            .record(z.string(), z.union([z.number(), z.boolean()]))
            .optional()
            .describe(
              "The usage file's figures for this resource (assumption keys), when it has some (since 1.2).",
            ),
        }),
      ),
      components: z.array(z.object({ ...summary, ...costTotal })),
      adjustments: z.array(costLine).describe("Stack-wide lines: per-account free tiers, when applied."),
      total: z.object(costTotal),
      assumptions: z.array(
        z.object({ key: z.string(), value: z.union([z.number(), z.boolean()]), description: z.string() }),
      ),
      diff: costDiff.optional().describe("Present with --baseline (since 1.2)."),
    }),
    dataLocations: z
      .object({
        regions: z
          .array(z.object({ region: z.string(), data: z.array(z.string()) }))
          .describe("Per region, what the stack stores there (databases, buckets, secrets, Cockpit data…)."),
        offSite: z
          .array(z.object({ what: z.string(), anyOf: z.array(z.string()) }))
          .describe("Copies Scaleway places in another region of its choosing (off-site database backups)."),
        external: z
          .array(z.object({ what: z.string(), to: z.string() }))
          .describe("Copies sent out of Scaleway (Cockpit exports)."),
      })
      .optional()
      .describe("Where the stack keeps its data, as @scaleway-blocks/policy's scw-data-residency reads it."),
    policy: z.object({
      findings: z.array(finding),
      mandatory: z.number().int().nonnegative(),
      advisory: z.number().int().nonnegative(),
      failed: z.boolean().describe("A mandatory rule fails (exit status 1)."),
    }),
    deployTime: z.object({
      scope: z
        .enum(["create", "changes"])
        .describe("create: a deploy from nothing; changes: with --baseline, only what changes is timed."),
      totalSeconds: z.number(),
      maxSeconds: z.number().describe("The total with the slowest recorded creation of each measured type."),
      upperBoundSeconds: z.number().describe("The total with every provider timeout."),
      targetSeconds: z.number(),
      withinTarget: z.boolean(),
      steps: z.array(pathStep).describe("The critical path, first to last."),
    }),
    serviceGoals: serviceGoalsSchema
      .optional()
      .describe("Which of the seed's three service goals the configuration supports, and why (since 1.2)."),
    diff: z
      .object({
        baseline: z.object({ project: z.string(), stack: z.string(), generatedAt: z.string() }),
        added: z.array(z.object(summary)),
        removed: z.array(z.object(summary)),
        changed: z.array(
          z.object({
            ...summary,
            changedInputs: z.array(z.string()),
            replaceInputs: z.array(z.string()),
            reason: z
              .string()
              .optional()
              .describe("Why it is replaced when no input of its own says so (an engine upgrade)."),
          }),
        ),
        dataLossRisks: z.array(
          z.object({
            ...summary,
            action: z.enum(["delete", "replace"]),
            reason: z.string(),
            newUrn: z.string().optional(),
            protect: z.boolean(),
            retainOnDelete: z.boolean(),
          }),
        ),
      })
      .optional()
      .describe("Present with --baseline."),
    warnings: z.array(z.string()),
    exitCode: z
      .union([z.literal(0), z.literal(1), z.literal(2)])
      .describe("0 ok, 1 mandatory policy failure, 2 data-loss risk."),
  })
  .describe("scaleway-blocks plan: an offline plan of a Pulumi deployment on Scaleway");

export type PlanDocument = z.infer<typeof planDocumentSchema>;

/** The JSON Schema of the document (what schema/plan.schema.json holds). */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planDocumentSchema, { io: "input", target: "draft-2020-12" }),
    $id: `https://scaleway-blocks.dev/schemas/plan-${PLAN_SCHEMA_VERSION}.json`,
    title: `scaleway-blocks plan ${PLAN_SCHEMA_VERSION}`,
  };
}

/** What a baseline must hold to be compared: the same major version and the resources. */
const baselineSchema = z.object({
  schemaVersion: z.string().regex(/^1\.\d+$/, "expected a plan of schema version 1.x"),
  project: z.string(),
  stack: z.string(),
  generatedAt: z.string(),
  defaultRegion: z.string().optional(),
  resources: z.array(
    resource.pick({
      mockId: true,
      urn: true,
      type: true,
      name: true,
      custom: true,
      parent: true,
      inputs: true,
      protect: true,
      retainOnDelete: true,
      replaceOnChanges: true,
      aliases: true,
    }),
  ),
});

export type Baseline = z.infer<typeof baselineSchema>;

/** Reads an earlier plan (`--json` output) for comparison; throws a BaselineError naming what is wrong. */
export function parseBaseline(value: unknown): Baseline {
  const parsed = baselineSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new BaselineError(`not a scaleway-blocks plan (--json output): ${issues.join("; ")}`);
}
