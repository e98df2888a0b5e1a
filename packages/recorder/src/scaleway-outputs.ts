import { generatedPassword, stableIpIn, stablePublicIp, stableUuid } from "./ids";
import { defineValue } from "./values";
import { RANDOM_TYPES, SCALEWAY_TYPES } from "@scaleway-blocks/core/internal";

/** What a mocked resource knows about where it runs. */
export interface MockContext {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  region: string;
  zone: string;
  projectId: string;
  organizationId: string;
}

export interface MockState {
  id: string;
  state: Record<string, unknown>;
}

type OutputFactory = (ctx: MockContext, id: string) => Record<string, unknown>;

/** Resources whose id is "<zone>/<uuid>" (zonal APIs); all other scaleway resources are regional. */
const ZONAL_TYPES = new Set<string>([
  SCALEWAY_TYPES.publicGateway,
  SCALEWAY_TYPES.publicGatewayIp,
  SCALEWAY_TYPES.gatewayNetwork,
  SCALEWAY_TYPES.publicGatewayPatRule,
]);

/** Resources with global ids (IAM, account, billing). */
const GLOBAL_MODULES = ["scaleway:iam/", "scaleway:account/", "scaleway:billing/"];

/** Outputs the real providers mark secret; the recorder keeps them wrapped as such. */
export const SECRET_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  [RANDOM_TYPES.password]: ["result", "bcryptHash"],
  [SCALEWAY_TYPES.iamApiKey]: ["secretKey"],
  [SCALEWAY_TYPES.cockpitToken]: ["secretKey"],
  [SCALEWAY_TYPES.containerToken]: ["value"],
  [SCALEWAY_TYPES.container]: ["secretEnvironmentVariables"],
  [SCALEWAY_TYPES.containerNamespace]: ["secretEnvironmentVariables"],
  [SCALEWAY_TYPES.databaseInstance]: ["password"],
  [SCALEWAY_TYPES.databaseUser]: ["password"],
  [SCALEWAY_TYPES.secretVersion]: ["data"],
};

