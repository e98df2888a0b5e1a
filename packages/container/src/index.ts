export { Service } from "./service";
export type {
  ServiceArgs,
  ServiceContainerArgs,
  ServiceCronArgs,
  ServiceProbeArgs,
  ServiceInvokerArgs,
} from "./args";
