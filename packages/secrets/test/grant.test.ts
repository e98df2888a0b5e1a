import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { record, recordError, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { APPLICATION, COMPONENT, GET_PROJECT, POLICY, argsWith } from "./helpers";

const PROVIDER_PROJECT = "99999999-8888-4777-8666-555555555555";
const ARGS_PROJECT = "11111111-2222-4333-8444-555555555555";
const APP_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

function secrets(overrides: Parameters<typeof argsWith>[1] = {}) {
  return new Secrets(
    "app",
    argsWith({ token: { value: "given-token-1" }, "db-password": { generate: {} } }, overrides),
  );
}

describe("grantAccess", () => {
  it("creates an IAM application and a policy bound to it, both parented to the component", async () => {
    const { graph, result } = await record(() => {
      const s = secrets();
      return { s, grant: s.grantAccess("api") };
    });
    const component = graph.one(COMPONENT);
    const app = graph.one(APPLICATION);
    const policy = graph.one(POLICY);
    expect(app.parent).toBe(component.urn);
    expect(policy.parent).toBe(component.urn);
    expect(policy.inputs.applicationId).toBe(app.id);
    expect(await valueOf(result.grant.applicationId)).toBe(app.id);
    expect(await valueOf(result.grant.policyId)).toBe(policy.id);
  });

  it("grants the SecretManagerSecretAccess permission set only", async () => {
    const { graph } = await record(() => secrets().grantAccess("api"));
    const rules = graph.inputsOf(POLICY).rules as Array<Record<string, unknown>>;
    expect(rules).toHaveLength(1);
    expect(rules[0]!.permissionSetNames).toEqual(["SecretManagerSecretAccess"]);
  });

  it("scopes the policy to the projectId given in args, without looking the project up", async () => {
    const { graph } = await record(() => secrets({ projectId: ARGS_PROJECT }).grantAccess("api"));
    const rules = graph.inputsOf(POLICY).rules as Array<Record<string, unknown>>;
    expect(rules[0]!.projectIds).toEqual([ARGS_PROJECT]);
    expect(rules[0]!.organizationId).toBeUndefined();
    expect(graph.calls.map((c) => c.token)).not.toContain(GET_PROJECT);
  });

  it("scopes the policy to the provider's default project when no projectId is given", async () => {
    const { graph } = await record(() => secrets().grantAccess("api"), { projectId: PROVIDER_PROJECT });
    const rules = graph.inputsOf(POLICY).rules as Array<Record<string, unknown>>;
    expect(rules[0]!.projectIds).toEqual([PROVIDER_PROJECT]);
    expect(graph.calls.filter((c) => c.token === GET_PROJECT)).toEqual([{ token: GET_PROJECT, inputs: {} }]);
  });

  it("looks the default project up once for several grants", async () => {
    const { graph } = await record(() => {
      const s = secrets();
      s.grantAccess("api");
      s.grantAccess("worker");
    });
    expect(graph.byType(POLICY)).toHaveLength(2);
    expect(graph.calls.filter((c) => c.token === GET_PROJECT)).toHaveLength(1);
  });

  it("uses the application given instead of creating one", async () => {
    const { graph, result } = await record(() => secrets().grantAccess("api", { applicationId: APP_ID }));
    expect(graph.byType(APPLICATION)).toHaveLength(0);
    expect(graph.inputsOf(POLICY).applicationId).toBe(APP_ID);
    expect(await valueOf(result.applicationId)).toBe(APP_ID);
  });

  it("accepts an application id given as an Output", async () => {
    const { graph } = await record(() =>
      secrets().grantAccess("api", { applicationId: pulumi.output(APP_ID) }),
    );
    expect(graph.inputsOf(POLICY).applicationId).toBe(APP_ID);
  });

  it("names and tags the application and the policy like the component's other resources", async () => {
    const { graph } = await record(() => secrets({ tags: { team: "shop" } }).grantAccess("api"));
    const tags = ["component=secrets", "environment=dev", "managed-by=pulumi", "project=shop", "team=shop"];
    expect(graph.inputsOf(APPLICATION)).toMatchObject({ name: "shop-dev-app-api-access", tags });
    expect(graph.inputsOf(POLICY)).toMatchObject({ name: "shop-dev-app-api-access", tags });
    expect(graph.one(APPLICATION).name).toBe("app-api-app");
    expect(graph.one(POLICY).name).toBe("app-api-policy");
  });

  it("describes what the application reads", async () => {
    const { graph } = await record(() => secrets().grantAccess("api"));
    expect(graph.inputsOf(APPLICATION).description).toBe(
      "Reads the Secret Manager secrets of shop-dev-app (token, db-password)",
    );
  });

  it("refuses a second grant with the same name with a ConfigError", async () => {
    const { error, graph } = await recordError(() => {
      const s = secrets();
      s.grantAccess("api");
      s.grantAccess("api");
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["grantAccess.name"]);
    expect(graph.byType(POLICY)).toHaveLength(1);
  });

  it("refuses a bad grant name with a ConfigError before creating the grant", async () => {
    const { error, graph } = await recordError(() => secrets().grantAccess("API Reader"));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      expect.objectContaining({ path: "grantAccess.name", received: '"API Reader"' }),
    ]);
    expect(graph.byType(APPLICATION)).toHaveLength(0);
    expect(graph.byType(POLICY)).toHaveLength(0);
  });

  it("refuses an application id that is not a UUID", async () => {
    const { error, graph } = await recordError(() =>
      secrets().grantAccess("api", { applicationId: "my-app" }),
    );
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["grantAccess.applicationId"]);
    expect(graph.byType(POLICY)).toHaveLength(0);
  });
});