function str(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function mockId(ctx: MockContext): string {
  // The uuid (a SHA-256) is made only for the ids that hold one: a bucket's id is its name.
  if (ctx.type === SCALEWAY_TYPES.bucket) return `${str(ctx.inputs.region, ctx.region)}/${bucketName(ctx)}`;
  const uuid = stableUuid(ctx.type, ctx.name);
  if (GLOBAL_MODULES.some((m) => ctx.type.startsWith(m))) return uuid;
  if (ZONAL_TYPES.has(ctx.type)) return `${str(ctx.inputs.zone, ctx.zone)}/${uuid}`;
  if (ctx.type.startsWith("scaleway:")) return `${str(ctx.inputs.region, ctx.region)}/${uuid}`;
  return uuid;
}

function bucketName(ctx: MockContext): string {
  const name = ctx.inputs.name;
  return typeof name === "string" && name !== "" ? name : `${ctx.name}-${stableUuid(ctx.name).slice(0, 8)}`;
}

function region(ctx: MockContext): string {
  return str(ctx.inputs.region, ctx.region);
}

function uuidOf(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

function privateEndpoint(ctx: MockContext, input: unknown, port: number): Record<string, unknown> {
  const pn = (Array.isArray(input) ? input[0] : input) as Record<string, unknown> | undefined;
  if (!pn) return {};
  const ip = stableIpIn("172.16.0.0/22", ctx.type, ctx.name, "private");
  return {
    ...pn,
    ip,
    port: pn.port ?? port,
    hostname: `${uuidOf(stableUuid(ctx.name))}.${uuidOf(str(pn.pnId ?? pn.privateNetworkId, "pn"))}.internal`,
    name: ctx.name,
  };
}

const OUTPUTS: Record<string, OutputFactory> = {
  [SCALEWAY_TYPES.registryNamespace]: (ctx) => ({
    endpoint: `rg.${region(ctx)}.scw.cloud/${str(ctx.inputs.name, ctx.name)}`,
    isPublic: ctx.inputs.isPublic ?? false,
  }),
  [SCALEWAY_TYPES.containerNamespace]: (ctx, id) => ({
    registryEndpoint: `rg.${region(ctx)}.scw.cloud/funcscw${str(ctx.inputs.name, ctx.name)}${uuidOf(id).slice(0, 8)}`,
    registryNamespaceId: `${region(ctx)}/${stableUuid(ctx.name, "registry")}`,
    organizationId: ctx.organizationId,
  }),
  [SCALEWAY_TYPES.container]: (ctx, id) => {
    const domainName = `${str(ctx.inputs.name, ctx.name)}-${uuidOf(id).slice(0, 8)}.functions.fnc.${region(ctx)}.scw.cloud`;
    return {
      domainName,
      publicEndpoint: `https://${domainName}`,
      status: "ready",
      errorMessage: "",
      cpuLimit: ctx.inputs.cpuLimit ?? 1000,
      memoryLimitBytes: ctx.inputs.memoryLimitBytes ?? 2048 * 1024 * 1024,
      minScale: ctx.inputs.minScale ?? 0,
      maxScale: ctx.inputs.maxScale ?? 5,
      privacy: ctx.inputs.privacy ?? "public",
      protocol: ctx.inputs.protocol ?? "http1",
      port: ctx.inputs.port ?? 8080,
    };
  },
  [SCALEWAY_TYPES.containerDomain]: (ctx) => ({
    url: `https://${str(ctx.inputs.hostname, "example.com")}`,
  }),
  [SCALEWAY_TYPES.containerToken]: (ctx) => ({
    token: `eyJ${stableUuid(ctx.name, "token").replace(/-/g, "")}`,
  }),
  [SCALEWAY_TYPES.containerTrigger]: () => ({ status: "ready" }),
  [SCALEWAY_TYPES.databaseInstance]: (ctx) => ({
    engine: ctx.inputs.engine ?? "PostgreSQL-17",
    privateNetwork: ctx.inputs.privateNetwork
      ? privateEndpoint(ctx, ctx.inputs.privateNetwork, 5432)
      : undefined,
    loadBalancer: ctx.inputs.loadBalancer
      ? {
          ip: stablePublicIp(ctx.name, "lb"),
          port: 5432,
          hostname: `${stableUuid(ctx.name)}.rdb.${region(ctx)}.scw.cloud`,
          name: ctx.name,
        }
      : undefined,
    certificate: "-----BEGIN CERTIFICATE-----\nMIIB...mock...\n-----END CERTIFICATE-----",
    organizationId: ctx.organizationId,
    projectId: ctx.inputs.projectId ?? ctx.projectId,
  }),
  [SCALEWAY_TYPES.databaseReadReplica]: (ctx) => ({
    privateNetwork: ctx.inputs.privateNetwork
      ? privateEndpoint(ctx, ctx.inputs.privateNetwork, 5432)
      : undefined,
  }),
  [SCALEWAY_TYPES.serverlessDatabase]: (ctx, id) => ({
    endpoint: `postgres://${uuidOf(id)}.pg.sdb.${region(ctx)}.scw.cloud:5432/${str(ctx.inputs.name, ctx.name)}?sslmode=require`,
    minCpu: ctx.inputs.minCpu ?? 0,
    maxCpu: ctx.inputs.maxCpu ?? 15,
  }),
  [SCALEWAY_TYPES.bucket]: (ctx) => ({
    name: bucketName(ctx),
    endpoint: `https://${bucketName(ctx)}.s3.${region(ctx)}.scw.cloud`,
    apiEndpoint: `https://s3.${region(ctx)}.scw.cloud`,
    region: region(ctx),
  }),
  [SCALEWAY_TYPES.secret]: (ctx) => ({
    path: ctx.inputs.path ?? "/",
    type: ctx.inputs.type ?? "opaque",
    status: "ready",
    versionCount: 1,
  }),
  [SCALEWAY_TYPES.secretVersion]: () => ({ revision: "1", status: "enabled" }),
  [SCALEWAY_TYPES.iamApplication]: (ctx) => ({ organizationId: ctx.organizationId }),
  [SCALEWAY_TYPES.iamApiKey]: (ctx) => ({
    accessKey: `SCW${stableUuid(ctx.name, "access").replace(/-/g, "").slice(0, 17).toUpperCase()}`,
    secretKey: stableUuid(ctx.name, "secret"),
  }),
  [SCALEWAY_TYPES.vpc]: (ctx) => ({ isDefault: false, organizationId: ctx.organizationId }),
  [SCALEWAY_TYPES.privateNetwork]: (ctx) => {
    const subnet = str(
      (ctx.inputs.ipv4Subnet as Record<string, unknown> | undefined)?.subnet,
      "172.16.0.0/22",
    );
    return {
      ipv4Subnet: {
        subnet,
        address: subnet.split("/")[0],
        prefixLength: Number(subnet.split("/")[1]),
        subnetMask: "",
        id: stableUuid(ctx.name, "subnet"),
      },
    };
  },
  [SCALEWAY_TYPES.publicGatewayIp]: (ctx) => ({ address: stablePublicIp(ctx.name) }),
  [SCALEWAY_TYPES.publicGateway]: (ctx) => ({
    status: "running",
    bandwidth: 100,
    zone: str(ctx.inputs.zone, ctx.zone),
  }),
  [SCALEWAY_TYPES.cockpitSource]: (ctx, id) => ({
    url: `https://${uuidOf(id)}.${str(ctx.inputs.type, "metrics")}.cockpit.${region(ctx)}.scw.cloud`,
    pushUrl: `https://${uuidOf(id)}.${str(ctx.inputs.type, "metrics")}.cockpit.${region(ctx)}.scw.cloud/api/v1/push`,
    origin: "custom",
  }),
  [SCALEWAY_TYPES.cockpitToken]: (ctx) => ({ secretKey: stableUuid(ctx.name, "cockpit-token") }),
  [SCALEWAY_TYPES.kmsKey]: (ctx) => ({
    state: "enabled",
    rotationCount: 0,
    protected: !(ctx.inputs.unprotected ?? false),
  }),
  [RANDOM_TYPES.password]: (ctx) => {
    const result = generatedPassword(ctx.inputs, ctx.name);
    return { result, bcryptHash: `$2a$10$${stableUuid(ctx.name, "bcrypt").replace(/-/g, "")}` };
  },
  [RANDOM_TYPES.string]: (ctx) => ({
    result: generatedPassword(
      { ...(ctx.inputs as Parameters<typeof generatedPassword>[0]), special: false },
      ctx.name,
    ),
  }),
};

/** The id and output state a real Scaleway resource of this type would report after creation. */
export function scalewayResourceState(ctx: MockContext): MockState {
  const id = mockId(ctx);
  const defaults: Record<string, unknown> = ctx.type.startsWith("scaleway:")
    ? { region: region(ctx), projectId: ctx.inputs.projectId ?? ctx.projectId }
    : {};
  if (ZONAL_TYPES.has(ctx.type)) delete defaults.region;
  const extra = OUTPUTS[ctx.type]?.(ctx, id) ?? {};
  const merged: Record<string, unknown> = { ...defaults, ...ctx.inputs, ...extra };
  // The merged state without its undefined values, in the same key order. Copied rather than
  // deleted from: deleting keys turns an object into a slow dictionary, which every later reader
  // (the SDK's serialisation, the recorder) pays for, per resource.
  const state: Record<string, unknown> = {};
  for (const key of Object.keys(merged)) {
    const value = merged[key];
    if (value !== undefined) defineValue(state, key, value);
  }
  return { id, state };
}
