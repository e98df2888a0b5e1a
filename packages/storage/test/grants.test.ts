import { SCALEWAY_INVOKES } from "@scaleway-blocks/core/internal";
import { record, recordError, recordingGrantee, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { APP_CI, APP_READER, APP_WRITER, KEY_ID, PROJECT_ID, T, args } from "./helpers";
import type { PolicyJson, PolicyStatement } from "./helpers";

const PROVIDER_PROJECT = "99999999-8888-4777-8666-555555555555";
const OWNERS = { owners: [{ applicationId: APP_CI }] };

function statement(
  graph: Awaited<ReturnType<typeof record>>["graph"],
  sid: string,
): PolicyStatement | undefined {
  const policy = JSON.parse(graph.inputsOf(T.policy).policy as string) as PolicyJson;
  return policy.Statement.find((s) => s.Sid === sid);
}

// Mock runs (the test kit). The recording grantee stands in for an Identity: it records what the
// bucket asks of it; the Identity's own tests show the IAM policy each grant becomes.
describe("grantRead and grantReadWrite: the grantee's IAM permission sets", () => {
  it("grantRead asks for ObjectStorageBucketsRead and ObjectStorageObjectsRead on the bucket's project", async () => {
    const grantee = recordingGrantee();
    await record(() => new Bucket("data", args({ projectId: PROJECT_ID })).grantRead(grantee));
    expect(grantee.grants.map((g) => g.permissionSets)).toEqual([
      ["ObjectStorageBucketsRead", "ObjectStorageObjectsRead"],
    ]);
    expect(await valueOf(grantee.grants[0]!.projectId)).toBe(PROJECT_ID);
  });

  it("grantReadWrite also asks for ObjectStorageObjectsWrite and ObjectStorageObjectsDelete", async () => {
    const grantee = recordingGrantee();
    await record(() => new Bucket("data", args()).grantReadWrite(grantee));
    expect(grantee.grants.map((g) => g.permissionSets)).toEqual([
      [
        "ObjectStorageBucketsRead",
        "ObjectStorageObjectsRead",
        "ObjectStorageObjectsWrite",
        "ObjectStorageObjectsDelete",
      ],
    ]);
  });

  it("a read grant on an encrypted bucket adds KeyManagerKeyDecrypt, to read what SSE-KMS encrypted", async () => {
    const grantee = recordingGrantee();
    await record(() => new Bucket("data", args({ encryption: { createKey: true } })).grantRead(grantee));
    expect(grantee.grants[0]!.permissionSets).toEqual([
      "ObjectStorageBucketsRead",
      "ObjectStorageObjectsRead",
      "KeyManagerKeyDecrypt",
    ]);
  });

  it("a read-write grant on a bucket encrypted with a given key adds KeyManagerKeyEncrypt and KeyManagerKeyDecrypt", async () => {
    const grantee = recordingGrantee();
    await record(() =>
      new Bucket("data", args({ encryption: { kmsKeyId: KEY_ID } })).grantReadWrite(grantee),
    );
    expect(grantee.grants[0]!.permissionSets).toEqual(
      expect.arrayContaining(["ObjectStorageObjectsWrite", "KeyManagerKeyEncrypt", "KeyManagerKeyDecrypt"]),
    );
  });

  it("scopes grants to the provider's default project when no projectId is given, looked up once", async () => {
    const reader = recordingGrantee();
    const writer = recordingGrantee();
    const { graph } = await record(
      () => {
        const bucket = new Bucket("data", args());
        bucket.grantRead(reader);
        bucket.grantReadWrite(writer);
      },
      { projectId: PROVIDER_PROJECT },
    );
    expect(await valueOf(reader.grants[0]!.projectId)).toBe(PROVIDER_PROJECT);
    expect(await valueOf(writer.grants[0]!.projectId)).toBe(PROVIDER_PROJECT);
    expect(graph.calls.filter((c) => c.token === SCALEWAY_INVOKES.getProject)).toHaveLength(1);
  });

  it("names each grant after the bucket and its level, so one grantee can be given several buckets", async () => {
    const grantee = recordingGrantee();
    await record(() => {
      new Bucket("uploads", args()).grantReadWrite(grantee);
      new Bucket("assets", args()).grantRead(grantee);
    });
    expect(grantee.grants.map((g) => g.name)).toEqual(["uploads-bucket-read-write", "assets-bucket-read"]);
  });

  it("returns the id of the IAM policy the grantee adds", async () => {
    const grantee = recordingGrantee();
    const { result } = await record(() => new Bucket("data", args()).grantRead(grantee));
    expect(await valueOf(result)).toBe("policy-of-data-bucket-read");
  });

  it("a grant on a bucket without access gives IAM permission sets only: no bucket policy", async () => {
    const { graph } = await record(() => new Bucket("data", args()).grantReadWrite(recordingGrantee()));
    expect(graph.byType(T.policy)).toEqual([]);
  });
});

describe("grantRead and grantReadWrite: the bucket policy (access)", () => {
  it("a read grant made after the constructor joins the bucket policy's readers", async () => {
    const grantee = recordingGrantee(APP_READER);
    const { graph } = await record(() => new Bucket("data", args({ access: OWNERS })).grantRead(grantee));
    expect(statement(graph, "ApplicationsRead")?.Principal).toEqual({
      SCW: [`application_id:${APP_READER}`],
    });
    expect(statement(graph, "ApplicationsReadWrite")).toBeUndefined();
  });

  it("a read-write grant joins the writers' statement, next to the writers listed in access", async () => {
    const listed = "aaaaaaaa-0000-4000-8000-000000000009";
    const grantee = recordingGrantee(APP_WRITER);
    const { graph } = await record(() =>
      new Bucket("data", args({ access: { ...OWNERS, readWriteApplicationIds: [listed] } })).grantReadWrite(
        grantee,
      ),
    );
    expect(statement(graph, "ApplicationsReadWrite")?.Principal).toEqual({
      SCW: [`application_id:${listed}`, `application_id:${APP_WRITER}`],
    });
  });

  it("lists a grantee given both grants among the writers only", async () => {
    const grantee = recordingGrantee(APP_WRITER);
    const { graph } = await record(() => {
      const bucket = new Bucket("data", args({ access: { ...OWNERS, readApplicationIds: [APP_READER] } }));
      bucket.grantRead(grantee);
      bucket.grantReadWrite(grantee);
    });
    expect(statement(graph, "ApplicationsRead")?.Principal).toEqual({
      SCW: [`application_id:${APP_READER}`],
    });
    expect(statement(graph, "ApplicationsReadWrite")?.Principal).toEqual({
      SCW: [`application_id:${APP_WRITER}`],
    });
  });

  it("refuses a grant made after the bucket policy was built, naming the bucket and what to do instead", async () => {
    const grantee = recordingGrantee(APP_READER);
    const { error } = await recordError(async () => {
      const bucket = new Bucket("data", args({ access: OWNERS }));
      await new Promise((resolve) => setImmediate(resolve));
      bucket.grantRead(grantee);
    });
    expect((error as Error).message).toContain('scaleway-blocks:storage:Bucket "data": grantRead came after');
    expect((error as Error).message).toContain("access.readApplicationIds");
    expect(grantee.grants).toEqual([]);
  });

  it("accepts a late grant on a bucket without access: there is no bucket policy to miss it", async () => {
    const grantee = recordingGrantee();
    await record(async () => {
      const bucket = new Bucket("data", args());
      await new Promise((resolve) => setImmediate(resolve));
      bucket.grantReadWrite(grantee);
    });
    expect(grantee.grants.map((g) => g.name)).toEqual(["data-bucket-read-write"]);
  });
});
