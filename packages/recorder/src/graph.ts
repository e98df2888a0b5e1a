import { ResourceRef, Secret, STACK_TYPE } from "@scaleway-blocks/core/internal";

export interface RecordedOptions {
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  additionalSecretOutputs: string[];
  aliases: string[];
  provider?: string;
}

/** One resource as the Pulumi engine would have received it. */
export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  /** false for component resources and the stack. */
  custom: boolean;
  id?: string;
  /** The parent's URN (the stack for top-level resources). */
  parent?: string;
  /** Every resource this one waits for: explicit dependsOn and those its inputs came from. */
  dependencies: string[];
  /** Per input, the resources its value came from (implicit dependencies). */
  propertyDependencies: Record<string, string[]>;
  /** Resolved inputs; secrets stay wrapped in `Secret`. */
  inputs: Record<string, unknown>;
  /** Custom resources: the state the (mocked) provider returned. Components: what they registered. */
  outputs: Record<string, unknown>;
  options: RecordedOptions;
}

export interface RecordedCall {
  token: string;
  inputs: Record<string, unknown>;
}

/** A place in the graph where a secret value appears outside a Secret wrapper. */
export interface SecretLeak {
  urn: string;
  where: "inputs" | "outputs";
  path: string;
  /**
   * The first two characters of the leaked secret, enough to tell which one; for a secret shorter
   * than 4 characters only its length, e.g. "(3 characters)", so the report does not reveal it.
   */
  secretPrefix: string;
}

/** Options of {@link ResourceGraph.secretLeaks}. */
export interface SecretLeaksOptions {
  /**
   * Values that are not secret even where the graph holds them inside a Secret, e.g. an access key
   * id or a URL kept next to the secret key in one secret object. They are left out of the values
   * found in the graph; `knownSecrets` still count, even when listed here too.
   */
  publicValues?: Iterable<string>;
}

const MIN_SECRET_LENGTH = 4;

/**
 * How a string sits in the graph: outside any Secret, wrapped in a Secret by itself ("own"), or one
 * value inside a Secret that wraps a whole object or list ("grouped", e.g. an output the provider or
 * `additionalSecretOutputs` marks secret as a whole).
 */
type Secrecy = "plain" | "own" | "grouped";

function walk(
  value: unknown,
  path: string,
  visit: (leaf: unknown, path: string, secrecy: Secrecy) => void,
  secrecy: Secrecy = "plain",
): void {
  if (value instanceof Secret) {
    const inner = value.value;
    const container = Array.isArray(inner) || (inner !== null && typeof inner === "object");
    return walk(inner, path, visit, container && !(inner instanceof Secret) ? "grouped" : "own");
  }
  if (value instanceof ResourceRef) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, visit, secrecy));
    return;
  }
  if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value))
      walk(child, path ? `${path}.${key}` : key, visit, secrecy);
    return;
  }
  visit(value, path, secrecy);
}

/** What a leak report shows of a secret: two characters, or only the length of a short secret. */
function prefixOf(secret: string): string {
  return secret.length >= MIN_SECRET_LENGTH ? `${secret.slice(0, 2)}…` : `(${secret.length} characters)`;
}

/** A path segment that may be a credential: long, of token characters, with letters and digits. */
const TOKEN_SEGMENT = /^(?=[^/]*[A-Za-z])(?=[^/]*\d)[A-Za-z0-9_~.=-]{20,}$/;

/**
 * A URL that names a place and carries no credential: a scheme and host, no `user:password@`, no
 * query or fragment (signed URLs and webhook keys live there), and no path segment that looks like
 * a token (as the key at the end of a chat webhook URL). An OTLP or metrics endpoint is one.
 */
function isPublicEndpoint(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+/i.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== "" || url.password !== "" || url.hostname === "") return false;
  if (value.includes("?") || value.includes("#")) return false;
  return !url.pathname.split("/").some((segment) => TOKEN_SEGMENT.test(segment));
}

/** The resources a program registered, with queries that let tests read like specifications. */
export class ResourceGraph {
  constructor(
    readonly resources: readonly RecordedResource[],
    readonly calls: readonly RecordedCall[] = [],
  ) {}

  /** The stack resource, present when the program ran inside a stack. */
  get stack(): RecordedResource | undefined {
    return this.resources.find((r) => r.type === STACK_TYPE);
  }

  /** Outputs the program returned as stack outputs. */
  get stackOutputs(): Record<string, unknown> {
    return this.stack?.outputs ?? {};
  }

  /** Every resource except the stack itself. */
  get registered(): RecordedResource[] {
    return this.resources.filter((r) => r.type !== STACK_TYPE);
  }

  get customResources(): RecordedResource[] {
    return this.resources.filter((r) => r.custom);
  }

  get components(): RecordedResource[] {
    return this.resources.filter((r) => !r.custom && r.type !== STACK_TYPE);
  }

  byType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource of this type (and name, when given); throws when there are none or several. */
  one(type: string, name?: string): RecordedResource {
    const found = this.byType(type).filter((r) => name === undefined || r.name === name);
    if (found.length !== 1) {
      const names = this.byType(type).map((r) => r.name);
      throw new Error(
        `expected exactly one ${type}${name ? ` named "${name}"` : ""}, found ${found.length} (${type} names: ${names.join(", ") || "none"})`,
      );
    }
    return found[0]!;
  }

