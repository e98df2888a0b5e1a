// Managed Databases for PostgreSQL and MySQL (RDB): instances, read replicas, ACLs, users.
import {
  asNumber,
  asString,
  ipsOfRules,
  isSet,
  openToWorld,
  optedInPublic,
  tryRead,
} from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface InstanceInputs {
  tags: string[];
  engine: string;
  isHaCluster: boolean;
  disableBackup: boolean;
  backupScheduleRetention: number;
  backupSameRegion: boolean;
  encryptionAtRest: boolean;
  loadBalancer: object;
  privateNetwork: object;
}

/** Scaleway keeps automatic backups 7 days when no retention is given. */
const SCALEWAY_DEFAULT_RETENTION_DAYS = 7;

/** Why an instance has a public endpoint, or undefined when it has none. */
function publicEndpointReason(inputs: Readonly<Partial<InstanceInputs>>): string | undefined {
  if (isSet(inputs, "loadBalancer")) return "loadBalancer is set";
  if (!isSet(inputs, "privateNetwork"))
    return "no privateNetwork is set (Scaleway then adds a public endpoint)";
  return undefined;
}

export const databaseNoPublicEndpoint = defineRule<InstanceInputs>({
  id: "scw-database-no-public-endpoint",
  severity: "mandatory",
  description:
    "Managed Database instances are reachable only through a Private Network, unless tagged public on purpose (the public=true tag by default).",
  why: "A public endpoint exposes the database port to the whole internet: credential stuffing and engine CVEs are one step away.",
  remediation:
    'Set privateNetwork { pnId } on the instance and remove loadBalancer (connect from the same Private Network), or tag the instance "public=true" (publicOptInTag) when the public endpoint is meant.',
  resourceTypes: [T.databaseInstance],
  settings: ["publicOptInTag"],
  check: ({ inputs }, { settings }) => {
    if (optedInPublic(inputs, settings)) return undefined;
    if (isSet(inputs, "loadBalancer"))
      return "loadBalancer is set: the instance has a public endpoint reachable from the internet.";
    if (!isSet(inputs, "privateNetwork"))
      return "no privateNetwork is set: Scaleway then gives the instance a public endpoint.";
    return undefined;
  },
});

export const databasePublicEndpointOnPurpose = defineRule<InstanceInputs>({
  id: "scw-database-public-endpoint-on-purpose",
  severity: "advisory",
  description:
    "Managed Database instances tagged public on purpose (the public=true tag by default) that have a public endpoint are listed for review.",
  why: "A deliberate public endpoint is still on the internet: only its ACL stands between the database port and every scanner.",
  remediation:
    'Keep the instance\'s ACL to the addresses that need it; remove loadBalancer and the "public=true" tag (publicOptInTag) when the public endpoint is no longer needed.',
  resourceTypes: [T.databaseInstance],
  settings: ["publicOptInTag"],
  check: ({ inputs }, { settings }) => {
    if (!optedInPublic(inputs, settings)) return undefined;
    const reason = publicEndpointReason(inputs);
    return reason === undefined
      ? undefined
      : `${reason} on an instance tagged "${settings.publicOptInTag}": its public endpoint is on purpose.`;
  },
});

export const databaseReadReplicaNoDirectAccess = defineRule<{ directAccess: object }>({
  id: "scw-database-replica-no-public-endpoint",
  severity: "mandatory",
  description: "Read replicas are reachable only through a Private Network.",
  why: "directAccess gives the replica a public endpoint, and a replica holds all the primary's data.",
  remediation: "Remove directAccess and set privateNetwork { privateNetworkId } on the read replica.",
  resourceTypes: [T.databaseReadReplica],
  check: ({ inputs }) =>
    isSet(inputs, "directAccess")
      ? "directAccess is set: the read replica has a public endpoint reachable from the internet."
      : undefined,
});

export const databaseAclNotOpenToWorld = defineRule<{ aclRules: { ip: string }[] }>({
  id: "scw-database-acl-not-open-to-world",
  severity: "mandatory",
  description: "Database ACLs never allow the whole internet (0.0.0.0/0, whole or in pieces).",
  why: "An ACL rule for 0.0.0.0/0, or rules such as 0.0.0.0/1 + 128.0.0.0/1 that cover it together, let any address try to log in to the database.",
  remediation:
    "List only the CIDRs that need access (office, CI runners), or drop the public endpoint and the ACL altogether.",
  resourceTypes: [T.databaseAcl],
  check: ({ inputs }) => {
    return openToWorld(ipsOfRules(inputs.aclRules), {
      whole: (ip) => `aclRules allows ${ip}: every address on the internet may connect.`,
      together: (ips) =>
        `aclRules allow ${ips.join(", ")}, which together cover the whole public internet: every address may connect.`,
    });
  },
});

export const databaseEncryptionAtRest = defineRule<InstanceInputs>({
  id: "scw-database-encryption-at-rest",
  severity: "mandatory",
  description: "Managed Database instances encrypt their volumes at rest.",
  why: "Without encryptionAtRest, data, snapshots and backups sit unencrypted on Scaleway's disks.",
  remediation:
    "Set encryptionAtRest: true; turning it on for an existing instance may need a new instance, so plan the migration.",
  resourceTypes: [T.databaseInstance],
  check: ({ inputs }) => (inputs.encryptionAtRest === true ? undefined : "encryptionAtRest is not true."),
});

