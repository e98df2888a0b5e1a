// The TEST-ONLY stand-in Scaleway provider plugin (provider.cjs) on PATH, and the YAML program the
// `--from-preview` engine tests preview with it. The CLI, its engine and the preview document are real;
// the stand-in's replace decisions and outputs are ours (see provider.cjs).
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const STANDIN_PROVIDER = join(__dirname, "provider.cjs");

/**
 * A directory holding `pulumi-resource-scaleway`, a launcher of the stand-in with this Node: put it
 * first on PATH and the CLI takes it as the `scaleway` plugin (an ambient plugin).
 */
export function standinPluginDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "sb-standin-plugin-"));
  const launcher = join(dir, "pulumi-resource-scaleway");
  writeFileSync(launcher, `#!/bin/sh\nexec "${process.execPath}" "${STANDIN_PROVIDER}" "$@"\n`);
  chmodSync(launcher, 0o755);
  return dir;
}

export const PREVIEW_PROJECT = "preview-engine";

/**
 * The program: a Managed PostgreSQL instance, a bucket and a container, set up to pass
 * @scaleway-blocks/policy (private network, encryption, HTTPS only, the core tags), so that an exit
 * status says what the engine's steps mean. Config picks the node type, the user name (the stand-in
 * replaces the instance when it changes), the bucket name (replaces the bucket, deleted first) and
 * encryption at rest; `withBucket: false` leaves the bucket out (the engine deletes it).
 */
export function previewProgram(dir: string, options: { withBucket?: boolean } = {}): void {
  const tags = ["managed-by=pulumi", "environment=dev", "component=preview-test"];
  const lines = [
    `name: ${PREVIEW_PROJECT}`,
    "runtime: yaml",
    "description: engine test of scaleway-blocks plan --from-preview (stand-in Scaleway provider)",
    "config:",
    "  nodeType: { type: string, default: DB-DEV-S }",
    "  userName: { type: string, default: app }",
    "  bucketName: { type: string, default: sb-preview-uploads }",
    "  encryption: { type: boolean, default: true }",
    "resources:",
    "  db:",
    "    type: scaleway:databases/instance:Instance",
    "    properties:",
    "      name: preview-db",
    "      nodeType: ${nodeType}",
    "      engine: PostgreSQL-16",
    "      userName: ${userName}",
    "      password:",
    "        fn::secret: not-a-real-password",
    "      volumeType: sbs_5k",
    "      volumeSizeInGb: 20",
    "      encryptionAtRest: ${encryption}",
    "      privateNetwork:",
    "        pnId: fr-par/00000000-0000-0000-0000-0000000000aa",
    `      tags: [${tags.join(", ")}]`,
    "  api:",
    "    type: scaleway:containers/container:Container",
    "    properties:",
    "      name: api",
    "      namespaceId: fr-par/00000000-0000-0000-0000-0000000000bb",
    "      imageUri: rg.fr-par.scw.cloud/preview/api:1",
    "      cpuLimit: 1000",
    "      memoryLimitBytes: 2147483648",
    "      minScale: 1",
    "      maxScale: 3",
    "      privacy: private",
    "      httpsConnectionsOnly: true",
    `      tags: [${tags.join(", ")}]`,
    "      environmentVariables:",
    "        DB_HOST: ${db.endpointIp}",
  ];
  if (options.withBucket !== false)
    lines.push(
      "  uploads:",
      "    type: scaleway:object/bucket:Bucket",
      "    properties:",
      "      name: ${bucketName}",
      "      tags:",
      ...tags.map((t) => `        ${t.replace("=", ": ")}`),
    );
  writeFileSync(join(dir, "Pulumi.yaml"), `${lines.join("\n")}\n`);
}

/**
 * A preview document made smaller for a unit-test fixture: the same steps, ops, reasons, diffs and
 * states, without the program's stack traces, source positions and timestamps (the plan reads none).
 */
export function reducePreview(doc: Record<string, unknown>): Record<string, unknown> {
  const dropped = new Set(["stackTrace", "sourcePosition", "created", "modified", "propertyDependencies"]);
  const reduce = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reduce);
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !dropped.has(key))
        .map(([key, child]) => [key, reduce(child)]),
    );
  };
  const { duration: _duration, ...rest } = doc;
  return reduce(rest) as Record<string, unknown>;
}
