import { describe, expect, it } from "vitest";
import { environmentProfile } from "../src/index";
import { resolveProtection } from "../src/internal";

const dev = environmentProfile("dev");
const production = environmentProfile("production");

describe("resolveProtection", () => {
  it("protects stateful children by the environment's default and leaves the others to Pulumi", () => {
    expect(resolveProtection(undefined, undefined, production)).toEqual({
      protect: true,
      stateful: { protect: true },
      other: {},
      rotating: { protect: false },
    });
    expect(resolveProtection(undefined, undefined, dev).stateful).toEqual({ protect: false });
  });

  it("gives the arg and the option the same effect on every child", () => {
    const byArg = resolveProtection(true, undefined, dev);
    const byOption = resolveProtection(undefined, { protect: true }, dev);
    expect(byArg).toEqual(byOption);
    expect(byArg.other).toEqual({ protect: true });
  });

  it("lets the arg win over the option", () => {
    expect(resolveProtection(false, { protect: true }, production).stateful.protect).toBe(false);
  });

  it("never protects rotating keys, even when asked to protect the component, so rotations can replace them", () => {
    expect(resolveProtection(true, { protect: true }, production).rotating).toEqual({ protect: false });
  });

  it("forwards retainOnDelete to every child", () => {
    const protection = resolveProtection(undefined, { retainOnDelete: true }, dev);
    expect(protection.stateful.retainOnDelete).toBe(true);
    expect(protection.other.retainOnDelete).toBe(true);
    expect(protection.rotating.retainOnDelete).toBe(true);
  });
});
