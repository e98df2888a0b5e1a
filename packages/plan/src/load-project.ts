import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
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
  /** The built program: the project's package.json `main`, resolved. */
  mainPath: string;
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

  const packagePath = join(dir, "package.json");
  if (!existsSync(packagePath))
    throw new ProjectError(
      `no package.json in ${dir}: the project's package.json "main" must point to its built program (see the README's project contract)`,
    );
  let main: unknown;
  try {
    main = (JSON.parse(readFileSync(packagePath, "utf8")) as { main?: unknown }).main;
  } catch (error) {
    throw new ProjectError(
      `cannot read ${packagePath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const mainPath = resolve(dir, typeof main === "string" && main !== "" ? main : "index.js");
  const candidates = [mainPath, `${mainPath}.js`, join(mainPath, "index.js")];
  if (!candidates.some((p) => existsSync(p)))
    throw new ProjectError(
      `the program is not built: ${packagePath} "main" points to ${mainPath}, which does not exist. Build the project first (e.g. npm run build), then run the plan again`,
    );

  const region = config["scaleway:region"];
  return {
    dir,
    name,
    stack,
    config,
    secretConfigKeys,
    mainPath,
    defaultRegion: typeof region === "string" && region !== "" ? region : "fr-par",
  };
}
