import type * as pulumi from "@pulumi/pulumi";
import { unwrapSecrets } from "@scaleway-blocks/testing";
import type { ResourceGraph } from "@scaleway-blocks/testing";
import type { DatabaseArgs, ManagedDatabaseArgs, ServerlessDatabaseArgs } from "../src/index";

export const T = {
  database: "scaleway-blocks:database:Database",
  secrets: "scaleway-blocks:secrets:Secrets",
  instance: "scaleway:databases/instance:Instance",
  logical: "scaleway:databases/database:Database",
  user: "scaleway:databases/user:User",
  privilege: "scaleway:databases/privilege:Privilege",
  acl: "scaleway:databases/acl:Acl",
  replica: "scaleway:databases/readReplica:ReadReplica",
  serverless: "scaleway:databases/serverlessDatabase:ServerlessDatabase",
  secret: "scaleway:secrets/secret:Secret",
  version: "scaleway:secrets/version:Version",
  password: "random:index/randomPassword:RandomPassword",
  application: "scaleway:iam/application:Application",
  policy: "scaleway:iam/policy:Policy",
  apiKey: "scaleway:iam/apiKey:ApiKey",
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
