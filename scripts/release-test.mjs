#!/usr/bin/env node
// Release rehearsal against a real npm registry: starts verdaccio on 127.0.0.1 (no uplinks), runs the
// changesets version and publish steps in a throwaway copy of the repo, then `npm install`s the published
// packages into a fresh consumer directory outside the workspace and runs a program that uses them under
// mocks. The registry is stopped when done, pass or fail.
// The release script is `turbo run build && changeset publish`. Its build step runs in the copy before
// the version step, with the working tree's turbo cache (--cache-dir): the copy holds the same files, so
// the dist/ that `turbo run build` made there is reused instead of rebuilt (the version step changes only
// package.json versions, CHANGELOGs and the lockfile, which the compiled output does not depend on:
// plan reads its version from package.json at run time). The registry checks run in parallel.
//   node scripts/release-test.mjs            (KEEP_RELEASE_TMP=1 keeps the temp dir for inspection)
import { execFile, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const started = Date.now();
const log = (message) =>
  console.log(`[release-test +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function sh(command, args, cwd, env = {}) {
  log(`${command} ${args.join(" ")}  (in ${cwd})`);
  return execFileSync(command, args, {
    cwd,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function shAsync(command, args, cwd) {
  log(`${command} ${args.join(" ")}  (in ${cwd})`);
  const { stdout } = await promisify(execFile)(command, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** The release script's steps: its build (run before the version step, from the cache), then the rest. */
function releaseSteps() {
  const release = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.release;
  const [build, ...publish] = release.split("&&").map((step) => step.trim());
  if (!/^turbo run build\b/.test(build) || publish.length === 0)
    throw new Error(`the release script is no longer "turbo run build && …": ${release}`);
  return { build: build.split(/\s+/), publish: publish.map((step) => step.split(/\s+/)) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForRegistry(url, registry, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (registry.exitCode !== null) throw new Error(`verdaccio exited with code ${registry.exitCode}`);
    try {
      const response = await fetch(`${url}/-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`verdaccio did not answer on ${url} within ${timeoutMs} ms`);
}

function startRegistry(dir, port) {
  const config = `storage: ${join(dir, "storage")}
auth:
  htpasswd:
    file: ${join(dir, "htpasswd")}
    max_users: 10
uplinks: {}
packages:
  "**":
    access: $all
    publish: $authenticated
    unpublish: $authenticated
server:
  keepAliveTimeout: 0
log: { type: stdout, format: pretty, level: warn }
`;
  writeFileSync(join(dir, "config.yaml"), config);
  const bin = join(dirname(require.resolve("verdaccio/package.json")), "bin", "verdaccio");
  const child = spawn(
    process.execPath,
    [bin, "--config", join(dir, "config.yaml"), "--listen", `127.0.0.1:${port}`],
    {
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    },
  );
  return child;
}

function stopRegistry(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

async function createUser(url) {
  const response = await fetch(`${url}/-/user/org.couchdb.user:release-test`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
  });
  const body = await response.json();
  if (!response.ok || !body.token)
    throw new Error(`could not create a registry user: ${JSON.stringify(body)}`);
  return body.token;
}

function copyWorkingTree(destination) {
  const files = sh("git", ["ls-files", "-z", "--cached"], root).split("\0").filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(root, file), join(destination, file), { recursive: false });
    } catch (error) {
      if (error.code !== "ENOENT") throw error; // a file deleted in the working tree but not yet in git
    }
  }
  log(`copied ${files.length} files`);
}

