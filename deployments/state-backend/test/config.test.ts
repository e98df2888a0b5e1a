import { StackConfigError } from "@scaleway-blocks/core";
import { describe, expect, it } from "vitest";
import { runStackError } from "./helpers";

const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const APP = "16fd2706-8baf-433b-82eb-8c7fada847da";
const KEY = "e678a5b1-3ddd-4257-93dd-28d5c290e1b2";

/** [what is wrong, changes to Pulumi.shared.yaml (undefined removes a key), the exact error message]. */
const BAD_CONFIG: [string, Record<string, unknown>, string][] = [
  [
    "no projectId",
    { projectId: undefined },
    "Pulumi.shared.yaml: state-backend:projectId: expected a Scaleway project id (a UUID); received nothing",
  ],
  [
    "a projectId that is not a UUID",
    { projectId: "my-project" },
    'Pulumi.shared.yaml: state-backend:projectId: expected a Scaleway project id (a UUID); received "my-project"',
  ],
  [
    "no project",
    { project: undefined },
    'Pulumi.shared.yaml: state-backend:project: expected the platform\'s name (a string, e.g. "platform"); received nothing',
  ],
  [
    "a project name with capitals and underscores",
    { project: "Platform_X" },
    'Pulumi.shared.yaml: state-backend:project: expected lowercase letters, digits and single hyphens, starting with a letter; received "Platform_X"',
  ],
  [
    "no owners",
    { owners: undefined },
    "Pulumi.shared.yaml: state-backend:owners: expected a YAML list of owners ({ userId: <uuid> } or { applicationId: <uuid> }); received nothing",
  ],
  [
    "an empty owners list",
    { owners: [] },
    "Pulumi.shared.yaml: state-backend:owners: expected at least one owner: without one the bucket policy locks the platform out; received an array of 0",
  ],
  [
    "owners given as a string",
    { owners: "bob" },
    'Pulumi.shared.yaml: state-backend:owners: expected a YAML list of owners ({ userId: <uuid> } or { applicationId: <uuid> }); received "bob"',
  ],
  [
    "an owner whose userId is not a UUID",
    { owners: [{ userId: "bob" }] },
    'Pulumi.shared.yaml: state-backend:owners[0].userId: expected an IAM user id (a UUID); received "bob"',
  ],
  [
    "an owner with both a userId and an applicationId",
    { owners: [{ userId: USER, applicationId: APP }] },
    "Pulumi.shared.yaml: state-backend:owners[0]: expected exactly one of userId or applicationId; received an object with keys userId, applicationId",
  ],
  [
    "a state-backend:region key",
    { region: "nl-ams" },
    'Pulumi.shared.yaml: state-backend:region: expected no region key: the region is scaleway:region, which the provider reads too; received "nl-ams"',
  ],
  [
    "a scaleway:region Scaleway does not have",
    { "scaleway:region": "us-east-1" },
    'Pulumi.shared.yaml: scaleway:region: expected a Scaleway region: fr-par | nl-ams | pl-waw; received "us-east-1"',
  ],
  [
    "an environment key",
    { environment: "dev" },
    'Pulumi.shared.yaml: state-backend:environment: expected no environment key: the state bucket is always production, because it holds the state of every stack, production\'s included; received "dev"',
  ],
  [
    "a forceDestroy key",
    { forceDestroy: true },
    'Pulumi.shared.yaml: state-backend:forceDestroy: expected no forceDestroy key: the state bucket is never deleted with its objects; received "true"',
  ],
  [
    "a misspelt key",
    { owner: USER },
    "Pulumi.shared.yaml: state-backend:owner: expected one of the known keys (project, projectId, bucketName, prefix, owners, encryption, retention, objectLock, apiKey, tags); received an unknown key",
  ],
  [
    "no bucketName",
    { bucketName: undefined },
    "Pulumi.shared.yaml: state-backend:bucketName: expected a bucket name (a string); received nothing",
  ],
  [
    "a bucket name with dots",
    { bucketName: "acme.state" },
    'Pulumi.shared.yaml: state-backend:bucketName: expected no dots in the bucket name: <bucket>.s3.<region>.scw.cloud would not match the *.s3.<region>.scw.cloud certificate; received "acme.state"',
  ],
  [
    "a prefix with slashes around it",
    { prefix: "/platform/" },
    'Pulumi.shared.yaml: state-backend:prefix: expected path segments of letters, digits, "-" and "_" joined by "/", without a leading or trailing "/" (e.g. "pulumi" or "platform/state"); received "/platform/"',
  ],
  [
    "a retention of 0 days",
    { retention: { backupDays: 0 } },
    "Pulumi.shared.yaml: state-backend:retention.backupDays: expected at least 1 day (backupDays); received 0",
  ],
  [
    "encryption with both a key id and createKey",
    { encryption: { createKey: true, kmsKeyId: KEY } },
    "Pulumi.shared.yaml: state-backend:encryption: expected either kmsKeyId or createKey: true; received an object with keys createKey, kmsKeyId",
  ],
  [
    "an unknown object lock mode",
    { objectLock: { mode: "FOREVER", days: 1 } },
    'Pulumi.shared.yaml: state-backend:objectLock.mode: expected a lock mode: GOVERNANCE | COMPLIANCE; received "FOREVER"',
  ],
  [
    "a CI key expiry that is not a date",
    { apiKey: { expiresAt: "next year" } },
    'Pulumi.shared.yaml: state-backend:apiKey.expiresAt: expected an RFC 3339 date-time with a time zone, such as "2027-06-30T00:00:00Z"; received "next year"',
  ],
  [
    "both a CI key expiry and a rotation",
    { apiKey: { expiresAt: "2099-06-30T00:00:00Z", rotation: { lifetimeDays: 90, rotateEveryDays: 30 } } },
    "Pulumi.shared.yaml: state-backend:apiKey.rotation: expected either expiresAt or rotation, not both; received an object with keys lifetimeDays, rotateEveryDays",
  ],
  [
    "a rotation that replaces the key only when it expires",
    { apiKey: { rotation: { lifetimeDays: 30, rotateEveryDays: 30 } } },
    "Pulumi.shared.yaml: state-backend:apiKey.rotation.rotateEveryDays: expected fewer days than lifetimeDays (30), so a new key exists before the old one expires; received 30",
  ],
  [
    "a CI key given as a plain string",
    { apiKey: "monthly" },
    // "apiKey" looks like a secret's key to core's describeRedacted, so the value is not quoted.
    "Pulumi.shared.yaml: state-backend:apiKey: expected a YAML mapping (rotation: { lifetimeDays, rotateEveryDays } or expiresAt: <RFC 3339 date-time>); received a string of 7 characters (value redacted)",
  ],
  [
    "a tag that overrides a reserved one",
    { tags: { environment: "dev" } },
    "Pulumi.shared.yaml: state-backend:tags: expected no reserved tag key (managed-by, environment, component, project): scaleway-blocks sets them; received an object with keys environment",
  ],
];

