export { StateBackend, validateStateBackendArgs } from "./state-backend";
export type { StateBackendCiEnvironment } from "./state-backend";
export type { StateBackendArgs, StateBackendRetention } from "./args";
