import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { containerInputs, service } from "./helpers";

// Mock runs (the test kit): the inputs the program asks the engine for, not a deployment.

describe("liveness probe (health check) defaults", () => {
  it("gives a production container a TCP liveness probe that restarts it after 3 failed checks 10 s apart", async () => {
    const { graph } = await record(() => service({ environment: "production" }));
    expect(containerInputs(graph).livenessProbe).toEqual({
      failureThreshold: 3,
      interval: "10s",
      timeout: "5s",
      tcp: true,
    });
  });

  it("keeps the probe a production container sets itself", async () => {
    const { graph } = await record(() =>
      service(
        { environment: "production" },
        { livenessProbe: { http: { path: "/healthz" }, interval: "30s" } },
      ),
    );
    expect(containerInputs(graph).livenessProbe).toEqual({
      failureThreshold: 3,
      interval: "30s",
      timeout: "5s",
      http: { path: "/healthz" },
    });
  });

  it("leaves dev and staging containers to Scaleway's own probe", async () => {
    for (const environment of ["dev", "staging"] as const) {
      const { graph } = await record(() => service({ environment }));
      expect(containerInputs(graph).livenessProbe, environment).toBeUndefined();
    }
  });
});
