import { describe, expect, it } from "vitest";
import { AssumptionError } from "../src/index";
import { parseAssumeFlag, parseAssumptionsJson, resolveAssumptions } from "../src/assumptions";

describe("assumptions", () => {
  it("parses a numeric --assume flag", () => {
    expect(parseAssumeFlag("containers.activeHoursPerMonth=200")).toEqual([
      "containers.activeHoursPerMonth",
      200,
    ]);
  });

  it("parses a boolean --assume flag", () => {
    expect(parseAssumeFlag("account.applyFreeTiers=true")).toEqual(["account.applyFreeTiers", true]);
  });

  it("accepts a deploy-time override per type", () => {
    expect(parseAssumeFlag("deploy.databases.Instance=600")).toEqual(["deploy.databases.Instance", 600]);
  });

  it("refuses an unknown key and names the known ones", () => {
    expect(() => parseAssumeFlag("containers.hours=3")).toThrow(
      /unknown assumption "containers.hours".*containers.activeHoursPerMonth/,
    );
  });

  it("says which assumption a mistyped key meant", () => {
    expect(() => parseAssumeFlag("storage.gbPerBuckt=3")).toThrow(
      'unknown assumption "storage.gbPerBuckt"; did you mean "storage.gbPerBucket"?',
    );
  });

  it("refuses a value of the wrong type", () => {
    expect(() => parseAssumeFlag("storage.gbPerBucket=lots")).toThrow(AssumptionError);
    expect(() => parseAssumeFlag("storage.gbPerBucket=lots")).toThrow(
      'assumption "storage.gbPerBucket" expects a non-negative number, got "lots"',
    );
    expect(() => parseAssumeFlag("account.applyFreeTiers=1")).toThrow(/boolean/);
  });

  it("reads nested and dotted keys from a file", () => {
    expect(
      parseAssumptionsJson({ containers: { activeHoursPerMonth: 50 }, "storage.gbPerBucket": 3 }),
    ).toEqual({
      "containers.activeHoursPerMonth": 50,
      "storage.gbPerBucket": 3,
    });
  });

  it("lets later overrides win over earlier ones and the defaults", () => {
    const resolved = resolveAssumptions({ "storage.gbPerBucket": 3 }, { "storage.gbPerBucket": 4 });
    expect(resolved["storage.gbPerBucket"]).toBe(4);
    expect(resolved.hoursPerMonth).toBe(730);
  });
});
