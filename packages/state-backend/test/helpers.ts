import type { StateBackendArgs } from "../src/index";

export const T = {
  component: "scaleway-blocks:state-backend:StateBackend",
  identity: "scaleway-blocks:identity:Identity",
  storage: "scaleway-blocks:storage:Bucket",
  bucket: "scaleway:object/bucket:Bucket",
  acl: "scaleway:object/bucketAcl:BucketAcl",
  bucketPolicy: "scaleway:object/bucketPolicy:BucketPolicy",
  lock: "scaleway:object/bucketLockConfiguration:BucketLockConfiguration",
  sse: "scaleway:object/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  key: "scaleway:keymanager/key:Key",
  application: "scaleway:iam/application:Application",
  iamPolicy: "scaleway:iam/policy:Policy",
  apiKey: "scaleway:iam/apiKey:ApiKey",
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
