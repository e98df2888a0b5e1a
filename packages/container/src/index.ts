export { Service } from "./service";
export { validateServiceArgs } from "./args";
export type {
  ServiceArgs,
  ServiceContainerArgs,
  ServiceCronArgs,
  ServiceProbeArgs,
  ServiceInvokerArgs,
} from "./args";
