#!/usr/bin/env node
// Builds the real Pulumi tools from their Go modules, at the versions pinned in
// scripts/pulumi-tools.versions.json (which test/pulumi-tools.test.ts checks against the npm pins):
// the `pulumi` CLI, its Node.js language host, and the Scaleway and random provider plugins; and the
// tools the engine tests need besides (`testTools`: the YAML language host, the versitygw S3 server).
//
//   pnpm run tools                                   build what is missing, then print the bin directory
//   PATH="$(node scripts/pulumi-tools.mjs | tail -n 1):$PATH"
//   node scripts/pulumi-tools.mjs --only pulumi      build (or reuse) a subset
//   node scripts/pulumi-tools.mjs --rebuild          build again even if the cache has them
//
// The tools go to a cache directory outside the work tree, keyed by the versions, and are reused on
// the next run: $SCALEWAY_BLOCKS_TOOLS_DIR, or ${XDG_CACHE_HOME:-$HOME/.cache}/scaleway-blocks/pulumi-tools,
// then /<key>/bin. The LAST line on stdout is that bin directory; every progress line goes to stderr.
// Exit 0 when every selected tool is there; 1 when one could not be built; 2 when Go or the module
// proxy is missing, or the pins disagree. `testTools` are cached in the same bin directory and rebuilt
// when their marker's version is not the pinned one.
//
// `go install module@version` refuses modules whose go.mod has `replace` lines, and a dependency's
// replace lines are ignored by the module that requires it: so each tool is built from a small
// wrapper module generated in the cache, which requires the tool's module and copies its replace
// lines (local ones, like random's ./shim, are supplied by this script).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  createWriteStream,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..");
export const versionsFile = join(here, "pulumi-tools.versions.json");
/** Bumped when the way the tools are built changes, so that the cache key changes too. */
const RECIPE = 1;
/** The binaries the engine tests need, and the npm pin each one must agree with. */
export const REQUIRED_TOOLS = {
  pulumi: "@pulumi/pulumi",
  "pulumi-language-nodejs": "@pulumi/pulumi",
  "pulumi-resource-scaleway": "@pulumiverse/scaleway",
  "pulumi-resource-random": "@pulumi/random",
};
const WIDTH = 120;

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for the tests)

