import type { StateBackendArgs } from "../src/index";
import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/testing";

export const T = {
  component: BLOCK_TYPES.stateBackend,
  identity: BLOCK_TYPES.identity,
  storage: BLOCK_TYPES.storage,
  bucket: SCALEWAY_TYPES.bucket,
  acl: SCALEWAY_TYPES.bucketAcl,
  bucketPolicy: SCALEWAY_TYPES.bucketPolicy,
  lock: SCALEWAY_TYPES.bucketLock,
  sse: SCALEWAY_TYPES.bucketEncryption,
  key: SCALEWAY_TYPES.kmsKey,
  application: SCALEWAY_TYPES.iamApplication,
  iamPolicy: SCALEWAY_TYPES.iamPolicy,
  apiKey: SCALEWAY_TYPES.iamApiKey,
} as const;

export const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
export const ADMIN_USER = "bbbbbbbb-0000-4000-8000-000000000001";
export const DEPLOYER_APP = "aaaaaaaa-0000-4000-8000-000000000009";
export const KEY_ID = "cccccccc-0000-4000-8000-000000000001";

export function args(overrides: Partial<StateBackendArgs> = {}): StateBackendArgs {
  return {
    project: "platform",
    environment: "production",
    projectId: PROJECT_ID,
    owners: [{ userId: ADMIN_USER }],
    ...overrides,
  };
}

export interface LifecycleRuleInput {
  id: string;
  enabled: boolean;
  prefix?: string;
  abortIncompleteMultipartUploadDays?: number;
  noncurrentVersionExpiration?: { noncurrentDays: number };
  expiration?: { days: number };
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

export interface IamRule {
  permissionSetNames: string[];
  projectIds?: string[];
  organizationId?: string;
}
