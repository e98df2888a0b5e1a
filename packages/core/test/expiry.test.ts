import { describe, expect, it } from "vitest";
import { DEFAULT_KEY_ROTATION, expiryProblem, rotatingExpiry, rotationPolicySchema } from "../src/internal";

const now = new Date("2026-12-06T10:00:00Z");

describe("expiry dates", () => {
  it("accepts a future RFC 3339 instant", () => {
    expect(expiryProblem("2027-06-30T00:00:00Z", now)).toBeUndefined();
    expect(expiryProblem("2027-06-30T00:00:00.5+02:00", now)).toBeUndefined();
  });

  it("refuses a date in the past, naming now", () => {
    expect(expiryProblem("2026-01-01T00:00:00Z", now)).toBe(
      "expected a date in the future (now is 2026-12-06T10:00:00.000Z)",
    );
  });

  it.each(["2027-06-30", "2027-06-30T00:00:00", "next year", "2027-02-30T00:00:00Z".replace("30", "3x")])(
    "refuses %j, which is not an RFC 3339 instant with a time zone",
    (text) => {
      expect(expiryProblem(text, now)).toContain("RFC 3339");
    },
  );
});

describe("rotatingExpiry", () => {
  const policy = { lifetimeDays: 90, rotateEveryDays: 30 };

  it("stays the same inside a rotation window, so a second pulumi up changes nothing", () => {
    const a = rotatingExpiry(policy, new Date("2026-12-06T00:00:00Z"));
    const b = rotatingExpiry(policy, new Date("2026-12-07T23:00:00Z"));
    expect(a).toBe(b);
  });

  it("moves to a later date in the next window, before the previous key expires", () => {
    const first = rotatingExpiry(policy, now);
    const next = rotatingExpiry(policy, new Date(now.getTime() + 30 * 24 * 3600 * 1000));
    expect(Date.parse(next)).toBe(Date.parse(first) + 30 * 24 * 3600 * 1000);
    expect(Date.parse(first)).toBeGreaterThan(now.getTime() + 60 * 24 * 3600 * 1000);
  });

  it("refuses a policy that rotates only when the key has already expired", () => {
    const result = rotationPolicySchema.safeParse({ lifetimeDays: 30, rotateEveryDays: 30 });
    expect(result.error?.issues[0]?.path).toEqual(["rotateEveryDays"]);
  });
});

describe("DEFAULT_KEY_ROTATION", () => {
  it("is a valid policy: keys are replaced well before they expire", () => {
    expect(rotationPolicySchema.safeParse(DEFAULT_KEY_ROTATION).success).toBe(true);
  });
});
