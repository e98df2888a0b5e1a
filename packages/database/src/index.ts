export { ConnectAccess, Database, validateDatabaseArgs } from "./database";
export type { GrantConnectOptions } from "./database";
export { DatabaseMode, OwnerPermission, PostgresEngine, ServerlessPermissionSet, VolumeType } from "./args";
export type {
  BackupsArgs,
  DatabaseArgs,
  IamAccessArgs,
  ManagedDatabaseArgs,
  ServerlessDatabaseArgs,
  LogicalDatabaseSpec,
  PublicEndpointArgs,
  ReadReplicaArgs,
} from "./args";
// Contract types of the packages Database is coded against, re-exported for consumers' type annotations.
export type { SecretReference } from "@scaleway-blocks/secrets";
export type { PrivateNetworkInput } from "@scaleway-blocks/network";
export type { IdentityApiKeyArgs } from "@scaleway-blocks/identity";
