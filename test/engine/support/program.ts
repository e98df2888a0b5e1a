// The Pulumi programs of the engine tests: YAML (the only language host this machine can build), with
// no provider: config, a secret and outputs. And a synthetic checkpoint of many component resources,
// which need no provider either, to load a large state into the backend with `pulumi stack import`.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PROJECT = "engine-state";

/** A project directory with a Pulumi.yaml: one plain and one secret config value, both as outputs. */
export function yamlProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "sb-engine-program-"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "Pulumi.yaml"),
    [
      `name: ${PROJECT}`,
      "runtime: yaml",
      "description: State-backend engine test program (no cloud resources)",
      "config:",
      "  greeting:",
      "    type: string",
      "  dbPassword:",
      "    type: string",
      "    secret: true",
      "variables:",
      "  connection:",
      "    fn::secret: postgres://app:${dbPassword}@db.internal:5432/app",
      "outputs:",
      "  greeting: ${greeting}",
      "  password: ${dbPassword}",
      "  connection: ${connection}",
      "",
    ].join("\n"),
  );
  return dir;
}

export interface Resource {
  urn: string;
  type: string;
  custom?: boolean;
  parent?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface Deployment {
  version: number;
  deployment: { resources?: Resource[]; [key: string]: unknown };
}

export const COMPONENT_TYPE = "scaleway-blocks:test:Tenant";

/**
 * A deployment for `pulumi stack import` of `stack`: the stack resource and `count` component
 * resources under it, each with inputs and outputs the size of a small real resource's (about 600
 * bytes of JSON). `from` (an export of another stack) gives the manifest and secrets provider.
 */
export function syntheticState(from: Deployment, stack: string, count: number): Deployment {
  const root: Resource = {
    urn: `urn:pulumi:${stack}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${stack}`,
    custom: false,
    type: "pulumi:pulumi:Stack",
  };
  const resources: Resource[] = [root];
  for (let i = 0; i < count; i++) {
    const name = `tenant-${String(i).padStart(4, "0")}`;
    const props = {
      name,
      region: "fr-par",
      projectId: "11111111-2222-3333-4444-555555555555",
      tags: ["managed-by:scaleway-blocks", `tenant:${name}`, `index:${i}`],
      settings: { plan: i % 3 === 0 ? "pro" : "starter", replicas: (i % 4) + 1, backups: true },
    };
    resources.push({
      urn: `urn:pulumi:${stack}::${PROJECT}::${COMPONENT_TYPE}::${name}`,
      custom: false,
      type: COMPONENT_TYPE,
      parent: root.urn,
      inputs: props,
      outputs: { ...props, endpoint: `https://${name}.example.internal` },
    });
  }
  const { manifest, secrets_providers } = from.deployment;
  return { version: from.version, deployment: { manifest, secrets_providers, resources } };
}
