// Every block's component type is the one core's BLOCK_TYPES names (the constant tests and the plan
// use), so a block cannot drift from the list nor the list from the blocks.
import { describe, expect, it } from "vitest";
import { Service } from "../packages/container/src/index";
import { BLOCK_TYPES } from "../packages/core/src/type-tokens";
import { Database } from "../packages/database/src/index";
import { Identity } from "../packages/identity/src/index";
import { Monitoring } from "../packages/monitoring/src/index";
import { Network } from "../packages/network/src/index";
import { Secrets } from "../packages/secrets/src/index";
import { StateBackend } from "../packages/state-backend/src/index";
import { Bucket } from "../packages/storage/src/index";

const blocks: Record<keyof typeof BLOCK_TYPES, { TYPE: string }> = {
  network: Network,
  secrets: Secrets,
  storage: Bucket,
  database: Database,
  container: Service,
  monitoring: Monitoring,
  stateBackend: StateBackend,
  identity: Identity,
};

describe("BLOCK_TYPES", () => {
  it.each(Object.entries(blocks))("names %s's component type", (key, block) => {
    expect(block.TYPE).toBe(BLOCK_TYPES[key as keyof typeof BLOCK_TYPES]);
  });
});
