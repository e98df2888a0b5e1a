import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { describe, expect, it } from "vitest";
import { record } from "../src/index";

// Mock runs (the test kit): what a program asks the engine for, not a deployment.

const ENDPOINT = "https://otlp.example.com:4318/v1";
const API_KEY = "otlp-api-key-0123456789";

/**
 * An OTLP exporter as @scaleway-blocks/monitoring builds it: the destination is marked secret as a
 * whole (additionalSecretOutputs) because of its headers, so its state holds the endpoint as a secret
 * while the inputs carry it in plain text.
 */
function exporter(headers: Record<string, pulumi.Input<string>> | undefined) {
  return () => {
    new scaleway.observability.Exporter(
      "export",
      {
        datasourceId: "fr-par/11111111-1111-4111-8111-111111111111",
        exportedProducts: ["all"],
        otlpDestination: { endpoint: ENDPOINT, headers },
      },
      { additionalSecretOutputs: ["otlpDestination"] },
    );
  };
}

/** A component that keeps `secret` in a Secret and also outputs `plain` in plain text. */
class Holder extends pulumi.ComponentResource {
  constructor(name: string, secret: pulumi.Input<unknown>, plain: Record<string, string>) {
    super("test:index:Holder", name, {});
    this.registerOutputs({ secret, ...plain });
  }
}

describe("secretLeaks and public endpoints", () => {
  it("does not report an exporter endpoint that is secret only as part of its destination", async () => {
    const { graph } = await record(exporter(undefined));
    expect(graph.secretLeaks()).toEqual([]);
  });

  it("does not report the endpoint of an exporter whose headers are secrets", async () => {
    const { graph } = await record(exporter({ "x-api-key": pulumi.secret(API_KEY) }));
    expect(graph.secretLeaks([API_KEY])).toEqual([]);
  });

  it("still reports a header value that the destination's secret marking cannot hide in the inputs", async () => {
    const { graph } = await record(exporter({ "x-api-key": API_KEY }));
    expect(graph.secretLeaks().map((l) => [l.where, l.path, l.secretPrefix])).toEqual([
      ["inputs", "otlpDestination.headers.x-api-key", "ot…"],
    ]);
  });

  it("reports a URL in a secret object that carries credentials, a query or a token in its path", async () => {
    const urls = [
      "https://user:pa55word@db.example.com:5432/app",
      "https://api.example.com/v1?token=abc123",
      "https://hooks.example.com/services/T0000/B0000/XXXXXXXXXXXX1234567890",
    ];
    for (const url of urls) {
      const { graph } = await record(() => new Holder("h", pulumi.secret({ url, other: "x" }), { url }));
      expect(graph.secretLeaks().map((l) => l.path)).toEqual(["url"]);
    }
  });

  it("reports an endpoint the program wrapped in a secret by itself", async () => {
    const { graph } = await record(() => new Holder("h", pulumi.secret(ENDPOINT), { url: ENDPOINT }));
    expect(graph.secretLeaks().map((l) => l.path)).toEqual(["url"]);
  });

  it("reports an endpoint given as a known secret", async () => {
    const { graph } = await record(exporter(undefined));
    expect(graph.secretLeaks([ENDPOINT]).map((l) => [l.where, l.path])).toEqual([
      ["inputs", "otlpDestination.endpoint"],
    ]);
  });
});

describe("secretLeaks and secrets shorter than 4 characters", () => {
  it("reports a short secret that appears as a whole plain value, without revealing it", async () => {
    const { graph } = await record(() => new Holder("h", pulumi.secret("k9z"), { pin: "k9z" }));
    expect(graph.secretLeaks().map((l) => [l.path, l.secretPrefix])).toEqual([["pin", "(3 characters)"]]);
  });

  it("reports a short known secret that appears as a whole plain value", async () => {
    const { graph } = await record(() => new Holder("h", "nothing", { code: "7" }));
    expect(graph.secretLeaks(["7"]).map((l) => l.path)).toEqual(["code"]);
  });

  it("does not look for a short secret inside longer strings", async () => {
    const { graph } = await record(() => new Holder("h", pulumi.secret("k9z"), { note: "k9z-but-longer" }));
    expect(graph.secretLeaks()).toEqual([]);
  });

  it("does not report the short values of a secret object, such as a user name next to a password", async () => {
    const { graph } = await record(
      () =>
        new Holder("h", pulumi.secret({ user: "app", port: "543", password: "9f3c2a71-pass" }), {
          database: "app",
          port: "543",
        }),
    );
    expect(graph.secretLeaks()).toEqual([]);
  });

  it("never treats the empty string as a secret", async () => {
    const { graph } = await record(() => new Holder("h", pulumi.secret(""), { empty: "" }));
    expect(graph.secretLeaks([""])).toEqual([]);
  });
});