describe("a bad Pulumi.shared.yaml", () => {
  it.each(BAD_CONFIG)("with %s fails naming the key and the stack file", async (_what, changes, message) => {
    const { error } = await runStackError(changes);
    expect(error).toBeInstanceOf(StackConfigError);
    expect((error as Error).message).toBe(message);
  });

  it.each(BAD_CONFIG)("with %s registers no resource", async (_what, changes) => {
    const { graph } = await runStackError(changes);
    expect(graph.registered).toEqual([]);
  });

  it("lists every bad key at once, in the order of the keys", async () => {
    const { error } = await runStackError({ owners: [], projectId: undefined, unknown: "x" });
    expect((error as Error).message).toBe(
      [
        "Pulumi.shared.yaml: state-backend:projectId: expected a Scaleway project id (a UUID); received nothing",
        "Pulumi.shared.yaml: state-backend:owners: expected at least one owner: without one the bucket policy locks the platform out; received an array of 0",
        "Pulumi.shared.yaml: state-backend:unknown: expected one of the known keys (project, projectId, bucketName, prefix, owners, encryption, retention, objectLock, apiKey, tags); received an unknown key",
      ].join("\n"),
    );
  });

  it("lists every bad detail inside the keys at once, one line each", async () => {
    const { error } = await runStackError({ owners: [{ userId: "bob" }], bucketName: "acme.state" });
    expect((error as Error).message).toBe(
      [
        'Pulumi.shared.yaml: state-backend:bucketName: expected no dots in the bucket name: <bucket>.s3.<region>.scw.cloud would not match the *.s3.<region>.scw.cloud certificate; received "acme.state"',
        'Pulumi.shared.yaml: state-backend:owners[0].userId: expected an IAM user id (a UUID); received "bob"',
      ].join("\n"),
    );
  });

  it("refuses a CI key expiry in the past, saying when now is", async () => {
    const { error, graph } = await runStackError({
      apiKey: { expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(graph.registered).toEqual([]);
    expect((error as Error).message).toMatch(
      /^Pulumi\.shared\.yaml: state-backend:apiKey\.expiresAt: expected a date in the future \(now is .+\); received "2020-01-01T00:00:00Z"$/,
    );
  });

  it("keeps the stack file and the bad keys on the error for tools", async () => {
    const { error } = await runStackError({ projectId: "x" });
    expect(error).toMatchObject({
      stackFile: "Pulumi.shared.yaml",
      issues: [
        { key: "state-backend:projectId", message: 'expected a Scaleway project id (a UUID); received "x"' },
      ],
    });
  });
});
