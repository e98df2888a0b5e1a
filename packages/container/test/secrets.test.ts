import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "@scaleway-blocks/core";
import { rotatingExpiry } from "@scaleway-blocks/core/internal";
import { Secrets } from "@scaleway-blocks/secrets";
import {
  isSecret,
  isSecretOutput,
  RANDOM_TYPES,
  record,
  recordError,
  SCALEWAY_TYPES,
  unwrapSecrets,
  valueOf,
} from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Service } from "../src/index";
import {
  CONTAINER,
  IAM_APP,
  accessKeys,
  IAM_KEY,
  IAM_POLICY,
  IDENTITY,
  TOKEN,
  containerInputs,
  recorded,
  service,
  tokenMock,
} from "./helpers";

const STRIPE_KEY = "sk_live_51HxYzAbCdEfGhIjKlMnOp";
/** Dates that stay in the future whenever the tests run. */
const NEXT_YEAR = new Date().getUTCFullYear() + 1;
const KEY_EXPIRY = `${NEXT_YEAR + 1}-06-30T00:00:00Z`;
const TOKEN_EXPIRY = `${NEXT_YEAR + 1}-01-01T00:00:00+01:00`;
const DEFAULT_ROTATION = { lifetimeDays: 90, rotateEveryDays: 30 };
const SESSION_SECRET = "s3ss10n-S3cr3t-value";
/** The invoker Identity's children (`api-invoker`), apart from the service's own identity's. */
const INVOKER_APP = "api-invoker-app";
const INVOKER_KEY = "api-invoker-key";

