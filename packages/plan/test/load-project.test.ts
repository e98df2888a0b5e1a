import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject, ProjectError } from "../src/index";
import { SECRET_PLACEHOLDER } from "../src/load-project";
import { FIXTURES } from "./helpers";

const platform = join(FIXTURES, "platform");

describe("loadProject", () => {
  it("reads the project name and the stack", () => {
    const project = loadProject(platform, "dev");
    expect(project).toMatchObject({ name: "fixture-platform", stack: "dev", defaultRegion: "fr-par" });
    expect(project.mainPath).toBe(join(platform, "program.js"));
  });

  it("puts bare keys in the project's namespace and keeps namespaced keys", () => {
    const { config } = loadProject(platform, "dev");
    expect(config["fixture-platform:nodeType"]).toBe("DB-DEV-S");
    expect(config["fixture-platform:environment"]).toBe("dev");
    expect(config["scaleway:region"]).toBe("fr-par");
  });

  it("JSON-encodes values that are not strings, as Pulumi does", () => {
    const { config } = loadProject(platform, "dev");
    expect(config["fixture-platform:ha"]).toBe("false");
    expect(JSON.parse(config["fixture-platform:containers"]!)).toEqual([
      { name: "api", cpu: 1000, memoryMb: 2048, minScale: 1, maxScale: 3 },
    ]);
  });

  it("replaces secure values by a placeholder and lists their keys as secret", () => {
    const project = loadProject(platform, "dev");
    expect(project.config["fixture-platform:dbPassword"]).toBe(SECRET_PLACEHOLDER);
    expect(project.secretConfigKeys).toEqual(["fixture-platform:dbPassword"]);
    expect(JSON.stringify(project)).not.toContain("v1:8Rz0i3Jb9Y3nGxkS");
  });

  it("applies the project's config defaults under the stack's values", () => {
    expect(loadProject(platform, "dev").config["fixture-platform:imageTag"]).toBe("1.2.3");
  });

  it("names the stacks it knows when the stack file is missing", () => {
    expect(() => loadProject(platform, "prod")).toThrow(/Pulumi\.prod\.yaml.*stacks here: dev, public/);
  });

  it("tells the user to build first when package.json main does not exist", () => {
    expect(() => loadProject(join(FIXTURES, "unbuilt"), "dev")).toThrow(/not built.*Build the project first/);
  });

  it("refuses a directory without Pulumi.yaml", () => {
    expect(() => loadProject(FIXTURES, "dev")).toThrow(ProjectError);
  });
});
