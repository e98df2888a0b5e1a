import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The pack program (pack/index.ts) imports the published package; tests give it this package's source.
    alias: { "@scaleway-blocks/policy": fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
});