describe("secret environment variables", () => {
  const recording = recorded(() =>
    record(() =>
      service(
        {},
        {
          environment: { LOG_LEVEL: "debug" },
          secretEnvironment: { STRIPE_API_KEY: STRIPE_KEY, SESSION_SECRET: pulumi.secret(SESSION_SECRET) },
        },
      ),
    ),
  );

  it("puts plain inputs into secretEnvironmentVariables as Pulumi secrets", async () => {
    const { graph } = await recording();
    const secretEnv = containerInputs(graph).secretEnvironmentVariables as Record<string, unknown>;
    const values = isSecret(secretEnv) ? (unwrapSecrets(secretEnv) as Record<string, unknown>) : secretEnv;
    expect(isSecret(secretEnv) || isSecret(secretEnv.STRIPE_API_KEY)).toBe(true);
    expect(unwrapSecrets(values)).toEqual({
      STRIPE_API_KEY: STRIPE_KEY,
      SESSION_SECRET,
      // The service's identity (see identity.test.ts).
      AWS_ACCESS_KEY_ID: expect.any(String),
      AWS_SECRET_ACCESS_KEY: expect.any(String),
    });
  });

  it("never writes a secret value in plain text", async () => {
    const { graph } = await recording();
    expect(graph.secretLeaks([STRIPE_KEY, SESSION_SECRET], { publicValues: accessKeys(graph) })).toEqual([]);
    expect(JSON.stringify(containerInputs(graph))).not.toContain(STRIPE_KEY);
  });

  it("keeps plain variables apart from secret ones", async () => {
    const { graph } = await recording();
    expect(containerInputs(graph).environmentVariables).toEqual({ LOG_LEVEL: "debug" });
  });

  it("never quotes a secret put in a plain variable in the ConfigError", async () => {
    const { error } = await recordError(() =>
      service({}, { environment: { DB_PASSWORD: "hunter2-Passw0rd" } }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).not.toContain("hunter2");
    expect((error as ConfigError).message).toContain("value redacted");
  });
});

describe("SecretReference from a Secrets component", () => {
  const PASSWORD = "Given-Passw0rd-for-tests";
  const recording = recorded(() =>
    record(() => {
      const secrets = new Secrets("app-secrets", {
        project: "shop",
        environment: "dev",
        secrets: { "db-password": { value: PASSWORD }, "session-key": { generate: {} } },
      });
      return service(
        {},
        {
          secretEnvironment: {
            DATABASE_PASSWORD: secrets.secret("db-password"),
            SESSION_KEY: secrets.secret("session-key"),
          },
        },
      );
    }),
  );

  it("puts the referenced value into secretEnvironmentVariables as a Secret", async () => {
    const { graph } = await recording();
    const secretEnv = containerInputs(graph).secretEnvironmentVariables as Record<string, unknown>;
    const password = isSecret(secretEnv)
      ? (secretEnv.value as Record<string, unknown>).DATABASE_PASSWORD
      : secretEnv.DATABASE_PASSWORD;
    expect(isSecret(secretEnv) || isSecret(password)).toBe(true);
    expect(unwrapSecrets(password)).toBe(PASSWORD);
  });

  it("puts a generated value there too, equal to the one stored in Secret Manager", async () => {
    const { graph } = await recording();
    const versions = graph.byType(SCALEWAY_TYPES.secretVersion);
    const stored = versions.map((v) => unwrapSecrets(v.inputs.data));
    const secretEnv = unwrapSecrets(containerInputs(graph).secretEnvironmentVariables) as Record<
      string,
      string
    >;
    expect(stored).toContain(secretEnv.SESSION_KEY);
    expect(secretEnv.SESSION_KEY).not.toBe(PASSWORD);
  });

  it("leaks neither secret in plain text", async () => {
    const { graph } = await recording();
    const generated = graph
      .byType(RANDOM_TYPES.password)
      .map((r) => unwrapSecrets(r.outputs.result) as string);
    expect(generated.length).toBeGreaterThan(0);
    expect(graph.secretLeaks([PASSWORD, ...generated], { publicValues: accessKeys(graph) })).toEqual([]);
  });
});

describe("invoker: IAM application with an API key", () => {
  const recording = recorded(() =>
    record(
      () =>
        new Service("api", {
          project: "shop",
          environment: "production",
          containers: {
            web: { image: "ghcr.io/acme/web:1.0.0", public: true },
            internal: { image: "ghcr.io/acme/internal:1.0.0" },
            jobs: { image: "ghcr.io/acme/jobs:1.0.0" },
          },
          invoker: { expiresAt: KEY_EXPIRY },
        }),
    ),
  );

  it("creates an application, a policy and an API key", async () => {
    const { graph } = await recording();
    const invoker = graph.one(IDENTITY, "api-invoker");
    expect(
      graph
        .childrenOf(invoker)
        .map((r) => r.type)
        .sort(),
    ).toEqual([IAM_APP, IAM_KEY, IAM_POLICY].sort());
    expect(graph.byType(IAM_POLICY)).toHaveLength(1);
    expect(graph.byType(TOKEN)).toEqual([]);
  });

  it("grants the application ContainersPrivateAccess on the project", async () => {
    const { graph } = await recording();
    const app = graph.one(IAM_APP, INVOKER_APP);
    const policy = graph.inputsOf(IAM_POLICY);
    const projectId = graph.one(SCALEWAY_TYPES.containerNamespace).outputs.projectId;
    expect(policy.applicationId).toBe(app.id);
    expect(policy.rules).toEqual([
      { permissionSetNames: ["ContainersPrivateAccess"], projectIds: [projectId] },
    ]);
  });

  it("gives the API key the application and the requested expiry", async () => {
    const { graph } = await recording();
    expect(graph.inputsOf(IAM_KEY, INVOKER_KEY)).toMatchObject({
      applicationId: graph.one(IAM_APP, INVOKER_APP).id,
      expiresAt: KEY_EXPIRY,
    });
  });

  it("outputs the secret key as the credential of each private container, as a Pulumi secret", async () => {
    const { graph, result } = await recording();
    expect(await isSecretOutput(result.invokeCredentials!)).toBe(true);
    const secretKey = unwrapSecrets(graph.one(IAM_KEY, INVOKER_KEY).outputs.secretKey) as string;
    expect(await valueOf(result.invokeCredentials!)).toEqual({ internal: secretKey, jobs: secretKey });
  });

  it("outputs the application id and the access key", async () => {
    const { graph, result } = await recording();
    expect(await valueOf(result.invokerApplicationId!)).toBe(graph.one(IAM_APP, INVOKER_APP).id);
    expect(await valueOf(result.invokerAccessKey!)).toMatch(/^SCW[0-9A-Z]{17}$/);
  });

  it("never writes the secret key in plain text", async () => {
    const { graph } = await recording();
    const secretKey = unwrapSecrets(graph.one(IAM_KEY, INVOKER_KEY).outputs.secretKey) as string;
    expect(graph.secretLeaks([secretKey], { publicValues: accessKeys(graph) })).toEqual([]);
  });

  it("uses the given project id in the policy", async () => {
    const projectId = "0b2f3c4d-1111-4222-8333-444455556666";
    const { graph } = await record(() => service({ projectId, invoker: {} }));
    expect(graph.inputsOf(IAM_POLICY).rules).toEqual([
      { permissionSetNames: ["ContainersPrivateAccess"], projectIds: [projectId] },
    ]);
    expect(graph.inputsOf(IAM_KEY, INVOKER_KEY).defaultProjectId).toBe(projectId);
  });
});

describe("invoker: legacy container tokens", () => {
  const recording = recorded(() =>
    record(
      () =>
        new Service("api", {
          project: "shop",
          environment: "dev",
          containers: {
            web: { image: "ghcr.io/acme/web:1.0.0", public: true },
            internal: { image: "ghcr.io/acme/internal:1.0.0" },
          },
          invoker: { type: "token", expiresAt: TOKEN_EXPIRY },
        }),
      tokenMock,
    ),
  );

  it("creates one token per private container, with the expiry", async () => {
    const { graph } = await recording();
    const tokens = graph.byType(TOKEN);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.inputs).toMatchObject({
      containerId: graph.one(CONTAINER, "api-internal").id,
      expiresAt: TOKEN_EXPIRY,
    });
    expect(graph.byType(IDENTITY).map((r) => r.name)).toEqual(["api-identity"]);
  });

  it("outputs the tokens as a Pulumi secret", async () => {
    const { result } = await recording();
    expect(await isSecretOutput(result.invokeCredentials!)).toBe(true);
    expect(await valueOf(result.invokeCredentials!)).toEqual({
      internal: "jwt-api-internal-token-0123456789abcdef",
    });
  });

  it("never writes a token in plain text", async () => {
    const { graph } = await recording();
    expect(
      graph.secretLeaks(["jwt-api-internal-token-0123456789abcdef"], { publicValues: accessKeys(graph) }),
    ).toEqual([]);
  });
});