/** The `catalog:` section of pnpm-workspace.yaml as { name: version }. */
export function parseCatalog(yamlText) {
  const catalog = {};
  let inCatalog = false;
  for (const line of yamlText.split(/\r?\n/)) {
    if (/^catalog:\s*(#.*)?$/.test(line)) {
      inCatalog = true;
      continue;
    }
    if (!inCatalog || /^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const m = /^\s+(?:"([^"]+)"|'([^']+)'|([^\s:#][^:]*?))\s*:\s*["']?([^"'\s#]+)["']?/.exec(line);
    if (m) catalog[m[1] ?? m[2] ?? m[3]] = m[4];
  }
  return catalog;
}

/** The pseudo-version Go gives an untagged commit: vN.0.0-yyyymmddhhmmss-<12 hex> (v0 below /v2). */
export function pseudoVersion(modulePath, commitTime, commit) {
  const major = /\/v([2-9]|[1-9][0-9]+)$/.exec(modulePath)?.[1] ?? "0";
  const t = new Date(commitTime);
  if (Number.isNaN(t.getTime())) throw new Error(`not a time: ${commitTime}`);
  const stamp = t.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  if (!/^[0-9a-f]{12,40}$/.test(commit)) throw new Error(`not a commit hash: ${commit}`);
  return `v${major}.0.0-${stamp}-${commit.slice(0, 12)}`;
}

/**
 * Everything that disagrees between the pinned tools and the npm pins of the catalog: the CLI and
 * the language host must be the SDK's version, each plugin its SDK package's version, and each
 * tool's Go module version must be that release's tag (or its commit's pseudo-version).
 */
export function checkPins(versions, catalog) {
  const problems = [];
  const tools = Array.isArray(versions?.tools) ? versions.tools : [];
  const byBinary = new Map();
  for (const tool of tools) {
    const name = tool?.binary ?? "(no binary)";
    if (byBinary.has(name)) problems.push(`${name}: listed twice`);
    byBinary.set(name, tool);
  }
  for (const [binary, npm] of Object.entries(REQUIRED_TOOLS)) {
    const tool = byBinary.get(binary);
    if (!tool) problems.push(`${binary}: missing (it must match the npm pin of ${npm})`);
    else if (tool.npm !== npm) problems.push(`${binary}: pinned against ${tool.npm}, expected ${npm}`);
  }
  for (const tool of tools) {
    const name = tool?.binary ?? "(no binary)";
    const pin = catalog[tool?.npm];
    if (pin === undefined) {
      problems.push(`${name}: ${tool?.npm} has no pin in pnpm-workspace.yaml's catalog`);
    } else if (!/^\d+\.\d+\.\d+$/.test(pin)) {
      problems.push(`${name}: ${tool.npm} is pinned to "${pin}", not an exact version`);
    } else if (tool.release !== pin) {
      problems.push(`${name}: release ${tool.release} but ${tool.npm} is pinned to ${pin}`);
    }
    if (tool.tag !== `v${tool.release}`) problems.push(`${name}: tag ${tool.tag} is not v${tool.release}`);
    const stamped = /=([^=\s]+)$/.exec(tool.stamp ?? "")?.[1];
    if (stamped !== tool.release && stamped !== `v${tool.release}`) {
      problems.push(`${name}: stamps version ${stamped ?? "(none)"}, not ${tool.release}`);
    }
    if (tool.version === tool.tag) continue;
    if (!String(tool.commitFrom ?? "").endsWith(`@${tool.tag}`)) {
      problems.push(`${name}: commitFrom ${tool.commitFrom} is not a module at tag ${tool.tag}`);
    }
    if (tool.version === null && !tool.commit) continue; // resolved at build time from commitFrom
    try {
      const expected = pseudoVersion(tool.module, tool.commitTime, tool.commit);
      if (tool.version !== expected) {
        problems.push(`${name}: version ${tool.version}, but the commit of ${tool.tag} is ${expected}`);
      }
    } catch (error) {
      problems.push(
        `${name}: version ${tool.version} is neither ${tool.tag} nor a pseudo-version (${error.message})`,
      );
    }
  }
  return problems;
}

/** Every tool the script knows: the pinned ones, then the engine tests' own. */
export function allTools(versions) {
  return [...(versions.tools ?? []), ...(versions.testTools ?? [])];
}

/**
 * What is wrong with the engine tests' own tools: each one needs a binary name no other tool has, a
 * module, a release tag as version (they have no npm pin to agree with, so no pseudo-versions), a main
 * package and a version stamp of that same version.
 */
export function checkTestTools(versions) {
  const problems = [];
  const pinned = new Set((versions.tools ?? []).map((t) => t.binary));
  const seen = new Set();
  for (const tool of versions.testTools ?? []) {
    const name = tool?.binary ?? "(no binary)";
    if (pinned.has(name) || seen.has(name)) problems.push(`${name}: listed twice`);
    seen.add(name);
    if (!tool.module) problems.push(`${name}: no module`);
    if (!/^v\d+\.\d+\.\d+$/.test(tool.version ?? "")) {
      problems.push(`${name}: version ${tool.version} is not a release tag vX.Y.Z`);
    }
    if (typeof tool.package !== "string") problems.push(`${name}: no main package ("" for the module root)`);
    const stamped = /=([^=\s]+)$/.exec(tool.stamp ?? "")?.[1];
    if (stamped !== tool.version)
      problems.push(`${name}: stamps version ${stamped ?? "(none)"}, not ${tool.version}`);
  }
  return problems;
}

/** The cache key: readable versions plus a short hash of everything that shapes the build. */
export function toolsKey(versions) {
  const release = (binary) => versions.tools.find((t) => t.binary === binary)?.release ?? "none";
  const hash = createHash("sha256")
    .update(JSON.stringify({ recipe: RECIPE, tools: versions.tools }))
    .digest("hex")
    .slice(0, 10);
  return `pulumi-${release("pulumi")}_scaleway-${release("pulumi-resource-scaleway")}_random-${release(
    "pulumi-resource-random",
  )}_${hash}`;
}

/** The `replace` directives of a go.mod: [{ from, fromVersion?, to, toVersion? }]. */
export function parseGoModReplaces(goModText) {
  const replaces = [];
  const parse = (spec) => {
    const m = /^(\S+)(?:\s+(\S+))?\s+=>\s+(\S+)(?:\s+(\S+))?$/.exec(spec.replace(/\/\/.*$/, "").trim());
    if (!m) return;
    const replace = { from: m[1], to: m[3] };
    if (m[2]) replace.fromVersion = m[2];
    if (m[4]) replace.toVersion = m[4];
    replaces.push(replace);
  };
  let inBlock = false;
  for (const raw of goModText.split(/\r?\n/)) {
    const line = raw.trim();
    if (inBlock) {
      if (line.startsWith(")")) inBlock = false;
      else parse(line);
    } else if (/^replace\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith("replace ")) parse(line.slice("replace ".length));
  }
  return replaces;
}

/** A local replacement (./dir, ../dir, /dir): the module zip does not carry it. */
export function isLocalPath(target) {
  return target.startsWith("./") || target.startsWith("../") || target.startsWith("/") || target === ".";
}

/** The base directory of the tools cache. */
export function toolsBaseDir(env = process.env, home = homedir()) {
  if (env.SCALEWAY_BLOCKS_TOOLS_DIR) return resolve(env.SCALEWAY_BLOCKS_TOOLS_DIR);
  const cache = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(home, ".cache");
  return join(cache, "scaleway-blocks", "pulumi-tools");
}

/** What a failed `go` command means, in one sentence a person can act on. */
export function explainGoError(text, what, goproxy) {
  if (/403 Forbidden|not available/i.test(text)) {
    return `the Go module proxy refuses ${what} ("This module version is not available")`;
  }
  if (
    /no such host|dial tcp|i\/o timeout|connection refused|network is unreachable|TLS handshake/i.test(text)
  ) {
    return `the Go module proxy (${goproxy}) cannot be reached while fetching ${what}`;
  }
  if (/\b(404|410)\b|unknown revision|invalid version|not found/i.test(text)) {
    return `the Go module proxy does not know ${what}`;
  }
  const last = text.trim().split("\n").filter(Boolean).pop() ?? "no output";
  return `go failed on ${what}: ${last}`;
}

// ---------------------------------------------------------------------------------------------
// The build

class ToolError extends Error {}
class FatalError extends Error {}

const started = Date.now();
const secs = (ms) => `${Math.round(ms / 1000)}s`;

/** Splits a line into lines of at most `width` columns, at spaces where it can. */
export function wrap(line, width = WIDTH, indent = "    ") {
  const lines = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(" ", width);
    if (cut <= indent.length) cut = width;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = indent + rest.slice(cut).trimStart();
  }
  lines.push(rest);
  return lines;
}

