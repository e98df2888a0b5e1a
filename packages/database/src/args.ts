import { regionFor } from "@scaleway-blocks/core";
import {
  commonArgsShape,
  coversPublicInternet,
  formatCidr,
  isNetworkAddress,
  networkAddress,
  parseIpv4Cidr,
} from "@scaleway-blocks/core/internal";
import type { CommonArgs, Ipv4Cidr } from "@scaleway-blocks/core";
import type { AssertSameShape } from "@scaleway-blocks/core/internal";
import { identityApiKeySchema } from "@scaleway-blocks/identity";
import type { IdentityApiKeyArgs } from "@scaleway-blocks/identity";
import { privateNetworkInputSchema } from "@scaleway-blocks/network";
import type { PrivateNetworkInput } from "@scaleway-blocks/network";
import { z } from "zod";
import { secretKeyFor } from "./internal/keys";

/** How a `Database` runs: a managed RDB instance, or Serverless SQL Database (fr-par only). */
export const DatabaseMode = { Managed: "managed", Serverless: "serverless" } as const;
export type DatabaseMode = (typeof DatabaseMode)[keyof typeof DatabaseMode];

/** PostgreSQL majors offered by Managed Database for PostgreSQL (see the reference, §4.2). */
export const PostgresEngine = {
  PostgreSQL15: "PostgreSQL-15",
  PostgreSQL16: "PostgreSQL-16",
  PostgreSQL17: "PostgreSQL-17",
} as const;
export type PostgresEngine = (typeof PostgresEngine)[keyof typeof PostgresEngine];
/** Every value of `PostgresEngine`, oldest first. */
export const POSTGRES_ENGINES: readonly PostgresEngine[] = Object.values(PostgresEngine);

/** RDB volume types: SBS block storage (5k or 15k IOPS) or local SSD (size tied to the node type). */
export const VolumeType = { Sbs5k: "sbs_5k", Sbs15k: "sbs_15k", Lssd: "lssd" } as const;
export type VolumeType = (typeof VolumeType)[keyof typeof VolumeType];
/** Every value of `VolumeType`. */
export const VOLUME_TYPES: readonly VolumeType[] = Object.values(VolumeType);

/**
 * A logical database owner's permission (`scaleway.databases.Privilege` `permission`): "all" can
 * create tables and schemas, "readwrite" only reads and writes rows.
 */
export const OwnerPermission = { All: "all", ReadWrite: "readwrite" } as const;
export type OwnerPermission = (typeof OwnerPermission)[keyof typeof OwnerPermission];

/**
 * IAM permission sets that let a principal connect to a Serverless SQL Database
 * (Scaleway docs, "How to manage user permissions for Serverless SQL Databases").
 */
export const ServerlessPermissionSet = {
  ReadWrite: "ServerlessSQLDatabaseReadWrite",
  ReadOnly: "ServerlessSQLDatabaseReadOnly",
} as const;
export type ServerlessPermissionSet = (typeof ServerlessPermissionSet)[keyof typeof ServerlessPermissionSet];
/** Every value of `ServerlessPermissionSet`. */
export const SERVERLESS_PERMISSION_SETS: readonly ServerlessPermissionSet[] =
  Object.values(ServerlessPermissionSet);

/** Names that end up unescaped in a postgres:// URL: letters, digits, "_" and "-", starting with a letter. */
const SQL_NAME = /^[a-z][a-z0-9_-]*$/;
const SQL_NAME_MAX = 63;

/** A logical database name. */
export const databaseNameSchema = z
  .string()
  .min(1, "expected a non-empty database name")
  .max(SQL_NAME_MAX, `expected at most ${SQL_NAME_MAX} characters`)
  .regex(SQL_NAME, 'expected lowercase letters, digits, "_" and "-", starting with a letter')
  .refine((name) => name !== "postgres" && !name.startsWith("template") && !name.startsWith("rdb"), {
    message: 'expected a database name other than "postgres", "template*" and "rdb*" (reserved)',
  });

