import * as pulumi from "@pulumi/pulumi";
import * as scaleway from "@pulumiverse/scaleway";
import {
  DEFAULT_KEY_ROTATION,
  blockContext,
  resolveProtection,
  rotatingExpiry,
  shortHash,
} from "@scaleway-blocks/core/internal";
import type { Region } from "@scaleway-blocks/core";
import { Identity } from "@scaleway-blocks/identity";
import { privateNetworkIdOf } from "@scaleway-blocks/network";
import { secretReferenceSchema } from "@scaleway-blocks/secrets";
import type { SecretReference } from "@scaleway-blocks/secrets";
import {
  IDENTITY_VARIABLES,
  PRODUCTION_LIVENESS_PROBE,
  SERVICE_TYPE,
  isRegistryImage,
  parseServiceArgs,
} from "./args";
import type { ParsedContainer, ServiceArgs } from "./args";
import { mbToBytes } from "./internal/memory";

/** The IAM permission set that lets a principal call the project's private Serverless Containers. */
export const INVOKE_PERMISSION_SET = "ContainersPrivateAccess";

type Probe = NonNullable<ParsedContainer["livenessProbe"]>;

function probeInput(probe: Probe | undefined) {
  if (!probe) return undefined;
  return {
    failureThreshold: probe.failureThreshold,
    interval: probe.interval,
    timeout: probe.timeout,
    ...(probe.http ? { http: { path: probe.http.path } } : {}),
    ...(probe.tcp ? { tcp: true } : {}),
  };
}

function isSecretReference(value: unknown): value is SecretReference {
  return secretReferenceSchema.safeParse(value).success;
}

