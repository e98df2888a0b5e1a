import type { GraphResource } from "../src/index";

export const DEV_TAGS = ["component=app", "environment=dev", "managed-by=pulumi", "project=shop"];
export const PROD_TAGS = ["component=app", "environment=production", "managed-by=pulumi", "project=shop"];
export const PROD_TAG_MAP = {
  component: "storage",
  environment: "production",
  "managed-by": "pulumi",
  project: "shop",
};
export const DEV_TAG_MAP = {
  component: "storage",
  environment: "dev",
  "managed-by": "pulumi",
  project: "shop",
};

export interface ResourceOptions {
  name?: string;
  stack?: string;
  protect?: boolean;
  parent?: string;
}

/** A resource of a recorded graph, as a plain object. */
export function resource(
  type: string,
  inputs: Record<string, unknown>,
  options: ResourceOptions = {},
): GraphResource {
  const name = options.name ?? "r";
  return {
    urn: `urn:pulumi:${options.stack ?? "test"}::shop::${type}::${name}`,
    type,
    name,
    inputs,
    options: { protect: options.protect ?? false },
    ...(options.parent ? { parent: options.parent } : {}),
  };
}

export function graphOf(...resources: GraphResource[]): { resources: GraphResource[] } {
  return { resources };
}
