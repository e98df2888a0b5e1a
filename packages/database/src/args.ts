import {
  commonArgsShape,
  formatCidr,
  isNetworkAddress,
  networkAddress,
  parseIpv4Cidr,
  regionFor,
} from "@scaleway-blocks/core";
import type { CommonArgs } from "@scaleway-blocks/core";
import { privateNetworkInputSchema } from "@scaleway-blocks/network";
import type { PrivateNetworkInput } from "@scaleway-blocks/network";
import { z } from "zod";

/** PostgreSQL majors offered by Managed Database for PostgreSQL (see the reference, §4.2). */
export const POSTGRES_ENGINES = ["PostgreSQL-15", "PostgreSQL-16", "PostgreSQL-17"] as const;
export type PostgresEngine = (typeof POSTGRES_ENGINES)[number];

/** RDB volume types: SBS block storage (5k or 15k IOPS) or local SSD (size tied to the node type). */
export const VOLUME_TYPES = ["sbs_5k", "sbs_15k", "lssd"] as const;

/**
 * IAM permission sets that let a principal connect to a Serverless SQL Database
 * (Scaleway docs, "How to manage user permissions for Serverless SQL Databases").
 */
export const SERVERLESS_PERMISSION_SETS = [
  "ServerlessSQLDatabaseReadWrite",
  "ServerlessSQLDatabaseReadOnly",
] as const;

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

/** A PostgreSQL user (role) name. */
export const userNameSchema = z
  .string()
  .min(1, "expected a non-empty user name")
  .max(SQL_NAME_MAX, `expected at most ${SQL_NAME_MAX} characters`)
  .regex(SQL_NAME, 'expected lowercase letters, digits, "_" and "-", starting with a letter')
  .refine((name) => name !== "postgres" && !name.startsWith("pg_") && !name.startsWith("rdb"), {
    message: 'expected a user name other than "postgres", "pg_*" and "rdb*" (reserved)',
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
  ownerPermission: z.enum(["all", "readwrite"]).default("all"),
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
  /** Required to allow 0.0.0.0/0 (the whole Internet). Default false. */
  allowFromAnywhere: z.boolean().default(false),
});

const backupsSchema = z.strictObject({
  /** Automatic backups. Default true; turning them off in production is possible but discouraged. */
  enabled: z.boolean().default(true),
  /** Hours between automatic backups. Default from the environment profile (24 h; 12 h in production). */
  frequencyHours: z
    .int()
    .min(1, "expected at least 1 hour")
    .max(168, "expected at most 168 hours")
    .optional(),
  /** Days a backup is kept. Default from the environment profile (7 days; 30 in production). */
  retentionDays: z.int().min(1, "expected at least 1 day").max(365, "expected at most 365 days").optional(),
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
    mode: z.literal("managed"),
    /** The private network the instance (and its read replica) attach to: a Network, or a private network id. */
    network: privateNetworkInputSchema,
    /** Which private network of a Network to use; default its first one. Ignored for an id. */
    privateNetworkName: z.string().min(1).optional(),
    /** PostgreSQL major. Default PostgreSQL-17. A change upgrades in place (blue/green, see README). */
    engine: z.enum(POSTGRES_ENGINES).default("PostgreSQL-17"),
    /** Node type, e.g. DB-DEV-S, DB-PRO2-XXS. Default from the environment profile. Changes upgrade in place. */
    nodeType: z
      .string()
      .regex(/^db-[a-z0-9]+(?:-[a-z0-9]+)+$/i, "expected a Managed Database node type such as DB-DEV-S")
      .optional(),
    /**
     * A main node plus a hot standby. Default from the profile (production: true).
     * **Changing it RECREATES the instance** (a new, empty instance: restore from a backup).
     */
    highAvailability: z.boolean().optional(),
    /**
     * The instance's admin user. Default "admin".
     * **Changing it RECREATES the instance** (a new, empty instance: restore from a backup).
     */
    userName: userNameSchema.default("admin"),
    /** Volume type. Default sbs_5k. lssd sizes come with the node type (no volumeSizeInGb). */
    volumeType: z.enum(VOLUME_TYPES).default("sbs_5k"),
    /** Volume size in GB for sbs_* volumes. Default from the profile (10/20/50). It can grow, not shrink. */
    volumeSizeInGb: z.int().min(5, "expected at least 5 GB").optional(),
    backups: backupsSchema.optional(),
    /** Engine settings applied to the running instance, e.g. { max_connections: "200" }. */
    settings: engineSettingsSchema.optional(),
    /** Engine settings applied only when the instance is created (e.g. shared_preload_libraries). */
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
    if (args.volumeType === "lssd" && args.volumeSizeInGb !== undefined) {
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
      cidrs.forEach((cidr, i) => {
        if (cidr?.endsWith("/0")) {
          ctx.addIssue({
            code: "custom",
            path: ["publicEndpoint", "allowedCidrs", i],
            message:
              "expected a CIDR narrower than /0; set publicEndpoint.allowFromAnywhere to open to the Internet",
          });
        }
      });
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
    });
  });