/**
 * Role names PostgreSQL refuses in CREATE ROLE: "pg_*" ("Role names starting with \"pg_\" are
 * reserved", since 9.6), and "public" and "none" ("role name \"public\" is reserved", gram.y RoleId,
 * quoted or not). "postgres" and "rdb*" are the block's own rules (the default superuser, and
 * Scaleway's internal names such as `_rdb_superadmin` seen in the provider's cassettes).
 */
const RESERVED_ROLE_NAMES = new Set(["postgres", "public", "none"]);

/** Why PostgreSQL or Scaleway would refuse a role name; undefined when it is accepted. */
export function reservedUserNameProblem(name: string): string | undefined {
  if (RESERVED_ROLE_NAMES.has(name) || name.startsWith("pg_") || name.startsWith("rdb")) {
    return 'expected a user name other than "postgres", "public", "none", "pg_*" and "rdb*" (reserved)';
  }
  return undefined;
}

/** A PostgreSQL user (role) name. */
export const userNameSchema = z
  .string()
  .min(1, "expected a non-empty user name")
  .max(SQL_NAME_MAX, `expected at most ${SQL_NAME_MAX} characters`)
  .regex(SQL_NAME, 'expected lowercase letters, digits, "_" and "-", starting with a letter')
  .superRefine((name, ctx) => {
    const problem = reservedUserNameProblem(name);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** Engine settings, passed to PostgreSQL as strings (e.g. { max_connections: "200" }). */
export const engineSettingsSchema = z.record(
  z.string().regex(/^[a-z][a-z0-9_.]*$/, "expected a PostgreSQL setting name (e.g. max_connections)"),
  z.string({ error: 'expected a string value (engine settings are strings, e.g. "200")' }),
);

const logicalDatabaseSchema = z.strictObject({
  /** The logical database's name, as clients see it in the connection string. */
  name: databaseNameSchema,
  /**
   * The user that owns this database. Default: the database's name.
   * Changing it creates a new user (and a new password secret) and deletes the old one.
   */
  owner: userNameSchema.optional(),
  /**
   * The owner's permission on its database. Default "all": Scaleway's "Read/Write" lets a user
   * read and write rows but not create tables or schemas, which migrations need; "All" adds that.
   */
  ownerPermission: z.enum(OwnerPermission).default(OwnerPermission.All),
  /** Extra users with permission "readonly" on this database only, each with its own password secret. */
  readOnlyUsers: z.array(userNameSchema).default([]),
});

const publicEndpointSchema = z.strictObject({
  /**
   * IPv4 CIDRs allowed to reach the public endpoint (Scaleway ACLs are IPv4 only).
   * One `databases.Acl` holds them all: it replaces every rule on the instance.
   */
  allowedCidrs: z
    .array(z.cidrv4({ error: "expected an IPv4 CIDR such as 203.0.113.0/24 (IPv6 is not supported)" }))
    .min(1, "expected at least one IPv4 CIDR"),
  /**
   * Required to allow the whole Internet: 0.0.0.0/0, or ranges that together cover every public
   * IPv4 address (such as 0.0.0.0/1 with 128.0.0.0/1). Default false.
   */
  allowFromAnywhere: z.boolean().default(false),
});

/**
 * The block's bounds on numbers Scaleway takes without a documented limit. The provider validates
 * none of them (terraform-provider-scaleway v2.79.0 internal/services/rdb/instance.go:
 * `backup_schedule_frequency`, `backup_schedule_retention` and `volume_size_in_gb` have no bound
 * but the last's `validation.IntDivisibleBy(5)`), so these are ceilings of the block: a week
 * between backups, a year of retention, 10 TB of volume.
 */
export const DATABASE_LIMITS = {
  backupFrequencyHours: { min: 1, max: 168 },
  backupRetentionDays: { min: 1, max: 365 },
  /**
   * GB, in steps of 5: `volume_size_in_gb` has `validation.IntDivisibleBy(5)` and its update says
   * "volume_size_in_gb must be a multiple of 5" (instance.go); 5 GB sbs_5k volumes appear in the
   * provider's cassettes (e.g. rdb/testdata/instance-volume.cassette.yaml, `"size":5000000000`).
   */
  volumeSizeInGb: { min: 5, max: 10_000, step: 5 },
} as const;

const backupsSchema = z.strictObject({
  /** Automatic backups. Default true; turning them off in production is possible but discouraged. */
  enabled: z.boolean().default(true),
  /** Hours between automatic backups, 1–168. Default from the environment profile (24 h; 12 h in production). */
  frequencyHours: z
    .int()
    .min(DATABASE_LIMITS.backupFrequencyHours.min, "expected at least 1 hour")
    .max(DATABASE_LIMITS.backupFrequencyHours.max, "expected at most 168 hours (a week)")
    .optional(),
  /** Days a backup is kept, 1–365. Default from the environment profile (7 days; 30 in production). */
  retentionDays: z
    .int()
    .min(DATABASE_LIMITS.backupRetentionDays.min, "expected at least 1 day")
    .max(DATABASE_LIMITS.backupRetentionDays.max, "expected at most 365 days")
    .optional(),
  /** Keep backups in another region than the instance. Default from the profile (production: true). */
  inAnotherRegion: z.boolean().optional(),
});

const readReplicaSchema = z.strictObject({
  /** Create the replica in the same zone as the main node. Default false (another zone). */
  sameZone: z.boolean().default(false),
});

export const managedDatabaseArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    mode: z.literal(DatabaseMode.Managed),
    /** The private network the instance (and its read replica) attach to: a Network, or a private network id. */
    network: privateNetworkInputSchema,
    /** Which private network of a Network to use; default its first one. Ignored for an id. */
    privateNetworkName: z.string().min(1).optional(),
    /** PostgreSQL major. Default PostgreSQL-17. A change upgrades in place (blue/green, see README). */
    engine: z.enum(PostgresEngine).default(PostgresEngine.PostgreSQL17),
    /** Node type, e.g. DB-DEV-S, DB-PRO2-XXS. Default from the environment profile. Changes upgrade in place. */
    nodeType: z
      .string()
      .regex(/^db-[a-z0-9]+(?:-[a-z0-9]+)+$/i, "expected a Managed Database node type such as DB-DEV-S")
      .optional(),
    /**
     * A main node plus a hot standby. Default from the profile (production: true).
     * Turning it on upgrades the instance in place; Scaleway cannot turn it off again (see README).
     */
    highAvailability: z.boolean().optional(),
    /**
     * The instance's admin user. Default "admin".
     * **Changing it RECREATES the instance** (a new, empty instance: restore from a backup).
     */
    userName: userNameSchema.default("admin"),
    /** Volume type. Default sbs_5k. lssd sizes come with the node type (no volumeSizeInGb). */
    volumeType: z.enum(VolumeType).default(VolumeType.Sbs5k),
    /** Volume size in GB for sbs_* volumes, 5–10000 in steps of 5. Default from the profile (10/20/50). It can grow, not shrink. */
    volumeSizeInGb: z
      .int()
      .min(DATABASE_LIMITS.volumeSizeInGb.min, "expected at least 5 GB")
      .max(DATABASE_LIMITS.volumeSizeInGb.max, "expected at most 10000 GB")
      .refine(
        (size) =>
          size < DATABASE_LIMITS.volumeSizeInGb.min || size % DATABASE_LIMITS.volumeSizeInGb.step === 0,
        {
          message: "expected a multiple of 5 GB (Scaleway sizes volumes in steps of 5 GB)",
        },
      )
      .optional(),
    backups: backupsSchema.optional(),
    /** Engine settings applied to the running instance, e.g. { max_connections: "200" }. */
    settings: engineSettingsSchema.optional(),
    /**
     * Engine settings applied only when the instance is created (e.g. shared_preload_libraries).
     * **Changing them RECREATES the instance** (`init_settings` is ForceNew).
     */
    initSettings: engineSettingsSchema.optional(),
    /** No public endpoint unless given: then a load-balancer endpoint restricted by one ACL. */
    publicEndpoint: publicEndpointSchema.optional(),
    /** The logical databases, each with its own owner user and password secret. */
    databases: z.array(logicalDatabaseSchema).min(1, "expected at least one logical database"),
    /** A read replica on the same private network. `true` for the defaults. */
    readReplica: z.union([z.boolean(), readReplicaSchema]).default(false),
    /** Pulumi `protect` on the instance and the logical databases. Default: the profile's deletionProtection. */
    protect: z.boolean().optional(),
  })
  .superRefine((args, ctx) => {
    if (args.volumeType === VolumeType.Lssd && args.volumeSizeInGb !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["volumeSizeInGb"],
        message: "expected no volumeSizeInGb with volumeType lssd (its size comes with the node type)",
      });
    }
    // Format errors do not stop refinements: look only at CIDRs the format check accepted.
    const cidrs = (args.publicEndpoint?.allowedCidrs ?? []).map((cidr) =>
      z.cidrv4().safeParse(cidr).success ? cidr : undefined,
    );
    cidrs.forEach((cidr, i) => {
      const parsed = cidr === undefined ? undefined : parseIpv4Cidr(cidr);
      if (!parsed || isNetworkAddress(parsed)) return;
      const network = formatCidr({ ...parsed, address: networkAddress(parsed) });
      ctx.addIssue({
        code: "custom",
        path: ["publicEndpoint", "allowedCidrs", i],
        message: `expected a network address with the host bits at zero, e.g. "${network}"`,
      });
    });
    if (args.publicEndpoint && !args.publicEndpoint.allowFromAnywhere) {
      const ranges = cidrs.map((cidr) => (cidr === undefined ? undefined : parseIpv4Cidr(cidr)));
      const wholeInternet = ranges.findIndex((range) => range !== undefined && coversPublicInternet([range]));
      const valid = ranges.filter((range): range is Ipv4Cidr => range !== undefined);
      if (wholeInternet >= 0) {
        ctx.addIssue({
          code: "custom",
          path: ["publicEndpoint", "allowedCidrs", wholeInternet],
          message:
            "expected a CIDR that leaves out part of the Internet; set publicEndpoint.allowFromAnywhere to open to the Internet",
        });
      } else if (coversPublicInternet(valid)) {
        ctx.addIssue({
          code: "custom",
          path: ["publicEndpoint", "allowedCidrs"],
          message:
            "expected ranges that leave out part of the Internet (together these cover every public IPv4 address); set publicEndpoint.allowFromAnywhere to open to the Internet",
        });
      }
    }
    const databaseNames = new Set<string>();
    args.databases.forEach((db, i) => {
      if (databaseNames.has(db.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["databases", i, "name"],
          message: "expected a unique database name",
        });
      }
      databaseNames.add(db.name);
    });
    // Users are instance-wide: every name may appear once (the admin, owners, read-only users).
    const users = new Map<string, string>([[args.userName, "userName"]]);
    const claim = (user: string, path: (string | number)[]) => {
      const holder = users.get(user);
      if (holder !== undefined) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `expected a user name not already used (by ${holder}); each database has its own users`,
        });
      } else {
        users.set(user, path.join("."));
      }
    };
    args.databases.forEach((db, i) => {
      claim(db.owner ?? db.name, ["databases", i, db.owner === undefined ? "name" : "owner"]);
      db.readOnlyUsers.forEach((user, j) => claim(user, ["databases", i, "readOnlyUsers", j]));
      // The owner defaults to the database's name, which must then be a name PostgreSQL accepts for a role.
      if (db.owner === undefined && SQL_NAME.test(db.name) && reservedUserNameProblem(db.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["databases", i, "name"],
          message: `expected a database name PostgreSQL accepts as the role name of its default owner (not "postgres", "public", "none", "pg_*" or "rdb*"), or an explicit databases[${i}].owner`,
        });
      }
    });
    // Every user's password and connection string live under a secret key derived from its name:
    // two names must not share one, or one user's connection string would be another's.
    const keys = new Map<string, string>([[secretKeyFor(args.userName), args.userName]]);
    const claimKey = (user: string, path: (string | number)[]) => {
      const key = secretKeyFor(user);
      const holder = keys.get(key);
      if (holder !== undefined && holder !== user) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `expected a user name whose secret key differs from that of user "${holder}" (both give "${key}"); rename one`,
        });
      } else {
        keys.set(key, user);
      }
    };
    args.databases.forEach((db, i) => {
      claimKey(db.owner ?? db.name, ["databases", i, db.owner === undefined ? "name" : "owner"]);
      db.readOnlyUsers.forEach((user, j) => claimKey(user, ["databases", i, "readOnlyUsers", j]));
    });
  });

