import { ConfigError } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  SCALEWAY_PROVIDER_TYPE,
  SCALEWAY_TYPES,
  Secret,
  STACK_TYPE,
} from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { evaluate, formatFindings, hasMandatoryFailures } from "../src/index";
import type { EvaluateConfig, Finding } from "../src/index";
import { DEV_TAGS, PROD_TAGS, graphOf, resource } from "./fixtures";

const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const ALERTS = SCALEWAY_TYPES.alertManager;
const CONTAINER = SCALEWAY_TYPES.container;

const singleNode = (tags?: string[], stack?: string) =>
  resource(
    INSTANCE,
    {
      engine: "PostgreSQL-16",
      encryptionAtRest: true,
      privateNetwork: { pnId: "pn" },
      isHaCluster: false,
      ...(tags ? { tags } : {}),
    },
    { protect: true, ...(stack ? { stack } : {}) },
  );

const ids = (findings: readonly Finding[]) => findings.map((f) => f.ruleId);

describe("evaluate: environments", () => {
  it("treats a resource tagged environment=production as production", () => {
    expect(ids(evaluate(graphOf(singleNode(PROD_TAGS))))).toContain("scw-database-ha-in-production");
  });

  it("treats a resource tagged environment=dev as dev even in a stack named production", () => {
    expect(ids(evaluate(graphOf(singleNode(DEV_TAGS, "production"))))).not.toContain(
      "scw-database-ha-in-production",
    );
  });

  it("takes the environment of an untagged resource from the stack name", () => {
    expect(ids(evaluate(graphOf(singleNode(undefined, "shop-prod"))))).toContain(
      "scw-database-ha-in-production",
    );
  });

  it("takes the environment of an untagged resource from the configuration before the stack name", () => {
    const findings = evaluate(graphOf(singleNode(undefined, "production")), { environment: "staging" });
    expect(ids(findings)).not.toContain("scw-database-ha-in-production");
  });

  it.each([
    ["environment=production"],
    ["env=production"],
    ["environment=prod-eu"],
    ["Environment=Prod"],
    ["env=eu-prod-1"],
    ["stage=prd"],
    ["tier=production_fr-par"],
  ])("treats a resource tagged %s as production", (tag) => {
    expect(ids(evaluate(graphOf(singleNode([tag]))))).toContain("scw-database-ha-in-production");
  });

  it.each([["env=pre-prod"], ["environment=non-prod"], ["env=products"], ["environment=staging-prod-copy"]])(
    "does not treat a resource tagged %s as production",
    (tag) => {
      expect(ids(evaluate(graphOf(singleNode([tag], "test"))))).not.toContain(
        "scw-database-ha-in-production",
      );
    },
  );

  it.each(["production", "prod", "prod-eu", "shop-prod", "acme.production", "eu_prd_2"])(
    "takes production from the stack name %s",
    (stack) => {
      expect(ids(evaluate(graphOf(singleNode(undefined, stack))))).toContain("scw-database-ha-in-production");
    },
  );

  it.each(["preprod", "pre-prod-eu", "non-prod", "products", "dev"])(
    "does not take production from the stack name %s",
    (stack) => {
      expect(ids(evaluate(graphOf(singleNode(undefined, stack))))).not.toContain(
        "scw-database-ha-in-production",
      );
    },
  );

  it("treats an untagged resource in an unnamed environment as not production", () => {
    expect(ids(evaluate(graphOf(singleNode(undefined, "test"))))).not.toContain(
      "scw-database-ha-in-production",
    );
  });

  it("takes the environment of an untaggable resource from the tagged resources of its component", () => {
    const component = resource(BLOCK_TYPES.monitoring, {}, { name: "mon" });
    const source = resource(
      SCALEWAY_TYPES.cockpitSource,
      { retentionDays: 31, tags: PROD_TAGS },
      { name: "mon-logs", parent: component.urn },
    );
    const alerts = resource(
      ALERTS,
      { preconfiguredAlertIds: ["a"] },
      { name: "mon-alerts", parent: component.urn },
    );
    const findings = evaluate(graphOf(component, source, alerts));
    expect(findings.filter((f) => f.name === "mon-alerts").map((f) => f.ruleId)).toContain(
      "scw-monitoring-alert-contacts-in-production",
    );
  });

  it("does not guess an environment when the resources of a component disagree", () => {
    const component = resource(BLOCK_TYPES.monitoring, {}, { name: "mon" });
    const prod = resource(CONTAINER, { tags: PROD_TAGS }, { name: "a", parent: component.urn });
    const dev = resource(CONTAINER, { tags: DEV_TAGS }, { name: "b", parent: component.urn });
    const alerts = resource(
      ALERTS,
      { preconfiguredAlertIds: ["a"] },
      { name: "mon-alerts", parent: component.urn },
    );
    const findings = evaluate(graphOf(component, prod, dev, alerts));
    expect(findings.filter((f) => f.name === "mon-alerts")).toEqual([]);
  });
});

