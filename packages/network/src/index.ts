export { Network, validateNetworkArgs } from "./network";
export type { NetworkArgs, PrivateNetworkSpec, PublicGatewaySpec, PublicGatewayType } from "./args";
export { privateNetworkIdOf, privateNetworkInputSchema } from "./private-network-input";
export type { PrivateNetworkInput } from "./private-network-input";
