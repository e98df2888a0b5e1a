import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { record, SCALEWAY_TYPES } from "@scaleway-blocks/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_DIR, pulumiEncoded, stackYaml } from "./stacks";

type Entry = (() => Promise<Record<string, unknown>>) & { main: () => Promise<Record<string, unknown>> };

const projectRequire = createRequire(join(PROJECT_DIR, "package.json"));
const packageJson = JSON.parse(readFileSync(join(PROJECT_DIR, "package.json"), "utf8")) as { main: string };
const mainPath = join(PROJECT_DIR, packageJson.main);

/** Loads the built program afresh, as `pulumi up` and `scaleway-blocks plan` do. */
function loadBuilt(): Entry {
  for (const id of Object.keys(projectRequire.cache)) {
    if (id.startsWith(join(PROJECT_DIR, "dist"))) delete projectRequire.cache[id];
  }
  return projectRequire(mainPath) as Entry;
}

describe("the project contract (packages/plan README)", () => {
  beforeAll(() => {
    // `pnpm build`: both Pulumi and the plan run the compiled program, never the TypeScript.
    execFileSync(
      process.execPath,
      [projectRequire.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: PROJECT_DIR,
      },
    );
  });

  it("points package.json main at the built dist/index.js", () => {
    expect(packageJson.main).toBe("dist/index.js");
  });

  it("runs the compiled JavaScript with pnpm as package manager (Pulumi.yaml runtime options)", () => {
    const project = parse(readFileSync(join(PROJECT_DIR, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
    expect(project).toMatchObject({
      name: "platform",
      runtime: { name: "nodejs", options: { packagemanager: "pnpm", typescript: false } },
    });
  });

  it("exports a function with main attached", () => {
    const entry = loadBuilt();
    expect(typeof entry).toBe("function");
    expect(typeof entry.main).toBe("function");
  });

  it("creates nothing when the module is merely loaded", async () => {
    const { graph } = await record(() => void loadBuilt(), { project: "platform", stack: "dev" });
    expect(graph.registered).toEqual([]);
  });

  it("builds the stack when Pulumi calls the exported function", async () => {
    const { graph } = await record(() => loadBuilt()(), {
      project: "platform",
      stack: "dev",
      config: pulumiEncoded(stackYaml("dev")),
    });
    expect(graph.byType(SCALEWAY_TYPES.container)).toHaveLength(1);
    expect(graph.stackOutputs.apiUrl).toMatch(/^https:\/\/platform-dev-api-api-/);
  });

  it("builds the same stack when the plan calls main", async () => {
    const config = pulumiEncoded(stackYaml("dev"));
    const viaMain = await record(() => loadBuilt().main(), { project: "platform", stack: "dev", config });
    const viaCall = await record(() => loadBuilt()(), { project: "platform", stack: "dev", config });
    expect(viaMain.graph.countByType()).toEqual(viaCall.graph.countByType());
  });
});
