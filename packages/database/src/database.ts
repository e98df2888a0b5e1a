import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import { ConfigError } from "@scaleway-blocks/core";
import {
  BLOCK_TYPES,
  blockContext,
  describeReceived,
  parseArgs,
  resolveProtection,
  sanitizeSegment,
} from "@scaleway-blocks/core/internal";
import type { Grantee, Protection } from "@scaleway-blocks/core";
import type { BlockContext } from "@scaleway-blocks/core/internal";
import { Identity } from "@scaleway-blocks/identity";
import { privateNetworkIdOf } from "@scaleway-blocks/network";
import { Secrets } from "@scaleway-blocks/secrets";
import type { SecretReference, SecretsArgs } from "@scaleway-blocks/secrets";
import { databaseArgsSchema, databaseNameSchema } from "./args";
import type { DatabaseArgs, ParsedManagedArgs, ParsedServerlessArgs } from "./args";
import { secretKeyFor } from "./internal/keys";
import { requireTls } from "./tls";

/** The PostgreSQL port of Managed Database and Serverless SQL endpoints. */
const POSTGRES_PORT = 5432;

/** What to do when an endpoint has no address yet (terraform-provider-scaleway issue #3979). */
const EMPTY_ENDPOINT_ADVICE =
  "the provider can return an endpoint without an address on the first apply (terraform-provider-scaleway " +
  "issue #3979); no connection string was written: run `pulumi up --refresh` once the resource is ready";

type SecretSpecs = SecretsArgs["secrets"];

/** What `grantConnect` gives: read and write (the default), or read only. */
export const ConnectAccess = {
  ReadWrite: "readwrite",
  ReadOnly: "readonly",
} as const;
export type ConnectAccess = (typeof ConnectAccess)[keyof typeof ConnectAccess];

/** The options of `Database.grantConnect`. */
export interface GrantConnectOptions {
  /**
   * Serverless: the permission set, ServerlessSQLDatabaseReadWrite or ServerlessSQLDatabaseReadOnly.
   * Managed: no effect (the connection strings carry their users' own privileges).
   * @default "readwrite"
   */
  access?: ConnectAccess;
}

/** The IAM permission set of each Serverless SQL access (Scaleway docs, "How to manage user permissions for Serverless SQL Databases"). */
const SERVERLESS_CONNECT_SETS: Record<ConnectAccess, string> = {
  readwrite: "ServerlessSQLDatabaseReadWrite",
  readonly: "ServerlessSQLDatabaseReadOnly",
};

/** One PostgreSQL user of a managed instance, as the component creates it. */
interface UserPlan {
  readonly user: string;
  readonly database: string;
  readonly permission: "all" | "readwrite" | "readonly";
  readonly role: "owner" | "read-only";
}

/** What each mode builds; the constructor copies it onto the component's readonly fields. */
interface Built {
  instanceId: pulumi.Output<string>;
  host: pulumi.Output<string>;
  port: pulumi.Output<number>;
  hostname: pulumi.Output<string>;
  databaseNames: string[];
  adminSecret: SecretReference | undefined;
  /** By database name: the owner's password (managed) or the API secret key (serverless). */
  credentialSecrets: Record<string, SecretReference>;
  /** By user name (managed only). */
  userSecrets: Record<string, SecretReference>;
  /** By user name: its connection string. */
  connectionSecretsByUser: Record<string, SecretReference>;
  /** Database name → the users that may connect to it, the owner first. */
  usersByDatabase: Record<string, string[]>;
  secretIds: pulumi.Output<Record<string, string>>;
  publicEndpoint: pulumi.Output<{ host: string; port: number }> | undefined;
  readReplica: pulumi.Output<{ host: string; port: number }> | undefined;
  iamApplicationId: pulumi.Output<string> | undefined;
  identity: Identity | undefined;
  connections: Secrets | undefined;
  tlsCertificate: pulumi.Output<string> | undefined;
  instance: scaleway.databases.Instance | undefined;
  serverlessDatabase: scaleway.databases.ServerlessDatabase | undefined;
}

