import { z } from "zod";

const DAY_MS = 24 * 60 * 60 * 1000;

/** An RFC 3339 instant with a time zone, e.g. "2027-06-30T00:00:00Z" (the form Scaleway's API takes). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Why a text is not a future RFC 3339 instant (compared with `now`); undefined when it is one. */
export function expiryProblem(text: string, now: Date = new Date()): string | undefined {
  const at = RFC3339.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at))
    return `expected an RFC 3339 date-time with a time zone, such as "2027-06-30T00:00:00Z"`;
  if (at <= now.getTime()) return `expected a date in the future (now is ${now.toISOString()})`;
  return undefined;
}

/** An expiry date given as text: RFC 3339 with a time zone, and in the future when the program runs. */
export const expirySchema = z.string().superRefine((text, ctx) => {
  const problem = expiryProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** A key's lifetime and how often it is replaced by a new one, in days. */
export interface RotationPolicy {
  /** How long each key is valid. */
  lifetimeDays: number;
  /** How often a new key replaces it; less than the lifetime, so the old key still works meanwhile. */
  rotateEveryDays: number;
}

/**
 * The rotation every block uses for the keys it creates unless told otherwise: each key lives 90
 * days and a new one replaces it every 30, so a stack deployed at least once a month never runs on
 * an expired key, and a leaked key is useless after 90 days at most.
 */
export const DEFAULT_KEY_ROTATION: RotationPolicy = Object.freeze({ lifetimeDays: 90, rotateEveryDays: 30 });

export const ROTATION_LIMITS = { minDays: 1, maxDays: 3650 } as const;

/** A rotation policy: whole days from 1 to 3650, rotating before the key expires. */
export const rotationPolicySchema = z
  .strictObject({
    lifetimeDays: z
      .number()
      .int("expected a whole number of days")
      .min(ROTATION_LIMITS.minDays, `expected at least ${ROTATION_LIMITS.minDays} day`)
      .max(ROTATION_LIMITS.maxDays, `expected at most ${ROTATION_LIMITS.maxDays} days`),
    rotateEveryDays: z
      .number()
      .int("expected a whole number of days")
      .min(ROTATION_LIMITS.minDays, `expected at least ${ROTATION_LIMITS.minDays} day`)
      .max(ROTATION_LIMITS.maxDays, `expected at most ${ROTATION_LIMITS.maxDays} days`),
  })
  .superRefine((policy, ctx) => {
    if (policy.rotateEveryDays >= policy.lifetimeDays) {
      ctx.addIssue({
        code: "custom",
        message: `expected fewer days than lifetimeDays (${policy.lifetimeDays}), so a new key exists before the old one expires`,
        path: ["rotateEveryDays"],
      });
    }
  });

/**
 * The expiry of the key of the current rotation window: windows of `rotateEveryDays` counted from
 * the Unix epoch (UTC midnights), each key valid `lifetimeDays` from its window's start. The value
 * stays the same on every `pulumi up` inside a window, so nothing changes, and moves on at the next
 * window, so the key is replaced while the previous one is still valid. No date goes stale in a
 * stack file.
 */
export function rotatingExpiry(policy: RotationPolicy, now: Date = new Date()): string {
  const windowMs = policy.rotateEveryDays * DAY_MS;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  return new Date(windowStart + policy.lifetimeDays * DAY_MS).toISOString().replace(/\.000Z$/, "Z");
}
