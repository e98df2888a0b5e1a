// A program that hangs is stopped at the timeout (exit 3); a program that throws is shown at its
// file and line, through source maps.
import { describe, expect, it } from "vitest";
import { parseDuration } from "../src/cli-args";
import { runCli } from "./helpers";

const plan = (fixture: string, ...flags: string[]) =>
  runCli(["plan", "--stack", "dev", "--cwd", fixture, ...flags]);
/** Short enough for a test; the program starts only once the SDK is loaded, which the timeout leaves out. */
const hangs = (fixture: string) => plan(fixture, "--timeout", "1s");

describe.concurrent("a program that does not finish", () => {
  it("exits 3 when its promise never settles", async () => {
    const { code, stdout, stderr } = await hangs("hang-promise");
    expect(code).toBe(3);
    expect(stdout).toBe("");
    expect(stderr).toContain("the program never settled");
  });

  it("exits 3 at the timeout when a timer keeps the event loop alive", async () => {
    const { code, stderr } = await hangs("hang-timer");
    expect(code).toBe(3);
    expect(stderr).toContain("kept Node's event loop alive for 1s (a timer such as setInterval");
    expect(stderr).toContain("--timeout <duration>");
  });

  it("exits 3 at the timeout when it spins for ever", async () => {
    const { code, stderr } = await hangs("hang-busy");
    expect(code).toBe(3);
    expect(stderr).toContain("did not finish within 1s: it keeps the CPU busy without ever yielding");
  });
});

describe.concurrent("a program that throws", () => {
  it("shows the JavaScript file and line", async () => {
    const { code, stderr } = await plan("error-js");
    expect(code).toBe(3);
    expect(stderr).toContain("the program failed under mocks: no bucket for assets\n    at index.js:6:9");
    expect(stderr).toContain("Run with --debug for the program's stack.");
  });

  it("shows the TypeScript line of a program run through ts-node", async () => {
    const { stderr } = await plan("error-ts");
    expect(stderr).toContain("region fr-par is not allowed here\n    at index.ts:9:9");
  });

  it("shows the TypeScript line of a compiled program through its source map", async () => {
    const { stderr } = await plan("error-compiled");
    expect(stderr).toContain("RangeError: size must be at least 1, got 0\n    at src/index.ts:7:23");
  });

  it("shows the type error ts-node reports when it type-checks, as pulumi up does", async () => {
    const { code, stderr } = await plan("type-error");
    expect(code).toBe(3);
    expect(stderr).toContain("error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(stderr).toContain("at index.ts:3:7");
  });

  it("prints the program's stack with --debug", async () => {
    const { stderr } = await plan("error-js", "--debug");
    expect(stderr).toContain("The program's stack:\nError: no bucket for assets\n    at bucketFor (");
    expect(stderr).not.toContain("Run with --debug");
  });
});

describe("--timeout", () => {
  it("reads seconds, minutes and milliseconds; a bare number is seconds", () => {
    expect([parseDuration("90s"), parseDuration("5m"), parseDuration("500ms"), parseDuration("2")]).toEqual([
      90_000, 300_000, 500, 2_000,
    ]);
    expect(parseDuration("soon")).toBeUndefined();
  });

  it("exits 3 naming the bad value", async () => {
    const { code, stderr } = await runCli(["plan", "--stack", "dev", "--timeout", "soon"]);
    expect(code).toBe(3);
    expect(stderr).toContain(
      '--timeout expects a duration such as 90s, 5m or 500ms (a bare number is seconds), got "soon"',
    );
  });
});