function say(text) {
  for (const line of String(text).split("\n")) {
    for (const part of wrap(`[tools] ${line}`)) process.stderr.write(`${part}\n`);
  }
}

function goEnv() {
  const result = spawnSync("go", ["env", "-json", "GOVERSION", "GOPROXY", "GOMODCACHE", "GOFLAGS"], {
    encoding: "utf8",
  });
  if (result.error?.code === "ENOENT") {
    throw new FatalError(
      "Go is not installed or not on PATH. The Pulumi tools are built from Go modules:\n" +
        "install Go 1.25 or later, put `go` on PATH, and run this again.",
    );
  }
  if (result.status !== 0) throw new FatalError(`\`go env\` failed: ${result.stderr.trim()}`);
  const env = JSON.parse(result.stdout);
  if (!env.GOPROXY || /^off$/.test(env.GOPROXY)) {
    throw new FatalError("GOPROXY is off: the tools need the Go module proxy to download their modules.");
  }
  return env;
}

/** Runs a command with its output in a log file; prints a heartbeat while it runs. */
function run(label, command, args, { cwd, log, env }) {
  return new Promise((resolvePromise) => {
    const t0 = Date.now();
    const out = [];
    const logStream = createWriteStream(log, { flags: "a" });
    logStream.write(`\n$ (cd ${cwd} && ${command} ${args.join(" ")})\n`);
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, GOWORK: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk) => {
      out.push(chunk);
      logStream.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const beat = setInterval(() => say(`  … ${label}: ${secs(Date.now() - t0)} so far`), 60_000);
    const finish = (code) => {
      clearInterval(beat);
      logStream.end();
      resolvePromise({ code, output: Buffer.concat(out).toString("utf8"), ms: Date.now() - t0 });
    };
    child.on("error", (error) => {
      out.push(Buffer.from(String(error)));
      finish(127);
    });
    child.on("close", (code) => finish(code ?? 1));
  });
}