function publishablePackages(repo) {
  return readdirSync(join(repo, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      try {
        return JSON.parse(readFileSync(join(repo, "packages", entry.name, "package.json"), "utf8"));
      } catch {
        return undefined;
      }
    })
    .filter((pkg) => pkg && !pkg.private);
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "scaleway-blocks-release-"));
  const registryDir = join(work, "registry");
  const repo = join(work, "repo");
  const consumer = join(work, "consumer");
  for (const dir of [registryDir, repo, consumer]) mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let registry;
  const stop = () => stopRegistry(registry);
  process.on("SIGINT", () => (stop(), process.exit(130)));
  process.on("SIGTERM", () => (stop(), process.exit(143)));
  try {
    registry = startRegistry(registryDir, port);
    await waitForRegistry(url, registry);
    log(`verdaccio is up on ${url}`);
    const token = await createUser(url);

    copyWorkingTree(repo);
    sh("git", ["init", "-q", "-b", "main"], repo);
    // --force: tracked files under an ignored path (a fixture's dist/) stay tracked, as in the working
    // tree, so that turbo hashes the copy as it hashes the working tree.
    sh("git", ["add", "-A", "--force"], repo);
    sh(
      "git",
      [
        "-c",
        "user.name=release-test",
        "-c",
        "user.email=release-test@localhost",
        "commit",
        "-qm",
        "release rehearsal",
      ],
      repo,
    );
    sh("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], repo);
    const steps = releaseSteps();
    const turboEnv = { TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
    const cacheDir = join(root, ".turbo", "cache");
    sh(
      "pnpm",
      ["exec", ...steps.build, "--cache-dir", cacheDir, "--output-logs=errors-only"],
      repo,
      turboEnv,
    );

    // The version step is local (changesets bump versions and changelogs, pnpm refreshes the lockfile).
    const before = new Map(publishablePackages(repo).map((p) => [p.name, p.version]));
    sh("pnpm", ["run", "version-packages", "--prefer-offline"], repo);
    const packages = publishablePackages(repo);
    for (const p of packages) log(`${p.name}: ${before.get(p.name)} → ${p.version}`);

    // From here on, the copy talks to the local registry only.
    writeFileSync(
      join(repo, ".npmrc"),
      `${readFileSync(join(repo, ".npmrc"), "utf8")}\nregistry=${url}/\n//127.0.0.1:${port}/:_authToken=${token}\n`,
    );
    const registryEnv = { npm_config_registry: `${url}/`, ...turboEnv };
    for (const step of steps.publish) process.stdout.write(sh("pnpm", ["exec", ...step], repo, registryEnv));

    await Promise.all(
      packages.map(async (p) => {
        const manifest = JSON.parse(
          await shAsync("npm", ["view", `${p.name}@${p.version}`, "--json", "--registry", `${url}/`], repo),
        );
        if (manifest.version !== p.version)
          throw new Error(`${p.name}@${p.version} is not on the registry (got "${manifest.version}")`);
        const deps = JSON.stringify({ ...manifest.dependencies, ...manifest.peerDependencies });
        if (/workspace:|catalog:/.test(deps))
          throw new Error(`${p.name} was published with unresolved protocols: ${deps}`);
      }),
    );
    log(`published ${packages.length} packages`);

    // A consumer outside the workspace: our packages from the local registry, the rest from the usual one.
    const catalog = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
    const pulumiVersion = /^\s+"@pulumi\/pulumi": (\S+)$/m.exec(catalog)?.[1];
    if (!pulumiVersion) throw new Error("no @pulumi/pulumi pin in the pnpm-workspace.yaml catalog");
    writeFileSync(
      join(consumer, "package.json"),
      JSON.stringify(
        {
          name: "release-test-consumer",
          private: true,
          dependencies: {
            "@pulumi/pulumi": pulumiVersion,
            ...Object.fromEntries(packages.map((p) => [p.name, p.version])),
          },
        },
        null,
        2,
      ),
    );
    writeFileSync(join(consumer, ".npmrc"), `@scaleway-blocks:registry=${url}/\n`);
    sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"], consumer);
    for (const file of ["consumer.cjs", "policy-pack.cjs"])
      cpSync(join(root, "scripts", "release-fixture", file), join(consumer, file));
    process.stdout.write(sh(process.execPath, ["consumer.cjs"], consumer));
    log("PASS: the published packages install from the registry and work in a consumer program");
  } finally {
    stop();
    if (process.env.KEEP_RELEASE_TMP) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[release-test] FAIL: ${error.stack ?? error}`);
  process.exit(1);
});
