import { describe, expect, it } from "vitest";
import { afterCurrentTurn } from "../src/internal";

describe("afterCurrentTurn", () => {
  it("reads what the current synchronous code added after the call", async () => {
    const grants: string[] = [];
    const settled = afterCurrentTurn(() => [...grants]);
    grants.push("read", "write");
    expect(await settled).toEqual(["read", "write"]);
  });

  it("reads after the promise callbacks of the current turn too, but not after a later turn", async () => {
    const grants: string[] = [];
    const settled = afterCurrentTurn(() => [...grants]);
    await Promise.resolve();
    grants.push("after a resolved await");
    void settled.then(() => grants.push("too late"));
    expect(await settled).toEqual(["after a resolved await"]);
  });
});
