export { Secrets, validateSecretsArgs } from "./secrets";
export type {
  SecretsArgs,
  SecretSpec,
  SecretOptions,
  GenerateSpec,
  GenerationAlphabet,
  SecretType,
  SecretsAccessGrantArgs,
} from "./args";
export { secretReferenceSchema } from "./reference";
export type { SecretReference, SecretsAccessGrant } from "./reference";
