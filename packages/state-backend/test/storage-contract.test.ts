import { Bucket } from "@scaleway-blocks/storage";
import { record } from "@scaleway-blocks/testing";
import { describe, expect, it } from "vitest";
import { T } from "./helpers";

// Canaries on storage's Bucket, the reason StateBackend passes `protect: true` as an arg and carries
// retainOnDelete down with a transformation. When one of these fails, storage forwards the option
// itself and the workaround in src/state-backend.ts (and internal/retain.ts) can go.
describe("storage Bucket, as StateBackend relies on it", () => {
  it("does not pass the component's retainOnDelete on to its object.Bucket", async () => {
    const { graph } = await record(
      () => new Bucket("b", { project: "p", environment: "production" }, { retainOnDelete: true }),
    );
    expect(graph.one(T.storage).options.retainOnDelete).toBe(true);
    expect(graph.one(T.bucket).options.retainOnDelete).toBe(false);
  });

  it("lets its own protect default (off in dev) override the component's protect option on the object.Bucket", async () => {
    const { graph } = await record(
      () => new Bucket("b", { project: "p", environment: "dev" }, { protect: true }),
    );
    expect(graph.one(T.acl).options.protect).toBe(true);
    expect(graph.one(T.bucket).options.protect).toBe(false);
  });
});
