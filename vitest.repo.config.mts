import { defineConfig } from "vitest/config";

// Repository-level checks (lint guard, package shape); each package has its own tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
