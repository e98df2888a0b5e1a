export { Bucket, validateBucketArgs } from "./bucket";
export { CorsMethod, TransitionStorageClass } from "./args";
export type {
  BucketArgs,
  BucketAccess,
  BucketLifecycle,
  CorsRule,
  LifecycleRule,
  LifecycleTransition,
} from "./args";
// The bounded object lock (core's, at most 36 500 days or 100 years), for components that take an
// objectLock and hand it to a Bucket, so they refuse a bad one before creating anything.
export { bucketObjectLockSchema, OBJECT_LOCK_LIMITS } from "./args";
