import { readFileSync } from "node:fs";
import { join } from "node:path";

let cached: string | undefined;

/** This package's version (from its package.json, next to dist/ and src/). */
export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as {
        version?: string;
      };
      cached = pkg.version ?? "0.0.0";
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}

export const PACKAGE_NAME = "@scaleway-blocks/plan";
