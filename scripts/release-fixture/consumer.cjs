// A program a consuming team would write, run from a directory outside the workspace against the
// packages installed from the release test's registry. It must exercise each published package.
const assert = require("node:assert/strict");
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
const core = require("@scaleway-blocks/core");
// A component of the team's own, built the way the blocks are: with core's internal entry.
const coreInternal = require("@scaleway-blocks/core/internal");
const { record, recordError, isSecret } = require("@scaleway-blocks/testing");
const { Network } = require("@scaleway-blocks/network");
const { Secrets } = require("@scaleway-blocks/secrets");
const { Bucket } = require("@scaleway-blocks/storage");
const { evaluate, rules } = require("@scaleway-blocks/policy");
const { startPolicyPack } = require("./policy-pack.cjs");

class Site extends pulumi.ComponentResource {
  constructor(name, args, opts) {
    const parsed = coreInternal.parseArgs(coreInternal.commonArgsSchema, args, {
      type: "consumer:index:Site",
      name,
    });
    super("consumer:index:Site", name, {}, opts);
    const ctx = coreInternal.blockContext({ kind: "site", name }, parsed);
    this.bucket = new pulumi.CustomResource(
      "scaleway:object/bucket:Bucket",
      `${name}-bucket`,
      { name: ctx.name("assets", { kind: "bucket" }), region: parsed.region, tags: ctx.tags.map },
      { parent: this },
    );
    this.secret = new pulumi.CustomResource(
      "scaleway:secrets/version:Version",
      `${name}-token`,
      {
        secretId: "fr-par/00000000-0000-4000-8000-000000000000",
        data: pulumi.secret("consumer-token-value"),
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

async function main() {
  const { graph } = await record(
    () => new Site("web", { project: "shop", environment: "staging", region: "nl-ams" }),
  );
  const bucket = graph.one("scaleway:object/bucket:Bucket");
  assert.equal(bucket.inputs.name, "shop-staging-web-assets");
  assert.equal(bucket.inputs.tags["managed-by"], "pulumi");
  assert.equal(bucket.outputs.endpoint, "https://shop-staging-web-assets.s3.nl-ams.scw.cloud");
  assert.equal(graph.parentOf(bucket).type, "consumer:index:Site");
  assert.ok(isSecret(graph.inputsOf("scaleway:secrets/version:Version").data));
  assert.deepEqual(graph.secretLeaks(["consumer-token-value"]), []);

  const failed = await recordError(() => new Site("bad", { project: "shop", environment: "prod" }));
  assert.ok(failed.error instanceof core.ConfigError, "bad input raises a ConfigError");
  assert.match(failed.error.message, /environment: expected an environment: dev \| staging \| production/);
  assert.equal(failed.graph.registered.length, 0);

  // The building blocks, installed from the registry, compose and pass the policy's mandatory rules.
  const blocks = await record(
    () => {
      const network = new Network("net", { project: "shop", environment: "production" });
      const secrets = new Secrets("app", {
        project: "shop",
        environment: "production",
        secrets: { session: { generate: {} } },
      });
      const bucket = new Bucket("assets", { project: "shop", environment: "production" });
      return {
        vpcId: network.vpcId,
        sessionSecretId: secrets.secret("session").secretId,
        bucket: bucket.bucketName,
      };
    },
    { stack: "production" },
  );
  const counts = blocks.graph.countByType();
  assert.equal(counts["scaleway:network/vpc:Vpc"], 1);
  assert.equal(counts["scaleway:secrets/secret:Secret"], 1);
  assert.equal(counts["scaleway:object/bucket:Bucket"], 1);
  assert.equal(blocks.graph.one("scaleway:object/bucket:Bucket").options.protect, true);
  assert.deepEqual(blocks.graph.secretLeaks(), []);
  const mandatory = evaluate(blocks.graph, { environment: "production" }).filter(
    (f) => f.severity === "mandatory",
  );
  assert.deepEqual(mandatory, []);

  // Engine-form URNs: the whole chain of parent types, and a duplicate URN refused as `pulumi up` does.
  assert.equal(
    blocks.graph.one("scaleway:network/vpc:Vpc").urn,
    "urn:pulumi:production::project::scaleway-blocks:network:Network$scaleway:network/vpc:Vpc::net-vpc",
  );
  await assert.rejects(
    record(() => {
      new Network("net", { project: "shop", environment: "dev" });
      new Network("net", { project: "shop", environment: "dev" });
    }),
    {
      message:
        "Duplicate resource URN 'urn:pulumi:test::project::scaleway-blocks:network:Network::net'; try giving it a unique name",
    },
  );

  // The CrossGuard pack shipped in the installed package: its program started as Pulumi's policy host
  // starts it and queried over gRPC as the CLI queries it (the Pulumi CLI itself does not run here).
  const packDir = path.join(path.dirname(require.resolve("@scaleway-blocks/policy/package.json")), "pack");
  const pack = await startPolicyPack(packDir, { resolveFrom: __filename });
  try {
    const info = await pack.info();
    assert.equal(info.name, "scaleway-blocks");
    assert.deepEqual(
      info.policies.map((p) => [p.name, p.enforcementLevel]),
      rules.map((r) => [r.id, r.severity]),
    );
    const instance = "scaleway:databases/instance:Instance";
    const found = await pack.analyze({
      type: instance,
      name: "orders",
      urn: `urn:pulumi:production::shop::${instance}::orders`,
      properties: { loadBalancer: {} },
    });
    assert.ok(
      found.some(
        (d) => d.policyName === "scw-database-no-public-endpoint" && d.enforcementLevel === "mandatory",
      ),
      `the installed pack reports a public database endpoint as mandatory: ${JSON.stringify(found)}`,
    );
    console.log(
      `consumer: the installed policy pack serves ${info.policies.length} policies over gRPC and flags a public database endpoint`,
    );
  } finally {
    pack.stop();
  }

  console.log(
    `consumer: ${graph.registered.length + blocks.graph.registered.length} resources recorded, all assertions passed`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
