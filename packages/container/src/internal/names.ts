/** Environment variable names inside Serverless Containers. */

/** POSIX-style environment variable names. */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Names Scaleway reserves inside Serverless Containers. */
export function reservedEnvName(name: string): boolean {
  return name === "PORT" || name.toUpperCase().startsWith("SCW_");
}