describe("evaluate: configuration", () => {
  const bad = resource(INSTANCE, { engine: "PostgreSQL-13", tags: PROD_TAGS, loadBalancer: {} });

  it("reports each finding at its rule's severity by default", () => {
    const finding = evaluate(graphOf(bad)).find((f) => f.ruleId === "scw-database-supported-engine");
    expect(finding?.severity).toBe("advisory");
  });

  it("lets a rule be disabled", () => {
    const findings = evaluate(graphOf(bad), { rules: { "scw-database-no-public-endpoint": "disabled" } });
    expect(ids(findings)).not.toContain("scw-database-no-public-endpoint");
  });

  it("lets a rule's enforcement level be changed", () => {
    const findings = evaluate(graphOf(bad), { rules: { "scw-database-supported-engine": "mandatory" } });
    expect(findings.find((f) => f.ruleId === "scw-database-supported-engine")?.severity).toBe("mandatory");
  });

  it("lets one rule have its own settings", () => {
    const ok = resource(INSTANCE, { engine: "PostgreSQL-13", tags: DEV_TAGS });
    const config: EvaluateConfig = { rules: { "scw-database-supported-engine": { minPostgresVersion: 13 } } };
    expect(ids(evaluate(graphOf(ok), config))).not.toContain("scw-database-supported-engine");
  });

  it("lets per-rule settings win over global settings", () => {
    const config: EvaluateConfig = {
      minPostgresVersion: 12,
      rules: { "scw-database-supported-engine": { enforcementLevel: "mandatory", minPostgresVersion: 14 } },
    };
    const finding = evaluate(graphOf(bad), config).find((f) => f.ruleId === "scw-database-supported-engine");
    expect(finding?.severity).toBe("mandatory");
  });

  it("refuses an unknown rule id with a ConfigError naming it", () => {
    expect(() => evaluate(graphOf(bad), { rules: { "scw-no-such-rule": "disabled" } })).toThrow(ConfigError);
    expect(() => evaluate(graphOf(bad), { rules: { "scw-no-such-rule": "disabled" } })).toThrow(
      /scw-no-such-rule/,
    );
  });

  it("refuses a bad setting with a ConfigError naming the field", () => {
    const config = { minBackupRetentionDays: 0 } as EvaluateConfig;
    expect(() => evaluate(graphOf(bad), config)).toThrow(/minBackupRetentionDays/);
  });

  it("refuses an unknown setting", () => {
    const config = { minimumRetention: 3 } as unknown as EvaluateConfig;
    expect(() => evaluate(graphOf(bad), config)).toThrow(ConfigError);
  });
});

describe("evaluate: resources and secrets", () => {
  it("ignores components, the stack and providers", () => {
    const graph = graphOf(
      resource(STACK_TYPE, {}, { name: "shop-test" }),
      resource(BLOCK_TYPES.database, {}, { name: "db" }),
      resource(SCALEWAY_PROVIDER_TYPE, { region: "it-mil" }, { name: "default" }),
    );
    expect(evaluate(graph)).toEqual([]);
  });

  it("checks a deprecated top-level class like the module class that replaced it", () => {
    const old = resource("scaleway:index/databaseInstance:DatabaseInstance", { loadBalancer: {} });
    const finding = evaluate(graphOf(old)).find((f) => f.ruleId === "scw-database-no-public-endpoint");
    expect(finding?.type).toBe("scaleway:index/databaseInstance:DatabaseInstance");
  });

  it("reads inputs held in secret markers", () => {
    const hidden = resource(INSTANCE, { disableBackup: new Secret(true), tags: DEV_TAGS });
    expect(ids(evaluate(graphOf(hidden)))).toContain("scw-database-backups-enabled");
  });

  it("never puts a value held as a secret in a message", () => {
    const hidden = resource(INSTANCE, { engine: new Secret("PostgreSQL-11"), tags: DEV_TAGS });
    const finding = evaluate(graphOf(hidden)).find((f) => f.ruleId === "scw-database-supported-engine");
    expect(finding?.message).toContain("[secret]");
    expect(finding?.message).not.toContain("PostgreSQL-11");
  });

  it("never puts the value of a secret-looking environment variable in a message", () => {
    const value = "postgres://app:Sup3r-S3cret@10.0.0.4:5432/app";
    const graph = graphOf(
      resource(CONTAINER, { environmentVariables: { DATABASE_URL: value, API_TOKEN: "tok-123456" } }),
    );
    const text = JSON.stringify(evaluate(graph));
    expect(text).toContain("DATABASE_URL");
    expect(text).not.toContain("Sup3r-S3cret");
    expect(text).not.toContain("tok-123456");
  });

  it("names the resource, its URN and type in each finding", () => {
    const r = resource(INSTANCE, { loadBalancer: {} }, { name: "orders-db" });
    const finding = evaluate(graphOf(r)).find((f) => f.ruleId === "scw-database-no-public-endpoint");
    expect(finding).toMatchObject({ name: "orders-db", urn: r.urn, type: INSTANCE, severity: "mandatory" });
    expect(finding?.remediation).toMatch(/privateNetwork/);
  });
});

describe("hasMandatoryFailures and formatFindings", () => {
  const advisory = evaluate(graphOf(resource(SCALEWAY_TYPES.iamApiKey, { applicationId: "a" })));
  const mandatory = evaluate(graphOf(resource(INSTANCE, { loadBalancer: {}, tags: DEV_TAGS })));

  it("is false when every finding is advisory", () => {
    expect(advisory.length).toBeGreaterThan(0);
    expect(hasMandatoryFailures(advisory)).toBe(false);
  });

  it("is true when a finding is mandatory", () => {
    expect(hasMandatoryFailures(mandatory)).toBe(true);
  });

  it("is false when there is no finding", () => {
    expect(hasMandatoryFailures([])).toBe(false);
  });

  it("formats mandatory findings first, one per line", () => {
    const lines = formatFindings([...advisory, ...mandatory]).split("\n");
    expect(lines).toHaveLength(advisory.length + mandatory.length);
    expect(lines[0]).toMatch(/^\[mandatory\] /);
    expect(lines[lines.length - 1]).toMatch(/^\[advisory\] /);
  });
});