export const serverlessDatabaseArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /** Serverless SQL Database is offered in fr-par only; any other region is refused. */
    region: regionFor("serverlessSqlDatabase").default("fr-par"),
    mode: z.literal(DatabaseMode.Serverless),
    /**
     * The database's name (also the Postgres database name in the connection string).
     * Default: the component's Scaleway name. **Changing it RECREATES the database.**
     */
    databaseName: databaseNameSchema.optional(),
    /**
     * Minimum vCPUs kept while active; 0 lets it go idle (no compute billed). Default 0.
     * 0–15 vCPUs: Scaleway docs, "Serverless SQL Databases overview", technical specifications.
     */
    minCpu: z.int().min(0, "expected 0 to 15 vCPUs").max(15, "expected 0 to 15 vCPUs").default(0),
    /** Autoscaling ceiling, and so the cost ceiling. Default 4 (the provider's default is 15). */
    maxCpu: z.int().min(1, "expected 1 to 15 vCPUs").max(15, "expected 1 to 15 vCPUs").default(4),
    /**
     * Create an IAM application, a policy with the permission set on this project, an API key,
     * and put the key and the connection string in Secret Manager. Default false.
     */
    iamAccess: z
      .union([
        z.boolean(),
        z.strictObject({
          permissionSet: z.enum(ServerlessPermissionSet).default(ServerlessPermissionSet.ReadWrite),
          /** The API key's expiry, a date or a rotation (not both): Identity's own rule. */
          apiKey: identityApiKeySchema.optional(),
        }),
      ])
      .default(false),
    /** Pulumi `protect` on the Serverless SQL Database. Default: the profile's deletionProtection. */
    protect: z.boolean().optional(),
  })
  .superRefine((args, ctx) => {
    if (args.minCpu > args.maxCpu) {
      ctx.addIssue({
        code: "custom",
        path: ["minCpu"],
        message: `expected minCpu ≤ maxCpu (${args.maxCpu})`,
      });
    }
  });

