import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
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

/** The files `pnpm build` reads, recursively under src/, and the configuration it compiles them with. */
function buildInputs(dir = join(PROJECT_DIR, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? buildInputs(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Whether dist/ is missing a compiled source or is older than one of the build's inputs. Turbo builds
 * the project before this task (turbo.json: deployment-platform#test depends on its build), so dist/
 * is fresh there; a run of this package's tests alone after an edit rebuilds it here.
 */
function distIsStale(): boolean {
  const sources = buildInputs().filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const outputs = sources.map((f) =>
    join(PROJECT_DIR, "dist", relative(join(PROJECT_DIR, "src"), f).replace(/\.ts$/, ".js")),
  );
  if (outputs.some((f) => !existsSync(f))) return true;
  const inputs = [
    ...buildInputs(),
    join(PROJECT_DIR, "tsconfig.build.json"),
    join(PROJECT_DIR, "..", "..", "tsconfig.base.json"),
  ];
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return newestInput > oldestOutput;
}

describe("the project contract (packages/plan README)", () => {
  beforeAll(() => {
    // `pnpm build`: both Pulumi and the plan run the compiled program, never the TypeScript.
    if (!distIsStale()) return;
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
