export { Database } from "./database";
export type { DatabaseArgs, ManagedDatabaseArgs, ServerlessDatabaseArgs, PostgresEngine } from "./args";
export type { SecretReference } from "@scaleway-blocks/secrets";
export type { PrivateNetworkInput } from "@scaleway-blocks/network";
