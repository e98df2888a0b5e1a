export { Secrets, validateSecretsArgs } from "./secrets";
export { GenerationAlphabet, SecretType } from "./args";
export type { SecretsArgs, SecretSpec, SecretOptions, GenerateSpec } from "./args";
export { secretReferenceSchema } from "./reference";
export type { SecretReference } from "./reference";
