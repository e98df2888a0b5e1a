import { describe, expect, it } from "vitest";
import { SERVICE_GOALS, serviceGoalGaps, stackEnvironment } from "../src/index";
import { DEV_TAGS, PROD_TAGS } from "./fixtures";
import { SCALEWAY_TYPES } from "@scaleway-blocks/testing";

const CONTAINER = SCALEWAY_TYPES.container;

describe("serviceGoalGaps", () => {
  it("names the goal each missing setting of a container keeps the stack from, whatever its environment", () => {
    const gaps = serviceGoalGaps({ type: CONTAINER, inputs: { minScale: 0, tags: DEV_TAGS } });
    expect(gaps.map((g) => g.goal)).toEqual(["api-responses-under-5-seconds", "uptime-99-percent"]);
  });

  it("finds nothing missing on a warm container with a quick liveness probe", () => {
    const inputs = { minScale: 2, livenessProbe: { tcp: true, failureThreshold: 3, interval: "10s" } };
    expect(serviceGoalGaps({ type: CONTAINER, inputs })).toEqual([]);
  });

  it("reads probe intervals in the form the Scaleway API answers with", () => {
    const probe = { tcp: true, failureThreshold: 40, interval: "12.000000000s", timeout: "1.000000000s" };
    const gaps = serviceGoalGaps({ type: CONTAINER, inputs: { minScale: 1, livenessProbe: probe } });
    expect(gaps.map((g) => g.message)).toEqual([expect.stringContaining("only after 480 s")]);
  });

  it("counts inputs unknown during a preview as set", () => {
    const unknown = () => {
      throw new Error("unknown during preview");
    };
    const inputs = Object.defineProperties<Record<string, unknown>>(
      {},
      {
        minScale: { get: unknown, enumerable: true },
        livenessProbe: { get: unknown, enumerable: true },
      },
    );
    expect(serviceGoalGaps({ type: CONTAINER, inputs })).toEqual([]);
  });

  it("looks only at containers and alert managers", () => {
    expect(serviceGoalGaps({ type: SCALEWAY_TYPES.bucket, inputs: {} })).toEqual([]);
  });

  it("knows the three goals of the seed", () => {
    expect(SERVICE_GOALS.map((g) => g.title)).toEqual([
      "deploy in under 10 minutes",
      "API responses under 5 s",
      "99 % uptime",
    ]);
  });
});

describe("stackEnvironment", () => {
  it("is the one environment the resources' tags name", () => {
    expect(stackEnvironment([{ inputs: { tags: PROD_TAGS } }, { inputs: {} }], "whatever")).toBe(
      "production",
    );
  });

  it("falls back on the stack name when the tags disagree or say nothing", () => {
    expect(
      stackEnvironment([{ inputs: { tags: PROD_TAGS } }, { inputs: { tags: DEV_TAGS } }], "shop-prod"),
    ).toBe("production");
    expect(stackEnvironment([{ inputs: {} }], "staging")).toBe("staging");
    expect(stackEnvironment([{ inputs: {} }], "sandbox")).toBeUndefined();
  });
});
