import { stackFileName } from "@scaleway-blocks/core/internal";
import { readStackConfig, validateConfig } from "./config";
import { platform } from "./platform";

/**
 * The program: reads the stack's configuration (`platform:` keys and `scaleway:region`), validates it
 * before any resource is created, builds the platform and returns the stack outputs.
 */
export async function main(): Promise<Record<string, unknown>> {
  const config = validateConfig(readStackConfig(), stackFileName());
  return Promise.resolve({ ...platform(config) });
}
