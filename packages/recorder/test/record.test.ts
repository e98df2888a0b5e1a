import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { describe, expect, it } from "vitest";
import { isSecret, record, recordError, unwrapSecrets, valueOf } from "../src/index";
import { SCALEWAY_INVOKES, SCALEWAY_TYPES, STACK_TYPE } from "@scaleway-blocks/core/internal";

class App extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly secretId: pulumi.Output<string>;

  constructor(name: string, password: pulumi.Input<string>, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:App", name, {}, opts);
    const vpc = new scaleway.network.Vpc(`${name}-vpc`, { name: "app-vpc" }, { parent: this });
    // implicit dependency: the private network takes the VPC's id
    const pn = new scaleway.network.PrivateNetwork(`${name}-pn`, { vpcId: vpc.id }, { parent: this });
    const bucket = new scaleway.object.Bucket(`${name}-bucket`, { name: "app-assets" }, { parent: this });
    // explicit dependency: the secret waits for the bucket without using any of its outputs
    const secret = new scaleway.secrets.Secret(
      `${name}-secret`,
      { name: "db-password" },
      { parent: this, dependsOn: [bucket] },
    );
    new scaleway.secrets.Version(
      `${name}-version`,
      { secretId: secret.id, data: password },
      { parent: this },
    );
    this.bucketName = bucket.name;
    this.secretId = secret.id;
    void pn;
    this.registerOutputs({ bucketName: this.bucketName, secretId: this.secretId });
  }
}

describe("record", () => {
  const password = "s3cr3t-Passw0rd!";
  const recording = record(() => new App("app", pulumi.secret(password)));

  it("records the component with its children parented to it", async () => {
    const { graph } = await recording;
    const app = graph.one("test:index:App");
    expect(app.custom).toBe(false);
    expect(
      graph
        .childrenOf(app)
        .map((r) => r.type)
        .sort(),
    ).toEqual([
      SCALEWAY_TYPES.privateNetwork,
      SCALEWAY_TYPES.vpc,
      SCALEWAY_TYPES.bucket,
      SCALEWAY_TYPES.secret,
      SCALEWAY_TYPES.secretVersion,
    ]);
    expect(graph.parentOf(app)?.type).toBe(STACK_TYPE);
  });

  it("records an input taken from another resource's output as an implicit dependency", async () => {
    const { graph } = await recording;
    const vpc = graph.one(SCALEWAY_TYPES.vpc);
    const pn = graph.one(SCALEWAY_TYPES.privateNetwork);
    expect(pn.propertyDependencies.vpcId).toEqual([vpc.urn]);
    expect(pn.inputs.vpcId).toBe(vpc.id);
    expect(graph.explicitDependenciesOf(pn)).toEqual([]);
  });

  it("records dependsOn as an explicit dependency", async () => {
    const { graph } = await recording;
    const bucket = graph.one(SCALEWAY_TYPES.bucket);
    const secret = graph.one(SCALEWAY_TYPES.secret);
    expect(graph.explicitDependenciesOf(secret).map((r) => r.urn)).toEqual([bucket.urn]);
  });

  it("keeps a secret input marked as secret", async () => {
    const { graph } = await recording;
    const data = graph.inputsOf(SCALEWAY_TYPES.secretVersion).data;
    expect(isSecret(data)).toBe(true);
    expect(unwrapSecrets(data)).toBe(password);
    expect(JSON.stringify(graph.inputsOf(SCALEWAY_TYPES.secretVersion))).not.toContain(password);
  });

  it("finds no plaintext secret when none leaks", async () => {
    const { graph } = await recording;
    expect(graph.secretLeaks([password])).toEqual([]);
  });

  it("records the outputs a component registers", async () => {
    const { graph, result } = await recording;
    const app = graph.one("test:index:App");
    expect(app.outputs.bucketName).toBe("app-assets");
    expect(await valueOf(result.bucketName)).toBe("app-assets");
  });

  it("gives resources Scaleway-shaped ids and outputs", async () => {
    const { graph } = await recording;
    expect(graph.one(SCALEWAY_TYPES.vpc).id).toMatch(/^fr-par\/[0-9a-f-]{36}$/);
    expect(graph.one(SCALEWAY_TYPES.bucket).outputs.endpoint).toBe("https://app-assets.s3.fr-par.scw.cloud");
    const pn = graph.one(SCALEWAY_TYPES.privateNetwork);
    expect(pn.outputs.ipv4Subnet).toMatchObject({ subnet: "172.16.0.0/22" });
  });

  it("counts resources by type", async () => {
    const { graph } = await recording;
    expect(graph.countByType()).toMatchObject({ "test:index:App": 1, [SCALEWAY_TYPES.vpc]: 1 });
  });
});

