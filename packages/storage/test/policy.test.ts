import * as pulumi from "@pulumi/pulumi";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Bucket } from "../src/index";
import { APP_CI, APP_READER, APP_WRITER, T, USER_ADMIN, args } from "./helpers";
import type { PolicyJson, PolicyStatement } from "./helpers";

const NAME = "shop-private-data";

async function policyFor(access: NonNullable<Parameters<typeof args>[0]>["access"], extra = {}) {
  const recording = await record(() => new Bucket("data", args({ bucketName: NAME, access, ...extra })));
  const policy = JSON.parse(recording.graph.inputsOf(T.policy).policy as string) as PolicyJson;
  const statement = (sid: string): PolicyStatement | undefined => policy.Statement.find((s) => s.Sid === sid);
  return { ...recording, policy, statement };
}

describe("Bucket policy", () => {
  it("uses Scaleway's current policy version 2023-04-17", async () => {
    const { policy } = await policyFor({ owners: [{ applicationId: APP_CI }] });
    expect(policy.Version).toBe("2023-04-17");
    expect(policy.Id).toBe("shop-staging-data-policy");
  });

  it("always starts with a statement that keeps the owners' full access (no lock-out)", async () => {
    const { policy } = await policyFor({
      owners: [{ applicationId: APP_CI }, { userId: USER_ADMIN }],
      readApplicationIds: [APP_READER],
    });
    expect(policy.Statement[0]).toEqual({
      Sid: "OwnersKeepFullAccess",
      Effect: "Allow",
      Principal: { SCW: [`application_id:${APP_CI}`, `user_id:${USER_ADMIN}`] },
      Action: ["s3:*"],
      Resource: [NAME, `${NAME}/*`],
    });
  });

  it("grants readers only bucket location, listing and object reads", async () => {
    const { statement } = await policyFor({
      owners: [{ applicationId: APP_CI }],
      readApplicationIds: [APP_READER],
    });
    expect(statement("ApplicationsRead")).toEqual({
      Sid: "ApplicationsRead",
      Effect: "Allow",
      Principal: { SCW: [`application_id:${APP_READER}`] },
      Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:GetObject"],
      Resource: [NAME, `${NAME}/*`],
    });
  });

  it("grants writers read plus put, delete and multipart actions, but not version deletion", async () => {
    const { statement } = await policyFor({
      owners: [{ applicationId: APP_CI }],
      readWriteApplicationIds: [APP_WRITER],
    });
    const rw = statement("ApplicationsReadWrite");
    expect(rw?.Principal).toEqual({ SCW: [`application_id:${APP_WRITER}`] });
    expect(rw?.Action).toEqual([
      "s3:GetBucketLocation",
      "s3:ListBucket",
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListBucketMultipartUploads",
      "s3:ListMultipartUploadParts",
    ]);
    expect(rw?.Action).not.toContain("s3:DeleteObjectVersion");
    expect(rw?.Action).not.toContain("s3:*");
  });

  it("adds no read or write statement when no application is granted", async () => {
    const { policy } = await policyFor({ owners: [{ userId: USER_ADMIN }] });
    expect(policy.Statement.map((s) => s.Sid)).toEqual(["OwnersKeepFullAccess"]);
  });

  it("never grants anyone anonymous access on a private bucket", async () => {
    const { policy } = await policyFor({
      owners: [{ applicationId: APP_CI }],
      readApplicationIds: [APP_READER],
      readWriteApplicationIds: [APP_WRITER],
    });
    expect(policy.Statement.some((s) => s.Principal === "*")).toBe(false);
  });

  it("keeps anonymous object reads working next to the policy on a publicRead bucket", async () => {
    const { statement, graph } = await policyFor(
      { owners: [{ applicationId: APP_CI }], readWriteApplicationIds: [APP_WRITER] },
      { publicRead: true },
    );
    expect(graph.inputsOf(T.acl).acl).toBe("public-read");
    expect(statement("PublicReadObjects")).toEqual({
      Sid: "PublicReadObjects",
      Effect: "Allow",
      Principal: "*",
      Action: ["s3:GetObject"],
      Resource: [`${NAME}/*`],
    });
  });

  it("accepts application ids given as Outputs", async () => {
    const { statement } = await policyFor({
      owners: [{ applicationId: pulumi.output(APP_CI) }],
      readApplicationIds: [pulumi.output(APP_READER)],
    });
    expect(statement("OwnersKeepFullAccess")?.Principal).toEqual({ SCW: [`application_id:${APP_CI}`] });
    expect(statement("ApplicationsRead")?.Principal).toEqual({ SCW: [`application_id:${APP_READER}`] });
  });

  it("attaches the policy to the bucket and applies it after the ACL, encryption and lock", async () => {
    const { graph } = await record(
      () =>
        new Bucket(
          "data",
          args({
            encryption: { createKey: true },
            objectLock: { mode: "GOVERNANCE", days: 1 },
            access: { owners: [{ applicationId: APP_CI }] },
          }),
        ),
    );
    const policy = graph.one(T.policy);
    expect(policy.inputs.bucket).toBe(graph.one(T.bucket).outputs.name);
    expect(policy.inputs.region).toBe("fr-par");
    expect(
      graph
        .explicitDependenciesOf(policy)
        .map((r) => r.type)
        .sort(),
    ).toEqual([T.acl, T.lock, T.sse].sort());
  });

  it("exposes the policy document as an output", async () => {
    const { result, graph } = await record(
      () => new Bucket("data", args({ access: { owners: [{ applicationId: APP_CI }] } })),
    );
    expect(await valueOf(result.policyDocument!)).toBe(graph.inputsOf(T.policy).policy);
  });

  it("follows the bucket's derived name in the policy's resources", async () => {
    const { graph } = await record(
      () => new Bucket("data", args({ access: { owners: [{ applicationId: APP_CI }] } })),
    );
    const name = graph.inputsOf(T.bucket).name as string;
    const policy = JSON.parse(graph.inputsOf(T.policy).policy as string) as PolicyJson;
    expect(policy.Statement[0]?.Resource).toEqual([name, `${name}/*`]);
  });
});
