import { ConfigError } from "@scaleway-blocks/core";
import { StateBackend } from "@scaleway-blocks/state-backend";
import type { StateBackendArgs } from "@scaleway-blocks/state-backend";
import { configErrorFromComponent, readStackConfig } from "./config";

/**
 * The state bucket holds the state of every stack, production's included, so it is always built
 * with production's rules (retention, policy checks), whatever stack of this project runs.
 */
const ENVIRONMENT = "production";

/** The StateBackend component's Pulumi name: part of every child's URN. Never change it (see README). */
const COMPONENT_NAME = "state";

/** Builds the state backend from the stack configuration and returns the stack outputs. */
function build(): Record<string, unknown> {
  const config = readStackConfig();
  const args: StateBackendArgs = {
    project: config.project,
    environment: ENVIRONMENT,
    region: config.region,
    projectId: config.projectId,
    bucketName: config.bucketName,
    owners: config.owners,
    ...(config.prefix !== undefined ? { prefix: config.prefix } : {}),
    ...(config.encryption !== undefined ? { encryption: config.encryption } : {}),
    ...(config.retention !== undefined ? { retention: config.retention } : {}),
    ...(config.objectLock !== undefined
      ? { objectLock: config.objectLock as unknown as StateBackendArgs["objectLock"] }
      : {}),
    ...(config.apiKey !== undefined ? { apiKey: config.apiKey } : {}),
    ...(config.tags !== undefined ? { tags: config.tags } : {}),
  };

  let state: StateBackend;
  try {
    state = new StateBackend(COMPONENT_NAME, args);
  } catch (error) {
    // The component checks the details; report them against the stack file's keys.
    if (error instanceof ConfigError) throw configErrorFromComponent(error);
    throw error;
  }

  return {
    /** `pulumi login '<backendUrl>'`, or PULUMI_BACKEND_URL, for every other stack. */
    backendUrl: state.backendUrl,
    bucketName: state.bucketName,
    region: state.region,
    /** For aws-cli `--endpoint-url` (recovery from versions). */
    s3Endpoint: state.s3Endpoint,
    ciApplicationId: state.applicationId,
    /** The CI key's access key: AWS_ACCESS_KEY_ID. Not a secret. */
    accessKeyId: state.accessKeyId,
    /** When the current CI key expires; a later `pulumi up` in a new rotation window replaces it. */
    apiKeyExpiresAt: state.apiKeyExpiresAt,
    /** The CI key's secret key: AWS_SECRET_ACCESS_KEY. A Pulumi secret. */
    secretAccessKey: state.secretAccessKey,
    /** AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, PULUMI_BACKEND_URL. A Pulumi secret as a whole. */
    ciEnvironment: state.ciEnvironment,
    /** AWS_ACCESS_KEY_ID and PULUMI_BACKEND_URL: CI variables, safe to print. */
    ciEnvironmentPublic: state.ciEnvironmentPublic,
  };
}

/**
 * The program: reads `new pulumi.Config()`, builds the stack and resolves to its outputs; a bad
 * configuration rejects it before any resource is registered. Nothing is created when this module
 * is merely loaded.
 */
function main(): Promise<Record<string, unknown>> {
  return new Promise((resolve) => resolve(build()));
}

// Pulumi calls the exported function; `scaleway-blocks plan` and the tests call `main`.
export = Object.assign((): Promise<Record<string, unknown>> => main(), { main });