describe("secretLeaks", () => {
  it("finds a secret that reaches a plain input inside a longer string", async () => {
    const { graph } = await record(() => {
      const password = pulumi.secret("hunter2-Passw0rd");
      const secret = new scaleway.secrets.Secret("s", { name: "p" });
      new scaleway.secrets.Version("v", { secretId: secret.id, data: password });
      // the bug: unwrapping the secret into a plain description
      new scaleway.secrets.Secret("leak", {
        name: "leak",
        description: pulumi.unsecret(pulumi.interpolate`postgres://app:${password}@db:5432/app`),
      });
    });
    const leaks = graph.secretLeaks();
    expect(leaks).toHaveLength(2); // the leaking input, and the mock echoing it as an output
    expect(leaks[0]).toMatchObject({ where: "inputs", path: "description", secretPrefix: "hu…" });
  });

  it("treats outputs the provider marks secret as secret", async () => {
    const { graph } = await record(() => {
      const app = new scaleway.iam.Application("ci", { name: "ci" });
      return { key: new scaleway.iam.ApiKey("ci-key", { applicationId: app.id }).accessKey };
    });
    expect(isSecret(graph.one(SCALEWAY_TYPES.iamApiKey).outputs.secretKey)).toBe(true);
    expect(graph.stackOutputs.key).toMatch(/^SCW[0-9A-F]{17}$/);
  });
});

describe("secretLeaks with publicValues", () => {
  const ACCESS_KEY = "SCW0123456789ABCDEFGH";
  const SECRET_KEY = "9f3c2a71-secret-key-value";

  // A component whose secret output holds a public value next to the secret one, and which also
  // outputs the public value in plain text (as a CI environment next to an access key id).
  class Credentials extends pulumi.ComponentResource {
    constructor(name: string, leakSecret: boolean) {
      super("test:index:Credentials", name, {});
      this.registerOutputs({
        environment: pulumi.secret({ accessKeyId: ACCESS_KEY, secretKey: SECRET_KEY }),
        accessKeyId: ACCESS_KEY,
        ...(leakSecret ? { debug: "secret=" + SECRET_KEY } : {}),
      });
    }
  }

  it("reports a public value held inside a secret object when it is not listed", async () => {
    const { graph } = await record(() => new Credentials("ci", false));
    expect(graph.secretLeaks().map((l) => l.path)).toEqual(["accessKeyId"]);
  });

  it("does not report a value listed in publicValues, though a secret object holds it", async () => {
    const { graph } = await record(() => new Credentials("ci", false));
    expect(graph.secretLeaks([], { publicValues: [ACCESS_KEY] })).toEqual([]);
  });

  it("still reports a real secret in plain text when publicValues are given", async () => {
    const { graph } = await record(() => new Credentials("ci", true));
    const leaks = graph.secretLeaks([], { publicValues: [ACCESS_KEY] });
    expect(leaks.map((l) => [l.path, l.secretPrefix])).toEqual([["debug", "9f…"]]);
  });

  it("keeps a known secret secret even when it is also listed as public", async () => {
    const { graph } = await record(() => new Credentials("ci", false));
    const leaks = graph.secretLeaks([ACCESS_KEY], { publicValues: [ACCESS_KEY] });
    expect(leaks.map((l) => l.path)).toEqual(["accessKeyId"]);
  });
});

describe("recordError", () => {
  it("returns what the program threw and what it registered before", async () => {
    const { error, graph } = await recordError(() => {
      new scaleway.network.Vpc("before", {});
      throw new Error("bad input");
    });
    expect((error as Error).message).toBe("bad input");
    expect(graph.registered.map((r) => r.name)).toEqual(["before"]);
  });

  it("fails when the program does not throw", async () => {
    await expect(recordError(() => undefined)).rejects.toThrow("expected the program to throw");
  });
});

