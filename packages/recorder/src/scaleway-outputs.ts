import { generatedPassword, stableIpIn, stablePublicIp, stableUuid } from "./ids";

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
const ZONAL_TYPES = new Set([
  "scaleway:network/publicGateway:PublicGateway",
  "scaleway:network/publicGatewayIp:PublicGatewayIp",
  "scaleway:network/gatewayNetwork:GatewayNetwork",
  "scaleway:network/publicGatewayPatRule:PublicGatewayPatRule",
]);

/** Resources with global ids (IAM, account, billing). */
const GLOBAL_MODULES = ["scaleway:iam/", "scaleway:account/", "scaleway:billing/"];

/** Outputs the real providers mark secret; the recorder keeps them wrapped as such. */
export const SECRET_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  "random:index/randomPassword:RandomPassword": ["result", "bcryptHash"],
  "scaleway:iam/apiKey:ApiKey": ["secretKey"],
  "scaleway:observability/token:Token": ["secretKey"],
  "scaleway:containers/token:Token": ["value"],
  "scaleway:containers/container:Container": ["secretEnvironmentVariables"],
  "scaleway:containers/namespace:Namespace": ["secretEnvironmentVariables"],
  "scaleway:databases/instance:Instance": ["password"],
  "scaleway:databases/user:User": ["password"],
  "scaleway:secrets/version:Version": ["data"],
};

function str(value: unknown, fallback: string): string {
  return typeof value === "string" && value !== "" ? value : fallback;
}

function mockId(ctx: MockContext): string {
  const uuid = stableUuid(ctx.type, ctx.name);
  if (GLOBAL_MODULES.some((m) => ctx.type.startsWith(m))) return uuid;
  if (ZONAL_TYPES.has(ctx.type)) return `${str(ctx.inputs.zone, ctx.zone)}/${uuid}`;
  if (ctx.type === "scaleway:object/bucket:Bucket")
    return `${str(ctx.inputs.region, ctx.region)}/${bucketName(ctx)}`;
  if (ctx.type.startsWith("scaleway:")) return `${str(ctx.inputs.region, ctx.region)}/${uuid}`;
  return uuid;
}

function bucketName(ctx: MockContext): string {
  return str(ctx.inputs.name, `${ctx.name}-${stableUuid(ctx.name).slice(0, 8)}`);
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
  "scaleway:registry/namespace:Namespace": (ctx) => ({
    endpoint: `rg.${region(ctx)}.scw.cloud/${str(ctx.inputs.name, ctx.name)}`,
    isPublic: ctx.inputs.isPublic ?? false,
  }),
  "scaleway:containers/namespace:Namespace": (ctx, id) => ({
    registryEndpoint: `rg.${region(ctx)}.scw.cloud/funcscw${str(ctx.inputs.name, ctx.name)}${uuidOf(id).slice(0, 8)}`,
    registryNamespaceId: `${region(ctx)}/${stableUuid(ctx.name, "registry")}`,
    organizationId: ctx.organizationId,
  }),
  "scaleway:containers/container:Container": (ctx, id) => {
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
  "scaleway:containers/domain:Domain": (ctx) => ({
    url: `https://${str(ctx.inputs.hostname, "example.com")}`,
  }),
  "scaleway:containers/token:Token": (ctx) => ({
    token: `eyJ${stableUuid(ctx.name, "token").replace(/-/g, "")}`,
  }),
  "scaleway:containers/trigger:Trigger": () => ({ status: "ready" }),
  "scaleway:databases/instance:Instance": (ctx) => ({
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
  "scaleway:databases/readReplica:ReadReplica": (ctx) => ({
    privateNetwork: ctx.inputs.privateNetwork
      ? privateEndpoint(ctx, ctx.inputs.privateNetwork, 5432)
      : undefined,
  }),
  "scaleway:databases/serverlessDatabase:ServerlessDatabase": (ctx, id) => ({
    endpoint: `postgres://${uuidOf(id)}.pg.sdb.${region(ctx)}.scw.cloud:5432/${str(ctx.inputs.name, ctx.name)}?sslmode=require`,
    minCpu: ctx.inputs.minCpu ?? 0,
    maxCpu: ctx.inputs.maxCpu ?? 15,
  }),
  "scaleway:object/bucket:Bucket": (ctx) => ({
    name: bucketName(ctx),
    endpoint: `https://${bucketName(ctx)}.s3.${region(ctx)}.scw.cloud`,
    apiEndpoint: `https://s3.${region(ctx)}.scw.cloud`,
    region: region(ctx),
  }),
  "scaleway:secrets/secret:Secret": (ctx) => ({
    path: ctx.inputs.path ?? "/",
    type: ctx.inputs.type ?? "opaque",
    status: "ready",
    versionCount: 1,
  }),
  "scaleway:secrets/version:Version": () => ({ revision: "1", status: "enabled" }),
  "scaleway:iam/application:Application": (ctx) => ({ organizationId: ctx.organizationId }),
  "scaleway:iam/apiKey:ApiKey": (ctx) => ({
    accessKey: `SCW${stableUuid(ctx.name, "access").replace(/-/g, "").slice(0, 17).toUpperCase()}`,
    secretKey: stableUuid(ctx.name, "secret"),
  }),
  "scaleway:network/vpc:Vpc": (ctx) => ({ isDefault: false, organizationId: ctx.organizationId }),
  "scaleway:network/privateNetwork:PrivateNetwork": (ctx) => {
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
  "scaleway:network/publicGatewayIp:PublicGatewayIp": (ctx) => ({ address: stablePublicIp(ctx.name) }),
  "scaleway:network/publicGateway:PublicGateway": (ctx) => ({
    status: "running",
    bandwidth: 100,
    zone: str(ctx.inputs.zone, ctx.zone),
  }),
  "scaleway:observability/source:Source": (ctx, id) => ({
    url: `https://${uuidOf(id)}.${str(ctx.inputs.type, "metrics")}.cockpit.${region(ctx)}.scw.cloud`,
    pushUrl: `https://${uuidOf(id)}.${str(ctx.inputs.type, "metrics")}.cockpit.${region(ctx)}.scw.cloud/api/v1/push`,
    origin: "custom",
  }),
  "scaleway:observability/token:Token": (ctx) => ({ secretKey: stableUuid(ctx.name, "cockpit-token") }),
  "scaleway:keymanager/key:Key": (ctx) => ({
    state: "enabled",
    rotationCount: 0,
    protected: !(ctx.inputs.unprotected ?? false),
  }),
  "random:index/randomPassword:RandomPassword": (ctx) => {
    const result = generatedPassword(ctx.inputs, ctx.name);
    return { result, bcryptHash: `$2a$10$${stableUuid(ctx.name, "bcrypt").replace(/-/g, "")}` };
  },
  "random:index/randomString:RandomString": (ctx) => ({
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
  const state = { ...defaults, ...ctx.inputs, ...extra };
  for (const [key, value] of Object.entries(state)) if (value === undefined) delete state[key];
  return { id, state };
}
