import { ResourceGraph, isSecret, isSecretOutput, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import type * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { T, fileValue, runStack, secretLeaksIgnoring, sharedStack } from "./helpers";

/** The CI key's secret key as the mocks generated it (held as a secret in the graph). */
async function secretKeyOf(): Promise<{ secretKey: string; run: Awaited<ReturnType<typeof runStack>> }> {
  const run = await sharedStack();
  const secretKey = unwrapSecrets(run.graph.one(T.apiKey).outputs.secretKey) as string;
  return { secretKey, run };
}

describe("the stack outputs", () => {
  it("give the s3:// backend URL of the bucket, with Scaleway's regional endpoint", async () => {
    const { graph } = await sharedStack();
    const bucket = fileValue("bucketName");
    const region = fileValue("scaleway:region");
    expect(graph.stackOutputs.backendUrl).toBe(
      `s3://${bucket}?endpoint=s3.${region}.scw.cloud&region=${region}&s3ForcePathStyle=true`,
    );
  });

  it("put the prefix in the backend URL when the stack sets one", async () => {
    const { graph } = await runStack({ prefix: "pulumi" });
    expect(graph.stackOutputs.backendUrl).toBe(
      `s3://${fileValue("bucketName")}/pulumi?endpoint=s3.fr-par.scw.cloud&region=fr-par&s3ForcePathStyle=true`,
    );
  });

  it("give the bucket name, region and S3 endpoint", async () => {
    const { graph } = await sharedStack();
    expect(graph.stackOutputs).toMatchObject({
      bucketName: fileValue("bucketName"),
      region: "fr-par",
      s3Endpoint: "https://s3.fr-par.scw.cloud",
    });
  });

  it("give the CI key's access key id in plain text, the one the API key has", async () => {
    const { graph } = await sharedStack();
    const accessKey = graph.one(T.apiKey).outputs.accessKey;
    expect(typeof accessKey).toBe("string");
    expect(graph.stackOutputs.accessKeyId).toBe(accessKey);
  });

  it("give the CI key's expiry, so whoever rotates it knows until when it works", async () => {
    const { graph } = await sharedStack();
    expect(graph.stackOutputs.apiKeyExpiresAt).toBe(graph.inputsOf(T.apiKey).expiresAt);
  });

  it("give the CI key's secret key as a secret", async () => {
    const { secretKey, run } = await secretKeyOf();
    const output = run.graph.stackOutputs.secretAccessKey;
    expect(isSecret(output)).toBe(true);
    expect(unwrapSecrets(output)).toBe(secretKey);
  });

  it("give the CI environment as a secret holding the three variables", async () => {
    const { secretKey, run } = await secretKeyOf();
    const output = run.graph.stackOutputs.ciEnvironment;
    expect(isSecret(output)).toBe(true);
    expect(unwrapSecrets(output)).toEqual({
      AWS_ACCESS_KEY_ID: run.graph.stackOutputs.accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretKey,
      PULUMI_BACKEND_URL: run.graph.stackOutputs.backendUrl,
    });
  });

  it("give the public CI variables without the secret key", async () => {
    const { graph } = await sharedStack();
    expect(graph.stackOutputs.ciEnvironmentPublic).toEqual({
      AWS_ACCESS_KEY_ID: graph.stackOutputs.accessKeyId,
      PULUMI_BACKEND_URL: graph.stackOutputs.backendUrl,
    });
  });

  it("return secret Outputs from main for the secret key and the CI environment", async () => {
    const { run } = await secretKeyOf();
    const secretKey = run.result.secretAccessKey as pulumi.Output<string>;
    const environment = run.result.ciEnvironment as pulumi.Output<unknown>;
    expect(await isSecretOutput(secretKey)).toBe(true);
    expect(await isSecretOutput(environment)).toBe(true);
    expect(await valueOf(run.result.bucketName as pulumi.Output<string>)).toBe(fileValue("bucketName"));
  });

  it("never leak the secret key in plain text anywhere in the graph or the outputs", async () => {
    const { secretKey, run } = await secretKeyOf();
    expect(secretKey.length).toBeGreaterThan(0);
    // The access key id and the backend URL are public on purpose (ciEnvironmentPublic), though the
    // graph also holds them inside the secret ciEnvironment: they are not leaks.
    const publicValues = [
      run.graph.stackOutputs.accessKeyId as string,
      run.graph.stackOutputs.backendUrl as string,
    ];
    expect(secretLeaksIgnoring(run.graph, [secretKey], publicValues)).toEqual([]);
  });

  it("leave as the only plain-text copies of secret-held values the public access key id and backend URL", async () => {
    const { secretKey, run } = await secretKeyOf();
    const publicValues = [
      run.graph.stackOutputs.accessKeyId as string,
      run.graph.stackOutputs.backendUrl as string,
    ];
    const prefixes = new Set(run.graph.secretLeaks([secretKey]).map((l) => l.secretPrefix));
    expect([...prefixes].sort()).toEqual(publicValues.map((v) => `${v.slice(0, 2)}…`).sort());
  });

  it("catch a secret key copied into a plain output (the leak check can fail)", async () => {
    const { secretKey, run } = await secretKeyOf();
    const stack = run.graph.stack!;
    const tampered = new ResourceGraph(
      run.graph.resources.map((r) =>
        r === stack ? { ...r, outputs: { ...r.outputs, oops: `key=${secretKey}` } } : r,
      ),
    );
    expect(secretLeaksIgnoring(tampered, [secretKey], [])).toContainEqual(
      expect.objectContaining({ where: "outputs", path: "oops" }),
    );
  });
});
