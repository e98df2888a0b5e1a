// The policy judges a plain environment variable's name with core's rule, the one the container block
// refuses names with (secretLookingVariablePart and its NOT_SECRET_SUFFIXES): both agree on every name.
import { secretLookingVariablePart } from "@scaleway-blocks/core/internal";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/index";
import { graphOf, resource } from "./fixtures";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const CONTAINER = SCALEWAY_TYPES.container;

/** Whether scw-container-no-plain-secret-env flags this name (the value "x" matches no credential format). */
function flagsByName(name: string): boolean {
  const container = resource(CONTAINER, {
    namespaceId: "ns",
    privacy: "private",
    environmentVariables: { [name]: "x" },
  });
  return evaluate(graphOf(container)).some(
    (f) => f.ruleId === "scw-container-no-plain-secret-env" && f.message.includes("by its name"),
  );
}

describe("scw-container-no-plain-secret-env and the container block read one rule for names", () => {
  it.each([
    ["S3_ACCESS_KEY_ID", false],
    ["AWS_ACCESS_KEY_ID", false],
    ["SECRET_NAME", false],
    ["DB_PASSWORD_FILE", false],
    ["S3_SECRET_ACCESS_KEY", true],
    ["AWS_SECRET_ACCESS_KEY", true],
    ["JWT_SECRET", true],
    ["LOG_LEVEL", false],
  ])("%j: flagged is %s, as core's secretLookingVariablePart says", (name, flagged) => {
    expect(flagsByName(name)).toBe(flagged);
    expect(secretLookingVariablePart(name) !== undefined).toBe(flagged);
  });
});
