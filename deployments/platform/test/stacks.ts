import { readFileSync } from "node:fs";
import { join } from "node:path";
import { record } from "@scaleway-blocks/testing";
import type { Recording } from "@scaleway-blocks/testing";
import { parse } from "yaml";
import { main } from "../src/main";

export const PROJECT_DIR = join(__dirname, "..");
export const STACKS = ["dev", "staging", "production"] as const;
export type StackName = (typeof STACKS)[number];

/** The `config:` mapping of a real Pulumi.<stack>.yaml, as YAML gives it. */
export function stackYaml(stack: string): Record<string, unknown> {
  const file = parse(readFileSync(join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as {
    config?: Record<string, unknown>;
  };
  return file.config ?? {};
}

/** Config as Pulumi hands it to a program: strings as they are, every other value JSON-encoded. */
export function pulumiEncoded(config: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [
      key,
      typeof value === "string" ? value : JSON.stringify(value),
    ]),
  );
}

/** Runs the program (main()) for a stack under mocks, with the stack file's own configuration. */
export function recordStack(
  stack: string,
  config: Readonly<Record<string, unknown>> = stackYaml(stack),
): Promise<Recording<Record<string, unknown>>> {
  const region = typeof config["scaleway:region"] === "string" ? config["scaleway:region"] : "fr-par";
  return record(() => main(), { project: "platform", stack, region, config: pulumiEncoded(config) });
}
