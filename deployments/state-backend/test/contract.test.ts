import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { PROJECT_DIR, readYaml } from "./helpers";

// This file must not import ../src/index at top level: the first test checks what loading it does.

describe("the project contract", () => {
  it("registers nothing when the program module is merely loaded", async () => {
    const { graph } = await record(async () => {
      await import("../src/index.js");
    });
    expect(graph.registered).toEqual([]);
  });

  it("exports the program as a function with main attached", async () => {
    const program = (await import("../src/index.js")).default;
    expect(typeof program).toBe("function");
    expect(typeof program.main).toBe("function");
  });

  it("points package.json main at the built dist/index.js", () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { main: string };
    expect(pkg.main).toBe("dist/index.js");
  });

  it("names the Pulumi project state-backend and runs compiled JavaScript with pnpm", () => {
    expect(readYaml("Pulumi.yaml")).toMatchObject({
      name: "state-backend",
      runtime: { name: "nodejs", options: { packagemanager: "pnpm", typescript: false } },
    });
  });

  it("has exactly one stack file, Pulumi.shared.yaml, with region fr-par", () => {
    const stackFiles = readdirSync(PROJECT_DIR).filter((f) => /^Pulumi\..+\.ya?ml$/.test(f));
    expect(stackFiles).toEqual(["Pulumi.shared.yaml"]);
    expect(
      (readYaml("Pulumi.shared.yaml") as { config: Record<string, unknown> }).config["scaleway:region"],
    ).toBe("fr-par");
  });

  it("keeps the local bootstrap backend and the state export out of git", () => {
    const ignored = readFileSync(join(PROJECT_DIR, ".gitignore"), "utf8").split("\n");
    expect(ignored).toContain(".pulumi-state/");
    expect(ignored).toContain("state.json");
  });
});
