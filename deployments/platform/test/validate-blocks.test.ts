import { ConfigError } from "@scaleway-blocks/core";
import { stackFileName } from "@scaleway-blocks/core/internal";
import { BLOCK_TYPES, record, recordError } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/config";
import { platform, validateBlocks } from "../src/platform";
import { stackYaml } from "./stacks";

/** The production stack's configuration as the program reads it, with one change the config schema lets by. */
function productionWith(change: (config: ReturnType<typeof validateConfig>) => void) {
  const config = validateConfig(
    Object.fromEntries(Object.entries(stackYaml("production"))),
    stackFileName("production"),
  );
  change(config);
  return config;
}

describe("the platform validates every block's args before it creates any resource", () => {
  it("refuses a bad Monitoring contact before the database exists", async () => {
    const config = productionWith((c) => {
      c.monitoring.contactPoints = [{ email: "oncall-at-example.com" }];
    });
    const { error, graph } = await recordError(() => platform(config), {
      project: "platform",
      stack: "production",
    });
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).componentType).toBe(BLOCK_TYPES.monitoring);
    expect(graph.registered).toEqual([]);
  });

  it("creates nothing while it validates a good stack", async () => {
    const { graph } = await record(() => validateBlocks(productionWith(() => undefined)), {
      project: "platform",
      stack: "production",
    });
    expect(graph.registered).toEqual([]);
  });
});
