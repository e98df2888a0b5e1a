import { defineConfig } from "vitest/config";

// The engine tests (`pnpm run test:engine`): the real Pulumi CLI, the YAML language host and a local
// S3 server (versitygw), built from Go modules by scripts/pulumi-tools.mjs in globalSetup (cached
// outside the work tree). Not part of `npm test` yet. Files run one at a time: they start processes.
export default defineConfig({
  test: {
    include: ["test/engine/**/*.test.ts"],
    globalSetup: ["test/engine/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
