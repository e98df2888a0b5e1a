import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { isSecretOutput, record, unwrapSecrets } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { PASSWORD, argsWith } from "./helpers";

const GIVEN_WRAPPED = "given-wrapped-Secret-1";
const GIVEN_PLAIN = "given-plain-Secret-2";
const GIVEN_JSON = JSON.stringify({ username: "app", password: "given-json-Secret-3" });

function build() {
  const secrets = new Secrets(
    "app",
    argsWith(
      {
        wrapped: { value: pulumi.secret(GIVEN_WRAPPED) },
        plain: { value: GIVEN_PLAIN },
        creds: { value: GIVEN_JSON, type: "basic_credentials" },
        "db-password": { generate: {} },
        "api-token": { generate: { alphabet: "full", length: 64 } },
      },
      { environment: "production" },
    ),
  );
  return secrets;
}

function generatedValues(graph: Awaited<ReturnType<typeof record>>["graph"]): string[] {
  return graph.byType(PASSWORD).map((r) => unwrapSecrets(r.outputs.result) as string);
}

describe("no secret in plain text", () => {
  it("keeps given values out of every input and output of the graph", async () => {
    const { graph } = await record(build);
    expect(graph.secretLeaks([GIVEN_WRAPPED, GIVEN_PLAIN, GIVEN_JSON, "given-json-Secret-3"])).toEqual([]);
  });

  it("keeps generated values out of every input and output of the graph", async () => {
    const { graph } = await record(build);
    const generated = generatedValues(graph);
    expect(generated).toHaveLength(2);
    for (const value of generated) expect(value.length).toBeGreaterThanOrEqual(32);
    expect(graph.secretLeaks(generated)).toEqual([]);
  });

  it("makes every reference value a Pulumi secret, given or generated", async () => {
    const { result } = await record(build);
    for (const key of ["wrapped", "plain", "creds", "db-password", "api-token"]) {
      expect(await isSecretOutput(result.secret(key).value)).toBe(true);
    }
  });

  it("keeps values secret when a container takes them as secret environment variables", async () => {
    const { graph } = await record(() => {
      const secrets = build();
      const namespace = new scaleway.containers.Namespace("ns", { name: "shop-production" });
      new scaleway.containers.Container("api", {
        namespaceId: namespace.id,
        image: "rg.fr-par.scw.cloud/shop/api:1.0.0",
        secretEnvironmentVariables: {
          DB_PASSWORD: secrets.secret("db-password").value,
          API_KEY: secrets.secret("plain").value,
        },
        environmentVariables: { DB_PASSWORD_SECRET_ID: secrets.secret("db-password").secretId },
      });
      return secrets;
    });
    expect(graph.secretLeaks([GIVEN_PLAIN, ...generatedValues(graph)])).toEqual([]);
  });

  it("would catch a value that reached a plain input (the check can fail)", async () => {
    const { graph } = await record(() => {
      const secrets = build();
      new scaleway.secrets.Secret("leak", {
        description: pulumi.unsecret(secrets.secret("plain").value),
      });
    });
    expect(graph.secretLeaks([GIVEN_PLAIN]).length).toBeGreaterThan(0);
  });
});
