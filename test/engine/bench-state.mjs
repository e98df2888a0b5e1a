#!/usr/bin/env node
// Prints how long the real Pulumi CLI (the pinned v3.248.0) takes on a state of 1,000 resources in
// the DIY S3 backend, against the local versitygw server the engine tests use (a benchmark, not a test):
//
//   pnpm run bench:engine-state [-- --resources 1000]
//
// The state: the stack resource and N component resources (about 600 bytes of JSON each), written by
// `pulumi stack import`; then `pulumi stack export`, `pulumi preview`, `pulumi refresh` (reads and
// writes the whole state) and `pulumi up` of the program, which does not declare them, so deletes them
// (N steps, the state saved as it goes). A YAML program cannot declare components without a plugin,
// and no provider plugin builds here, so an `up` that keeps 1,000 resources is not measured.
// It reuses the engine tests' helpers (TypeScript, loaded through Vite's module runner).
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createServer, createServerModuleRunner } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const count = Number(process.argv[process.argv.indexOf("--resources") + 1] || 1000) || 1000;

const tools = spawnSync(
  process.execPath,
  [join(root, "scripts", "pulumi-tools.mjs"), "--only", "pulumi,pulumi-language-yaml,versitygw"],
  { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (tools.status !== 0) {
  console.error(`the tools could not be built (exit ${tools.status}): see above`);
  process.exit(tools.status ?? 1);
}
const bin = tools.stdout.trim().split("\n").pop();

const vite = await createServer({
  configFile: false,
  root,
  logLevel: "error",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  // The workspace packages' dist is CommonJS: let Node load it.
  ssr: { external: ["@scaleway-blocks/core"] },
});
const runner = createServerModuleRunner(vite.environments.ssr, { hmr: false });
const { startS3Server, S3Client } = await runner.import("/test/engine/support/s3.ts");
const { PulumiSession } = await runner.import("/test/engine/support/pulumi.ts");
const { yamlProject, syntheticState, PROJECT } = await runner.import("/test/engine/support/program.ts");
const { backendUrl } = await runner.import("/packages/state-backend/src/internal/backend-url.ts");

const s3 = await startS3Server(join(bin, "versitygw"));
const session = new PulumiSession(bin, s3);
const program = yamlProject();
const figures = [];
const timed = async (label, args) => {
  const run = await session.ok(args, { cwd: program });
  figures.push([label, `${(run.ms / 1000).toFixed(1)} s`]);
  return run;
};
try {
  const client = new S3Client(s3);
  await client.createBucket("acme-state");
  const url = backendUrl("acme-state", "fr-par").replace("s3.fr-par.scw.cloud", s3.endpoint);
  await session.ok(["login", url]);
  await session.ok(["stack", "init", "dev"], { cwd: program });
  await session.ok(["config", "set", "greeting", "hello"], { cwd: program });
  await session.ok(["config", "set", "--secret", "dbPassword", "bench"], { cwd: program });
  await timed("up of the small program (1 resource)", ["up", "--yes", "--skip-preview", "--stack", "dev"]);
  const from = JSON.parse((await session.ok(["stack", "export", "--stack", "dev"], { cwd: program })).stdout);

  await session.ok(["stack", "init", "big"], { cwd: program });
  const file = join(program, "big.json");
  writeFileSync(file, JSON.stringify(syntheticState(from, "big", count)));
  const onBig = ["--stack", "big"];
  await timed(`stack import of ${count} resources`, ["stack", "import", "--file", file, ...onBig]);
  const exported = await timed(`stack export of ${count} resources`, ["stack", "export", ...onBig]);
  const key = `.pulumi/stacks/${PROJECT}/big.json`;
  const stored = await client.getObject("acme-state", key);
  await session.ok(["config", "set", "greeting", "hello", ...onBig], { cwd: program });
  await session.ok(["config", "set", "--secret", "dbPassword", "bench", ...onBig], { cwd: program });
  await timed(`preview over ${count} resources`, ["preview", ...onBig]);
  await timed(`refresh over ${count} resources`, ["refresh", "--yes", "--skip-preview", ...onBig]);
  await timed(`up deleting ${count} resources (${count} steps)`, ["up", "--yes", "--skip-preview", ...onBig]);
  figures.push([
    `checkpoint of ${count} resources in the bucket`,
    `${(stored.length / 1024).toFixed(0)} KiB`,
  ]);
  figures.push([`stack export output`, `${(exported.stdout.length / 1024).toFixed(0)} KiB`]);
  figures.push([
    "pulumi CLI",
    spawnSync(join(bin, "pulumi"), ["version"], { encoding: "utf8" }).stdout.trim(),
  ]);
} finally {
  await s3.stop();
  session.dispose();
  rmSync(program, { recursive: true, force: true });
  await runner.close();
  await vite.close();
}
const width = Math.max(...figures.map(([label]) => label.length));
for (const [label, value] of figures) console.log(`${label.padEnd(width)}  ${value}`);
