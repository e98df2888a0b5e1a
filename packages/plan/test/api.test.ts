import { describe, expect, it } from "vitest";
import * as plan from "../src/index";

describe("the package's entry", () => {
  it("exports the library API and nothing of the CLI's machinery", () => {
    expect(Object.keys(plan).sort()).toEqual(
      [
        // building a plan
        "buildPlan",
        "parsePreview",
        "readPreview",
        "planFromPreview",
        "engineDiff",
        "PreviewError",
        "loadProject",
        "resolveProgram",
        "ProjectError",
        "runProgram",
        "ProgramError",
        // the document
        "planDocumentSchema",
        "planJsonSchema",
        "parseBaseline",
        "PLAN_SCHEMA_VERSION",
        "BaselineError",
        "REDACTED",
        "UNKNOWN_VALUE",
        "renderHuman",
        "renderJson",
        "renderMarkdown",
        // its parts
        "planResources",
        "buildTree",
        "diffPlans",
        "STATEFUL_TYPES",
        "isStateful",
        "replacementInputs",
        "criticalPath",
        "DEFAULT_TARGET_SECONDS",
        "durationOf",
        "estimateCost",
        "diffCosts",
        "PRICE_TABLE",
        "PRICE_TABLE_DATE",
        "tablePriceBook",
        "livePriceBook",
        "parseUsageFile",
        "readUsageFile",
        "UsageFileError",
        "DEFAULT_ASSUMPTIONS",
        "AssumptionError",
        // the CLI, in-process
        "main",
        "EXIT",
        "planExitCode",
      ].sort(),
    );
  });
});
