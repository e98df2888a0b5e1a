import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parse } from "yaml";

/** What a secret config value becomes: the plan never decrypts `secure:` values. */
export const SECRET_PLACEHOLDER = "[secret placeholder]";

export class ProjectError extends Error {
  override readonly name = "ProjectError";
}

/** A Pulumi project and one of its stacks, read from disk. */
export interface LoadedProject {
  dir: string;
  /** Pulumi.yaml `name`. */
  name: string;
  stack: string;
  /** "namespace:key" → value as Pulumi passes it (strings; other values JSON-encoded). */
  config: Record<string, string>;
  /** Keys whose values were `secure:` (given to the program as placeholders, marked secret). */
  secretConfigKeys: string[];
  /**
   * The program Pulumi would load: a file, or a directory (loaded as `require("<dir>/")`), resolved
   * the way @pulumi/pulumi's `cmd/run` does (see {@link resolveProgram}).
   */
  mainPath: string;
  /** The directory the program runs in (Pulumi's `--pwd`): the project, or `main:`'s directory. */
  programDir: string;
  /** The program's package.json says `"type": "module"`: it is loaded with `import()`. */
  esm: boolean;
  /** `runtime.options.typescript` (default true, as in Pulumi): TypeScript sources run through ts-node. */
  typescript: boolean;
  /** `runtime.options.tsconfig`, relative to the program directory (default tsconfig.json). */
  tsconfig?: string;
  /** `runtime.options.nodeargs`, split on spaces: passed to the Node process that runs the program. */
  nodeargs: string[];
  /** What resolving the program noticed (e.g. a package.json `main` that does not exist). */
  warnings: string[];
  /** Stack config `scaleway:region`, else fr-par. */
  defaultRegion: string;
}

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    throw new ProjectError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Replaces every `{ secure: … }` inside a value by the placeholder; says whether there was one. */
function replaceSecure(value: unknown): { value: unknown; secret: boolean } {
  if (isRecord(value)) {
    if (Object.keys(value).length === 1 && typeof value.secure === "string")
      return { value: SECRET_PLACEHOLDER, secret: true };
    let secret = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = replaceSecure(v);
      out[k] = r.value;
      secret ||= r.secret;
    }
    return { value: out, secret };
  }
  if (Array.isArray(value)) {
    const items = value.map(replaceSecure);
    return { value: items.map((r) => r.value), secret: items.some((r) => r.secret) };
  }
  return { value, secret: false };
}

