export { Database, validateDatabaseArgs } from "./database";
export type {
  DatabaseArgs,
  ManagedDatabaseArgs,
  ServerlessDatabaseArgs,
  LogicalDatabaseSpec,
  PostgresEngine,
} from "./args";
// Contract types of the packages Database is coded against, re-exported for consumers' type annotations.
export type { SecretReference } from "@scaleway-blocks/secrets";
export type { PrivateNetworkInput } from "@scaleway-blocks/network";