  /** The resource with this URN, or the one with this Pulumi name. */
  get(urnOrName: string): RecordedResource {
    const found = this.resources.filter((r) => r.urn === urnOrName || r.name === urnOrName);
    if (found.length !== 1)
      throw new Error(`expected exactly one resource "${urnOrName}", found ${found.length}`);
    return found[0]!;
  }

  /** Inputs of the one resource of this type (and name). */
  inputsOf(type: string, name?: string): Record<string, unknown> {
    return this.one(type, name).inputs;
  }

  childrenOf(parent: RecordedResource | string): RecordedResource[] {
    const urn = typeof parent === "string" ? parent : parent.urn;
    return this.resources.filter((r) => r.parent === urn);
  }

  /** Children, grandchildren and so on. */
  descendantsOf(parent: RecordedResource | string): RecordedResource[] {
    const out: RecordedResource[] = [];
    const queue = this.childrenOf(parent);
    while (queue.length > 0) {
      const next = queue.shift()!;
      out.push(next);
      queue.push(...this.childrenOf(next));
    }
    return out;
  }

  parentOf(resource: RecordedResource): RecordedResource | undefined {
    return this.resources.find((r) => r.urn === resource.parent);
  }

  /** The resources this one depends on. */
  dependenciesOf(resource: RecordedResource): RecordedResource[] {
    return this.resources.filter((r) => resource.dependencies.includes(r.urn));
  }

  /** Dependencies no input explains: the ones given with `dependsOn`. */
  explicitDependenciesOf(resource: RecordedResource): RecordedResource[] {
    const implicit = new Set(Object.values(resource.propertyDependencies).flat());
    return this.dependenciesOf(resource).filter((r) => !implicit.has(r.urn));
  }

  /** Number of resources of each type, e.g. for "creates one VPC and two private networks". */
  countByType(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.registered) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return counts;
  }

  /** Every string held inside a Secret anywhere in the graph (4 characters or more). */
  secretValues(): Set<string> {
    const secrets = new Set<string>();
    for (const r of this.resources) {
      for (const part of [r.inputs, r.outputs]) {
        walk(part, "", (leaf, _path, secrecy) => {
          if (secrecy !== "plain" && typeof leaf === "string" && leaf.length >= MIN_SECRET_LENGTH)
            secrets.add(leaf);
        });
      }
    }
    return secrets;
  }

  /**
   * The secrets {@link secretLeaks} looks for: `long` ones are found inside longer strings, `short`
   * ones (1 to 3 characters) only as a whole value.
   */
  private leakCandidates(
    knownSecrets: Iterable<string>,
    publicValues: ReadonlySet<string>,
  ): { long: string[]; short: Set<string> } {
    const own = new Set<string>();
    const grouped = new Set<string>();
    for (const r of this.resources) {
      for (const part of [r.inputs, r.outputs]) {
        walk(part, "", (leaf, _path, secrecy) => {
          if (typeof leaf !== "string" || leaf === "") return;
          if (secrecy === "own") own.add(leaf);
          else if (secrecy === "grouped") grouped.add(leaf);
        });
      }
    }
    const found = [
      ...own,
      // A value that is secret only as part of a secret object, and is a public endpoint, is there
      // for the company it keeps (an exporter's URL next to its API key header): not a secret itself.
      // Short values of such objects ("app", "5432", "v1") are too common to look for anywhere.
      ...[...grouped].filter((s) => !own.has(s) && s.length >= MIN_SECRET_LENGTH && !isPublicEndpoint(s)),
    ].filter((s) => !publicValues.has(s));
    const all = [...new Set([...found, ...knownSecrets])].filter((s) => s !== "");
    return {
      long: all.filter((s) => s.length >= MIN_SECRET_LENGTH),
      short: new Set(all.filter((s) => s.length < MIN_SECRET_LENGTH)),
    };
  }

  /**
   * Every place where a secret value appears in plain text: a string the program or provider wrapped
   * in a Secret, a string inside a Secret-wrapped object, or one of `knownSecrets`.
   * - Secrets of 4 characters or more are found whole or inside a longer string such as a connection URL.
   * - Shorter secrets (a 3-digit PIN, a 2-letter key) are found only where a plain value is exactly
   *   the secret: looking for 1 to 3 characters inside longer strings would report nearly every string.
   * - A public endpoint (a URL without credentials, query or token-like path segment; see
   *   {@link isPublicEndpoint}) held only inside a secret object, as an OTLP exporter's endpoint next to
   *   its headers, is not a secret. Wrapped by itself, or listed in `knownSecrets`, it is.
   * - `options.publicValues` are not secret even where a Secret holds them (see {@link SecretLeaksOptions}).
   */
  secretLeaks(knownSecrets: Iterable<string> = [], options: SecretLeaksOptions = {}): SecretLeak[] {
    const { long, short } = this.leakCandidates(knownSecrets, new Set(options.publicValues ?? []));
    const leaks: SecretLeak[] = [];
    for (const r of this.resources) {
      for (const where of ["inputs", "outputs"] as const) {
        walk(r[where], "", (leaf, path, secrecy) => {
          if (secrecy !== "plain" || typeof leaf !== "string") return;
          const secret = short.has(leaf) ? leaf : long.find((s) => leaf.includes(s));
          if (secret) leaks.push({ urn: r.urn, where, path, secretPrefix: prefixOf(secret) });
        });
      }
    }
    return leaks;
  }
}