describe("errors the program raises after it returns", () => {
  it("rejects with an error thrown inside an apply, as a real deployment would fail", async () => {
    await expect(
      record(() => {
        const vpc = new scaleway.network.Vpc("vpc", {});
        vpc.id.apply(() => {
          throw new Error("boom inside apply");
        });
      }),
    ).rejects.toThrow("boom inside apply");
  });

  it("rejects when a data source fails", async () => {
    await expect(
      record(() => scaleway.account.getProjectOutput({}).id.apply((id) => id), {
        calls: {
          [SCALEWAY_INVOKES.getProject]: () => {
            throw new Error("project not found");
          },
        },
      }),
    ).rejects.toThrow("project not found");
  });

  it("gives up with a clear error when an input never resolves", async () => {
    await expect(
      record(
        () => new scaleway.network.Vpc("stuck", { name: pulumi.output(new Promise<string>(() => {})) }),
        {
          settleTimeoutMs: 300,
        },
      ),
    ).rejects.toThrow("the program did not settle within 300 ms");
  });

  it("returns the error with the graph from recordError", async () => {
    const { error, graph } = await recordError(() => {
      const vpc = new scaleway.network.Vpc("vpc", {});
      vpc.id.apply(() => {
        throw new Error("late failure");
      });
    });
    expect((error as Error).message).toBe("late failure");
    expect(graph.byType(SCALEWAY_TYPES.vpc)).toHaveLength(1);
  });
});

describe("record options", () => {
  it("uses the given default region for ids and endpoints", async () => {
    const { graph } = await record(() => new scaleway.registry.Namespace("reg", { name: "shop" }), {
      region: "nl-ams",
    });
    const ns = graph.one(SCALEWAY_TYPES.registryNamespace);
    expect(ns.id).toMatch(/^nl-ams\//);
    expect(ns.outputs.endpoint).toBe("rg.nl-ams.scw.cloud/shop");
  });

  it("exposes stack config to the program", async () => {
    const { result } = await record(() => new pulumi.Config("platform").require("environment"), {
      config: { "platform:environment": "staging" },
    });
    expect(result).toBe("staging");
  });

  it("records runs started together one after the other, each on its own", async () => {
    const [first, second] = await Promise.all([
      record(() => new scaleway.network.Vpc("first", {})),
      record(() => {
        new scaleway.network.Vpc("second", {});
        new scaleway.network.Vpc("third", {});
      }),
    ]);
    expect(first.graph.registered.map((r) => r.name)).toEqual(["first"]);
    expect(second.graph.registered.map((r) => r.name).sort()).toEqual(["second", "third"]);
  });

  it("reports the organization a DIY backend reports", async () => {
    const { result } = await record(() => pulumi.getOrganization());
    expect(result).toBe("organization");
  });

  it("records each run on its own", async () => {
    const first = await record(() => new scaleway.network.Vpc("a", {}));
    const second = await record(() => new scaleway.network.Vpc("b", {}));
    expect(first.graph.registered.map((r) => r.name)).toEqual(["a"]);
    expect(second.graph.registered.map((r) => r.name)).toEqual(["b"]);
  });

  it("records resources created inside an apply", async () => {
    const { graph } = await record(() => {
      const vpc = new scaleway.network.Vpc("vpc", {});
      vpc.id.apply((id) => new scaleway.network.PrivateNetwork("late", { vpcId: id }));
    });
    expect(graph.byType(SCALEWAY_TYPES.privateNetwork)).toHaveLength(1);
  });

  it("records data source calls with mocked Scaleway answers", async () => {
    const { result, graph } = await record(() =>
      valueOf(scaleway.observability.getGrafanaOutput({}).grafanaUrl),
    );
    expect(result).toMatch(/^https:\/\/[0-9a-f-]{36}\.dashboard\.obs\.fr-par\.scw\.cloud$/);
    expect(graph.calls.map((c) => c.token)).toContain(SCALEWAY_INVOKES.getGrafana);
  });
});

describe("URNs as the Pulumi engine builds them", () => {
  class Outer extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
      super("test:index:Outer", name, {}, opts);
      new Inner(`${name}-inner`, { parent: this });
    }
  }
  class Inner extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
      super("test:index:Inner", name, {}, opts);
      new scaleway.network.Vpc(`${name}-vpc`, {}, { parent: this });
    }
  }

  it("carries the whole chain of parent types, without the stack", async () => {
    const { graph } = await record(() => new Outer("app"), { project: "shop", stack: "dev" });
    expect(graph.registered.map((r) => r.urn)).toEqual([
      "urn:pulumi:dev::shop::test:index:Outer::app",
      "urn:pulumi:dev::shop::test:index:Outer$test:index:Inner::app-inner",
      "urn:pulumi:dev::shop::test:index:Outer$test:index:Inner$scaleway:network/vpc:Vpc::app-inner-vpc",
    ]);
    expect(graph.stack?.urn).toBe("urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev");
  });

  it("gives the program the same URN it records", async () => {
    const { result, graph } = await record(() => new Outer("app"));
    expect(await valueOf(result.urn)).toBe(graph.one("test:index:Outer").urn);
  });

  it("builds the same URNs as the SDK's createUrn", async () => {
    const { graph } = await record(() => {
      const outer = new Outer("app");
      return { expected: pulumi.createUrn("app-inner", "test:index:Inner", outer) };
    });
    expect(graph.stackOutputs.expected).toBe(graph.one("test:index:Inner").urn);
  });

  it("records an alias spec as the old URN it stands for", async () => {
    const { graph } = await record(() => {
      const outer = new Outer("app");
      new Inner("moved", { parent: outer, aliases: [{ parent: pulumi.rootStackResource }] });
      new Inner("renamed", { aliases: [{ name: "old-name" }] });
    });
    expect(graph.get("moved").options.aliases).toEqual(["urn:pulumi:test::project::test:index:Inner::moved"]);
    expect(graph.get("renamed").options.aliases).toEqual([
      "urn:pulumi:test::project::test:index:Inner::old-name",
    ]);
  });

  it("records the provider's own alias of a deprecated type token in engine form", async () => {
    const { graph } = await record(() => new Outer("app"));
    expect(graph.get("app-inner-vpc").options.aliases).toContain(
      "urn:pulumi:test::project::test:index:Outer$test:index:Inner$scaleway:index/vpc:Vpc::app-inner-vpc",
    );
  });
});