/** Pulumi passes strings as they are and every other value JSON-encoded. */
function encode(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function fullKey(key: string, project: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

function projectDefaults(
  projectFile: Record<string, unknown>,
  project: string,
): Map<string, { value: unknown; secret: boolean }> {
  const defaults = new Map<string, { value: unknown; secret: boolean }>();
  const config = projectFile.config;
  if (!isRecord(config)) return defaults;
  for (const [key, spec] of Object.entries(config)) {
    // Either a plain value, or a declaration { type, description, default | value, secret }.
    const declared =
      isRecord(spec) && ("default" in spec || "value" in spec || "type" in spec || "description" in spec);
    const value = declared ? (spec.value ?? spec.default) : spec;
    if (value === undefined) continue;
    defaults.set(fullKey(key, project), { value, secret: declared && spec.secret === true });
  }
  return defaults;
}

function stacksIn(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/**
 * Reads Pulumi.yaml and Pulumi.<stack>.yaml: the project name, the stack's config (bare keys in
 * the project's namespace; `secure:` values replaced by a placeholder and listed as secret; project
 * defaults under the stack's values), and the built program from package.json `main`.
 */
export function loadProject(cwd: string, stack: string): LoadedProject {
  const dir = resolve(cwd);
  const projectPath = ["Pulumi.yaml", "Pulumi.yml"].map((f) => join(dir, f)).find((p) => existsSync(p));
  if (!projectPath)
    throw new ProjectError(`no Pulumi.yaml in ${dir}: run in a Pulumi project directory or pass --cwd <dir>`);
  const projectFile = readYaml(projectPath);
  if (!isRecord(projectFile) || typeof projectFile.name !== "string" || projectFile.name === "")
    throw new ProjectError(`${projectPath} has no project name (name: …)`);
  const name = projectFile.name;

  const stackPath = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`]
    .map((f) => join(dir, f))
    .find((p) => existsSync(p));
  if (!stackPath) {
    const known = stacksIn(dir);
    throw new ProjectError(
      `no stack file Pulumi.${stack}.yaml in ${dir}${known.length > 0 ? ` (stacks here: ${known.join(", ")})` : ""}`,
    );
  }
  const stackFile = readYaml(stackPath) ?? {};
  if (!isRecord(stackFile)) throw new ProjectError(`${stackPath} is not a YAML mapping`);
  const stackConfig = stackFile.config ?? {};
  if (!isRecord(stackConfig)) throw new ProjectError(`${stackPath}: config is not a mapping`);

  const entries = projectDefaults(projectFile, name);
  for (const [key, raw] of Object.entries(stackConfig)) {
    const { value, secret } = replaceSecure(raw);
    entries.set(fullKey(key, name), { value, secret });
  }
  const config: Record<string, string> = {};
  const secretConfigKeys: string[] = [];
  for (const [key, { value, secret }] of entries) {
    config[key] = encode(value);
    if (secret) secretConfigKeys.push(key);
  }

  const program = resolveProgram(dir, projectFile);
  const region = config["scaleway:region"];
  return {
    dir,
    name,
    stack,
    config,
    secretConfigKeys,
    ...program,
    defaultRegion: typeof region === "string" && region !== "" ? region : "fr-par",
  };
}

/** How the project's program is run: the part of LoadedProject that resolving `main:` and runtime options gives. */
type ResolvedProgram = Pick<
  LoadedProject,
  "mainPath" | "programDir" | "esm" | "typescript" | "tsconfig" | "nodeargs" | "warnings"
>;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The nearest package.json at or above `dir`, as Pulumi's `searchupPackageManifest` finds it. */
function packageRootOf(dir: string): { root: string; manifest: Record<string, unknown> } {
  for (let current = dir; ; current = dirname(current)) {
    const path = join(current, "package.json");
    if (existsSync(path)) {
      try {
        const manifest = JSON.parse(readFileSync(path, "utf8")) as unknown;
        return { root: current, manifest: isRecord(manifest) ? manifest : {} };
      } catch (error) {
        throw new ProjectError(
          `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (dirname(current) === current) return { root: dir, manifest: {} };
  }
}

/** `exports` (a string, or `"."` as a string or { default | require | import }), else `main`. */
function manifestEntry(manifest: Record<string, unknown>): { field: string; value: string } | undefined {
  const exportsField = manifest.exports;
  if (typeof exportsField === "string") return { field: "exports", value: exportsField };
  if (isRecord(exportsField)) {
    const dot = exportsField["."];
    if (typeof dot === "string") return { field: 'exports["."]', value: dot };
    if (isRecord(dot)) {
      const value = [dot.default, dot.require, dot.import].find((v): v is string => typeof v === "string");
      return value === undefined ? undefined : { field: 'exports["."]', value };
    }
    return undefined;
  }
  return typeof manifest.main === "string" && manifest.main !== ""
    ? { field: "main", value: manifest.main }
    : undefined;
}

/** Whether Node (with ts-node's `.ts` hook when `typescript`) can load a directory as a module. */
function loadableDirectory(dir: string, typescript: boolean): boolean {
  const names = ["index.js", "index.cjs", "index.mjs", ...(typescript ? ["index.ts", "index.tsx"] : [])];
  return names.some((name) => existsSync(join(dir, name)));
}

/**
 * The program as Pulumi 3.248 runs it: the engine turns Pulumi.yaml `main:` into a working directory
 * and an entry point (pkg/engine/project.go, getPwdMain: a directory becomes the working directory
 * with entry ".", a file its directory and base name); the Node.js runner (@pulumi/pulumi
 * cmd/run/run.js) then, for entry ".", takes the nearest package.json's `exports` or `main`, falling
 * back to the directory itself (index.js, or index.ts through ts-node) with a warning when that file
 * does not exist. `runtime.options.typescript` defaults to true (pulumi/pulumi
 * sdk/nodejs/cmd/pulumi-language-nodejs/main.go, parseOptions).
 */
export function resolveProgram(projectDir: string, projectFile: Record<string, unknown>): ResolvedProgram {
  const runtime = projectFile.runtime;
  const options = isRecord(runtime) && isRecord(runtime.options) ? runtime.options : {};
  if (options.typescript !== undefined && typeof options.typescript !== "boolean")
    throw new ProjectError("Pulumi.yaml runtime.options.typescript must be true or false");
  const typescript = options.typescript !== false;
  const tsconfig =
    typeof options.tsconfig === "string" && options.tsconfig !== "" ? options.tsconfig : undefined;
  const nodeargs =
    typeof options.nodeargs === "string" ? options.nodeargs.split(/\s+/).filter((a) => a !== "") : [];
  const warnings: string[] = [];

  let programDir = projectDir;
  let program = projectDir;
  let hasEntrypoint = false;
  if (typeof projectFile.main === "string" && projectFile.main !== "") {
    const full = resolve(projectDir, projectFile.main);
    if (!existsSync(full))
      throw new ProjectError(`Pulumi.yaml main: ${projectFile.main} does not exist (${full})`);
    if (isDirectory(full)) {
      programDir = full;
      program = full;
    } else {
      programDir = dirname(full);
      program = join(programDir, basename(full));
      hasEntrypoint = true;
    }
  }
  const { root, manifest } = packageRootOf(isDirectory(program) ? program : dirname(program));
  if (!hasEntrypoint) {
    const entry = manifestEntry(manifest);
    if (entry) {
      const candidate = join(root, entry.value);
      if (existsSync(candidate)) program = candidate;
      else if (!loadableDirectory(program, typescript))
        throw new ProjectError(
          `the program is not built: ${join(root, "package.json")} "${entry.field}" points to ${candidate}, which does not exist. Build the project first (e.g. npm run build), then run the plan again`,
        );
      else
        warnings.push(
          `${join(root, "package.json")} "${entry.field}" points to ${candidate}, which does not exist: running ${program} instead, as Pulumi does`,
        );
    }
  }
  if (isDirectory(program) && !loadableDirectory(program, typescript))
    throw new ProjectError(
      `no program in ${program}: no index.js${typescript ? " or index.ts" : ""}, and no package.json "main" (if the program is compiled, build the project first, e.g. npm run build)`,
    );
  return {
    mainPath: program,
    programDir,
    esm: manifest.type === "module",
    typescript,
    ...(tsconfig === undefined ? {} : { tsconfig }),
    nodeargs,
    warnings,
  };
}
