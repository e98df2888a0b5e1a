// A resource made public on purpose through a block carries the publicOptInTag ("public=true" by
// default): it passes the mandatory "not public" rules with an advisory finding for review. The same
// setting without the tag is an accident and still fails.
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/index";
import type { EvaluateConfig, Finding, GraphResource } from "../src/index";
import { PROD_TAGS, PROD_TAG_MAP, graphOf, resource } from "./fixtures";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const BUCKET = SCALEWAY_TYPES.bucket;
const BUCKET_ACL = SCALEWAY_TYPES.bucketAcl;
const BUCKET_POLICY = SCALEWAY_TYPES.bucketPolicy;
const INSTANCE = SCALEWAY_TYPES.databaseInstance;
const NAME = "shop-production-assets";

const bucket = (tags: Record<string, string>, name = NAME): GraphResource =>
  resource(
    BUCKET,
    {
      name,
      region: "fr-par",
      tags,
      versioning: { enabled: true },
      lifecycleRules: [{ enabled: true, noncurrentVersionExpiration: { noncurrentDays: 90 } }],
    },
    { name: `${name}-bucket`, protect: true },
  );
const OPTED_IN = { ...PROD_TAG_MAP, public: "true" };

/** A child of `target` whose `bucket` input came from it, as a recorded graph says. */
function onBucket(type: string, inputs: Record<string, unknown>, target: GraphResource): GraphResource {
  return {
    ...resource(type, { bucket: target.inputs.name, region: "fr-par", ...inputs }, { name: `${type}-r` }),
    propertyDependencies: { bucket: [target.urn] },
  };
}

const publicPolicy = (actions: string[]) =>
  JSON.stringify({
    Version: "2023-04-17",
    Statement: [
      { Sid: "PublicReadObjects", Effect: "Allow", Principal: "*", Action: actions, Resource: [`${NAME}/*`] },
    ],
  });

const summary = (findings: readonly Finding[]) =>
  findings.map((f) => `${f.severity} ${f.ruleId} ${f.name}`).sort();

function findingsOf(resources: GraphResource[], config: EvaluateConfig = {}): Finding[] {
  const watched = [
    "scw-bucket-no-public-acl",
    "scw-bucket-policy-no-public-principal",
    "scw-bucket-public-on-purpose",
    "scw-database-no-public-endpoint",
    "scw-database-public-endpoint-on-purpose",
  ];
  return evaluate(graphOf(...resources), config).filter((f) => watched.includes(f.ruleId));
}

describe("a public-read bucket ACL", () => {
  it("passes with an advisory finding when its bucket is tagged public=true", () => {
    const target = bucket(OPTED_IN);
    const findings = findingsOf([target, onBucket(BUCKET_ACL, { acl: "public-read" }, target)]);
    expect(summary(findings)).toEqual([`advisory scw-bucket-public-on-purpose ${BUCKET_ACL}-r`]);
    expect(findings[0]!.message).toMatch(/public-read.*tagged "public=true"/);
  });

  it("fails a mandatory rule when its bucket is not tagged public", () => {
    const target = bucket(PROD_TAG_MAP);
    const findings = findingsOf([target, onBucket(BUCKET_ACL, { acl: "public-read" }, target)]);
    expect(summary(findings)).toEqual([`mandatory scw-bucket-no-public-acl ${BUCKET_ACL}-r`]);
  });

  it("finds its bucket by name when the graph records no property dependencies", () => {
    const target = bucket(OPTED_IN);
    const acl = resource(BUCKET_ACL, { bucket: NAME, acl: "public-read" }, { name: "acl" });
    expect(summary(findingsOf([target, acl]))).toEqual(["advisory scw-bucket-public-on-purpose acl"]);
  });

  it("finds its bucket by the regional id <region>/<name>", () => {
    const target = bucket(OPTED_IN);
    const acl = resource(BUCKET_ACL, { bucket: `fr-par/${NAME}`, acl: "public-read" }, { name: "acl" });
    expect(summary(findingsOf([target, acl]))).toEqual(["advisory scw-bucket-public-on-purpose acl"]);
  });

  it("is not opted in by another bucket's tag", () => {
    const other = bucket(OPTED_IN, "shop-production-site");
    const acl = resource(BUCKET_ACL, { bucket: NAME, acl: "public-read" }, { name: "acl" });
    expect(summary(findingsOf([other, bucket(PROD_TAG_MAP), acl]))).toEqual([
      "mandatory scw-bucket-no-public-acl acl",
    ]);
  });

  it("still fails when the ACL lets anyone write, tag or not", () => {
    const target = bucket(OPTED_IN);
    const findings = findingsOf([target, onBucket(BUCKET_ACL, { acl: "public-read-write" }, target)]);
    expect(summary(findings)).toEqual([`mandatory scw-bucket-no-public-acl ${BUCKET_ACL}-r`]);
    expect(findings[0]!.message).toMatch(/public=true.*read access only/);
  });

  it("reads the opt-in tag from the publicOptInTag setting", () => {
    const target = bucket({ ...PROD_TAG_MAP, exposure: "internet" });
    const acl = onBucket(BUCKET_ACL, { acl: "public-read" }, target);
    expect(summary(findingsOf([target, acl], { publicOptInTag: "exposure=internet" }))).toEqual([
      `advisory scw-bucket-public-on-purpose ${BUCKET_ACL}-r`,
    ]);
    expect(summary(findingsOf([target, acl]))).toEqual([
      `mandatory scw-bucket-no-public-acl ${BUCKET_ACL}-r`,
    ]);
  });

  it("reports nothing for a private ACL on a bucket tagged public", () => {
    const target = bucket(OPTED_IN);
    expect(findingsOf([target, onBucket(BUCKET_ACL, { acl: "private" }, target)])).toEqual([]);
  });
});

