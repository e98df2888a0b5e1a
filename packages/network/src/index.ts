export { Network, validateNetworkArgs } from "./network";
export { PublicGatewayType } from "./args";
export type { NetworkArgs, PrivateNetworkSpec, PublicGatewaySpec, PublicGatewayZone } from "./args";
export { privateNetworkIdOf, privateNetworkInputSchema } from "./private-network-input";
export type { PrivateNetworkInput } from "./private-network-input";
