import { DEFAULT_KEY_ROTATION, rotatingExpiry, unwrapSecrets } from "@scaleway-blocks/core/internal";
import type { Grantee } from "@scaleway-blocks/core";
import { isSecretOutput, record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Identity } from "../src/index";
import {
  API_KEY,
  APPLICATION,
  COMPONENT,
  OTHER_PROJECT_ID,
  POLICY,
  PROJECT_ID,
  READ_ORDERS,
  argsWith,
} from "./helpers";

describe("Identity", () => {
  it("creates an IAM application, a policy per permission and an API key, all children of the component", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith({ permissions: [READ_ORDERS] })));
    const component = graph.one(COMPONENT);
    expect(
      graph
        .childrenOf(component)
        .map((r) => r.type)
        .sort(),
    ).toEqual([API_KEY, APPLICATION, POLICY]);
  });

  it("names the application after the component and describes it with the description given", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith()));
    const app = graph.one(APPLICATION);
    expect(app.name).toBe("worker-app");
    expect(app.inputs.name).toBe("shop-dev-worker");
    expect(app.inputs.description).toBe("Order worker");
    expect(app.inputs.tags).toContain("component=identity");
  });

  it("binds each policy to the application, with the grant's permission sets on the grant's project only", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith({ permissions: [READ_ORDERS] })));
    const policy = graph.one(POLICY);
    expect(policy.name).toBe("worker-orders-read");
    expect(policy.inputs.applicationId).toBe(graph.one(APPLICATION).id);
    expect(policy.inputs.description).toBe("Reads the order exports");
    expect(policy.inputs.rules).toEqual([
      { permissionSetNames: ["ObjectStorageObjectsRead"], projectIds: [PROJECT_ID] },
    ]);
  });

  it("has no policy unless one is given: an identity starts with no permission", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith()));
    expect(graph.byType(POLICY)).toEqual([]);
  });

  it("creates the API key after the policies given at construction", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith({ permissions: [READ_ORDERS] })));
    const key = graph.one(API_KEY);
    expect(graph.explicitDependenciesOf(key).map((r) => r.urn)).toContain(graph.one(POLICY).urn);
    expect(key.inputs.applicationId).toBe(graph.one(APPLICATION).id);
  });

  it("makes the API key expire with the current window of core's default rotation", async () => {
    const { graph, result } = await record(() => new Identity("worker", argsWith()));
    const expected = rotatingExpiry(DEFAULT_KEY_ROTATION);
    expect(graph.inputsOf(API_KEY).expiresAt).toBe(expected);
    expect(result.apiKeyExpiresAt).toBe(expected);
  });

  it("makes the API key expire with a rotation given", async () => {
    const rotation = { lifetimeDays: 10, rotateEveryDays: 5 };
    const { graph } = await record(() => new Identity("worker", argsWith({ apiKey: { rotation } })));
    expect(graph.inputsOf(API_KEY).expiresAt).toBe(rotatingExpiry(rotation));
  });

  it("makes the API key expire at the date given", async () => {
    const { graph } = await record(
      () => new Identity("worker", argsWith({ apiKey: { expiresAt: "2099-01-01T00:00:00Z" } })),
    );
    expect(graph.inputsOf(API_KEY).expiresAt).toBe("2099-01-01T00:00:00Z");
  });

  it("sets the API key's default project to the projectId given", async () => {
    const { graph } = await record(() => new Identity("worker", argsWith({ projectId: OTHER_PROJECT_ID })));
    expect(graph.inputsOf(API_KEY).defaultProjectId).toBe(OTHER_PROJECT_ID);
  });

  it("creates no API key with apiKey false, and has no access or secret key", async () => {
    const { graph, result } = await record(() => new Identity("worker", argsWith({ apiKey: false })));
    expect(graph.byType(API_KEY)).toEqual([]);
    expect(result.apiKey).toBeUndefined();
    expect(result.accessKey).toBeUndefined();
    expect(result.secretKey).toBeUndefined();
  });

  it("exposes the application, the key and the policies it registered", async () => {
    const { graph, result } = await record(
      () => new Identity("worker", argsWith({ permissions: [READ_ORDERS] })),
    );
    expect(await valueOf(result.application.urn)).toBe(graph.one(APPLICATION).urn);
    expect(await valueOf(result.apiKey!.urn)).toBe(graph.one(API_KEY).urn);
    expect(Object.keys(result.policies)).toEqual(["orders-read"]);
    expect(await valueOf(result.policies["orders-read"]!.urn)).toBe(graph.one(POLICY).urn);
  });

  it("outputs the application id, the access key, the secret key and the policy ids", async () => {
    const { graph, result } = await record(
      () => new Identity("worker", argsWith({ permissions: [READ_ORDERS] })),
    );
    const key = graph.one(API_KEY);
    expect(await valueOf(result.applicationId)).toBe(graph.one(APPLICATION).id);
    expect(await valueOf(result.accessKey!)).toBe(key.outputs.accessKey);
    expect(await valueOf(result.secretKey!)).toBe(unwrapSecrets(key.outputs.secretKey));
    expect(await valueOf(result.policyIds)).toEqual([graph.one(POLICY).id]);
  });

  it("wraps the secret key as a Pulumi secret, and no graph value holds it in plain text", async () => {
    const { graph, result } = await record(() => new Identity("worker", argsWith()));
    expect(await isSecretOutput(result.secretKey!)).toBe(true);
    expect(await isSecretOutput(result.accessKey!)).toBe(false);
    const secretKey = unwrapSecrets(graph.one(API_KEY).outputs.secretKey) as string;
    expect(graph.secretLeaks([secretKey])).toEqual([]);
  });
});