/** The host of a URL such as "https://x.functions.fnc.fr-par.scw.cloud", as the provider derives domainName. */
function hostOf(endpoint: string): string {
  return endpoint.replace(/^https?:\/\//, "").replace(/\/+$/, "");
}

/** The object without its undefined entries. */
function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Serverless Containers behind a private Container Registry: a registry namespace (unless every image
 * comes from elsewhere), a containers namespace, the containers (private, HTTPS-only by default), their
 * cron triggers and custom domains, and optionally credentials to call the private ones.
 */
export class Service extends pulumi.ComponentResource {
  static readonly TYPE = SERVICE_TYPE;

  readonly region: Region;
  /** The Serverless Containers namespace id, "<region>/<uuid>". */
  readonly namespaceId: pulumi.Output<string>;
  /** The private registry, `rg.<region>.scw.cloud/<name>`: push images here. Undefined when no registry is created. */
  readonly registryEndpoint: pulumi.Output<string> | undefined;
  readonly registryNamespaceId: pulumi.Output<string> | undefined;
  /** Container ids by key. */
  readonly containerIds: pulumi.Output<Record<string, string>>;
  /**
   * The host of each container's public endpoint, by key: the CNAME target of custom domains. Read
   * from the provider's `publicEndpoint`, not from its deprecated `domainName`.
   */
  readonly domainNames: pulumi.Output<Record<string, string>>;
  /** Each container's public endpoint (`https://<host>`), by key: Scaleway's generated URL. */
  readonly publicEndpoints: pulumi.Output<Record<string, string>>;
  /** The URL of each container, by key: its public endpoint. */
  readonly urls: pulumi.Output<Record<string, string>>;
  /** The URL of the first container. */
  readonly url: pulumi.Output<string>;
  /** The image each container runs, by key. */
  readonly images: pulumi.Output<Record<string, string>>;
  /** `https://<hostname>` of the custom domains, by container key. */
  readonly customDomainUrls: pulumi.Output<Record<string, string[]>>;
  /** The X-Auth-Token value for each private container, by key: a Pulumi secret. Undefined without `invoker`. */
  readonly invokeCredentials: pulumi.Output<Record<string, string>> | undefined;
  /** The IAM application allowed to call the private containers (`invoker.type` "iam"). */
  readonly invokerApplicationId: pulumi.Output<string> | undefined;
  /** The access key of the invoker's API key (`invoker.type` "iam"); the secret key is in invokeCredentials. */
  readonly invokerAccessKey: pulumi.Output<string> | undefined;
  /**
   * The Serverless Containers namespace resource this component registered (`<name>-namespace`), for
   * what the block does not wrap.
   */
  readonly namespace: scaleway.containers.Namespace;
  /** The container resources this component registered (`<name>-<key>`), by key. */
  readonly containers: Readonly<Record<string, scaleway.containers.Container>>;
  /** The Container Registry namespace resource (`<name>-registry`); undefined when no registry is created. */
  readonly registry: scaleway.registry.Namespace | undefined;
  /**
   * The service's own identity (`<name>-identity`, arg `identity`): every container has its API key as
   * the secret environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. It starts with no
   * permission: grant it what the containers need, e.g. `bucket.grantReadWrite(service.identity)`.
   * Undefined with `identity: false`.
   */
  readonly identity: Identity | undefined;
  /**
   * The identity that calls the private containers (`<name>-invoker`, `invoker.type` "iam"): the
   * ContainersPrivateAccess permission set on the project. Undefined otherwise.
   */
  readonly invoker: Identity | undefined;

  private readonly keys: readonly string[];

  constructor(name: string, args: ServiceArgs, opts?: pulumi.ComponentResourceOptions) {
    // Parse before super(): bad input throws a ConfigError before anything is registered.
    const parsed = parseServiceArgs(name, args);
    super(Service.TYPE, name, {}, opts);
    const ctx = blockContext({ kind: "container", name }, parsed);
    const profile = ctx.profile.container;
    // The protect arg, then the component's protect option, then the profile (the registry only);
    // retainOnDelete goes to every child.
    const protection = resolveProtection(parsed.protect, opts, ctx.profile);
    const childOptions = { parent: this, ...protection.other };
    const tags = [...ctx.tags.list];
    const region = parsed.region;
    this.region = region;
    const entries = Object.entries(parsed.containers);
    this.keys = entries.map(([key]) => key);

    const wantsRegistry =
      parsed.registry === true ||
      typeof parsed.registry === "object" ||
      (parsed.registry === undefined && entries.some(([, spec]) => isRegistryImage(spec.image)));
    const registryOptions = typeof parsed.registry === "object" ? parsed.registry : {};
    const registry = wantsRegistry
      ? new scaleway.registry.Namespace(
          `${name}-registry`,
          {
            // Registry namespace names are global per region: a hash of the stack keeps them unique.
            name:
              registryOptions.name ??
              ctx.name("registry", {
                suffix: shortHash(pulumi.getProject(), pulumi.getStack(), name),
              }),
            description: registryOptions.description ?? `Images of ${ctx.name()}`,
            isPublic: false,
            region,
            projectId: parsed.projectId,
          },
          // Deleting the namespace deletes its images.
          { parent: this, ...protection.stateful },
        )
      : undefined;

    const namespace = new scaleway.containers.Namespace(
      `${name}-namespace`,
      {
        name: ctx.name("ns", { kind: "container" }),
        description: parsed.description,
        region,
        projectId: parsed.projectId,
        tags,
      },
      childOptions,
    );

    // The project of the namespace: the one given, else the provider's default, as Scaleway resolved it.
    const projectId = parsed.projectId ?? namespace.projectId;
    const identityArgs = (description: string) => ({
      project: parsed.project,
      environment: parsed.environment,
      region,
      projectId,
      tags: parsed.tags,
      description,
    });
    // An explicit protect (the arg or the option) protects the IAM application and policies, never the
    // keys (every rotation replaces them); retainOnDelete is forwarded.
    const identityOptions = { parent: this, ...protection.other };

    const serviceIdentity =
      parsed.identity === false
        ? undefined
        : new Identity(
            `${name}-identity`,
            {
              ...identityArgs(`The containers of ${ctx.name()}`),
              ...(typeof parsed.identity === "object" ? { apiKey: parsed.identity } : {}),
            },
            identityOptions,
          );
    const identityEnvironment: Record<string, pulumi.Output<string>> = serviceIdentity
      ? {
          [IDENTITY_VARIABLES.accessKey]: serviceIdentity.accessKey!,
          [IDENTITY_VARIABLES.secretKey]: serviceIdentity.secretKey!,
        }
      : {};

    const ids: Record<string, pulumi.Output<string>> = {};
    const domainNames: Record<string, pulumi.Output<string>> = {};
    const endpoints: Record<string, pulumi.Output<string>> = {};
    const images: Record<string, pulumi.Output<string>> = {};
    const customDomainUrls: Record<string, pulumi.Output<string[]>> = {};
    const privateContainers: Array<[string, scaleway.containers.Container]> = [];
    const containers: Record<string, scaleway.containers.Container> = {};

    for (const [key, spec] of entries) {
      const image =
        isRegistryImage(spec.image) && registry
          ? pulumi.interpolate`${registry.endpoint}/${spec.image.repository}:${spec.image.tag}`
          : pulumi.output(spec.image as pulumi.Input<string>);
      const secretEntries: Array<[string, pulumi.Output<string>]> = [
        ...Object.entries(spec.secretEnvironment ?? {}).map(
          ([variable, value]): [string, pulumi.Output<string>] => [
            variable,
            // A SecretReference's value is already secret; plain inputs are made secret here.
            pulumi.secret(isSecretReference(value) ? value.value : value),
          ],
        ),
        // The service's identity (the args refuse these names in secretEnvironment while it is on).
        ...Object.entries(identityEnvironment).map(([variable, value]): [string, pulumi.Output<string>] => [
          variable,
          pulumi.secret(value),
        ]),
      ];
      const secretEnvironment = Object.fromEntries(secretEntries);
      const container = new scaleway.containers.Container(
        `${name}-${key}`,
        {
          name: ctx.name(key, { kind: "container" }),
          namespaceId: namespace.id,
          region,
          description: spec.description,
          // public=true records the explicit opt-in, which policy rule scw-container-public-opt-in looks for;
          // plain-http=true records httpsConnectionsOnly: false, which scw-container-https-only looks for.
          tags: [
            ...tags,
            ...(spec.public ? ["public=true"] : []),
            ...(spec.httpsConnectionsOnly ? [] : ["plain-http=true"]),
          ],
          image,
          registrySha256: spec.registrySha256,
          port: spec.port,
          cpuLimit: spec.cpuLimit ?? profile.cpuLimit,
          memoryLimitBytes: spec.memory ?? mbToBytes(profile.memoryLimitMb),
          minScale: spec.minScale ?? profile.minScale,
          maxScale: spec.maxScale ?? profile.maxScale,
          timeout: spec.timeout,
          protocol: spec.protocol,
          sandbox: spec.sandbox,
          privacy: spec.public ? "public" : "private",
          httpsConnectionsOnly: spec.httpsConnectionsOnly,
          scalingOptions: spec.scaling ? [definedOnly(spec.scaling)] : undefined,
          // Production restarts a stuck instance within about 30 s, not Scaleway's default 5 minutes.
          livenessProbe: probeInput(
            spec.livenessProbe ?? (ctx.environment === "production" ? PRODUCTION_LIVENESS_PROBE : undefined),
          ),
          startupProbe: probeInput(spec.startupProbe),
          privateNetworkId: spec.network === undefined ? undefined : privateNetworkIdOf(spec.network),
          environmentVariables: spec.environment,
          secretEnvironmentVariables:
            Object.keys(secretEnvironment).length > 0 ? secretEnvironment : undefined,
          commands: spec.command,
          args: spec.args,
        },
        childOptions,
      );
      containers[key] = container;
      ids[key] = container.id;
      // The provider deprecates domainName for publicEndpoint, the full URL
      // (terraform-provider-scaleway v2.79.0 internal/services/container/container.go).
      endpoints[key] = container.publicEndpoint;
      domainNames[key] = container.publicEndpoint.apply(hostOf);
      images[key] = image;
      if (!spec.public) privateContainers.push([key, container]);

      for (const [cronKey, cron] of Object.entries(spec.crons ?? {})) {
        new scaleway.containers.Trigger(
          `${name}-${key}-cron-${cronKey}`,
          {
            name: ctx.name(`${key}-${cronKey}`),
            description: `${cron.method.toUpperCase()} ${cron.path} on "${cron.schedule}" (${cron.timezone})`,
            containerId: container.id,
            region,
            tags,
            cron: definedOnly({
              schedule: cron.schedule,
              timezone: cron.timezone,
              body: cron.body,
              headers: cron.headers,
            }) as scaleway.types.input.containers.TriggerCron,
            destinationConfig: { httpPath: cron.path, httpMethod: cron.method },
          },
          childOptions,
        );
      }

      customDomainUrls[key] = pulumi.all(
        (spec.domains ?? []).map(
          (hostname) =>
            new scaleway.containers.Domain(
              `${name}-${key}-domain-${hostname}`,
              { containerId: container.id, hostname, region },
              childOptions,
            ).url,
        ),
      );
    }

    let invokeCredentials: pulumi.Output<Record<string, string>> | undefined;
    // Every credential expires: the date given, else the end of the current rotation window's lifetime
    // (the same on every `pulumi up` inside a window; the next window replaces the key, create-before-delete).
    const expiresAt =
      parsed.invoker &&
      (parsed.invoker.expiresAt ?? rotatingExpiry(parsed.invoker.rotation ?? DEFAULT_KEY_ROTATION));
    let invoker: Identity | undefined;
    if (parsed.invoker?.type === "iam") {
      invoker = new Identity(
        `${name}-invoker`,
        {
          ...identityArgs(`Calls the private containers of ${ctx.name()}`),
          permissions: [
            {
              name: "invoke",
              permissionSets: [INVOKE_PERMISSION_SET],
              projectId,
              description: `${INVOKE_PERMISSION_SET} for ${ctx.name()} (IAM scopes it to the whole project)`,
            },
          ],
          apiKey: { expiresAt },
        },
        identityOptions,
      );
      // The X-Auth-Token is the invoker key's secret key, a Pulumi secret (wrapped by the Identity).
      const secretKey = invoker.secretKey!;
      invokeCredentials = pulumi.secret(
        pulumi.all(Object.fromEntries(privateContainers.map(([key]) => [key, secretKey]))),
      );
      this.invokerApplicationId = invoker.applicationId;
      this.invokerAccessKey = invoker.accessKey;
    } else if (parsed.invoker?.type === "token") {
      void pulumi.log.warn(
        `${Service.TYPE} "${name}": invoker type "token" creates legacy container JWTs, which Scaleway has deprecated (new tokens may be refused); prefer type "iam"`,
        this,
      );
      const tokens = privateContainers.map(([key, container]) => {
        const token = new scaleway.containers.Token(
          `${name}-${key}-token`,
          {
            containerId: container.id,
            region,
            description: `Legacy JWT to call ${ctx.name(key, { kind: "container" })}`,
            expiresAt,
          },
          { parent: this, ...protection.rotating },
        );
        return [key, pulumi.secret(token.value)] as const;
      });
      invokeCredentials = pulumi.secret(pulumi.all(Object.fromEntries(tokens)));
    }

    this.namespace = namespace;
    this.containers = Object.freeze(containers);
    this.registry = registry;
    this.identity = serviceIdentity;
    this.invoker = invoker;
    this.namespaceId = namespace.id;
    this.registryEndpoint = registry?.endpoint;
    this.registryNamespaceId = registry?.id;
    this.containerIds = pulumi.all(ids);
    this.domainNames = pulumi.all(domainNames);
    this.publicEndpoints = pulumi.all(endpoints);
    this.urls = this.publicEndpoints;
    this.url = endpoints[this.keys[0]!]!;
    this.images = pulumi.all(images);
    this.customDomainUrls = pulumi.all(customDomainUrls);
    this.invokeCredentials = invokeCredentials;

    this.registerOutputs({
      namespaceId: this.namespaceId,
      registryEndpoint: this.registryEndpoint,
      registryNamespaceId: this.registryNamespaceId,
      containerIds: this.containerIds,
      domainNames: this.domainNames,
      publicEndpoints: this.publicEndpoints,
      urls: this.urls,
      url: this.url,
      images: this.images,
      customDomainUrls: this.customDomainUrls,
      invokeCredentials: this.invokeCredentials,
      invokerApplicationId: this.invokerApplicationId,
      invokerAccessKey: this.invokerAccessKey,
    });
  }

  /** The URL of one container; an unknown key throws an Error naming the known ones. */
  urlOf(key: string): pulumi.Output<string> {
    if (!this.keys.includes(key)) {
      throw new Error(`Service has no container "${key}"; known containers: ${this.keys.join(", ")}`);
    }
    return this.urls.apply((urls) => urls[key]!);
  }
}