const niceAvailable = spawnSync("nice", ["-n", "10", "true"]).status === 0;
const niced = (args) => (niceAvailable ? ["nice", ["-n", "10", "go", ...args]] : ["go", args]);

async function modDownload(moduleAtVersion, ctx) {
  const result = await run(
    `download ${moduleAtVersion}`,
    "go",
    ["mod", "download", "-json", moduleAtVersion],
    ctx,
  );
  let info;
  try {
    info = JSON.parse(result.output.slice(result.output.indexOf("{")));
  } catch {
    info = { Error: result.output };
  }
  if (result.code !== 0 || info.Error) {
    const error = new ToolError(explainGoError(info.Error ?? result.output, moduleAtVersion, ctx.goproxy));
    if (/cannot be reached/.test(error.message)) throw new FatalError(error.message);
    throw error;
  }
  return info;
}

/** The module version to build: pinned, or the pseudo-version of the tag's commit (from the Origin). */
async function resolveVersion(tool, ctx) {
  if (tool.version) return tool.version;
  const info = await modDownload(tool.commitFrom, ctx);
  const hash = info.Origin?.Hash;
  if (!hash) {
    throw new ToolError(
      `${tool.module} has no tag of its own and the commit of ${tool.tag} is unknown: the module proxy's ` +
        `info for ${tool.commitFrom} carries no Origin (VCS hash). Pin "version" (the pseudo-version) ` +
        "in scripts/pulumi-tools.versions.json.",
    );
  }
  const infoJson = JSON.parse(readFileSync(info.Info, "utf8"));
  return pseudoVersion(tool.module, infoJson.Time, hash);
}

/** Local modules that a tool's go.mod points at with ./dir and that its zip lacks. */
const LOCAL_MODULES = {
  // pulumi-random's ./shim: exposes the upstream provider's internal/provider. It must live under
  // github.com/terraform-providers/terraform-provider-random/ to be allowed to import that package.
  "random-shim"(dir, from, goMod) {
    const require = (path) =>
      new RegExp(`^\\s*${path.replace(/[.]/g, "\\.")}\\s+(\\S+)`, "m").exec(goMod)?.[1];
    const upstream = "github.com/terraform-providers/terraform-provider-random";
    const framework = "github.com/hashicorp/terraform-plugin-framework";
    const requires = [upstream, framework].filter(require).map((path) => `\t${path} ${require(path)}`);
    writeFileSync(
      join(dir, "go.mod"),
      `module ${from}\n\ngo ${goDirective(goMod)}\n\nrequire (\n${requires.join("\n")}\n)\n`,
    );
    writeFileSync(
      join(dir, "shim.go"),
      [
        "// Generated by scaleway-blocks' scripts/pulumi-tools.mjs: the ./shim module of pulumi-random,",
        "// which its module zip does not carry.",
        "package shim",
        "",
        "import (",
        '\ttfpf "github.com/hashicorp/terraform-plugin-framework/provider"',
        `\t"${upstream}/internal/provider"`,
        ")",
        "",
        "// NewProvider returns the upstream Terraform random provider.",
        "func NewProvider() tfpf.Provider {",
        "\treturn provider.New()",
        "}",
        "",
      ].join("\n"),
    );
  },
};

function goDirective(goMod) {
  return /^go\s+(\S+)/m.exec(goMod)?.[1] ?? "1.25";
}

/** Generates schema-embed.json from schema.json the way the provider Makefiles do (versioned, minified). */
function writeEmbeddedSchema(pkgDir, release) {
  const schema = JSON.parse(readFileSync(join(pkgDir, "schema.json"), "utf8"));
  schema.version = release;
  writeFileSync(join(pkgDir, "schema-embed.json"), JSON.stringify(schema));
}

