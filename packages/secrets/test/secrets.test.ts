import * as pulumi from "@pulumi/pulumi";
import { isSecret, record, unwrapSecrets, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Secrets } from "../src/index";
import { COMPONENT, PASSWORD, SECRET, VERSION, argsWith } from "./helpers";

describe("Secrets resources", () => {
  it("creates one Secret Manager secret and one version per key, parented to the component", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith({
            "api-key": { value: pulumi.secret("given-api-key-1") },
            "db-password": { generate: {} },
          }),
        ),
    );
    const component = graph.one(COMPONENT, "app");
    expect(
      graph
        .byType(SECRET)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["app-api-key", "app-db-password"]);
    expect(
      graph
        .byType(VERSION)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["app-api-key-version", "app-db-password-version"]);
    for (const r of graph.customResources) expect(r.parent).toBe(component.urn);
  });

  it("names each secret from the project, environment, component name and key", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ "db-password": { generate: {} } })));
    expect(graph.inputsOf(SECRET).name).toBe("shop-dev-app-db-password");
  });

  it("stores the version in the secret it belongs to", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    const secret = graph.one(SECRET);
    const version = graph.one(VERSION);
    expect(version.inputs.secretId).toBe(secret.id);
    expect(version.propertyDependencies.secretId).toEqual([secret.urn]);
  });

  it("puts secrets in the root folder by default", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).path).toBe("/");
  });

  it("puts a secret in the folder given as path", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1", path: "/shop/api" } })),
    );
    expect(graph.inputsOf(SECRET).path).toBe("/shop/api");
  });

  it("makes secrets opaque by default", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).type).toBe("opaque");
  });

  it.each(["certificate", "ssh_key"] as const)("sets the secret type %s when asked", async (type) => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-payload-1", type } })),
    );
    expect(graph.inputsOf(SECRET).type).toBe(type);
  });

  it.each(["key_value", "basic_credentials", "database_credentials"] as const)(
    "accepts a JSON object value for the %s type",
    async (type) => {
      const payload = JSON.stringify({ username: "app", password: "given-password-1" });
      const { graph } = await record(() => new Secrets("app", argsWith({ creds: { value: payload, type } })));
      expect(graph.inputsOf(SECRET).type).toBe(type);
      expect(unwrapSecrets(graph.inputsOf(VERSION).data)).toBe(payload);
    },
  );

  it("leaves the description unset by default", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).description).toBeUndefined();
  });

  it("sets the description given", async () => {
    const { graph } = await record(
      () =>
        new Secrets("app", argsWith({ token: { value: "given-token-1", description: "Stripe API key" } })),
    );
    expect(graph.inputsOf(SECRET).description).toBe("Stripe API key");
  });

  it("tags each secret with the core tags", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).tags).toEqual([
      "component=secrets",
      "environment=dev",
      "managed-by=pulumi",
      "project=shop",
    ]);
  });

  it("adds the component's tags and the secret's own tags to the core tags", async () => {
    const { graph } = await record(
      () =>
        new Secrets(
          "app",
          argsWith(
            {
              token: { value: "given-token-1", tags: { owner: "payments" } },
              other: { value: "given-other-1" },
            },
            { tags: { team: "shop" } },
          ),
        ),
    );
    expect(graph.inputsOf(SECRET, "app-token").tags).toEqual([
      "component=secrets",
      "environment=dev",
      "managed-by=pulumi",
      "owner=payments",
      "project=shop",
      "team=shop",
    ]);
    expect(graph.inputsOf(SECRET, "app-other").tags).not.toContain("owner=payments");
  });

  it("creates secrets and versions in fr-par by default", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).region).toBe("fr-par");
    expect(graph.inputsOf(VERSION).region).toBe("fr-par");
  });

  it("creates secrets and versions in the region given", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { region: "pl-waw" })),
    );
    expect(graph.inputsOf(SECRET).region).toBe("pl-waw");
    expect(graph.inputsOf(VERSION).region).toBe("pl-waw");
    expect(graph.one(SECRET).id).toMatch(/^pl-waw\//);
  });

  it("leaves the project to the provider's default when no projectId is given", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.inputsOf(SECRET).projectId).toBeUndefined();
  });

  it("creates secrets in the projectId given", async () => {
    const projectId = "11111111-2222-4333-8444-555555555555";
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } }, { projectId })),
    );
    expect(graph.inputsOf(SECRET).projectId).toBe(projectId);
  });

  it("creates no random password for a given value", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    expect(graph.byType(PASSWORD)).toHaveLength(0);
  });

  it("stores a given plain string as a secret version payload", async () => {
    const { graph } = await record(() => new Secrets("app", argsWith({ token: { value: "given-token-1" } })));
    const data = graph.inputsOf(VERSION).data;
    expect(isSecret(data)).toBe(true);
    expect(unwrapSecrets(data)).toBe("given-token-1");
  });

  it("stores a given Output as a secret version payload", async () => {
    const { graph } = await record(
      () => new Secrets("app", argsWith({ token: { value: pulumi.output("given-token-2") } })),
    );
    const data = graph.inputsOf(VERSION).data;
    expect(isSecret(data)).toBe(true);
    expect(unwrapSecrets(data)).toBe("given-token-2");
  });

  it("registers the secret ids and names as component outputs", async () => {
    const { graph, result } = await record(
      () => new Secrets("app", argsWith({ token: { value: "given-token-1" } })),
    );
    const secret = graph.one(SECRET);
    expect(graph.one(COMPONENT).outputs).toEqual({
      ids: { token: secret.id },
      names: { token: "shop-dev-app-token" },
    });
    expect(await valueOf(result.ids)).toEqual({ token: secret.id });
    expect(await valueOf(result.names)).toEqual({ token: "shop-dev-app-token" });
  });
});
