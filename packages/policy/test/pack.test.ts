import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as policyRuntime from "@pulumi/policy";
import type {
  Policy,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { describe, expect, it, vi } from "vitest";
import {
  policyPackArgs,
  policyPackPolicies,
  renderRuleTable,
  rules,
  settingsOverrideSchema,
} from "../src/index";
import { PROD_TAGS, PROD_TAG_MAP } from "./fixtures";
import { PULUMI_WIRE } from "@scaleway-blocks/core/internal";
import { SCALEWAY_PROVIDER_TYPE, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

interface FakeArgs {
  urn?: string;
  protect?: boolean;
  config?: Record<string, unknown>;
  providerRegion?: string;
}

/** What CrossGuard hands a resource validation, as a plain object. */
function fakeArgs(
  type: string,
  props: Record<string, unknown>,
  options: FakeArgs = {},
): ResourceValidationArgs {
  return {
    type,
    props,
    urn: options.urn ?? `urn:pulumi:test::shop::${type}::r`,
    name: "r",
    opts: {
      protect: options.protect ?? false,
      ignoreChanges: [],
      aliases: [],
      customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
      additionalSecretOutputs: [],
    },
    ...(options.providerRegion
      ? {
          provider: {
            type: SCALEWAY_PROVIDER_TYPE,
            props: { region: options.providerRegion },
            urn: "urn:pulumi:test::shop::pulumi:providers:scaleway::default",
            name: "default",
          },
        }
      : {}),
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: <T extends object>() => (options.config ?? {}) as T,
    notApplicable: (reason?: string): never => {
      throw new Error(`not applicable: ${reason ?? ""}`);
    },
  };
}

type AnyPolicy = ResourceValidationPolicy | StackValidationPolicy;

function policy(id: string, policies: readonly Policy[] = policyPackPolicies()): AnyPolicy {
  const found = policies.find((p) => p.name === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
}

/** What CrossGuard hands a stack validation for one resource, as a plain object. */
function stackResource(
  args: ResourceValidationArgs,
  propertyDependencies: Record<string, PolicyResource[]> = {},
): PolicyResource {
  return {
    type: args.type,
    props: args.props,
    urn: args.urn,
    name: args.name,
    opts: args.opts,
    ...(args.provider ? { provider: args.provider } : {}),
    dependencies: Object.values(propertyDependencies).flat(),
    propertyDependencies,
    isType: () => false,
    asType: () => undefined,
  };
}

/** Runs a stack policy over the given resources; what it reported, with the URN of each violation. */
async function stackViolations(
  p: AnyPolicy,
  resources: PolicyResource[],
  config: Record<string, unknown> = {},
): Promise<{ message: string; urn?: string }[]> {
  if (!("validateStack" in p)) throw new Error(`${p.name} is not a stack policy`);
  const reportViolation = vi.fn<(message: string, urn?: string) => void>();
  await p.validateStack(
    {
      resources,
      stackTags: new Map(),
      getConfig: <T extends object>() => config as T,
      notApplicable: (reason?: string): never => {
        throw new Error(`not applicable: ${reason ?? ""}`);
      },
    },
    reportViolation,
  );
  return reportViolation.mock.calls.map(([message, urn]) => ({ message, ...(urn ? { urn } : {}) }));
}

/** Runs a policy's validation on one resource (a stack policy on a stack of that resource alone). */
async function violations(p: AnyPolicy, args: ResourceValidationArgs): Promise<string[]> {
  if ("validateStack" in p) {
    const found = await stackViolations(p, [stackResource(args)], args.getConfig<Record<string, unknown>>());
    return found.map((v) => v.message);
  }
  const reportViolation = vi.fn<(message: string, urn?: string) => void>();
  const validate = p.validateResource;
  if (typeof validate !== "function") throw new Error("expected one validateResource function");
  await validate(args, reportViolation);
  return reportViolation.mock.calls.map(([message]) => message);
}

/** Exported by @pulumi/policy at run time, but marked internal in its typings. */
const { unknownCheckingProxy, UnknownValueError } = policyRuntime as unknown as {
  unknownCheckingProxy: <T extends object>(props: T) => T;
  UnknownValueError: new (...args: unknown[]) => Error;
};

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const CONTAINER = SCALEWAY_TYPES.container;
const SECRET = SCALEWAY_TYPES.secret;

describe("policyPackPolicies", () => {
  it("builds one policy per rule, named by the rule id", () => {
    expect(policyPackPolicies().map((p) => p.name)).toEqual(rules.map((r) => r.id));
  });

  it("sets each policy's enforcement level to its rule's severity", () => {
    const levels = Object.fromEntries(policyPackPolicies().map((p) => [p.name, p.enforcementLevel]));
    expect(levels).toEqual(Object.fromEntries(rules.map((r) => [r.id, r.severity])));
  });

  it("lets the enforcement level of a rule be overridden", () => {
    const policies = policyPackPolicies({
      enforcementLevels: { "scw-required-tags": "mandatory", "scw-allowed-regions": "disabled" },
    });
    expect(policy("scw-required-tags", policies).enforcementLevel).toBe("mandatory");
    expect(policy("scw-allowed-regions", policies).enforcementLevel).toBe("disabled");
  });

  it("refuses an enforcement level for an unknown rule", () => {
    expect(() => policyPackPolicies({ enforcementLevels: { "scw-nope": "advisory" } })).toThrow(/scw-nope/);
  });

  it("carries each rule's description and remediation", () => {
    const p = policy("scw-database-no-public-endpoint");
    expect(p.description).toBe(rules[0]!.description);
    expect(p.remediationSteps).toBe(rules[0]!.remediation);
  });

  it("never declares enforcementLevel as a config property (CrossGuard refuses it)", () => {
    for (const p of policyPackPolicies())
      expect(Object.keys(p.configSchema?.properties ?? {})).not.toContain("enforcementLevel");
  });

  it("exposes a rule's settings in its config schema with their defaults", () => {
    expect(policy("scw-allowed-regions").configSchema?.properties.allowedRegions).toMatchObject({
      type: "array",
      default: ["fr-par", "nl-ams", "pl-waw"],
    });
    expect(
      policy("scw-database-backup-retention").configSchema?.properties.minBackupRetentionDays?.default,
    ).toBe(7);
    expect(policy("scw-database-supported-engine").configSchema?.properties.minPostgresVersion?.default).toBe(
      15,
    );
  });

  it("uses the given settings as the config schema defaults", () => {
    const policies = policyPackPolicies({ settings: { minBackupRetentionDays: 30 } });
    expect(
      policy("scw-database-backup-retention", policies).configSchema?.properties.minBackupRetentionDays
        ?.default,
    ).toBe(30);
  });

  it("offers an environment setting on production-only rules", () => {
    expect(Object.keys(policy("scw-database-ha-in-production").configSchema?.properties ?? {})).toEqual([
      "environment",
    ]);
  });

  it("gives rules without settings no config schema", () => {
    expect(policy("scw-database-encryption-at-rest").configSchema).toBeUndefined();
  });
});

describe("a policy's validateResource", () => {
  it("reports a violation with the fix", async () => {
    const messages = await violations(
      policy("scw-database-no-public-endpoint"),
      fakeArgs(INSTANCE, { loadBalancer: {} }),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/loadBalancer is set[\s\S]*\nFix: Set privateNetwork/);
  });

  it("reports nothing for a compliant resource", async () => {
    const args = fakeArgs(INSTANCE, { privateNetwork: { pnId: "pn" } });
    expect(await violations(policy("scw-database-no-public-endpoint"), args)).toEqual([]);
  });

  it("ignores resources of other types", async () => {
    expect(await violations(policy("scw-database-no-public-endpoint"), fakeArgs(CONTAINER, {}))).toEqual([]);
  });

  it("checks a deprecated top-level class like its module class", async () => {
    const args = fakeArgs("scaleway:index/databaseInstance:DatabaseInstance", { loadBalancer: {} });
    expect(await violations(policy("scw-database-no-public-endpoint"), args)).toHaveLength(1);
  });

  it("reads its settings from the pack config", async () => {
    const p = policy("scw-allowed-regions");
    const args = (config?: Record<string, unknown>) => fakeArgs(SECRET, { region: "nl-ams" }, { config });
    expect(await violations(p, args())).toEqual([]);
    expect(await violations(p, args({ allowedRegions: ["fr-par"] }))).toHaveLength(1);
  });

  it("refuses a bad setting in the pack config, naming the policy", async () => {
    const args = fakeArgs(INSTANCE, {}, { config: { minBackupRetentionDays: "seven" } });
    await expect(violations(policy("scw-database-backup-retention"), args)).rejects.toThrow(
      /scw-database-backup-retention/,
    );
  });

  it("takes the region of a resource without one from its provider", async () => {
    const args = fakeArgs(SECRET, {}, { providerRegion: "it-mil" });
    const messages = await violations(policy("scw-allowed-regions"), args);
    expect(messages[0]).toMatch(/default region it-mil/);
  });

  it("knows production from the resource's tags", async () => {
    const args = fakeArgs(SECRET, { tags: PROD_TAGS });
    expect(await violations(policy("scw-secret-protected-in-production"), args)).toHaveLength(1);
  });

  it("knows production from a tag variant (env=prod-eu)", async () => {
    const args = fakeArgs(SECRET, { tags: ["env=prod-eu"] });
    expect(await violations(policy("scw-secret-protected-in-production"), args)).toHaveLength(1);
  });

  it("knows production from a stack name that starts with it (prod-eu)", async () => {
    const args = fakeArgs(SECRET, {}, { urn: `urn:pulumi:prod-eu::shop::${SECRET}::s` });
    expect(await violations(policy("scw-secret-protected-in-production"), args)).toHaveLength(1);
  });

  it("knows production from the stack name in the URN", async () => {
    const args = fakeArgs(SECRET, {}, { urn: `urn:pulumi:production::shop::${SECRET}::s` });
    expect(await violations(policy("scw-secret-protected-in-production"), args)).toHaveLength(1);
  });

  it("knows production from the policy's environment setting", async () => {
    const args = fakeArgs(SECRET, {}, { config: { environment: "production" } });
    expect(await violations(policy("scw-secret-protected-in-production"), args)).toHaveLength(1);
  });

  it("reads the protect option", async () => {
    const props = { tags: PROD_TAGS };
    expect(
      await violations(policy("scw-stateful-protected-in-production"), fakeArgs(INSTANCE, props)),
    ).toHaveLength(1);
    expect(
      await violations(
        policy("scw-stateful-protected-in-production"),
        fakeArgs(INSTANCE, props, { protect: true }),
      ),
    ).toEqual([]);
  });
});

describe("rules that read related resources", () => {
  const BUCKET = SCALEWAY_TYPES.bucket;
  const BUCKET_ACL = SCALEWAY_TYPES.bucketAcl;
  const BUCKET_POLICY = SCALEWAY_TYPES.bucketPolicy;
  const bucketUrn = `urn:pulumi:production::shop::${BUCKET}::assets-bucket`;
  const aclUrn = `urn:pulumi:production::shop::${BUCKET_ACL}::assets-acl`;
  const policyUrn = `urn:pulumi:production::shop::${BUCKET_POLICY}::assets-policy`;
  const publicRead = JSON.stringify({
    Statement: [{ Sid: "PublicReadObjects", Effect: "Allow", Principal: "*", Action: ["s3:GetObject"] }],
  });

  /** A bucket, its public-read ACL and its policy with a public read statement, as a stack. */
  function stack(bucketTags: Record<string, string>): PolicyResource[] {
    const bucket = stackResource(
      fakeArgs(BUCKET, { name: "shop-production-assets", tags: bucketTags }, { urn: bucketUrn }),
    );
    const acl = stackResource(
      fakeArgs(BUCKET_ACL, { bucket: "shop-production-assets", acl: "public-read" }, { urn: aclUrn }),
      { bucket: [bucket] },
    );
    const policy = stackResource(
      fakeArgs(BUCKET_POLICY, { bucket: "shop-production-assets", policy: publicRead }, { urn: policyUrn }),
      { bucket: [bucket] },
    );
    return [bucket, acl, policy];
  }

  it("are stack policies, and every other rule a resource policy", () => {
    const kinds = Object.fromEntries(
      policyPackPolicies().map((p) => [p.name, "validateStack" in p ? "stack" : "resource"]),
    );
    expect(Object.entries(kinds).filter(([, kind]) => kind === "stack")).toEqual(
      rules.filter((r) => r.readsRelatedResources).map((r) => [r.id, "stack"]),
    );
    expect(kinds["scw-bucket-no-public-acl"]).toBe("stack");
    expect(kinds["scw-database-no-public-endpoint"]).toBe("resource");
  });

  it("let a bucket tagged public=true pass the mandatory rules, with advisory findings on its ACL and policy", async () => {
    const resources = stack({ ...PROD_TAG_MAP, public: "true" });
    expect(await stackViolations(policy("scw-bucket-no-public-acl"), resources)).toEqual([]);
    expect(await stackViolations(policy("scw-bucket-policy-no-public-principal"), resources)).toEqual([]);
    const advisory = await stackViolations(policy("scw-bucket-public-on-purpose"), resources);
    expect(advisory.map((v) => v.urn)).toEqual([aclUrn, policyUrn]);
    expect(policy("scw-bucket-public-on-purpose").enforcementLevel).toBe("advisory");
  });

  it("fail a public bucket without the tag, on the URN of the ACL and of the policy", async () => {
    const resources = stack(PROD_TAG_MAP);
    const acl = await stackViolations(policy("scw-bucket-no-public-acl"), resources);
    expect(acl).toEqual([{ message: expect.stringMatching(/acl is "public-read"/) as string, urn: aclUrn }]);
    const statement = await stackViolations(policy("scw-bucket-policy-no-public-principal"), resources);
    expect(statement.map((v) => v.urn)).toEqual([policyUrn]);
    expect(await stackViolations(policy("scw-bucket-public-on-purpose"), resources)).toEqual([]);
  });

  it("find the bucket by name when CrossGuard gives no property dependency", async () => {
    const [bucket, acl] = stack({ ...PROD_TAG_MAP, public: "true" });
    const unlinked = { ...acl!, propertyDependencies: {}, dependencies: [] };
    expect(await stackViolations(policy("scw-bucket-no-public-acl"), [bucket!, unlinked])).toEqual([]);
  });

  it("read the opt-in tag from the policy's publicOptInTag setting", async () => {
    const resources = stack({ ...PROD_TAG_MAP, exposure: "internet" });
    const config = { publicOptInTag: "exposure=internet" };
    expect(await stackViolations(policy("scw-bucket-no-public-acl"), resources, config)).toEqual([]);
    expect(await stackViolations(policy("scw-bucket-no-public-acl"), resources)).toHaveLength(1);
  });

  it("check the other resources when one holds a value unknown during preview, then report it", () => {
    const [bucket, , knownPolicy] = stack(PROD_TAG_MAP);
    const unknownPolicy = stackResource(
      fakeArgs(
        BUCKET_POLICY,
        unknownCheckingProxy({
          bucket: "shop-production-assets",
          policy: PULUMI_WIRE.unknownValue,
        }),
        { urn: `${policyUrn}-unknown` },
      ),
    );
    const reportViolation = vi.fn<(message: string, urn?: string) => void>();
    const statements = policy("scw-bucket-policy-no-public-principal") as StackValidationPolicy;
    expect(() =>
      statements.validateStack(
        {
          resources: [bucket!, unknownPolicy, knownPolicy!],
          stackTags: new Map(),
          getConfig: <T extends object>() => ({}) as T,
          notApplicable: (): never => {
            throw new Error("not applicable");
          },
        },
        reportViolation,
      ),
    ).toThrow(UnknownValueError);
    expect(reportViolation.mock.calls.map(([, urn]) => urn)).toEqual([policyUrn]);
  });
});

describe("a database instance's public endpoint under CrossGuard", () => {
  const props = (tags: string[]) => ({ loadBalancer: {}, privateNetwork: { pnId: "pn" }, tags });

  it("passes the mandatory rule with an advisory finding when tagged public=true", async () => {
    const args = fakeArgs(INSTANCE, props([...PROD_TAGS, "public=true"]));
    expect(await violations(policy("scw-database-no-public-endpoint"), args)).toEqual([]);
    const advisory = await violations(policy("scw-database-public-endpoint-on-purpose"), args);
    expect(advisory).toEqual([
      expect.stringMatching(/loadBalancer is set on an instance tagged "public=true"/),
    ]);
  });

  it("fails the mandatory rule when not tagged public", async () => {
    const args = fakeArgs(INSTANCE, props(PROD_TAGS));
    expect(await violations(policy("scw-database-no-public-endpoint"), args)).toHaveLength(1);
    expect(await violations(policy("scw-database-public-endpoint-on-purpose"), args)).toEqual([]);
  });
});

describe("values unknown during preview", () => {
  const UNKNOWN_STRING = PULUMI_WIRE.unknownValue;
  const container = unknownCheckingProxy({
    namespaceId: UNKNOWN_STRING,
    privacy: "private",
    httpsConnectionsOnly: true,
    environmentVariables: { DATABASE_HOST: UNKNOWN_STRING, DB_PASSWORD: UNKNOWN_STRING },
    tags: PROD_TAGS,
  }) as Record<string, unknown>;

  it("do not stop rules that do not read them", async () => {
    const messages = await Promise.all(
      policyPackPolicies().map((p) => violations(p, fakeArgs(CONTAINER, container))),
    );
    expect(messages.flat().some((m) => /DB_PASSWORD/.test(m))).toBe(true);
  });

  it("in tags do not hide the known tags", async () => {
    const props = unknownCheckingProxy({ tags: [...PROD_TAGS, UNKNOWN_STRING] }) as Record<string, unknown>;
    expect(
      await violations(policy("scw-secret-protected-in-production"), fakeArgs(SECRET, props)),
    ).toHaveLength(1);
  });

  it("surface as CrossGuard's UnknownValueError when a rule needs them", async () => {
    const props = unknownCheckingProxy({ disableBackup: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7" }) as Record<
      string,
      unknown
    >;
    await expect(
      violations(policy("scw-database-backups-enabled"), fakeArgs(INSTANCE, props)),
    ).rejects.toBeInstanceOf(UnknownValueError);
  });
});

describe("policyPackArgs", () => {
  it("holds every policy and the rule table as the pack's README", () => {
    const args = policyPackArgs();
    expect(args.policies).toHaveLength(rules.length);
    expect(args.readme).toContain(renderRuleTable());
  });

  it("matches the example config shipped with the pack", () => {
    const example = JSON.parse(
      readFileSync(join(__dirname, "..", "pack", "policy-config.example.json"), "utf8"),
    ) as Record<string, unknown>;
    const names = new Set(policyPackArgs().policies.map((p) => p.name));
    for (const [name, config] of Object.entries(example)) {
      expect(names.has(name), name).toBe(true);
      if (typeof config === "string") continue;
      const { enforcementLevel, ...settings } = config as Record<string, unknown>;
      expect(["mandatory", "advisory", "disabled", undefined]).toContain(enforcementLevel);
      expect(settingsOverrideSchema.safeParse(settings).success, name).toBe(true);
    }
  });
});