describe("duplicate URNs", () => {
  it("a program that registers the same URN twice fails", async () => {
    await expect(
      record(() => {
        new scaleway.network.Vpc("net", {});
        new scaleway.network.Vpc("net", {});
      }),
    ).rejects.toThrow(
      "Duplicate resource URN 'urn:pulumi:test::project::scaleway:network/vpc:Vpc::net'; try giving it a unique name",
    );
  });

  it("a program that registers the same component twice fails, naming the component's URN", async () => {
    const { error } = await recordError(() => {
      new App("app", "p4ssw0rd-one");
      new App("app", "p4ssw0rd-two");
    });
    expect((error as Error).message).toBe(
      "Duplicate resource URN 'urn:pulumi:test::project::test:index:App::app'; try giving it a unique name",
    );
  });

  it("leaves no pending Pulumi promise behind, so a process that goes on can still exit 0", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const state = require("@pulumi/pulumi/runtime/state") as { getStore(): { leakCandidates: Set<unknown> } };
    const pending = () => state.getStore().leakCandidates.size;
    const before = pending();
    await recordError(() => {
      new App("app", "p4ssw0rd-one");
      new App("app", "p4ssw0rd-two");
    });
    expect(pending()).toBe(before);
  });

  it("accepts one name under two different parents", async () => {
    const { graph } = await record(() => {
      class Box extends pulumi.ComponentResource {
        constructor(name: string, type: string) {
          super(type, name, {});
          new scaleway.network.Vpc("net", {}, { parent: this });
        }
      }
      new Box("a", "test:index:Left");
      new Box("a", "test:index:Right");
    });
    expect(graph.byType(SCALEWAY_TYPES.vpc)).toHaveLength(2);
  });
});
