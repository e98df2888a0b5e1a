import { defineConfig } from "vitest/config";

// Plans run the real Pulumi SDK under mocks: loading it takes a few seconds on a cold worker.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
