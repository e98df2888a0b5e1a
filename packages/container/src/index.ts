export { Service } from "./service";
export { validateServiceArgs } from "./args";
export { HttpMethod, IDENTITY_VARIABLES, InvokerType, Protocol, Sandbox } from "./args";
export type {
  ContainerImage,
  HttpProbeArgs,
  RegistryArgs,
  RegistryImageArgs,
  ScalingArgs,
  ServiceArgs,
  ServiceContainerArgs,
  ServiceCronArgs,
  ServiceProbeArgs,
  ServiceInvokerArgs,
  ServiceIdentityArgs,
} from "./args";
// Contract types of the packages Service is coded against, re-exported for consumers' type annotations.
export type { SecretReference } from "@scaleway-blocks/secrets";
export type { PrivateNetworkInput } from "@scaleway-blocks/network";
