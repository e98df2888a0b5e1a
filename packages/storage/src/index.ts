export { Bucket } from "./bucket";
export type { BucketArgs } from "./args";
