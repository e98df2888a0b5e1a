export { Secrets, validateSecretsArgs } from "./secrets";
export type {
  SecretsArgs,
  SecretSpec,
  SecretOptions,
  GenerateSpec,
  GenerationAlphabet,
  SecretType,
} from "./args";
export { secretReferenceSchema } from "./reference";
export type { SecretReference } from "./reference";
