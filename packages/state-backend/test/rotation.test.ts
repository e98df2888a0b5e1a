import { DEFAULT_KEY_ROTATION, rotatingExpiry } from "@scaleway-blocks/core/internal";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { StateBackend } from "../src/index";
import { T, args } from "./helpers";

/** The expiries a rotation gives around a recording (two when it straddles a window's edge). */
async function recordWithExpiries(build: () => StateBackend, policy = DEFAULT_KEY_ROTATION) {
  const before = rotatingExpiry(policy);
  const recorded = await record(build);
  return { ...recorded, expected: [before, rotatingExpiry(policy)] };
}

describe("StateBackend CI key rotation", () => {
  it("gives the CI key an expiry from core's default rotation (90-day keys, a new one every 30 days)", async () => {
    const { graph, result, expected } = await recordWithExpiries(() => new StateBackend("state", args()));
    const expiresAt = graph.inputsOf(T.apiKey).expiresAt as string;
    expect(expected).toContain(expiresAt);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 59 * 24 * 3600 * 1000);
    expect(result.apiKeyExpiresAt).toBe(expiresAt);
  });

  it("keeps the same expiry on a second run inside the rotation window, so nothing is replaced", async () => {
    const first = await record(() => new StateBackend("state", args()));
    const second = await record(() => new StateBackend("state", args()));
    expect(second.graph.inputsOf(T.apiKey).expiresAt).toBe(first.graph.inputsOf(T.apiKey).expiresAt);
  });

  it("follows a given rotation policy", async () => {
    const policy = { lifetimeDays: 14, rotateEveryDays: 7 };
    const { graph, expected } = await recordWithExpiries(
      () => new StateBackend("state", args({ apiKey: { rotation: policy } })),
      policy,
    );
    expect(expected).toContain(graph.inputsOf(T.apiKey).expiresAt);
  });

  it("uses an explicit expiry as given, instead of the rotation", async () => {
    const { graph, result } = await record(
      () => new StateBackend("state", args({ apiKey: { expiresAt: "2099-12-31T23:59:59Z" } })),
    );
    expect(graph.inputsOf(T.apiKey).expiresAt).toBe("2099-12-31T23:59:59Z");
    expect(result.apiKeyExpiresAt).toBe("2099-12-31T23:59:59Z");
  });
});
