import { ConfigError } from "../src/index";

/** The ConfigError `fn` throws; fails the test when it throws anything else or nothing. */
export function catchConfigError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}
