// The CLI starts the program's process before it reads the project (program-process.ts, startEarly):
// the process loads the SDK while the plan reads the project, and gets its job over the IPC channel.
// Mock runs: nothing is deployed.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EAGER_ENV } from "../src/defer-modules";
import { loadProject, runProgram } from "../src/index";
import { discardPrestartedProgram, prestartProgram, startEarly } from "../src/program-process";
import { FIXTURES, runCli, runCliShared } from "./helpers";

describe("a program's process started before the project is read", () => {
  afterEach(() => discardPrestartedProgram());

  it("runs the program once the plan has read the project and sent the job", async () => {
    const dir = join(FIXTURES, "top-level");
    expect(startEarly(dir)).toBe(true);
    const project = loadProject(dir, "dev");
    prestartProgram(project);
    const run = await runProgram(project);
    expect(run.graph.registered.map((r) => r.name).sort()).toEqual(["assets", "registry"]);
    expect(run.outputs.bucketName).toBe("top-level-assets");
  });

  it("is not started for a project with Node arguments, whose program still gets them", async () => {
    const dir = join(FIXTURES, "startup-nodeargs");
    expect(startEarly(dir)).toBe(false);
    const project = loadProject(dir, "dev");
    prestartProgram(project);
    const run = await runProgram(project);
    expect(run.outputs.execArgv).toContain("--max-old-space-size=1234");
    expect(run.outputs.bucketName).toBe("startup-nodeargs-assets");
  });

  it("is not started where there is no Pulumi project, nor with the shortcuts off", () => {
    expect(startEarly(join(FIXTURES, "does-not-exist"))).toBe(false);
    const saved = process.env[EAGER_ENV];
    process.env[EAGER_ENV] = "1";
    try {
      expect(startEarly(join(FIXTURES, "top-level"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env[EAGER_ENV];
      else process.env[EAGER_ENV] = saved;
    }
  });

  it("is replaced when the project read needs another timeout, and the program still runs", async () => {
    const dir = join(FIXTURES, "top-level");
    expect(startEarly(dir, 30_000)).toBe(true);
    const project = loadProject(dir, "dev");
    prestartProgram(project, 45_000);
    const run = await runProgram(project, { timeoutMs: 45_000 });
    expect(run.graph.registered).toHaveLength(2);
  });
});

describe("the plan built while the program's process exits", () => {
  it("is printed only once the process has ended: none when the program keeps its event loop alive", async () => {
    const { code, stdout, stderr } = await runCli([
      "plan",
      "--stack",
      "dev",
      "--cwd",
      "hang-timer",
      "--timeout",
      "2s",
      "--json",
    ]);
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toContain("kept Node's event loop alive for 2s");
  });

  it("is printed when the process ends", async () => {
    const { code, stdout } = await runCliShared(["plan", "--stack", "dev", "--cwd", "top-level", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ project: "fixture-top-level", stack: "dev" });
  });
});