export const databaseArgsSchema = z.discriminatedUnion(
  "mode",
  [managedDatabaseArgsSchema, serverlessDatabaseArgsSchema],
  { error: () => 'expected mode "managed" (RDB instance) or "serverless" (Serverless SQL, fr-par only)' },
);

/** The logical database entry of a managed `Database`. */
export interface LogicalDatabaseSpec {
  /**
   * The database's name as clients see it in the connection string: lowercase letters, digits, "_"
   * and "-", starting with a letter, at most 63 characters; not "postgres", "template*" or "rdb*".
   * **Changing it RECREATES the database** (`scaleway.databases.Database` `name` is ForceNew): a new,
   * empty database.
   */
  name: string;
  /**
   * The user that owns it. Changing it creates a new user (and a new password secret) and deletes the old one.
   * @default the database's `name`
   */
  owner?: string;
  /**
   * The owner's permission on its database: `OwnerPermission.All` lets migrations create tables and
   * schemas; Scaleway's "readwrite" reads and writes rows but cannot.
   * @default "all"
   */
  ownerPermission?: OwnerPermission;
  /**
   * Extra users with permission "readonly" on this database only, each with its own password secret.
   * @default []
   */
  readOnlyUsers?: string[];
}

/** Automatic backups of a managed instance. */
export interface BackupsArgs {
  /**
   * Automatic backups; turning them off in production is possible but discouraged.
   * @default true
   */
  enabled?: boolean;
  /**
   * Hours between automatic backups, 1–168.
   * @default dev: 24, staging: 24, production: 12
   */
  frequencyHours?: number;
  /**
   * Days a backup is kept, 1–365.
   * @default dev: 7, staging: 7, production: 30
   */
  retentionDays?: number;
  /**
   * Keep backups in another region than the instance (it survives the loss of the region).
   * @default dev: false, staging: false, production: true
   */
  inAnotherRegion?: boolean;
}

