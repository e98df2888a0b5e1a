import { configDefaults, defineConfig } from "vitest/config";

// Repository-level checks (lint guard, package shape); each package has its own tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The engine tests need the real Pulumi tools: `pnpm run test:engine` (vitest.engine.config.mts).
    exclude: [...configDefaults.exclude, "test/engine/**"],
    testTimeout: 60_000,
    // A beforeAll that loads a script's model (args-defaults: the TypeScript compiler) runs beside the
    // packages' own tests in the CI's turbo step: on the loaded 2-core machine it took over vitest's
    // default 10 s.
    hookTimeout: 120_000,
  },
});
