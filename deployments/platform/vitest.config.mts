import { defineConfig } from "vitest/config";

// Every stack test runs the whole program under the Pulumi SDK's mocks: a cold worker takes a few seconds.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
