import * as scaleway from "@pulumiverse/scaleway";
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { Monitoring } from "../src/index";
import { ALERT_MANAGER, minimalArgs } from "./helpers";

// A mock run (the test kit): the property is the resource the component registered, the same URN.
describe("Monitoring exposes its main child resource", () => {
  it("`alertManager` is the registered Cockpit alert manager", async () => {
    const { result, graph } = await record(() => new Monitoring("obs", minimalArgs("production")));
    expect(result.alertManager).toBeInstanceOf(scaleway.observability.AlertManager);
    expect(await valueOf(result.alertManager.urn)).toBe(graph.one(ALERT_MANAGER).urn);
  });
});
