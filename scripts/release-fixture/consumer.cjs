// A program a consuming team would write, run from a directory outside the workspace against the
// packages installed from the release test's registry. It must exercise each published package.
const assert = require("node:assert/strict");
const pulumi = require("@pulumi/pulumi");
const core = require("@scaleway-blocks/core");
const { record, recordError, isSecret } = require("@scaleway-blocks/testing");

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

  console.log(`consumer: ${graph.registered.length} resources recorded, all assertions passed`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