describe("allow", () => {
  it("adds a policy named <identity>-<grant> bound to the application, and returns its id", async () => {
    const { graph, result } = await record(() => {
      const identity = new Identity("worker", argsWith());
      return identity.allow(READ_ORDERS);
    });
    const policy = graph.one(POLICY);
    expect(policy.name).toBe("worker-orders-read");
    expect(policy.parent).toBe(graph.one(COMPONENT).urn);
    expect(policy.inputs.applicationId).toBe(graph.one(APPLICATION).id);
    expect(await valueOf(result)).toBe(policy.id);
  });

  it("makes the API key wait for a policy allowed right after the constructor", async () => {
    const { graph } = await record(() => {
      new Identity("worker", argsWith()).allow(READ_ORDERS);
    });
    const key = graph.one(API_KEY);
    expect(graph.explicitDependenciesOf(key).map((r) => r.urn)).toEqual([graph.one(POLICY).urn]);
  });

  it("lists a policy allowed right after the constructor in policyIds", async () => {
    const { graph, result } = await record(() => {
      const identity = new Identity("worker", argsWith());
      identity.allow(READ_ORDERS);
      return identity;
    });
    expect(await valueOf(result.policies["orders-read"]!.id)).toBe(graph.one(POLICY).id);
    expect(await valueOf(result.policyIds)).toEqual([graph.one(POLICY).id]);
  });

  it("keeps the policies of two grants apart", async () => {
    const { graph } = await record(() => {
      const identity = new Identity("worker", argsWith({ permissions: [READ_ORDERS] }));
      identity.allow({ ...READ_ORDERS, name: "orders-write", permissionSets: ["ObjectStorageObjectsWrite"] });
    });
    expect(
      graph
        .byType(POLICY)
        .map((p) => p.name)
        .sort(),
    ).toEqual(["worker-orders-read", "worker-orders-write"]);
  });

  it("is a core Grantee: a grant method typed with Grantee adds its policy to the identity", async () => {
    const grantRead = (grantee: Grantee) => grantee.allow(READ_ORDERS);
    const { graph } = await record(() => grantRead(new Identity("worker", argsWith())));
    expect(graph.one(POLICY).parent).toBe(graph.one(COMPONENT).urn);
  });
});