export const databaseBackupsEnabled = defineRule<InstanceInputs>({
  id: "scw-database-backups-enabled",
  severity: "mandatory",
  description: "Managed Database instances keep automatic backups.",
  why: "Without backups, a bad migration, a dropped table or a ransomware attack is unrecoverable.",
  remediation:
    "Remove disableBackup (or set it to false), and set backupScheduleFrequency and backupScheduleRetention.",
  resourceTypes: [T.databaseInstance],
  check: ({ inputs }) =>
    inputs.disableBackup === true ? "disableBackup is true: no automatic backup is taken." : undefined,
});

export const databaseBackupRetention = defineRule<InstanceInputs>({
  id: "scw-database-backup-retention",
  severity: "advisory",
  description: "Automatic database backups are kept at least the minimum retention (default 7 days).",
  why: "A short retention loses the backups you need before anyone notices data corruption.",
  remediation: "Set backupScheduleRetention to at least the configured minimum (minBackupRetentionDays).",
  resourceTypes: [T.databaseInstance],
  settings: ["minBackupRetentionDays"],
  check: ({ inputs }, { settings }) => {
    if (inputs.disableBackup === true) return undefined; // scw-database-backups-enabled says it
    const given = asNumber(inputs.backupScheduleRetention);
    const days = given ?? SCALEWAY_DEFAULT_RETENTION_DAYS;
    if (days >= settings.minBackupRetentionDays) return undefined;
    const what =
      given === undefined
        ? `backupScheduleRetention is unset (Scaleway keeps ${SCALEWAY_DEFAULT_RETENTION_DAYS} days)`
        : `backupScheduleRetention is ${days} days`;
    return `${what}, below the minimum of ${settings.minBackupRetentionDays} days.`;
  },
});

export const databaseHighAvailabilityInProduction = defineRule<InstanceInputs>({
  id: "scw-database-ha-in-production",
  severity: "mandatory",
  description: "Production Managed Database instances run as a high-availability cluster.",
  why: "A single node makes every maintenance, upgrade or hardware failure a production outage.",
  remediation:
    "Set isHaCluster: true on production instances (it recreates the instance: restore from a backup or migrate).",
  resourceTypes: [T.databaseInstance],
  environmentAware: true,
  check: ({ inputs }, { production }) =>
    production && inputs.isHaCluster !== true
      ? "isHaCluster is not true on a production instance: one node failure takes the database down."
      : undefined,
});

export const databaseBackupOffSite = defineRule<InstanceInputs>({
  id: "scw-database-backup-off-site-in-production",
  severity: "advisory",
  description: "Production database backups are kept in another region than the instance.",
  why: "Backups in the same region are lost with the region: they do not cover a regional outage or disaster.",
  remediation: "Leave backupSameRegion unset or false on production instances.",
  resourceTypes: [T.databaseInstance],
  environmentAware: true,
  check: ({ inputs }, { production }) =>
    production && inputs.backupSameRegion === true
      ? "backupSameRegion is true: backups stay in the instance's region."
      : undefined,
});

/** "PostgreSQL-15" → { family: "postgresql", major: 15 }. */
export function parseEngine(engine: string): { family: string; major: number } | undefined {
  const match = /^([a-z]+)-(\d+)/i.exec(engine.trim());
  if (!match) return undefined;
  return { family: match[1]!.toLowerCase(), major: Number(match[2]) };
}

export const databaseSupportedEngine = defineRule<InstanceInputs>({
  id: "scw-database-supported-engine",
  severity: "advisory",
  description: "Managed Databases run a recent engine (PostgreSQL ≥ 15, MySQL ≥ 8 by default).",
  why: "Old majors stop receiving security fixes and Scaleway eventually forces an upgrade at a time you do not choose.",
  remediation:
    "Upgrade engine to a supported major (e.g. PostgreSQL-17); the upgrade happens in place, test it on a copy first.",
  resourceTypes: [T.databaseInstance],
  settings: ["minPostgresVersion", "minMysqlVersion"],
  check: ({ inputs }, { settings }) => {
    const engine = asString(tryRead(() => inputs.engine));
    if (engine === undefined) return undefined; // restored from a snapshot: the engine comes with it
    const parsed = parseEngine(engine);
    if (!parsed) return `engine "${engine}" is not of the form PostgreSQL-<major> or MySQL-<major>.`;
    const minimum =
      parsed.family === "postgresql"
        ? settings.minPostgresVersion
        : parsed.family === "mysql"
          ? settings.minMysqlVersion
          : undefined;
    if (minimum === undefined || parsed.major >= minimum) return undefined;
    return `engine ${engine} is older than the minimum major version ${minimum}.`;
  },
});

export const databaseUserNotAdmin = defineRule<{ isAdmin: boolean }>({
  id: "scw-database-user-not-admin",
  severity: "advisory",
  description: "Extra database users are not administrators.",
  why: "Application users with admin rights can drop databases and create users: a leaked credential owns the instance.",
  remediation:
    "Set isAdmin: false and grant what the user needs with databases.Privilege (readonly or readwrite).",
  resourceTypes: [T.databaseUser],
  check: ({ inputs }) => (inputs.isAdmin === true ? "isAdmin is true." : undefined),
});