async function buildTool(tool, dirs, ctx) {
  const t0 = Date.now();
  const log = join(dirs.logs, `${tool.binary}.log`);
  writeFileSync(log, `${new Date().toISOString()} building ${tool.binary}\n`);
  const c = { ...ctx, log, cwd: dirs.root };
  const version = await resolveVersion(tool, c);
  const moduleAtVersion = `${tool.module}@${version}`;
  say(`${tool.binary}: download ${moduleAtVersion}`);
  const info = await modDownload(moduleAtVersion, c);
  const goMod = readFileSync(info.GoMod, "utf8");

  const src = join(dirs.src, tool.binary);
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const replaces = [];
  for (const r of parseGoModReplaces(goMod)) {
    const from = r.fromVersion ? `${r.from} ${r.fromVersion}` : r.from;
    if (!isLocalPath(r.to)) {
      replaces.push(`replace ${from} => ${r.to} ${r.toVersion ?? ""}`.trimEnd());
      continue;
    }
    const generator = tool.localReplaces?.[r.from];
    if (!generator) {
      say(
        `  ${tool.binary}: skip replace ${r.from} => ${r.to} (local in its repo; the required version is used)`,
      );
      continue;
    }
    const dir = join(src, generator);
    mkdirSync(dir, { recursive: true });
    LOCAL_MODULES[generator](dir, r.from, goMod);
    replaces.push(`replace ${from} => ./${generator}`);
  }
  writeFileSync(
    join(src, "go.mod"),
    [
      `// Generated by scripts/pulumi-tools.mjs: builds ${tool.binary} from ${moduleAtVersion}.`,
      `module scaleway-blocks.local/pulumi-tools/${tool.binary}`,
      "",
      `go ${goDirective(goMod)}`,
      "",
      ...replaces,
      "",
    ].join("\n"),
  );
  for (const r of replaces) say(`  ${tool.binary}: ${r}`);

  // The main package. One that embeds a generated schema-embed.json (not in the module) is copied
  // into the wrapper, next to the file made from its schema.json.
  const mainPath = tool.package ? `${tool.module}/${tool.package}` : tool.module;
  const mainDir = tool.package ? join(info.Dir, tool.package) : info.Dir;
  const goFiles = readdirSync(mainDir).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
  const embedsSchema =
    goFiles.some((f) => readFileSync(join(mainDir, f), "utf8").includes("schema-embed.json")) &&
    !existsSync(join(mainDir, "schema-embed.json"));
  let target = mainPath;
  const get = ["get", moduleAtVersion];
  if (embedsSchema) {
    const copy = join(src, "cmd", tool.binary);
    mkdirSync(copy, { recursive: true });
    for (const f of readdirSync(mainDir)) {
      if (statSync(join(mainDir, f)).isFile() && !f.endsWith("_test.go"))
        copyFileSync(join(mainDir, f), join(copy, f));
    }
    writeEmbeddedSchema(copy, tool.release);
    say(
      `  ${tool.binary}: schema-embed.json generated from ${tool.package}/schema.json (version ${tool.release})`,
    );
    target = `./cmd/${tool.binary}`;
  } else {
    get[1] = `${mainPath}@${version}`;
  }

  say(`${tool.binary}: download dependencies (go ${get.join(" ")})`);
  const fetched = await run(`${tool.binary} dependencies`, "go", get, { ...c, cwd: src });
  if (fetched.code !== 0) throw new ToolError(explainGoError(fetched.output, moduleAtVersion, ctx.goproxy));
  if (embedsSchema) {
    const tidy = await run(`${tool.binary} go mod tidy`, "go", ["mod", "tidy"], { ...c, cwd: src });
    if (tidy.code !== 0)
      throw new ToolError(explainGoError(tidy.output, `${tool.binary}'s dependencies`, ctx.goproxy));
  }
  const downloadMs = Date.now() - t0;
  say(`${tool.binary}: downloaded in ${secs(downloadMs)}; compile ${target}`);

  const out = join(dirs.bin, `.${tool.binary}.partial`);
  const [command, args] = niced(["build", "-trimpath", "-ldflags", `-X ${tool.stamp}`, "-o", out, target]);
  const built = await run(`compile ${tool.binary}`, command, args, { ...c, cwd: src });
  if (built.code !== 0) {
    const tail = built.output.trim().split("\n").slice(-8).join("\n");
    say(tail);
    throw new ToolError(`compiling ${tool.binary} failed (full log: ${log})`);
  }
  renameSync(out, join(dirs.bin, tool.binary));
  if (tool.binary === "pulumi") {
    const v = spawnSync(join(dirs.bin, "pulumi"), ["version"], { encoding: "utf8" });
    if (v.stdout.trim() !== tool.tag) {
      throw new ToolError(`pulumi version printed "${v.stdout.trim()}${v.stderr.trim()}", not ${tool.tag}`);
    }
  }
  const record = {
    binary: tool.binary,
    module: tool.module,
    version,
    release: tool.release,
    builtAt: new Date(),
  };
  writeFileSync(marker(dirs, tool), `${JSON.stringify(record, null, 2)}\n`);
  say(
    `${tool.binary}: built in ${secs(Date.now() - t0)} ` +
      `(download ${secs(downloadMs)}, compile ${secs(built.ms)})`,
  );
}

