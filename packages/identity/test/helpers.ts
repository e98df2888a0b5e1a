import { BLOCK_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";
import type { IdentityArgs } from "../src/index";

export const COMPONENT = BLOCK_TYPES.identity;
export const APPLICATION = SCALEWAY_TYPES.iamApplication;
export const POLICY = SCALEWAY_TYPES.iamPolicy;
export const API_KEY = SCALEWAY_TYPES.iamApiKey;

export const PROJECT_ID = "11111111-2222-4333-8444-555555555555";
export const OTHER_PROJECT_ID = "11111111-2222-4333-8444-666666666666";

export const READ_ORDERS = {
  name: "orders-read",
  permissionSets: ["ObjectStorageObjectsRead"],
  projectId: PROJECT_ID,
  description: "Reads the order exports",
} as const;

export function argsWith(overrides: Partial<IdentityArgs> = {}): IdentityArgs {
  return { project: "shop", environment: "dev", description: "Order worker", ...overrides };
}
