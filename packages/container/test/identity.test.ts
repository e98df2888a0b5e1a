import { ConfigError } from "@scaleway-blocks/core";
import { DEFAULT_KEY_ROTATION, rotatingExpiry, unwrapSecrets } from "@scaleway-blocks/core/internal";
import type { Grantee } from "@scaleway-blocks/core";
import { isSecret, record, recordError, SCALEWAY_TYPES, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { IDENTITY_VARIABLES, Service } from "../src/index";
import { IAM_APP, IAM_KEY, IAM_POLICY, IDENTITY, accessKeys, containerInputs, service } from "./helpers";

const PROJECT_ID = "0b2f3c4d-1111-4222-8333-444455556666";

/** The secret environment of a container, unwrapped. */
function secretEnvironment(inputs: Record<string, unknown>): Record<string, string> {
  return unwrapSecrets(inputs.secretEnvironmentVariables) as Record<string, string>;
}

describe("the service's own identity", () => {
  it("is an Identity child of the service, with an application and an API key and no policy", async () => {
    const { graph, result } = await record(() => service());
    const identity = graph.one(IDENTITY);
    expect(identity.name).toBe("api-identity");
    expect(identity.parent).toBe(graph.one(Service.TYPE).urn);
    expect(
      graph
        .childrenOf(identity)
        .map((r) => r.type)
        .sort(),
    ).toEqual([IAM_APP, IAM_KEY].sort());
    expect(graph.byType(IAM_POLICY)).toEqual([]);
    expect(await valueOf(result.identity!.urn)).toBe(identity.urn);
  });

  it("gives every container the API key as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, secret variables", async () => {
    const { graph } = await record(() =>
      service({
        containers: {
          web: { image: "ghcr.io/acme/web:1.0.0" },
          worker: { image: "ghcr.io/acme/worker:1.0.0" },
        },
      }),
    );
    const key = graph.one(IAM_KEY);
    for (const container of ["web", "worker"]) {
      const inputs = containerInputs(graph, container);
      expect(
        isSecret(inputs.secretEnvironmentVariables) ||
          isSecret((inputs.secretEnvironmentVariables as Record<string, unknown>).AWS_SECRET_ACCESS_KEY),
      ).toBe(true);
      expect(secretEnvironment(inputs)).toEqual({
        [IDENTITY_VARIABLES.accessKey]: key.outputs.accessKey,
        [IDENTITY_VARIABLES.secretKey]: unwrapSecrets(key.outputs.secretKey),
      });
      expect(inputs.environmentVariables ?? {}).not.toHaveProperty(IDENTITY_VARIABLES.secretKey);
    }
  });

  it("never writes the identity's secret key in plain text", async () => {
    const { graph } = await record(() => service());
    const secretKey = unwrapSecrets(graph.one(IAM_KEY).outputs.secretKey) as string;
    expect(graph.secretLeaks([secretKey], { publicValues: accessKeys(graph) })).toEqual([]);
  });

  it("gives the key an expiry: the current window of core's default rotation", async () => {
    const { graph } = await record(() => service());
    expect(graph.inputsOf(IAM_KEY).expiresAt).toBe(rotatingExpiry(DEFAULT_KEY_ROTATION));
  });

  it("takes the key's expiry from the identity arg", async () => {
    const rotation = { lifetimeDays: 20, rotateEveryDays: 10 };
    const { graph } = await record(() => service({ identity: { rotation } }));
    expect(graph.inputsOf(IAM_KEY).expiresAt).toBe(rotatingExpiry(rotation));
  });

  it("makes the key act on the service's project", async () => {
    const { graph } = await record(() => service({ projectId: PROJECT_ID }));
    expect(graph.inputsOf(IAM_KEY).defaultProjectId).toBe(PROJECT_ID);
  });

  it("is a Grantee: a grant adds a policy to it, and the key (so every container) waits for it", async () => {
    const { graph } = await record(() => {
      const api = service();
      const grantee: Grantee = api.identity!;
      grantee.allow({
        name: "assets-read",
        permissionSets: ["ObjectStorageObjectsRead"],
        projectId: PROJECT_ID,
        description: "Reads the assets",
      });
    });
    const policy = graph.one(IAM_POLICY);
    expect(policy.parent).toBe(graph.one(IDENTITY).urn);
    expect(graph.explicitDependenciesOf(graph.one(IAM_KEY)).map((r) => r.urn)).toEqual([policy.urn]);
  });

  it("creates no identity with identity: false, and leaves the variables to the containers", async () => {
    const { graph, result } = await record(() =>
      service({ identity: false }, { secretEnvironment: { AWS_SECRET_ACCESS_KEY: "given-secret-value" } }),
    );
    expect(graph.byType(IDENTITY)).toEqual([]);
    expect(graph.byType(IAM_KEY)).toEqual([]);
    expect(result.identity).toBeUndefined();
    expect(secretEnvironment(containerInputs(graph))).toEqual({
      AWS_SECRET_ACCESS_KEY: "given-secret-value",
    });
  });

  it.each([
    ["secretEnvironment", "AWS_SECRET_ACCESS_KEY"],
    ["environment", "AWS_ACCESS_KEY_ID"],
  ] as const)(
    "refuses %s.%s while the identity sets it, before anything is created",
    async (field, variable) => {
      const { error, graph } = await recordError(() => service({}, { [field]: { [variable]: "x" } }));
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.path)).toEqual([
        `containers.web.${field}.${variable}`,
      ]);
      expect(graph.registered).toEqual([]);
    },
  );

  it("refuses both an expiry date and a rotation for the identity's key, as Identity does", async () => {
    const { error, graph } = await recordError(() =>
      service({
        identity: { expiresAt: "2099-01-01T00:00:00Z", rotation: { lifetimeDays: 20, rotateEveryDays: 10 } },
      }),
    );
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["identity.rotation"]);
    expect(graph.registered).toEqual([]);
  });

  it("exposes the access key, which is no secret, and the secret key as a secret", async () => {
    const { graph, result } = await record(() => service());
    expect(await valueOf(result.identity!.accessKey!)).toBe(graph.one(IAM_KEY).outputs.accessKey);
    expect(accessKeys(graph)).toHaveLength(1);
  });
});

describe("the invoker identity", () => {
  it("is an Identity child of the service next to the service's own, with the invoke policy", async () => {
    const { graph, result } = await record(() => service({ invoker: {} }));
    expect(
      graph
        .byType(IDENTITY)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["api-identity", "api-invoker"]);
    const invoker = graph.one(IDENTITY, "api-invoker");
    expect(
      graph
        .childrenOf(invoker)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["api-invoker-app", "api-invoker-invoke", "api-invoker-key"]);
    expect(await valueOf(result.invoker!.urn)).toBe(invoker.urn);
    expect(await valueOf(result.invokerApplicationId!)).toBe(graph.one(IAM_APP, "api-invoker-app").id);
  });

  it("creates the invoke key after the invoke policy", async () => {
    const { graph } = await record(() => service({ invoker: {} }));
    const key = graph.one(IAM_KEY, "api-invoker-key");
    expect(graph.explicitDependenciesOf(key).map((r) => r.name)).toEqual(["api-invoker-invoke"]);
  });

  it("is not created with the legacy token type", async () => {
    const { result } = await record(() => service({ invoker: { type: "token" } }), {
      resources: { [SCALEWAY_TYPES.containerToken]: () => ({ state: { value: "jwt" } }) },
    });
    expect(result.invoker).toBeUndefined();
  });
});
