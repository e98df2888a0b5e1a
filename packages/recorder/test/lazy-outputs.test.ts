import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { describe, expect, it } from "vitest";
import { record, recordError } from "../src/index";
import { lazyOutputProperties } from "../src/lazy-outputs";
import { SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((value) => void resolve(value)));
}

/** The Output's promise, which rejects when its resource failed (the SDK's internal `promise()`). */
function settled<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

describe("output properties made on first read (a mock run)", () => {
  it("leaves a property nobody read as a getter, and makes it a plain Output once read", async () => {
    const { result: bucket } = await record(
      () => new scaleway.object.Bucket("assets", { name: "shop-assets", region: "nl-ams" }),
    );
    const before = Object.getOwnPropertyDescriptor(bucket, "apiEndpoint");
    expect(typeof before?.get).toBe("function");
    // Listed once made, as the SDK's property is (see the next test for why not before).
    expect(before?.enumerable).toBe(false);

    const endpoint = bucket.apiEndpoint;
    const after = Object.getOwnPropertyDescriptor(bucket, "apiEndpoint");
    expect(after !== undefined && "get" in after).toBe(false);
    expect(after?.value).toBe(endpoint);
    expect(after?.enumerable).toBe(true);
    expect(pulumi.Output.isInstance(endpoint)).toBe(true);
    expect(bucket.apiEndpoint).toBe(endpoint);
  });

  it("leaves the properties of a resource that an Output's value holds unmade (dependsOn as a Promise)", async () => {
    // The SDK wraps a Promise given as dependsOn in an Output (resource.js mergeOptions), whose value,
    // the resources, it walks for unknown values (output.js containsUnknowns) through their
    // enumerable properties.
    const { result: bucket } = await record(() => {
      const assets = new scaleway.object.Bucket("assets", { name: "shop-assets", region: "nl-ams" });
      new scaleway.object.Bucket("logs", { name: "shop-logs" }, { dependsOn: Promise.resolve([assets]) });
      return assets;
    });
    expect(typeof Object.getOwnPropertyDescriptor(bucket, "apiEndpoint")?.get).toBe("function");
  });

  it("gives a property read after the registration the value the mocks returned", async () => {
    const { result: bucket } = await record(
      () => new scaleway.object.Bucket("assets", { name: "shop-assets", region: "nl-ams" }),
    );
    expect(await valueOf(bucket.endpoint)).toBe("https://shop-assets.s3.nl-ams.scw.cloud");
    expect(await valueOf(bucket.region)).toBe("nl-ams");
  });

  it("gives a property read during the program the same value, and its resource as a dependency", async () => {
    const { graph } = await record(() => {
      const bucket = new scaleway.object.Bucket("assets", { name: "shop-assets" });
      new scaleway.object.BucketAcl("acl", { bucket: bucket.name, acl: "private" });
    });
    const acl = graph.one(SCALEWAY_TYPES.bucketAcl);
    expect(acl.inputs.bucket).toBe("shop-assets");
    expect(acl.propertyDependencies.bucket).toEqual([graph.one(SCALEWAY_TYPES.bucket).urn]);
  });

  it("rejects a property of a resource whose registration failed, read before or after the failure", async () => {
    let early: pulumi.Output<string> | undefined;
    let bucket: scaleway.object.Bucket | undefined;
    const { error } = await recordError(
      () => {
        bucket = new scaleway.object.Bucket("assets", { name: "shop-assets" });
        early = bucket.name;
      },
      {
        resources: {
          [SCALEWAY_TYPES.bucket]: () => {
            throw new Error("the mocks refuse this bucket");
          },
        },
      },
    );
    expect(String(error)).toContain("the mocks refuse this bucket");
    await expect(settled(early!)).rejects.toThrow("the mocks refuse this bucket");
    // Read after the recording, a property is the Output the failure already rejected (and the failed
    // program reported): reading it raises no rejection of its own that nobody handles.
    const stray: unknown[] = [];
    const onStray = (reason: unknown) => void stray.push(reason);
    process.on("unhandledRejection", onStray);
    try {
      await expect(settled(bucket!.endpoint)).rejects.toThrow("the mocks refuse this bucket");
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", onStray);
    }
    expect(stray).toEqual([]);
  });

  it("assigns the Output at construction, as the SDK does, where the class defines the property as an accessor", async () => {
    const assigned: unknown[] = [];
    class Watched extends scaleway.object.Bucket {}
    Object.defineProperty(Watched.prototype, "endpoint", {
      configurable: true,
      get(this: { seen?: unknown }) {
        return this.seen;
      },
      set(this: { seen?: unknown }, value: unknown) {
        assigned.push(value);
        this.seen = value;
      },
    });
    const { result: bucket } = await record(() => new Watched("assets", { name: "shop-assets" }));
    expect(assigned).toHaveLength(1);
    expect(pulumi.Output.isInstance(assigned[0])).toBe(true);
    expect(await valueOf(bucket.endpoint)).toBe("https://shop-assets.s3.fr-par.scw.cloud");
  });

  it("keeps a second transfer of a property refused, as the SDK does", async () => {
    expect(lazyOutputProperties()).toBe(true);
    const { error } = await recordError(() => {
      const bucket = new scaleway.object.Bucket("assets", { name: "shop-assets" });
      // What the SDK refuses: the same resource object given its properties a second time.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const rpc = require("@pulumi/pulumi/runtime/rpc") as {
        transferProperties(onto: object, label: string, props: Record<string, unknown>): unknown;
      };
      rpc.transferProperties(bucket, "assets", { name: undefined });
    });
    // The SDK's own message (runtime/rpc.js), unclosed quote included.
    expect(String(error)).toContain("Property 'name' is already initialized on target 'assets");
  });

  it("is not installed when PULUMI_DEBUG_PROMISE_LEAKS or SCALEWAY_BLOCKS_PLAN_EAGER=1 asks for the SDK's own", () => {
    const sdk = () => {
      const original = () => ({});
      const modules: Record<string, unknown> = {
        "@pulumi/pulumi/runtime/rpc": { transferProperties: original },
        "@pulumi/pulumi/runtime/debuggable": { debuggablePromise: (p: unknown) => p },
        "@pulumi/pulumi/errors": { isGrpcError: () => false },
        "@pulumi/pulumi/output": {
          Output: Object.assign(function Output() {}, { isInstance: () => false }),
          OutputToStringError: { isInstance: () => false },
        },
      };
      const rpc = modules["@pulumi/pulumi/runtime/rpc"] as { transferProperties: unknown };
      return { require: ((id: string) => modules[id]) as unknown as NodeJS.Require, rpc, original };
    };
    for (const [name, value] of [
      ["PULUMI_DEBUG_PROMISE_LEAKS", "true"],
      ["SCALEWAY_BLOCKS_PLAN_EAGER", "1"],
    ] as const) {
      const previous = process.env[name];
      process.env[name] = value;
      try {
        const eager = sdk();
        expect(lazyOutputProperties(eager.require)).toBe(false);
        expect(eager.rpc.transferProperties).toBe(eager.original);
      } finally {
        if (previous === undefined) delete process.env[name];
        else process.env[name] = previous;
      }
    }
    const lazy = sdk();
    expect(lazyOutputProperties(lazy.require)).toBe(true);
    expect(lazy.rpc.transferProperties).not.toBe(lazy.original);
  });

  it("is not installed into an SDK it cannot find", () => {
    const missing = ((id: string) => {
      throw new Error(`Cannot find module '${id}'`);
    }) as unknown as NodeJS.Require;
    expect(lazyOutputProperties(missing)).toBe(false);
  });
});
