// A program a consuming team would write, run from a directory outside the workspace against the
// packages installed from the release test's registry. It must exercise each published package.
const assert = require("node:assert/strict");
const pulumi = require("@pulumi/pulumi");
const core = require("@scaleway-blocks/core");
const { record, recordError, isSecret } = require("@scaleway-blocks/testing");
const { Network } = require("@scaleway-blocks/network");
const { Secrets } = require("@scaleway-blocks/secrets");
const { Bucket } = require("@scaleway-blocks/storage");
const { evaluate } = require("@scaleway-blocks/policy");

class Site extends pulumi.ComponentResource {
  constructor(name, args, opts) {
    const parsed = core.parseArgs(core.commonArgsSchema, args, { type: "consumer:index:Site", name });
    super("consumer:index:Site", name, {}, opts);
    const ctx = core.blockContext({ kind: "site", name }, parsed);
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

  console.log(
    `consumer: ${graph.registered.length + blocks.graph.registered.length} resources recorded, all assertions passed`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
