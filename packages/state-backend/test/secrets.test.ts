import { isSecret, isSecretOutput, record, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { T, args } from "./helpers";

function program() {
  const backend = new StateBackend("state", args({ encryption: { createKey: true } }));
  return {
    backend,
    outputs: {
      backendUrl: backend.backendUrl,
      accessKeyId: backend.accessKeyId,
      secretAccessKey: backend.secretAccessKey,
      ciEnvironment: backend.ciEnvironment,
      ciEnvironmentPublic: backend.ciEnvironmentPublic,
    },
  };
}

describe("StateBackend secrets", () => {
  it("marks the secret key output secret", async () => {
    const { result } = await record(() => new StateBackend("state", args()));
    expect(await isSecretOutput(result.secretAccessKey)).toBe(true);
  });

  it("marks the whole CI environment secret", async () => {
    const { result } = await record(() => new StateBackend("state", args()));
    expect(await isSecretOutput(result.ciEnvironment)).toBe(true);
  });

  it("does not mark the public CI environment, the URL or the access key id secret", async () => {
    const { result } = await record(() => new StateBackend("state", args()));
    expect(await isSecretOutput(result.ciEnvironmentPublic)).toBe(false);
    expect(await isSecretOutput(result.backendUrl)).toBe(false);
    expect(await isSecretOutput(result.accessKeyId)).toBe(false);
  });

  it("leaves the secret key nowhere in plain text: not in any resource, output or stack output", async () => {
    const { result, graph } = await record(() => program().outputs);
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string;
    const accessKey = await valueOf(result.accessKeyId);
    const url = await valueOf(result.backendUrl);
    // The CI environment is secret as a whole, but the access key id and the URL it also holds
    // are public and may appear in plain text elsewhere: only the secret key must never be.
    expect(graph.secretLeaks([secretKey], { publicValues: [accessKey, url] })).toEqual([]);
    expect(graph.stackOutputs.secretAccessKey).toBeDefined();
  });

  it("reports the plain secret key as a leak if it ever appears unwrapped (the check can fail)", async () => {
    const { graph } = await record(() => program().outputs);
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string;
    const tampered = graph.one(T.component);
    const original = tampered.outputs;
    tampered.outputs = { ...original, leaked: "key=" + secretKey };
    try {
      expect(graph.secretLeaks([secretKey]).map((l) => l.path)).toContain("leaked");
    } finally {
      tampered.outputs = original;
    }
  });

  it("keeps the secret key out of the public CI environment", async () => {
    const { result, graph } = await record(() => new StateBackend("state", args()));
    const secretKey = unwrapSecrets(graph.one(T.apiKey).outputs.secretKey) as string;
    const publicEnvironment = await valueOf(result.ciEnvironmentPublic);
    expect(JSON.stringify(publicEnvironment)).not.toContain(secretKey);
  });

  it("registers the secret outputs of the component as secrets", async () => {
    const { graph } = await record(() => new StateBackend("state", args()));
    const outputs = graph.one(T.component).outputs;
    expect(isSecret(outputs.secretAccessKey)).toBe(true);
    expect(isSecret(outputs.ciEnvironment)).toBe(true);
    expect(isSecret(outputs.ciEnvironmentPublic)).toBe(false);
  });
});
