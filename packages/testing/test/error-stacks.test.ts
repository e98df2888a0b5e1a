// The test kit skips the stack traces the Pulumi SDK takes for the engine while it runs a program
// (@scaleway-blocks/recorder's src/sdk-stacks.ts), but a program's own errors keep theirs: a failing
// test still points at the line that threw. Mock runs: nothing is deployed.
import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { describe, expect, it } from "vitest";
import { recordError } from "../src/index";

class Broken extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Broken", name, {}, opts);
    new scaleway.object.Bucket(`${name}-bucket`, { name }, { parent: this });
    throw new Error("the component's constructor failed");
  }
}

describe("an error a program throws under the test kit", () => {
  it("keeps its stack when thrown in a component's constructor, naming the file that threw it", async () => {
    const { error } = await recordError(() => new Broken("broken"));
    expect((error as Error).message).toBe("the component's constructor failed");
    expect((error as Error).stack).toMatch(/at new Broken \(.*error-stacks\.test\.ts:\d+:\d+\)/);
  });

  it("keeps its stack when thrown inside an apply", async () => {
    const { error } = await recordError(() => {
      const bucket = new scaleway.object.Bucket("assets", { name: "assets" });
      bucket.name.apply((name) => {
        throw new Error(`no ${name}`);
      });
    });
    expect((error as Error).message).toBe("no assets");
    expect((error as Error).stack).toContain("error-stacks.test.ts");
  });
});
