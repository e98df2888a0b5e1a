import type { BucketArgs } from "../src/index";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export const T = {
  component: BLOCK_TYPES.storage,
  bucket: SCALEWAY_TYPES.bucket,
  acl: SCALEWAY_TYPES.bucketAcl,
  policy: SCALEWAY_TYPES.bucketPolicy,
  lock: SCALEWAY_TYPES.bucketLock,
  sse: SCALEWAY_TYPES.bucketEncryption,
  key: SCALEWAY_TYPES.kmsKey,
} as const;

export const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
export const APP_READER = "aaaaaaaa-0000-4000-8000-000000000001";
export const APP_WRITER = "aaaaaaaa-0000-4000-8000-000000000002";
export const APP_CI = "aaaaaaaa-0000-4000-8000-000000000003";
export const USER_ADMIN = "bbbbbbbb-0000-4000-8000-000000000001";
export const KEY_ID = "cccccccc-0000-4000-8000-000000000001";

export function args(overrides: Partial<BucketArgs> = {}): BucketArgs {
  return { project: "shop", environment: "staging", ...overrides };
}

export interface LifecycleRuleInput {
  id: string;
  enabled: boolean;
  prefix?: string;
  abortIncompleteMultipartUploadDays?: number;
  noncurrentVersionExpiration?: { noncurrentDays: number };
  expiration?: { days: number };
  transitions?: Array<{ days: number; storageClass: string }>;
}

export interface PolicyStatement {
  Sid: string;
  Effect: string;
  Principal: "*" | { SCW: string[] };
  Action: string[];
  Resource: string[];
}

export interface PolicyJson {
  Version: string;
  Id: string;
  Statement: PolicyStatement[];
}
