import { moduleTypeOf } from "@scaleway-blocks/policy";
import type { Json, PlanResource } from "./resources";
import { REDACTED } from "./resources";
import { T } from "./tokens";

/** The settings the tree shows for a resource: short names, plain values. */
export type KeySettings = Record<string, string | number | boolean>;

function str(value: Json | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
function num(value: Json | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}
function obj(value: Json | undefined): Record<string, Json> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}
function arr(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}
function isSet(value: Json | undefined): boolean {
  return value !== undefined && value !== null;
}

function put(settings: KeySettings, key: string, value: string | number | boolean | undefined): void {
  if (value !== undefined) settings[key] = value;
}

/** The region a resource lives in: its region, the region of its zone, else the provider default. */
export function regionOf(resource: PlanResource, defaultRegion: string): string {
  const region = str(resource.inputs.region);
  if (region) return region;
  const zone = str(resource.inputs.zone);
  if (zone) return zone.replace(/-\d+$/, "");
  return defaultRegion;
}

function mib(bytes: number | undefined): string | undefined {
  return bytes === undefined ? undefined : `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/**
 * The key settings of one resource for the tree: node type, HA, scale, privacy, region and the
 * like. Values the program did not set are left out (the provider's defaults are not previewed).
 */
export function keySettings(resource: PlanResource, defaultRegion: string): KeySettings {
  const i = resource.inputs;
  const s: KeySettings = {};
  if (!resource.custom) return s;
  const type = moduleTypeOf(resource.type);
  const regional = !/^scaleway:(iam|billing|account)\//.test(type);
  switch (type) {
    case T.databaseInstance: {
      put(s, "nodeType", str(i.nodeType));
      put(s, "engine", str(i.engine));
      s.ha = i.isHaCluster === true;
      const size = num(i.volumeSizeInGb);
      const volume = [str(i.volumeType), size === undefined ? undefined : `${size} GB`].filter(
        (v) => v !== undefined,
      );
      if (volume.length > 0) s.volume = volume.join(" ");
      const retention = num(i.backupScheduleRetention);
      s.backups = i.disableBackup === true ? "off" : retention === undefined ? "on" : `on (${retention} d)`;
      s.privateNetwork = isSet(i.privateNetwork);
      s.publicEndpoint = isSet(i.loadBalancer) || !isSet(i.privateNetwork);
      if (i.encryptionAtRest !== undefined) s.encryptionAtRest = i.encryptionAtRest === true;
      break;
    }
    case T.databaseReadReplica:
      s.privateNetwork = isSet(i.privateNetwork);
      s.publicEndpoint = isSet(i.directAccess);
      break;
    case T.serverlessDatabase:
      put(s, "vcpu", `${num(i.minCpu) ?? 0}–${num(i.maxCpu) ?? 15}`);
      break;
    case T.database:
    case T.databaseUser:
      put(s, "name", str(i.name));
      if (i.isAdmin === true) s.admin = true;
      break;
    case T.container: {
      put(s, "image", str(i.image));
      const cpu = num(i.cpuLimit);
      put(s, "cpu", cpu === undefined ? undefined : `${cpu / 1000} vCPU`);
      put(s, "memory", mib(num(i.memoryLimitBytes)));
      put(s, "scale", `${num(i.minScale) ?? 0}–${num(i.maxScale) ?? "?"}`);
      put(s, "privacy", str(i.privacy) ?? "public (default)");
      if (i.httpsConnectionsOnly === true) s.httpsOnly = true;
      s.privateNetwork = isSet(i.privateNetworkId);
      break;
    }
    case T.registryNamespace:
      s.public = i.isPublic === true;
      break;
    case T.bucket: {
      put(s, "name", str(i.name));
      s.versioning = obj(i.versioning)?.enabled === true;
      if (i.objectLockEnabled === true) s.objectLock = true;
      const rules = arr(i.lifecycleRules).length;
      if (rules > 0) s.lifecycleRules = rules;
      if (i.forceDestroy === true) s.forceDestroy = true;
      break;
    }
    case T.secret:
      put(s, "name", str(i.name));
      put(s, "path", str(i.path));
      put(s, "type", str(i.type));
      if (i.protected === true) s.protected = true;
      break;
    case T.secretVersion:
      if (i.data === REDACTED) s.data = REDACTED;
      break;
    case T.privateNetwork:
      put(s, "subnet", str(obj(i.ipv4Subnet)?.subnet));
      break;
    case T.publicGateway:
      put(s, "type", str(i.type));
      if (i.bastionEnabled === true) s.bastion = true;
      break;
    case T.cockpitSource:
      put(s, "type", str(i.type));
      put(s, "retentionDays", num(i.retentionDays));
      break;
    case T.alertManager:
      s.contacts = arr(i.contactPoints).length;
      s.alerts = arr(i.preconfiguredAlertIds).length;
      break;
    case T.iamPolicy: {
      const sets = arr(i.rules)
        .flatMap((r) => arr(obj(r)?.permissionSetNames))
        .filter((v) => typeof v === "string");
      if (sets.length > 0) s.permissions = sets.join(",");
      break;
    }
    case T.kmsKey:
      put(s, "algorithm", str(i.algorithm));
      break;
    default:
      break;
  }
  if (resource.protect) s.protect = true;
  if (regional && type.startsWith("scaleway:")) {
    const zone = str(i.zone);
    if (zone) s.zone = zone;
    else s.region = regionOf(resource, defaultRegion);
  }
  return s;
}