function isNetworkComponent(value: unknown): value is { region: string } {
  return (
    pulumi.ComponentResource.isInstance(value) &&
    typeof (value as { privateNetworkId?: unknown }).privateNetworkId === "function" &&
    typeof (value as { region?: unknown }).region === "string"
  );
}

/** Checks that need more than the schema: the network's region and private network name. */
function resolvePrivateNetwork(parsed: ParsedManagedArgs, name: string): pulumi.Output<string> {
  const fail = (path: string, expected: string, received: string): never => {
    throw new ConfigError(Database.TYPE, name, [{ path, expected, received }]);
  };
  if (isNetworkComponent(parsed.network) && parsed.network.region !== parsed.region) {
    fail(
      "network",
      `expected a Network in the database's region ${parsed.region} (private networks are regional)`,
      `a Network in ${parsed.network.region}`,
    );
  }
  if (!isNetworkComponent(parsed.network) && parsed.privateNetworkName !== undefined) {
    fail(
      "privateNetworkName",
      "expected no privateNetworkName when network is a private network id (it picks one of a Network's)",
      describeReceived(parsed.privateNetworkName),
    );
  }
  try {
    return privateNetworkIdOf(parsed.network, parsed.privateNetworkName);
  } catch (error) {
    return fail(
      "privateNetworkName",
      `expected the name of one of the Network's private networks (${(error as Error).message})`,
      describeReceived(parsed.privateNetworkName),
    );
  }
}

/**
 * An endpoint's address: its IP, else the IPAM addresses of the resource, else its hostname. The
 * provider may leave the IP and the hostname empty on the first apply (terraform-provider-scaleway
 * issue #3979); "" when nothing is known.
 */
function endpointOf(
  endpoint: pulumi.Output<{ ip?: string; hostname?: string; port?: number } | undefined>,
  ipamAddresses: pulumi.Output<Array<{ address?: string }> | undefined> = pulumi.output(undefined),
): pulumi.Output<{ host: string; port: number }> {
  return pulumi.all([endpoint, ipamAddresses]).apply(([e, addresses]) => {
    const ipam = (addresses ?? []).map((a) => a.address ?? "").find((address) => address !== "");
    return { host: e?.ip || ipam || e?.hostname || "", port: e?.port ?? POSTGRES_PORT };
  });
}

/** The host of a connection string: never empty (an error instead, so no broken URL is stored). */
function connectionHost(host: string, what: string): string {
  if (host === "") throw new Error(`${Database.TYPE}: ${what} has no address yet: ${EMPTY_ENDPOINT_ADVICE}`);
  return host;
}

/** Parses Database's args and makes the checks that need more than the schema, as its constructor does. */
function parseDatabaseArgs(name: string, args: DatabaseArgs) {
  const parsed = parseArgs(databaseArgsSchema, args, { type: Database.TYPE, name });
  const pnId = parsed.mode === "managed" ? resolvePrivateNetwork(parsed, name) : undefined;
  if (parsed.mode === "serverless" && parsed.databaseName === undefined) {
    checkDefaultDatabaseName(blockContext({ kind: "database", name }, parsed).name(), name);
  }
  return { parsed, pnId };
}

/** Every check `new Database(name, args)` makes, creating nothing: returns, or throws its ConfigError. */
export function validateDatabaseArgs(name: string, args: DatabaseArgs): void {
  parseDatabaseArgs(name, args);
}

/**
 * PostgreSQL for an application: a Managed Database instance on a private network, with logical
 * databases, one owner user each, and every password and connection string in Secret Manager —
 * or, for cheap stacks, a Serverless SQL Database (fr-par only).
 *
 * @example
 * const db = new Database("db", {
 *   project: "shop", environment: "production", mode: "managed", network,
 *   databases: [{ name: "shop", readOnlyUsers: ["reporting"] }],
 * });
 * // a container takes the connection string from Secret Manager:
 * db.connectionSecret("shop");
 */
export class Database extends pulumi.ComponentResource {
  static readonly TYPE = BLOCK_TYPES.database;

