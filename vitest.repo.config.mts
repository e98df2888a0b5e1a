import { configDefaults, defineConfig } from "vitest/config";

// Repository-level checks (lint guard, package shape); each package has its own tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The engine tests need the real Pulumi tools: `pnpm run test:engine` (vitest.engine.config.mts).
    exclude: [...configDefaults.exclude, "test/engine/**"],
    testTimeout: 60_000,
  },
});