describe("invoke credentials always expire", () => {
  it("gives the API key the expiry of the current 30-day window of 90-day keys when none is given", async () => {
    const { graph } = await record(() => service({ invoker: {} }));
    expect(graph.inputsOf(IAM_KEY, INVOKER_KEY).expiresAt).toBe(rotatingExpiry(DEFAULT_ROTATION));
  });

  it("gives each legacy token the same rotating expiry when none is given", async () => {
    const { graph } = await record(() => service({ invoker: { type: "token" } }), tokenMock);
    expect(graph.inputsOf(TOKEN).expiresAt).toBe(rotatingExpiry(DEFAULT_ROTATION));
  });

  it("takes the rotation policy given", async () => {
    const rotation = { lifetimeDays: 30, rotateEveryDays: 7 };
    const { graph } = await record(() => service({ invoker: { rotation } }));
    expect(graph.inputsOf(IAM_KEY, INVOKER_KEY).expiresAt).toBe(rotatingExpiry(rotation));
  });

  it("refuses both an expiry and a rotation policy", async () => {
    const { error, graph } = await recordError(() =>
      service({ invoker: { expiresAt: KEY_EXPIRY, rotation: DEFAULT_ROTATION } }),
    );
    expect(graph.registered).toEqual([]);
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["invoker.rotation"]);
  });

  it("refuses a rotation that does not replace the key before it expires", async () => {
    const { error } = await recordError(() =>
      service({ invoker: { rotation: { lifetimeDays: 30, rotateEveryDays: 30 } } }),
    );
    expect((error as ConfigError).issues.map((i) => i.path)).toEqual(["invoker.rotation.rotateEveryDays"]);
  });
});
