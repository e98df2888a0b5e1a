import { configDefaults, defineConfig } from "vitest/config";

// Repository-level checks (lint guard, package shape); each package has its own tests.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The engine tests need the real Pulumi tools: `pnpm run test:engine` (vitest.engine.config.mts).
    exclude: [...configDefaults.exclude, "test/engine/**"],
    testTimeout: 60_000,
    // One worker runs several files in turn: TypeScript, ESLint, prettier and the SDK load once per
    // worker instead of once per file. Safe because no file here leaves state another reads: none
    // changes process.cwd(), process.env (hooks.test.ts stubs one variable and restores it) or a global,
    // none mocks a module, and the scripts' in-process caches only hold what they compare on every use
    // (readme-tables, typecheck-all: parsed declaration files). Checked with shuffled file orders
    // (`--sequence.shuffle.files --sequence.seed <n>`).
    isolate: false,
    // A beforeAll that loads a script's model (args-defaults: the TypeScript compiler) runs beside the
    // packages' own tests in the CI's turbo step: on the loaded 2-core machine it took over vitest's
    // default 10 s.
    hookTimeout: 120_000,
  },
});
