// Every shape of Node.js program that Pulumi runs (@pulumi/pulumi 3.248 cmd/run/run.js), planned as
// Pulumi would load it: one fixture project per shape under test/fixtures.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../src/index";
import { loadProject, runProgram } from "../src/index";
import { prestartProgram } from "../src/run-program";
import { FIXTURES, runCliShared } from "./helpers";

async function planJson(fixture: string): Promise<{ code: number; plan: PlanDocument; stderr: string }> {
  // Shared with the other tests that plan the same fixture (startup.test.ts plans top-level too).
  const { code, stdout, stderr } = await runCliShared(["plan", "--stack", "dev", "--cwd", fixture, "--json"]);
  return { code, plan: JSON.parse(stdout) as PlanDocument, stderr };
}

describe.concurrent("program shapes", () => {
  it("plans top-level code that creates resources when loaded, with its exports as the stack outputs", async () => {
    const { code, plan } = await planJson("top-level");
    expect(code).toBe(0);
    expect(plan.resources.map((r) => r.name).sort()).toEqual(["assets", "registry"]);
    expect(plan.warnings).toEqual([]);
    const run = await runProgram(loadProject(join(FIXTURES, "top-level"), "dev"));
    expect(run.outputs).toEqual({
      bucketName: "top-level-assets",
      registryEndpoint: "rg.fr-par.scw.cloud/top-level",
    });
  });

  it("calls the default export of an ES module", async () => {
    const { code, plan } = await planJson("default-export");
    expect(code).toBe(0);
    expect(plan.resources.map((r) => r.name)).toEqual(["assets"]);
    expect(plan.warnings).toEqual([]);
  });

  it("calls an exported main(), warning that pulumi up would not", async () => {
    const { code, plan, stderr } = await planJson("main-export");
    expect(code).toBe(0);
    expect(plan.resources.map((r) => r.name)).toEqual(["assets"]);
    expect(plan.warnings).toEqual([expect.stringContaining("exports main(), which pulumi up does not call")]);
    expect(stderr).toContain("warning: the program exports main()");
  });

  it("runs the program that Pulumi.yaml main: points to, in its directory", async () => {
    const project = loadProject(join(FIXTURES, "pulumi-main"), "dev");
    expect(project.programDir).toBe(join(FIXTURES, "pulumi-main", "infra"));
    const run = await runProgram(project);
    expect(run.graph.registered.map((r) => r.name)).toEqual(["infra-assets"]);
    // Pulumi runs the program in main:'s directory (its --pwd)
    expect(run.outputs.cwd).toBe(join(FIXTURES, "pulumi-main", "infra"));
    // the project's package.json "main" does not exist: Pulumi warns and loads the directory
    expect(run.warnings).toEqual([expect.stringContaining('"main" points to')]);
  });

  it("runs TypeScript sources through ts-node, as pulumi up does without a build", async () => {
    const { code, plan } = await planJson("typescript");
    expect(code).toBe(0);
    expect(plan.resources.map((r) => [r.name, r.inputs.versioning])).toEqual([
      ["typescript-assets", { enabled: true }],
    ]);
  });

  it("plans a module that registers nothing, saying so", async () => {
    const { code, plan } = await planJson("no-main");
    expect(code).toBe(0);
    expect(plan.resources).toEqual([]);
    expect(plan.warnings).toEqual(["the program registered no resources"]);
  });
});

describe("where the program comes from", () => {
  it("reads runtime.options.typescript, which defaults to true as in Pulumi", () => {
    expect(loadProject(join(FIXTURES, "typescript"), "dev")).toMatchObject({
      typescript: true,
      mainPath: join(FIXTURES, "typescript", "index.ts"),
    });
    expect(loadProject(join(FIXTURES, "error-compiled"), "dev")).toMatchObject({
      typescript: false,
      mainPath: join(FIXTURES, "error-compiled", "dist", "index.js"),
    });
  });

  it("loads the project directory when package.json has no main", () => {
    expect(loadProject(join(FIXTURES, "top-level"), "dev").mainPath).toBe(join(FIXTURES, "top-level"));
  });

  it("loads an ES module package with import()", () => {
    expect(loadProject(join(FIXTURES, "default-export"), "dev").esm).toBe(true);
  });
});

describe("a program started ahead of the plan (as the CLI does)", () => {
  it("is taken over by runProgram, with what it printed before", async () => {
    const project = loadProject(join(FIXTURES, "noisy"), "dev");
    prestartProgram(project);
    // give the early process time to print before anyone listens
    await new Promise((resolve) => setTimeout(resolve, 200));
    let printed = "";
    const run = await runProgram(project, { output: (text) => (printed += text) });
    expect(printed).toContain("noise from the program");
    expect(run.graph.registered.map((r) => r.name)).toContain("db-instance");
  });
});