/** A public endpoint of a managed instance: a load-balancer endpoint restricted by one ACL. */
export interface PublicEndpointArgs {
  /**
   * IPv4 CIDRs allowed in, network addresses with the host bits at zero (Scaleway ACLs are IPv4 only),
   * at least one. One `databases.Acl` holds them all: it replaces every rule on the instance.
   */
  allowedCidrs: string[];
  /**
   * Required to allow the whole Internet: 0.0.0.0/0, or ranges that together cover every public IPv4
   * address (such as 0.0.0.0/1 with 128.0.0.0/1).
   * @default false
   */
  allowFromAnywhere?: boolean;
}

/** A read replica of a managed instance, on the same private network. */
export interface ReadReplicaArgs {
  /**
   * Create the replica in the same zone as the main node. Changing it recreates the replica
   * (`same_zone` is ForceNew); the main node's data is untouched.
   * @default false (another zone)
   */
  sameZone?: boolean;
}

/** The args of a managed PostgreSQL instance (RDB) on a private network. */
export interface ManagedDatabaseArgs extends CommonArgs {
  /** "managed" (`DatabaseMode.Managed`): a Managed Database for PostgreSQL instance. */
  mode: "managed";
  /**
   * The private network the instance (and its read replica) attach to: a `Network` of the same
   * region, or the id of an existing private network (a string or an Output of one).
   */
  network: PrivateNetworkInput;
  /**
   * Which private network of a `Network` to join. Not allowed with a private network id.
   * @default the Network's first private network
   */
  privateNetworkName?: string;
  /**
   * PostgreSQL major. A change runs a blue/green major upgrade with automatic endpoint migration
   * (the provider's `engine` description; see README).
   * @default "PostgreSQL-17"
   */
  engine?: PostgresEngine;
  /**
   * Node type such as "DB-DEV-S" or "DB-PRO2-XXS". A change upgrades the instance in place.
   * @default dev: "DB-DEV-S", staging: "DB-DEV-M", production: "DB-PRO2-XXS"
   */
  nodeType?: string;
  /**
   * A main node plus a hot standby. Turning it on upgrades the instance in place; Scaleway refuses to
   * turn it off (see README).
   * @default dev: false, staging: false, production: true
   */
  highAvailability?: boolean;
  /**
   * The admin user created with the instance.
   * **Changing it RECREATES the instance** (`user_name` is ForceNew): a new, empty instance (restore from a backup).
   * @default "admin"
   */
  userName?: string;
  /**
   * The volume type: SBS block storage (`VolumeType.Sbs5k`, `Sbs15k`) or local SSD (`Lssd`, whose size
   * comes with the node type).
   * @default "sbs_5k"
   */
  volumeType?: VolumeType;
  /**
   * Volume size in GB (sbs_* only), 5–10000 in steps of 5. It can grow, never shrink.
   * @default dev: 10, staging: 20, production: 50 (none with lssd)
   */
  volumeSizeInGb?: number;
  /**
   * Automatic backups.
   * @default on, with the environment's frequency, retention and region (see `BackupsArgs`)
   */
  backups?: BackupsArgs;
  /**
   * Engine settings applied to the running instance, as strings, e.g. { max_connections: "200" }.
   * @default {} (Scaleway's defaults for the node type)
   */
  settings?: Record<string, string>;
  /**
   * Engine settings applied only when the instance is created (e.g. shared_preload_libraries).
   * **Changing them RECREATES the instance** (`init_settings` is ForceNew): a new, empty instance
   * (restore from a backup).
   * @default {}
   */
  initSettings?: Record<string, string>;
  /**
   * A public endpoint restricted by one ACL.
   * @default none (private network only)
   */
  publicEndpoint?: PublicEndpointArgs;
  /** The logical databases, at least one, each with its own owner user and password secret. */
  databases: LogicalDatabaseSpec[];
  /**
   * A read replica on the same private network; `true` for the defaults of `ReadReplicaArgs`.
   * @default false
   */
  readReplica?: boolean | ReadReplicaArgs;
  /**
   * Pulumi `protect` on the instance and the logical databases, and Secret Manager protection of
   * their secrets; it overrides the component's `protect` option.
   * @default the component's `protect` option, else dev: false, staging: false, production: true
   */
  protect?: boolean;
}