const marker = (dirs, tool) => join(dirs.bin, `.${tool.binary}.built.json`);

/** The binary is there, with a marker of the same module (and version, when it is pinned). */
function isCached(dirs, tool) {
  if (!existsSync(join(dirs.bin, tool.binary)) || !existsSync(marker(dirs, tool))) return false;
  try {
    const built = JSON.parse(readFileSync(marker(dirs, tool), "utf8"));
    return built.module === tool.module && (!tool.version || built.version === tool.version);
  } catch {
    return false;
  }
}

function parseArgs(argv) {
  const options = { only: null, rebuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--rebuild") options.rebuild = true;
    else if (arg === "--only") options.only = (argv[++i] ?? "").split(",").filter(Boolean);
    else if (arg.startsWith("--only=")) options.only = arg.slice("--only=".length).split(",").filter(Boolean);
    else if (arg === "--help" || arg === "-h") options.help = true;
    else throw new FatalError(`unknown argument ${arg} (try --help)`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stderr.write(
      `${readFileSync(fileURLToPath(import.meta.url), "utf8")
        .split("\n")
        .slice(1, 18)
        .join("\n")}\n`,
    );
    return 0;
  }
  const versions = JSON.parse(readFileSync(versionsFile, "utf8"));
  const catalog = parseCatalog(readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8"));
  const problems = [...checkPins(versions, catalog), ...checkTestTools(versions)];
  if (problems.length)
    throw new FatalError(`the pinned tools disagree with the npm pins:\n  ${problems.join("\n  ")}`);

  const known = allTools(versions);
  const tools = known.filter((t) => !options.only || options.only.includes(t.binary));
  const unknown = (options.only ?? []).filter((name) => !known.some((t) => t.binary === name));
  if (unknown.length) throw new FatalError(`no such tool: ${unknown.join(", ")}`);

  const base = toolsBaseDir();
  const rel = relative(resolve(repoRoot), base);
  if (!rel.startsWith("..") && !isAbsolute(rel)) {
    throw new FatalError(
      `the tools cache ${base} is inside the work tree: point SCALEWAY_BLOCKS_TOOLS_DIR elsewhere`,
    );
  }
  const root = join(base, toolsKey(versions));
  const dirs = { root, bin: join(root, "bin"), src: join(root, "src"), logs: join(root, "logs") };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });

  const todo = tools.filter((t) => options.rebuild || !isCached(dirs, t));
  for (const t of tools.filter((tool) => !todo.includes(tool))) {
    say(`${t.binary}: cached (${t.release ?? t.version})`);
  }
  const failures = [];
  if (todo.length) {
    const env = goEnv();
    say(`building ${todo.map((t) => t.binary).join(", ")} with ${env.GOVERSION} into ${root}`);
    say(`module proxy ${env.GOPROXY}; module cache ${env.GOMODCACHE}`);
    for (const tool of todo) {
      try {
        await buildTool(tool, dirs, { goproxy: env.GOPROXY });
      } catch (error) {
        if (!(error instanceof ToolError)) throw error;
        failures.push(`${tool.binary}: ${error.message}`);
        say(`${tool.binary}: NOT BUILT: ${error.message}`);
      }
    }
  }
  say(`done in ${secs(Date.now() - started)}`);
  if (failures.length) {
    say(`${failures.length} of ${tools.length} tools could not be built:`);
    for (const failure of failures) say(`  ${failure}`);
    say(`(built ones are in ${dirs.bin}; logs in ${dirs.logs})`);
    return 1;
  }
  process.stdout.write(`${dirs.bin}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      say(`error: ${error instanceof FatalError ? error.message : error.stack}`);
      process.exit(error instanceof FatalError ? 2 : 1);
    },
  );
}
