import { describe, expect, it } from "vitest";
import { goDurationSeconds } from "../src/internal";

describe("goDurationSeconds", () => {
  it("reads the durations probes are written in", () => {
    expect(goDurationSeconds("10s")).toBe(10);
    expect(goDurationSeconds("1m30s")).toBe(90);
    expect(goDurationSeconds("1h")).toBe(3600);
    expect(goDurationSeconds("500ms")).toBe(0.5);
  });

  it("reads the form the Scaleway API answers with", () => {
    expect(goDurationSeconds("10.000000000s")).toBe(10);
  });

  it("reads zero as Go does", () => {
    expect(goDurationSeconds("0")).toBe(0);
  });

  it("refuses text that is not a Go duration", () => {
    for (const text of ["", "10", "s", "1 s", "1d", "10s ", "1x"]) {
      expect(goDurationSeconds(text), text).toBeUndefined();
    }
  });

  it("refuses signed durations, which no interval or timeout can be", () => {
    for (const text of ["-1s", "+1s"]) {
      expect(goDurationSeconds(text), text).toBeUndefined();
    }
  });
});
