import { describe, expect, it } from "vitest";
import { headerNameSchema, httpsUrlProblem, secretInputSchema } from "../src/internal";

describe("https URLs", () => {
  it("accepts an https URL without credentials", () => {
    expect(httpsUrlProblem("https://otlp.example.com:4318/v1")).toBeUndefined();
  });

  it("refuses credentials inside the URL, which would sit in plain text in state", () => {
    expect(httpsUrlProblem("https://user:pass@otlp.example.com")).toContain("without credentials");
    expect(httpsUrlProblem("https://token@otlp.example.com")).toContain("without credentials");
  });

  it("refuses plain http", () => {
    expect(httpsUrlProblem("http://otlp.example.com")).toContain("https");
  });
});

describe("header names", () => {
  it.each(["Authorization", "X-Api-Key", "dd-api-key"])("accepts %j", (name) => {
    expect(headerNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(["", "X Api", "Bad:Header", "x\u0000y", "é", "a".repeat(257)])("refuses %j", (name) => {
    expect(headerNameSchema.safeParse(name).success).toBe(false);
  });
});

describe("secret inputs", () => {
  it("refuses an empty plain-text secret", () => {
    expect(secretInputSchema.safeParse("").success).toBe(false);
    expect(secretInputSchema.safeParse("s3cr3t").success).toBe(true);
  });
});