/** IAM credentials to connect to a Serverless SQL Database. */
export interface IamAccessArgs {
  /**
   * The permission set the IAM application gets on the database's project.
   * @default "ServerlessSQLDatabaseReadWrite"
   */
  permissionSet?: ServerlessPermissionSet;
  /**
   * The API key's expiry: a fixed date (`expiresAt`) or a rotation (`rotation`), as an `Identity`'s
   * `apiKey` takes it. A new expiry replaces the key (create-before-delete).
   * @default a key rotating with `DEFAULT_KEY_ROTATION` from @scaleway-blocks/core: 90-day keys, a new one every 30 days
   */
  apiKey?: IdentityApiKeyArgs;
}

/** The args of a Serverless SQL Database (fr-par only). */
export interface ServerlessDatabaseArgs extends CommonArgs {
  /** "serverless" (`DatabaseMode.Serverless`): a Serverless SQL Database. */
  mode: "serverless";
  /**
   * Serverless SQL Database is offered in fr-par only; any other region is a ConfigError.
   * **Changing it RECREATES the database.**
   * @default "fr-par"
   */
  region?: "fr-par";
  /**
   * The database's name, also the PostgreSQL database name in the connection string.
   * **Changing it RECREATES the database** (`name` is ForceNew): a new, empty database.
   * @default the component's Scaleway name, `<project>-<environment>-<name>`
   */
  databaseName?: string;
  /**
   * Minimum vCPUs kept while active, 0–15 (Scaleway docs, "Serverless SQL Databases overview",
   * technical specifications); 0 lets it go idle without compute charges.
   * @default 0
   */
  minCpu?: number;
  /**
   * Maximum vCPUs, 1–15, at least `minCpu`: the autoscaling ceiling, and so the cost ceiling.
   * @default 4 (the provider's default is 15)
   */
  maxCpu?: number;
  /**
   * Create an IAM application, a policy with the permission set on the database's project, an API key,
   * and put the key and the connection string in Secret Manager; `true` for the defaults of `IamAccessArgs`.
   * @default false
   */
  iamAccess?: boolean | IamAccessArgs;
  /**
   * Pulumi `protect` on the database, and Secret Manager protection of its secrets; it overrides the
   * component's `protect` option.
   * @default the component's `protect` option, else dev: false, staging: false, production: true
   */
  protect?: boolean;
}

/** `Database` args: `mode: "managed"` (RDB instance) or `mode: "serverless"` (Serverless SQL, fr-par only). */
export type DatabaseArgs = ManagedDatabaseArgs | ServerlessDatabaseArgs;

export type ParsedDatabaseArgs = z.output<typeof databaseArgsSchema>;
export type ParsedManagedArgs = z.output<typeof managedDatabaseArgsSchema>;
export type ParsedServerlessArgs = z.output<typeof serverlessDatabaseArgsSchema>;

// The documented interfaces and the schemas accept the same args: a missing or mistyped field fails tsc.
const _managedArgsMatchSchema: AssertSameShape<
  ManagedDatabaseArgs,
  z.input<typeof managedDatabaseArgsSchema>
> = true;
const _serverlessArgsMatchSchema: AssertSameShape<
  ServerlessDatabaseArgs,
  z.input<typeof serverlessDatabaseArgsSchema>
> = true;
void _managedArgsMatchSchema;
void _serverlessArgsMatchSchema;
