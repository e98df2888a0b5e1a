export { Identity, validateIdentityArgs } from "./identity";
export {
  GRANT_NAME_PATTERN,
  IDENTITY_TYPE,
  identityApiKeySchema,
  identityArgsSchema,
  permissionGrantSchema,
} from "./args";
export type { IdentityArgs, IdentityApiKeyArgs } from "./args";
