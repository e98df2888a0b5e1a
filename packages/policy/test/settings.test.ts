import { ConfigError } from "@scaleway-blocks/core";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  defaultSettings,
  evaluate,
  policyPackPolicies,
  policySettingsSchema,
  settingsOverrideSchema,
} from "../src/index";
import type { PolicySettings, SettingName } from "../src/index";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

/** The JSON Schema of the settings, straight from zod: what every policy's config schema must publish. */
const fromZod = z.toJSONSchema(policySettingsSchema, { target: "draft-7", io: "input" }) as {
  properties: Record<string, Record<string, unknown>>;
};

const settingNames = Object.keys(policySettingsSchema.shape) as SettingName[];

describe("policy settings, declared once as zod", () => {
  it("publish in every policy's config schema exactly what z.toJSONSchema gives, with the pack's default", () => {
    const defaults = defaultSettings();
    let compared = 0;
    for (const policy of policyPackPolicies()) {
      for (const [name, published] of Object.entries(policy.configSchema?.properties ?? {})) {
        const { default: _declared, ...schema } = fromZod.properties[name] ?? {};
        const value = defaults[name as SettingName];
        expect(published, `${policy.name}: ${name}`).toEqual(
          value === undefined ? schema : { ...schema, default: value },
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(settingNames.length);
  });

  it("publish the settings' descriptions and bounds in the JSON Schema", () => {
    expect(fromZod.properties.minBackupRetentionDays).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 365,
      default: 7,
      description: "Minimum retention of automatic database backups, in days.",
    });
    expect(fromZod.properties.publicOptInTag).toMatchObject({
      type: "string",
      pattern: "^[^=,\\s]+=[^=,\\s]*$",
    });
  });

  it("take their defaults from the same declaration", () => {
    expect(defaultSettings()).toEqual(policySettingsSchema.parse({}));
    expect(defaultSettings().minBackupRetentionDays).toBe(7);
    expect(defaultSettings().environment).toBeUndefined();
  });

  it("override only what an override names (no defaults filled in)", () => {
    expect(settingsOverrideSchema.parse({ minPostgresVersion: 16 })).toEqual({ minPostgresVersion: 16 });
    expect(settingsOverrideSchema.parse({})).toEqual({});
  });

  it("cover every field of PolicySettings, and the override schema the same fields", () => {
    const everySetting: Record<SettingName, true> = {
      environment: true,
      allowedRegions: true,
      defaultRegion: true,
      minBackupRetentionDays: true,
      minPostgresVersion: true,
      minMysqlVersion: true,
      requiredTags: true,
      publicOptInTag: true,
      plainHttpOptInTag: true,
      ignoredEnvironmentVariables: true,
      sensitivePorts: true,
      stateBucketNamePattern: true,
      stateBucketComponents: true,
    };
    expect(settingNames).toEqual(Object.keys(everySetting));
    expect(Object.keys(settingsOverrideSchema.shape)).toEqual(settingNames);
    expect(Object.keys(fromZod.properties)).toEqual(settingNames);
  });

  it("refuse a bad setting in evaluate with a ConfigError naming the setting", () => {
    const call = () => evaluate({ resources: [] }, { publicOptInTag: "public" });
    expect(call).toThrow(ConfigError);
    expect(call).toThrow(/publicOptInTag/);
    expect(() => evaluate({ resources: [] }, { stateBucketNamePattern: "(" })).toThrow(
      /stateBucketNamePattern/,
    );
  });

  it("refuse a bad setting in a policy's pack config, naming the policy and the setting", () => {
    const policy = policyPackPolicies().find((p) => p.name === "scw-database-backup-retention");
    const validate = policy && "validateResource" in policy ? policy.validateResource : undefined;
    if (typeof validate !== "function") throw new Error("scw-database-backup-retention is a resource policy");
    const args = {
      type: SCALEWAY_TYPES.databaseInstance,
      props: {},
      urn: "urn:pulumi:dev::shop::scaleway:databases/instance:Instance::db",
      name: "db",
      getConfig: () => ({ minBackupRetentionDays: 0 }),
    } as unknown as Parameters<typeof validate>[0];
    expect(() => validate(args, () => undefined)).toThrow(
      /invalid configuration for policy scw-database-backup-retention: minBackupRetentionDays:/,
    );
  });

  it("type PolicySettings from the schema (z.output)", () => {
    const settings: PolicySettings = policySettingsSchema.parse({ environment: "production" });
    expect(settings.environment).toBe("production");
  });

  it("document each field of PolicySettings with its description (what the published .d.ts carries)", () => {
    const file = join(__dirname, "..", "src", "settings.ts");
    // A type-checker over the source, as a consumer's editor reads the published declarations.
    const program = ts.createProgram([file], {
      strict: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const alias = program
      .getSourceFile(file)!
      .statements.find(
        (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === "PolicySettings",
      )!;
    const docs = Object.fromEntries(
      checker
        .getTypeAtLocation(alias.name)
        .getProperties()
        .map((p) => [
          p.name,
          ts.displayPartsToString(p.getDocumentationComment(checker)).replace(/\s+/g, " "),
        ]),
    );
    expect(Object.keys(docs).sort()).toEqual([...settingNames].sort());
    for (const name of settingNames) expect(docs[name], name).toBe(fromZod.properties[name]?.description);
  }, 60_000);
});
