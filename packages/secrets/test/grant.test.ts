import { record, recordingGrantee, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { APPLICATION, GET_PROJECT, POLICY, argsWith } from "./helpers";

const PROVIDER_PROJECT = "99999999-8888-4777-8666-555555555555";
const ARGS_PROJECT = "11111111-2222-4333-8444-555555555555";

function secrets(overrides: Parameters<typeof argsWith>[1] = {}, name = "app") {
  return new Secrets(
    name,
    argsWith({ token: { value: "given-token-1" }, "db-password": { generate: {} } }, overrides),
  );
}

// Mock runs (the test kit): what grantAccess asks of its grantee. The grantee stands in for an
// Identity and records the grants; the Identity's own tests show the IAM policy each grant becomes.
describe("grantAccess(grantee)", () => {
  it("asks the grantee for the SecretManagerSecretAccess permission set only", async () => {
    const grantee = recordingGrantee();
    await record(() => secrets().grantAccess(grantee));
    expect(grantee.grants.map((g) => g.permissionSets)).toEqual([["SecretManagerSecretAccess"]]);
  });

  it("scopes the grant to the projectId given in args, without looking the project up", async () => {
    const grantee = recordingGrantee();
    const { graph } = await record(() => secrets({ projectId: ARGS_PROJECT }).grantAccess(grantee));
    expect(await valueOf(grantee.grants[0]!.projectId)).toBe(ARGS_PROJECT);
    expect(graph.calls.map((c) => c.token)).not.toContain(GET_PROJECT);
  });

  it("scopes the grant to the provider's default project when no projectId is given", async () => {
    const grantee = recordingGrantee();
    const { graph } = await record(() => secrets().grantAccess(grantee), { projectId: PROVIDER_PROJECT });
    expect(await valueOf(grantee.grants[0]!.projectId)).toBe(PROVIDER_PROJECT);
    expect(graph.calls.filter((c) => c.token === GET_PROJECT)).toEqual([{ token: GET_PROJECT, inputs: {} }]);
  });

  it("looks the default project up once for several grantees", async () => {
    const { graph } = await record(() => {
      const s = secrets();
      s.grantAccess(recordingGrantee());
      s.grantAccess(recordingGrantee());
    });
    expect(graph.calls.filter((c) => c.token === GET_PROJECT)).toHaveLength(1);
  });

  it("returns the id of the policy the grantee adds", async () => {
    const grantee = recordingGrantee();
    const { result } = await record(() => secrets().grantAccess(grantee));
    expect(await valueOf(result)).toBe(await valueOf(grantee.allow(grantee.grants[0]!)));
  });

  it("names the grant after the component, so one grantee can read several Secrets components", async () => {
    const grantee = recordingGrantee();
    await record(() => {
      secrets({}, "app").grantAccess(grantee);
      secrets({}, "billing").grantAccess(grantee);
    });
    expect(grantee.grants.map((g) => g.name)).toEqual(["app-secret-access", "billing-secret-access"]);
  });

  it("describes what the grantee reads", async () => {
    const grantee = recordingGrantee();
    await record(() => secrets().grantAccess(grantee));
    expect(grantee.grants[0]!.description).toBe(
      "Reads the Secret Manager secret versions in the project of shop-dev-app (token, db-password)",
    );
  });

  it("creates no IAM application or policy of its own: the grantee owns them", async () => {
    const { graph } = await record(() => secrets().grantAccess(recordingGrantee()));
    expect(graph.byType(APPLICATION)).toEqual([]);
    expect(graph.byType(POLICY)).toEqual([]);
  });
});