  /** "managed" (an RDB instance) or "serverless" (a Serverless SQL Database). */
  readonly mode: "managed" | "serverless";
  /** The RDB instance id, or the Serverless SQL Database id ("<region>/<uuid>"). */
  readonly instanceId: pulumi.Output<string>;
  /** Managed: the instance's IPv4 address on the private network. Serverless: the endpoint's hostname. */
  readonly host: pulumi.Output<string>;
  /** The PostgreSQL port (5432 unless Scaleway says otherwise). */
  readonly port: pulumi.Output<number>;
  /** Managed: the instance's DNS name on the private network. Serverless: the endpoint's hostname. */
  readonly hostname: pulumi.Output<string>;
  /** The logical database names, in the order given (serverless: the one database). */
  readonly databaseNames: readonly string[];
  /** The admin user (managed), created with the instance. */
  readonly adminUserName: string | undefined;
  /** The admin password's secret (managed). */
  readonly adminSecret: SecretReference | undefined;
  /**
   * Per database name, the secret its application logs in with: the owner's password (managed),
   * or the IAM API secret key (serverless with `iamAccess`). Values are Pulumi secrets.
   */
  readonly credentialSecrets: Readonly<Record<string, SecretReference>>;
  /** Per user name (owners and read-only users), its password secret (managed). */
  readonly userSecrets: Readonly<Record<string, SecretReference>>;
  /** Per database name, the owner's connection string secret (`postgres://…?sslmode=require`). */
  readonly connectionSecrets: Readonly<Record<string, SecretReference>>;
  /** Every Secret Manager id this component created, by secret name. */
  readonly secretIds: pulumi.Output<Record<string, string>>;
  /** The public endpoint (load balancer) when `publicEndpoint` is set. */
  readonly publicEndpoint: pulumi.Output<{ host: string; port: number }> | undefined;
  /** The read replica's private network endpoint when `readReplica` is set. */
  readonly readReplica: pulumi.Output<{ host: string; port: number }> | undefined;
  /** Serverless with `iamAccess`: the IAM application that connects (its id is the PostgreSQL user). */
  readonly iamApplicationId: pulumi.Output<string> | undefined;
  /**
   * Serverless with `iamAccess`: the identity that connects (`<name>-sql-access`, an `Identity` of
   * @scaleway-blocks/identity: its application, its `connect` policy and its API key, whose secret key is
   * the password in the connection string). Undefined otherwise.
   */
  readonly identity: Identity | undefined;
  /**
   * Managed: the instance's TLS certificate (PEM, the provider's `certificate`; self-signed by Scaleway,
   * naming the instance's endpoint addresses). Write it to a file and connect with
   * `sslmode=verify-full&sslrootcert=<file>` to check the server as well as encrypt. Serverless: undefined
   * (its certificate is signed by Let's Encrypt: `sslrootcert=system`). See docs/security.md.
   */
  readonly tlsCertificate: pulumi.Output<string> | undefined;
  /**
   * Managed: the RDB instance this component registered (`<name>-instance`), for what the block does not
   * wrap (e.g. `instance.certificate`, `dependsOn`). Serverless: undefined.
   */
  readonly instance: scaleway.databases.Instance | undefined;
  /** Serverless: the Serverless SQL Database this component registered (`<name>-sdb`). Managed: undefined. */
  readonly serverlessDatabase: scaleway.databases.ServerlessDatabase | undefined;

  private readonly componentName: string;
  private readonly connectionSecretsByUser: Readonly<Record<string, SecretReference>>;
  private readonly usersByDatabase: Readonly<Record<string, readonly string[]>>;
  /** Managed: the Secrets child holding the connection strings (`<name>-connections`). */
  private readonly connections: Secrets | undefined;
  private readonly projectIdOutput: pulumi.Output<string>;

  constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const { parsed, pnId } = parseDatabaseArgs(name, args);
    const ctx = blockContext({ kind: "database", name }, parsed);
    super(Database.TYPE, name, {}, opts);
    this.componentName = name;
    this.mode = parsed.mode;
    // The arg, then the component's own `protect` option, then the environment profile; retainOnDelete
    // goes to every child.
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);

    const built =
      parsed.mode === "managed"
        ? this.buildManaged(name, parsed, ctx, protection, pnId!)
        : this.buildServerless(name, parsed, ctx, protection);

    this.instanceId = built.instanceId;
    this.host = built.host;
    this.port = built.port;
    this.hostname = built.hostname;
    this.databaseNames = Object.freeze([...built.databaseNames]);
    this.adminUserName = parsed.mode === "managed" ? parsed.userName : undefined;
    this.adminSecret = built.adminSecret;
    this.credentialSecrets = Object.freeze(built.credentialSecrets);
    this.userSecrets = Object.freeze(built.userSecrets);
    this.connectionSecretsByUser = Object.freeze(built.connectionSecretsByUser);
    this.usersByDatabase = Object.freeze(built.usersByDatabase);
    this.connectionSecrets = Object.freeze(
      Object.fromEntries(
        Object.entries(built.usersByDatabase)
          .filter(([, users]) => users[0] !== undefined && built.connectionSecretsByUser[users[0]])
          .map(([db, users]) => [db, built.connectionSecretsByUser[users[0]!]!]),
      ),
    );
    this.secretIds = built.secretIds;
    this.publicEndpoint = built.publicEndpoint;
    this.readReplica = built.readReplica;
    this.iamApplicationId = built.iamApplicationId;
    this.identity = built.identity;
    this.connections = built.connections;
    this.projectIdOutput = built.instance?.projectId ?? built.serverlessDatabase!.projectId;
    this.tlsCertificate = built.tlsCertificate;
    this.instance = built.instance;
    this.serverlessDatabase = built.serverlessDatabase;

    this.registerOutputs({
      instanceId: this.instanceId,
      host: this.host,
      port: this.port,
      hostname: this.hostname,
      databaseNames: this.databaseNames,
      secretIds: this.secretIds,
      ...(this.publicEndpoint ? { publicEndpoint: this.publicEndpoint } : {}),
      ...(this.readReplica ? { readReplica: this.readReplica } : {}),
      ...(this.iamApplicationId ? { iamApplicationId: this.iamApplicationId } : {}),
    });
  }

  /**
   * The secret holding a connection string (`postgres://user:password@host:port/db?sslmode=require`)
   * for a database: its owner's by default, or one of its read-only users'. Hand it to a container as a
   * secret environment variable. Unknown names throw an Error naming the known ones.
   */
  connectionSecret(databaseName: string, userName?: string): SecretReference {
    const users = Object.prototype.hasOwnProperty.call(this.usersByDatabase, databaseName)
      ? this.usersByDatabase[databaseName]
      : undefined;
    if (!users) {
      throw new Error(
        `${Database.TYPE} "${this.componentName}": no database "${databaseName}"; its databases are: ${this.databaseNames.join(", ")}`,
      );
    }
    if (users.length === 0) {
      throw new Error(
        `${Database.TYPE} "${this.componentName}": no connection string for "${databaseName}": set iamAccess to create IAM credentials and the connection string secret`,
      );
    }
    const user = userName ?? users[0]!;
    if (!users.includes(user)) {
      throw new Error(
        `${Database.TYPE} "${this.componentName}": database "${databaseName}" has no user "${user}"; its users are: ${users.join(", ") || "(none)"}`,
      );
    }
    return this.connectionSecretsByUser[user]!;
  }

  /**
   * Lets an identity (a core `Grantee`, e.g. an `Identity` or `service.identity`) connect, and returns
   * the id of the IAM policy it gets:
   * - serverless: the permission set ServerlessSQLDatabaseReadWrite (`access` "readonly":
   *   ServerlessSQLDatabaseReadOnly) on the database's project. Serverless SQL authenticates IAM
   *   principals: the identity connects with its application id as the user and its API secret key as
   *   the password. IAM scopes it to the whole project.
   * - managed: read access to the connection-string secrets (SecretManagerSecretAccess on their
   *   project, through the secrets block's `grantAccess`). A Managed Database authenticates PostgreSQL
   *   users by password, not IAM principals (the provider's `databases.User` has a name and a password,
   *   nothing else: terraform-provider-scaleway v2.79.0 internal/services/rdb/user.go): the identity
   *   reads the connection string, which carries its user's privileges.
   */
  grantConnect(grantee: Grantee, options: GrantConnectOptions = {}): pulumi.Output<string> {
    const access = options.access ?? ConnectAccess.ReadWrite;
    if (!Object.prototype.hasOwnProperty.call(SERVERLESS_CONNECT_SETS, access)) {
      throw new ConfigError(Database.TYPE, this.componentName, [
        {
          path: "grantConnect.access",
          expected: `expected ${Object.values(ConnectAccess)
            .map((a) => `"${a}"`)
            .join(" or ")}`,
          received: describeReceived(access),
        },
      ]);
    }
    if (this.connections) return this.connections.grantAccess(grantee);
    const suffix = access === ConnectAccess.ReadOnly ? "connect-read" : "connect";
    return grantee.allow({
      name: sanitizeSegment(`${this.componentName}-${suffix}`),
      permissionSets: [SERVERLESS_CONNECT_SETS[access]],
      projectId: this.projectIdOutput,
      description: `${SERVERLESS_CONNECT_SETS[access]} for the Serverless SQL Database ${this.databaseNames[0]!} (IAM scopes it to the whole project)`,
    });
  }

  /** The credential secret of a database (see `credentialSecrets`); unknown names throw. */
  credentialSecret(databaseName: string): SecretReference {
    const reference = Object.prototype.hasOwnProperty.call(this.credentialSecrets, databaseName)
      ? this.credentialSecrets[databaseName]
      : undefined;
    if (!reference) {
      const known = Object.keys(this.credentialSecrets).join(", ") || "(none: set iamAccess)";
      throw new Error(
        `${Database.TYPE} "${this.componentName}": no credential secret for "${databaseName}"; known: ${known}`,
      );
    }
    return reference;
  }

  /**
   * The args of a Secrets child. It gets only an explicit protection (the arg or the option), so that,
   * like this component, it falls back to the environment profile for what it stores and never
   * protects what it replaces (versions, generated values) unless asked to.
   */
  private secretsArgs(
    parsed: ParsedManagedArgs | ParsedServerlessArgs,
    protection: Protection,
    secrets: SecretSpecs,
  ) {
    return {
      project: parsed.project,
      environment: parsed.environment,
      region: parsed.region,
      projectId: parsed.projectId,
      tags: parsed.tags,
      protect: protection.other.protect,
      secrets,
    } satisfies SecretsArgs;
  }

  private buildManaged(
    name: string,
    parsed: ParsedManagedArgs,
    ctx: BlockContext,
    protection: Protection,
    pnId: pulumi.Output<string>,
  ): Built {
    const profile = ctx.profile.database;
    const instanceName = ctx.name();

    const plans: UserPlan[] = parsed.databases.flatMap((db) => [
      {
        user: db.owner ?? db.name,
        database: db.name,
        permission: db.ownerPermission,
        role: "owner" as const,
      },
      ...db.readOnlyUsers.map((user) => ({
        user,
        database: db.name,
        permission: "readonly" as const,
        role: "read-only" as const,
      })),
    ]);

    // One Secrets child generates every password (DSN-safe, so it needs no escaping in a URL).
    const passwordSpecs: SecretSpecs = {
      [secretKeyFor(parsed.userName)]: {
        generate: { alphabet: "dsn-safe" },
        description: `Password of the admin user ${parsed.userName} of ${instanceName}`,
      },
    };
    for (const plan of plans) {
      passwordSpecs[secretKeyFor(plan.user)] = {
        generate: { alphabet: "dsn-safe" },
        description: `Password of the ${plan.role} user ${plan.user} of database ${plan.database} on ${instanceName}`,
      };
    }
    const passwords = new Secrets(
      `${name}-credentials`,
      this.secretsArgs(parsed, protection, passwordSpecs),
      {
        parent: this,
        ...protection.other,
      },
    );
    const adminSecret = passwords.secret(secretKeyFor(parsed.userName));

    const backups = parsed.backups ?? { enabled: true };
    const highAvailability = parsed.highAvailability ?? profile.highAvailability;
    if (parsed.highAvailability === false && profile.highAvailability) {
      // is_ha_cluster updates in place (UpgradeInstance enable_ha, rdb/instance.go), and only one way.
      void pulumi.log.warn(
        `highAvailability is off in ${parsed.environment}, whose profile turns it on. Scaleway cannot turn ` +
          "high availability off on an instance that has it: if this instance runs with HA today, the update " +
          "fails. Create a new instance and restore a backup instead (see the README).",
        this,
      );
    }
    const instance = new scaleway.databases.Instance(
      `${name}-instance`,
      {
        name: instanceName,
        nodeType: parsed.nodeType ?? profile.nodeType,
        engine: parsed.engine,
        isHaCluster: highAvailability,
        userName: parsed.userName,
        password: pulumi.secret(adminSecret.value),
        volumeType: parsed.volumeType,
        volumeSizeInGb:
          parsed.volumeType === "lssd" ? undefined : (parsed.volumeSizeInGb ?? profile.volumeSizeInGb),
        encryptionAtRest: true,
        disableBackup: !backups.enabled,
        ...(backups.enabled
          ? {
              backupScheduleFrequency: backups.frequencyHours ?? profile.backupFrequencyHours,
              backupScheduleRetention: backups.retentionDays ?? profile.backupRetentionDays,
              backupSameRegion: !(backups.inAnotherRegion ?? profile.backupInAnotherRegion),
            }
          : {}),
        privateNetwork: { pnId, enableIpam: true },
        ...(parsed.publicEndpoint ? { loadBalancer: {} } : {}),
        settings: parsed.settings,
        initSettings: parsed.initSettings,
        region: parsed.region,
        projectId: parsed.projectId,
        // public=true records the deliberate opt-in, which the policy's scw-database-no-public-endpoint reads.
        tags: parsed.publicEndpoint ? [...ctx.tags.list, "public=true"] : [...ctx.tags.list],
      },
      { parent: this, ...protection.stateful },
    );

    if (parsed.publicEndpoint) {
      // One Acl per instance: it replaces every rule, so all CIDRs go in this one resource.
      new scaleway.databases.Acl(
        `${name}-acl`,
        {
          instanceId: instance.id,
          aclRules: parsed.publicEndpoint.allowedCidrs.map((ip) => ({
            ip,
            description: `allowed by ${instanceName}`,
          })),
          region: parsed.region,
        },
        { parent: this, ...protection.other },
      );
    }

    const endpoint = endpointOf(instance.privateNetwork, instance.privateIps);
    const host = endpoint.apply((e) => connectionHost(e.host, `the private endpoint of ${instanceName}`));
    const port = endpoint.apply((e) => e.port);

    const databases = new Map<string, scaleway.databases.Database>();
    for (const db of parsed.databases) {
      databases.set(
        db.name,
        new scaleway.databases.Database(
          `${name}-db-${db.name}`,
          { instanceId: instance.id, name: db.name, region: parsed.region },
          { parent: this, ...protection.stateful },
        ),
      );
    }

    const urlSpecs: SecretSpecs = {};
    const userSecrets: Record<string, SecretReference> = {};
    const usersByDatabase: Record<string, string[]> = Object.fromEntries(
      parsed.databases.map((db) => [db.name, []]),
    );
    for (const plan of plans) {
      const password = passwords.secret(secretKeyFor(plan.user));
      userSecrets[plan.user] = password;
      usersByDatabase[plan.database]!.push(plan.user);
      const user = new scaleway.databases.User(
        `${name}-user-${plan.user}`,
        {
          instanceId: instance.id,
          name: plan.user,
          password: pulumi.secret(password.value),
          isAdmin: false,
          region: parsed.region,
        },
        { parent: this, ...protection.other },
      );
      const database = databases.get(plan.database)!;
      const privilege = new scaleway.databases.Privilege(
        `${name}-privilege-${plan.user}`,
        {
          instanceId: instance.id,
          databaseName: database.name,
          userName: user.name,
          permission: plan.permission,
          region: parsed.region,
        },
        { parent: this, ...protection.other },
      );
      // The URL waits for the privilege, so a consumer never reads a connection string that cannot log in yet.
      const url = pulumi
        .all([user.name, password.value, host, port, database.name, privilege.id])
        .apply(([userName, secret, h, p, db]) =>
          requireTls(`postgres://${userName}:${secret}@${h}:${p}/${db}?sslmode=require`),
        );
      urlSpecs[secretKeyFor(plan.user)] = {
        value: pulumi.secret(url),
        description: `Connection string of the ${plan.role} user ${plan.user} to database ${plan.database} on ${instanceName}`,
      };
    }

    const urls = new Secrets(`${name}-connections`, this.secretsArgs(parsed, protection, urlSpecs), {
      parent: this,
      ...protection.other,
    });
    const connectionSecretsByUser = Object.fromEntries(
      plans.map((plan) => [plan.user, urls.secret(secretKeyFor(plan.user))]),
    );

    let readReplica: Built["readReplica"];
    if (parsed.readReplica !== false) {
      const replica = new scaleway.databases.ReadReplica(
        `${name}-replica`,
        {
          instanceId: instance.id,
          privateNetwork: { privateNetworkId: pnId, enableIpam: true },
          sameZone: parsed.readReplica === true ? false : parsed.readReplica.sameZone,
          region: parsed.region,
        },
        { parent: this, ...protection.other },
      );
      readReplica = endpointOf(replica.privateNetwork);
    }

    return {
      instanceId: instance.id,
      host,
      port,
      hostname: instance.privateNetwork.apply((pn) => pn?.hostname ?? ""),
      databaseNames: parsed.databases.map((db) => db.name),
      adminSecret,
      credentialSecrets: Object.fromEntries(
        parsed.databases.map((db) => [db.name, userSecrets[db.owner ?? db.name]!]),
      ),
      userSecrets,
      connectionSecretsByUser,
      usersByDatabase,
      secretIds: secretIdsOf([passwords, urls]),
      publicEndpoint: parsed.publicEndpoint ? endpointOf(instance.loadBalancer) : undefined,
      readReplica,
      iamApplicationId: undefined,
      identity: undefined,
      connections: urls,
      tlsCertificate: instance.certificate,
      instance,
      serverlessDatabase: undefined,
    };
  }

  private buildServerless(
    name: string,
    parsed: ParsedServerlessArgs,
    ctx: BlockContext,
    protection: Protection,
  ): Built {
    const databaseName = parsed.databaseName ?? ctx.name();
    const sdb = new scaleway.databases.ServerlessDatabase(
      `${name}-sdb`,
      {
        name: databaseName,
        minCpu: parsed.minCpu,
        maxCpu: parsed.maxCpu,
        region: parsed.region,
        projectId: parsed.projectId,
      },
      { parent: this, ...protection.stateful },
    );
    const endpoint = sdb.endpoint.apply((text) => {
      const url = URL.canParse(text) ? new URL(text) : undefined;
      if (!url || url.hostname === "") {
        throw new Error(
          `${Database.TYPE}: Serverless SQL Database ${databaseName} has no endpoint yet: ${EMPTY_ENDPOINT_ADVICE}`,
        );
      }
      return { host: url.hostname, port: url.port === "" ? POSTGRES_PORT : Number(url.port) };
    });
    const host = endpoint.apply((e) => e.host);

    const built: Built = {
      instanceId: sdb.id,
      host,
      port: endpoint.apply((e) => e.port),
      hostname: host,
      databaseNames: [databaseName],
      adminSecret: undefined,
      credentialSecrets: {},
      userSecrets: {},
      connectionSecretsByUser: {},
      usersByDatabase: { [databaseName]: [] },
      secretIds: pulumi.output<Record<string, string>>({}),
      publicEndpoint: undefined,
      readReplica: undefined,
      iamApplicationId: undefined,
      identity: undefined,
      connections: undefined,
      tlsCertificate: undefined,
      instance: undefined,
      serverlessDatabase: sdb,
    };
    if (parsed.iamAccess === false) return built;

    const access =
      parsed.iamAccess === true
        ? { permissionSet: "ServerlessSQLDatabaseReadWrite" as const }
        : parsed.iamAccess;
    // The identity that connects: the permission set on the database's project, and an API key (its
    // secret key is the password) created after the policy. An explicit date, else the current rotation
    // window's: a new window replaces the key (create-before-delete).
    const identity = new Identity(
      `${name}-sql-access`,
      {
        project: parsed.project,
        environment: parsed.environment,
        region: parsed.region,
        projectId: sdb.projectId,
        tags: parsed.tags,
        description: `Connects to the Serverless SQL Database ${databaseName}`,
        permissions: [
          {
            name: "connect",
            permissionSets: [access.permissionSet],
            projectId: sdb.projectId,
            description: `${access.permissionSet} on the project of ${databaseName}`,
          },
        ],
        ...(access.apiKey !== undefined ? { apiKey: access.apiKey } : {}),
      },
      // An explicit protect protects the application and policy, never the key; retainOnDelete is forwarded.
      { parent: this, ...protection.other },
    );
    const secretKey = identity.secretKey!;
    const principal = identity.applicationId;
    const policy = identity.policies.connect!;
    const key = secretKeyFor(databaseName);

    const credentials = new Secrets(
      `${name}-credentials`,
      this.secretsArgs(parsed, protection, {
        [key]: {
          value: secretKey,
          description: `API secret key of IAM application ${ctx.name("sql-access")}, the password of ${databaseName}`,
        },
      }),
      { parent: this, ...protection.other },
    );
    // user = the IAM application id, password = its API secret key; the URL waits for the policy.
    // `host` fails the apply when the endpoint is empty, so no URL without a host is ever stored.
    const url = pulumi
      .all([principal, secretKey, sdb.endpoint, policy.id, host])
      .apply(([user, secret, endpointUrl]) =>
        requireTls(`postgres://${user}:${secret}@${endpointUrl.replace(/^postgres(?:ql)?:\/\//, "")}`),
      );
    const urls = new Secrets(
      `${name}-connections`,
      this.secretsArgs(parsed, protection, {
        [key]: {
          value: pulumi.secret(url),
          description: `Connection string of Serverless SQL Database ${databaseName} (IAM application ${ctx.name("sql-access")})`,
        },
      }),
      { parent: this, ...protection.other },
    );
    const principalName = ctx.name("sql-access");
    return {
      ...built,
      credentialSecrets: { [databaseName]: credentials.secret(key) },
      connectionSecretsByUser: { [principalName]: urls.secret(key) },
      usersByDatabase: { [databaseName]: [principalName] },
      secretIds: secretIdsOf([credentials, urls]),
      iamApplicationId: identity.applicationId,
      identity,
    };
  }
}

/**
 * The default Serverless SQL database name (`<project>-<environment>-<name>`) follows the rules of an
 * explicit `databaseName`: a default Scaleway or PostgreSQL refuses is a ConfigError, before anything.
 */
function checkDefaultDatabaseName(defaultName: string, componentName: string): void {
  const result = databaseNameSchema.safeParse(defaultName);
  if (result.success) return;
  throw new ConfigError(Database.TYPE, componentName, [
    {
      path: "databaseName",
      expected: `${result.error.issues[0]!.message}: the default name "${defaultName}" is refused; set databaseName`,
      received: describeReceived(undefined),
    },
  ]);
}

/** Every secret id of the given Secrets children, by Secret Manager name. */
function secretIdsOf(children: Secrets[]): pulumi.Output<Record<string, string>> {
  const references = children.flatMap((child) => Object.values(child.references));
  return pulumi
    .all(references.map((r) => pulumi.all([r.secretName, r.secretId])))
    .apply((pairs) => Object.fromEntries(pairs));
}
