import * as pulumi from "@pulumi/pulumi";
import { commonArgsSchema, parseArgs } from "@scaleway-blocks/core/internal";
import type { CommonArgs } from "@scaleway-blocks/core";
import { describe, expect, it } from "vitest";
import { compareValidator } from "../src";

const schema = commonArgsSchema;
type Args = CommonArgs;
const TYPE = "test:toy:Toy";

class Toy extends pulumi.ComponentResource {
  constructor(name: string, args: Args) {
    parseArgs(schema, args, { type: TYPE, name });
    super(TYPE, name, {});
  }
}

describe("compareValidator", () => {
  it("shows a validator that makes the constructor's checks and creates nothing", async () => {
    const outcome = await compareValidator({
      validate: (name, args: Args) => void parseArgs(schema, args, { type: TYPE, name }),
      construct: (name, args: Args) => new Toy(name, args),
      valid: { project: "shop", environment: "dev" },
      invalid: { project: "Shop Inc.", environment: "dev" },
    });
    expect(outcome.registeredWhenValid).toEqual([]);
    expect(outcome.validatorIssues?.map((i) => i.path)).toEqual(["project"]);
    expect(outcome.validatorIssues).toEqual(outcome.constructorIssues);
  });

  it("shows a validator that registers a resource or lets bad args through", async () => {
    const outcome = await compareValidator({
      validate: (name) => void new Toy(`${name}-created`, { project: "shop", environment: "dev" }),
      construct: (name, args: Args) => new Toy(name, args),
      valid: { project: "shop", environment: "dev" },
      invalid: { project: "Shop Inc.", environment: "dev" },
    }).catch((error: unknown) => error);
    // The validator never throws, so recordError refuses the program: the comparison cannot pass silently.
    expect(outcome).toBeInstanceOf(Error);
    expect(String(outcome)).toContain("expected the program to throw");
  });
});