export const serverlessDatabaseArgsSchema = z
  .strictObject({
    ...commonArgsShape,
    /** Serverless SQL Database is offered in fr-par only; any other region is refused. */
    region: regionFor("serverlessSqlDatabase").default("fr-par"),
    mode: z.literal("serverless"),
    /**
     * The database's name (also the Postgres database name in the connection string).
     * Default: the component's Scaleway name. **Changing it RECREATES the database.**
     */
    databaseName: databaseNameSchema.optional(),
    /** Minimum vCPUs kept while active; 0 lets it go idle (no compute billed). Default 0. */
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
          permissionSet: z.enum(SERVERLESS_PERMISSION_SETS).default("ServerlessSQLDatabaseReadWrite"),
          /** RFC 3339 expiry of the API key; a change replaces the key. Default: no expiry. */
          apiKeyExpiresAt: z.iso.datetime({ offset: true }).optional(),
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
  /** The database's name as clients see it: lowercase letters, digits, "_" and "-". Renaming it replaces the database. */
  name: string;
  /** The user that owns it. Default: the database's name. Renaming it replaces the user and its password secret. */
  owner?: string;
  /**
   * The owner's permission. Default "all": Scaleway's "readwrite" reads and writes rows but cannot create
   * tables or schemas, which migrations need.
   */
  ownerPermission?: "all" | "readwrite";
  /** Extra users with permission "readonly" on this database only, each with its own password secret. */
  readOnlyUsers?: string[];
}

/** The args of a managed PostgreSQL instance (RDB) on a private network. */
export interface ManagedDatabaseArgs extends CommonArgs {
  mode: "managed";
  /** The private network to join: a `Network` (same region), or the id of an existing private network. */
  network: PrivateNetworkInput;
  /** Which private network of a `Network` to join. Default: its first. Not allowed with an id. */
  privateNetworkName?: string;
  /** PostgreSQL major. Default "PostgreSQL-17". A change runs a blue/green major upgrade (see README). */
  engine?: PostgresEngine;
  /** Node type such as "DB-DEV-S" or "DB-PRO2-XXS". Default: the environment profile's. Upgrades in place. */
  nodeType?: string;
  /**
   * A main node plus a hot standby. Default: the profile's (on in production).
   * **Changing it RECREATES the instance**: a new, empty instance (restore from a backup).
   */
  highAvailability?: boolean;
  /**
   * The admin user created with the instance. Default "admin".
   * **Changing it RECREATES the instance**: a new, empty instance (restore from a backup).
   */
  userName?: string;
  /** Default "sbs_5k". With "lssd" the size comes with the node type. */
  volumeType?: (typeof VOLUME_TYPES)[number];
  /** Volume size in GB (sbs_* only), at least 5. Default: the profile's (10, 20, 50). Grows, never shrinks. */
  volumeSizeInGb?: number;
  /** Automatic backups. Default: on, with the profile's frequency, retention and region. */
  backups?: {
    /** Default true. */
    enabled?: boolean;
    /** Hours between backups, 1–168. Default: the profile's (24; 12 in production). */
    frequencyHours?: number;
    /** Days a backup is kept, 1–365. Default: the profile's (7; 30 in production). */
    retentionDays?: number;
    /** Keep backups in another region than the instance. Default: the profile's (production: true). */
    inAnotherRegion?: boolean;
  };
  /** Engine settings on the running instance, as strings, e.g. { max_connections: "200" }. */
  settings?: Record<string, string>;
  /** Engine settings applied only when the instance is created (e.g. shared_preload_libraries). */
  initSettings?: Record<string, string>;
  /** A public endpoint. Default: none (private network only). */
  publicEndpoint?: {
    /** IPv4 CIDRs allowed in (IPv6 is not supported), all held by one ACL. */
    allowedCidrs: string[];
    /** Required to allow 0.0.0.0/0. Default false. */
    allowFromAnywhere?: boolean;
  };
  /** The logical databases, at least one. */
  databases: LogicalDatabaseSpec[];
  /** A read replica on the same private network. Default false. */
  readReplica?: boolean | { /** Default false (another zone than the main node). */ sameZone?: boolean };
  /** Pulumi `protect` on the instance and logical databases, and secret protection. Default: the profile's (production: true). */
  protect?: boolean;
}

/** The args of a Serverless SQL Database (fr-par only). */
export interface ServerlessDatabaseArgs extends CommonArgs {
  mode: "serverless";
  /** Serverless SQL Database is offered in fr-par only; any other region is a ConfigError. */
  region?: "fr-par";
  /** The database's name. Default: `<project>-<environment>-<name>`. **Changing it RECREATES the database.** */
  databaseName?: string;
  /** Minimum vCPUs while active, 0–15. Default 0 (idles without compute charges). */
  minCpu?: number;
  /** Maximum vCPUs, 1–15: the cost ceiling. Default 4 (the provider's default is 15). */
  maxCpu?: number;
  /**
   * Create an IAM application, a policy with the permission set on the database's project, an API key,
   * and put the key and the connection string in Secret Manager. Default false.
   */
  iamAccess?:
    | boolean
    | {
        /** Default "ServerlessSQLDatabaseReadWrite". */
        permissionSet?: (typeof SERVERLESS_PERMISSION_SETS)[number];
        /** RFC 3339 expiry of the API key; a change replaces the key. Default: none. */
        apiKeyExpiresAt?: string;
      };
  /** Pulumi `protect` on the database, and secret protection. Default: the profile's (production: true). */
  protect?: boolean;
}

/** `Database` args: `mode: "managed"` (RDB instance) or `mode: "serverless"` (Serverless SQL, fr-par only). */
export type DatabaseArgs = ManagedDatabaseArgs | ServerlessDatabaseArgs;

export type ParsedDatabaseArgs = z.output<typeof databaseArgsSchema>;
export type ParsedManagedArgs = z.output<typeof managedDatabaseArgsSchema>;
export type ParsedServerlessArgs = z.output<typeof serverlessDatabaseArgsSchema>;

// The documented interfaces and the schemas must accept the same args.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _managedArgsMatchSchema: Same<ManagedDatabaseArgs, z.input<typeof managedDatabaseArgsSchema>> = true;
const _serverlessArgsMatchSchema: Same<
  ServerlessDatabaseArgs,
  z.input<typeof serverlessDatabaseArgsSchema>
> = true;
void _managedArgsMatchSchema;
void _serverlessArgsMatchSchema;
