import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { PULUMI_WIRE, ResourceRef, Secret, isSecret, unwrapSecrets } from "../src/internal";

const wireSecret = (value: unknown) => ({
  [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
  value,
});

describe("Pulumi's wire signatures", () => {
  it("are the ones the installed SDK's pulumi.runtime uses", () => {
    expect(PULUMI_WIRE).toEqual({
      sigKey: pulumi.runtime.specialSigKey,
      secretSig: pulumi.runtime.specialSecretSig,
      resourceSig: pulumi.runtime.specialResourceSig,
      unknownValue: pulumi.runtime.unknownValue,
    });
  });
});

describe("isSecret", () => {
  it("recognises a Secret and a secret in Pulumi's serialized form, and nothing else", () => {
    expect(isSecret(new Secret("s3cret"))).toBe(true);
    expect(isSecret(wireSecret("s3cret"))).toBe(true);
    expect(isSecret({ value: "s3cret" })).toBe(false);
    expect(isSecret({ [PULUMI_WIRE.sigKey]: PULUMI_WIRE.resourceSig, urn: "urn" })).toBe(false);
    expect(isSecret("s3cret")).toBe(false);
    expect(isSecret(null)).toBe(false);
  });

  it("recognises a Secret made by another copy of this package (same brand, different class)", () => {
    class OtherCopySecret {
      constructor(readonly value: unknown) {}
    }
    Object.defineProperty(OtherCopySecret.prototype, Symbol.for("@scaleway-blocks/core:Secret"), {
      value: true,
    });
    expect(isSecret(new OtherCopySecret("x"))).toBe(true);
  });
});

describe("unwrapSecrets", () => {
  const ref = new ResourceRef("urn:pulumi:dev::p::scaleway:object/bucket:Bucket::b", "fr-par/b");
  const inputs = {
    name: "app",
    password: new Secret("hunter2-long"),
    env: wireSecret({ TOKEN: "tok-123456", nested: new Secret(["a-secret"]) }),
    list: [new Secret("in-a-list"), "plain"],
    bucket: ref,
    url: "postgres://app:hunter2-long@db",
  };

  it("replaces every secret, nested or serialized, with the value it holds", () => {
    expect(unwrapSecrets(inputs)).toEqual({
      name: "app",
      password: "hunter2-long",
      env: { TOKEN: "tok-123456", nested: ["a-secret"] },
      list: ["in-a-list", "plain"],
      bucket: ref,
      url: "postgres://app:hunter2-long@db",
    });
  });

  it("keeps resource references and other class instances as they are", () => {
    const out = unwrapSecrets({ bucket: ref }) as { bucket: unknown };
    expect(out.bucket).toBe(ref);
  });

  it("collects every string found inside a secret", () => {
    const found = new Set<string>();
    unwrapSecrets(inputs, { found });
    expect([...found].sort()).toEqual(["a-secret", "hunter2-long", "in-a-list", "tok-123456"]);
  });

  it("with redact, puts the text in place of each secret and of plain strings containing a known secret", () => {
    const out = unwrapSecrets(inputs, { redact: "[secret]", knownSecrets: new Set(["hunter2-long"]) });
    expect(out).toEqual({
      name: "app",
      password: "[secret]",
      env: "[secret]",
      list: ["[secret]", "plain"],
      bucket: ref,
      url: "[secret]",
    });
  });

  it("with redact and found, still collects what the redacted secrets held", () => {
    const found = new Set<string>();
    unwrapSecrets(inputs, { redact: "[secret]", found });
    expect(found.has("tok-123456")).toBe(true);
  });
});
