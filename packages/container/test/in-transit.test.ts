// Encryption in transit (issue 20): containers are HTTPS-only unless plain HTTP is asked for, and then
// the opt-in is visible to the policy (scw-container-https-only accepts only a tagged container).
import { record, valueOf } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { containerInputs, service } from "./helpers";

describe("Service: encryption in transit", () => {
  it("serves HTTPS only by default, without the plain-HTTP tag", async () => {
    const { graph } = await record(() => service({}));
    expect(containerInputs(graph).httpsConnectionsOnly).toBe(true);
    expect(containerInputs(graph).tags).not.toContain("plain-http=true");
  });

  it("tags a container that serves plain HTTP plain-http=true, so the policy sees the opt-in", async () => {
    const { graph } = await record(() => service({}, { httpsConnectionsOnly: false }));
    expect(containerInputs(graph).httpsConnectionsOnly).toBe(false);
    expect(containerInputs(graph).tags).toContain("plain-http=true");
  });

  it("outputs https:// endpoints", async () => {
    const { result } = await record(() => service({}, { public: true }));
    const urls = [
      ...Object.values(await valueOf(result.publicEndpoints)),
      ...Object.values(await valueOf(result.urls)),
      await valueOf(result.url),
    ];
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });
});
