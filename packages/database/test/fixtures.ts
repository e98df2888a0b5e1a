import type * as pulumi from "@pulumi/pulumi";
import { BLOCK_TYPES, RANDOM_TYPES, SCALEWAY_TYPES, unwrapSecrets } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import type { DatabaseArgs, ManagedDatabaseArgs, ServerlessDatabaseArgs } from "../src/index";

export const T = {
  database: BLOCK_TYPES.database,
  secrets: BLOCK_TYPES.secrets,
  instance: SCALEWAY_TYPES.databaseInstance,
  logical: SCALEWAY_TYPES.database,
  user: SCALEWAY_TYPES.databaseUser,
  privilege: SCALEWAY_TYPES.databasePrivilege,
  acl: SCALEWAY_TYPES.databaseAcl,
  replica: SCALEWAY_TYPES.databaseReadReplica,
  serverless: SCALEWAY_TYPES.serverlessDatabase,
  secret: SCALEWAY_TYPES.secret,
  version: SCALEWAY_TYPES.secretVersion,
  password: RANDOM_TYPES.password,
  application: SCALEWAY_TYPES.iamApplication,
  policy: SCALEWAY_TYPES.iamPolicy,
  apiKey: SCALEWAY_TYPES.iamApiKey,
} as const;

/** An existing private network, by id. */
export const PN_ID = "fr-par/11111111-2222-4333-8444-555555555555";
export const PROJECT_ID = "9a3c1d2e-4f5a-4b6c-8d7e-0f1a2b3c4d5e";

export function managed(overrides: Partial<ManagedDatabaseArgs> = {}): DatabaseArgs {
  return {
    project: "shop",
    environment: "dev",
    mode: "managed",
    network: PN_ID,
    databases: [{ name: "shop" }],
    ...overrides,
  };
}

export function serverless(overrides: Partial<ServerlessDatabaseArgs> = {}): DatabaseArgs {
  return { project: "shop", environment: "dev", mode: "serverless", ...overrides };
}

/** The plain value a Secret Manager version stores for the secret with this Scaleway name. */
export function storedValue(graph: ResourceGraph, secretName: string): unknown {
  const secret = graph.byType(T.secret).find((s) => s.inputs.name === secretName);
  if (!secret) throw new Error(`no secret named ${secretName}`);
  const version = graph.byType(T.version).find((v) => v.inputs.secretId === secret.id);
  return unwrapSecrets(version?.inputs.data);
}

/** Every resource the Database component registered, below it. */
export function databaseResources(graph: ResourceGraph) {
  return graph.registered.filter((r) => r.type.startsWith("scaleway:databases/") || r.type === T.database);
}

export type Out<T> = pulumi.Output<T>;

/**
 * Runs a recording the first time a test asks for it. Recordings must not overlap (the Pulumi
 * mocks are global), so a describe block shares one recording that starts inside its first test.
 */
export function lazy<T>(start: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= start());
}