describe("a bucket policy statement with Principal *", () => {
  it("passes with an advisory finding when it only reads objects of a bucket tagged public=true", () => {
    const target = bucket(OPTED_IN);
    const policy = onBucket(BUCKET_POLICY, { policy: publicPolicy(["s3:GetObject"]) }, target);
    const findings = findingsOf([target, policy]);
    expect(summary(findings)).toEqual([`advisory scw-bucket-public-on-purpose ${BUCKET_POLICY}-r`]);
    expect(findings[0]!.message).toMatch(/"PublicReadObjects"/);
  });

  it("fails a mandatory rule when the bucket is not tagged public", () => {
    const target = bucket(PROD_TAG_MAP);
    const policy = onBucket(BUCKET_POLICY, { policy: publicPolicy(["s3:GetObject"]) }, target);
    expect(summary(findingsOf([target, policy]))).toEqual([
      `mandatory scw-bucket-policy-no-public-principal ${BUCKET_POLICY}-r`,
    ]);
  });

  it("still fails when it lets anyone write, tag or not", () => {
    const target = bucket(OPTED_IN);
    const policy = onBucket(
      BUCKET_POLICY,
      { policy: publicPolicy(["s3:GetObject", "s3:PutObject"]) },
      target,
    );
    expect(summary(findingsOf([target, policy]))).toEqual([
      `mandatory scw-bucket-policy-no-public-principal ${BUCKET_POLICY}-r`,
    ]);
  });
});

describe("a database instance with a public endpoint", () => {
  const instance = (tags: string[]) =>
    resource(
      INSTANCE,
      {
        engine: "PostgreSQL-16",
        isHaCluster: true,
        encryptionAtRest: true,
        loadBalancer: {},
        privateNetwork: { pnId: "fr-par/pn" },
        tags,
      },
      { name: "db", protect: true },
    );

  it("passes with an advisory finding when tagged public=true", () => {
    const findings = findingsOf([instance([...PROD_TAGS, "public=true"])]);
    expect(summary(findings)).toEqual(["advisory scw-database-public-endpoint-on-purpose db"]);
    expect(findings[0]!.message).toMatch(/loadBalancer.*tagged "public=true"/);
  });

  it("fails a mandatory rule when not tagged public", () => {
    expect(summary(findingsOf([instance(PROD_TAGS)]))).toEqual([
      "mandatory scw-database-no-public-endpoint db",
    ]);
  });

  it("is not opted in by a public tag with another value", () => {
    expect(summary(findingsOf([instance([...PROD_TAGS, "public=false"])]))).toEqual([
      "mandatory scw-database-no-public-endpoint db",
    ]);
  });
});
