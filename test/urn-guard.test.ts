// The URN and replacement guard (scripts/urn-guard.mjs, issue 18), on a toy package in a temp dir: a
// component with one bucket, recorded under the test kit's mocks (a mock run, as the guard's own cases).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type * as PulumiModule from "@pulumi/pulumi";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const root = join(__dirname, "..");
// The recorder and the SDK as the guard's plan loads them (Node's own require), so that both share one SDK.
const nodeRequire = createRequire(join(root, "package.json"));
const pulumi = nodeRequire("@pulumi/pulumi") as typeof PulumiModule;
const { record } = nodeRequire(join(root, "packages", "recorder", "dist", "index.js")) as {
  record: (
    program: () => unknown,
    options: { project: string; stack: string },
  ) => Promise<{ graph: unknown }>;
};

/** What scripts/urn-guard.mjs exports (an untyped ES module, loaded with import()). */
interface Subject {
  package: string;
  file: string;
  cases: Record<string, () => Promise<unknown>>;
}
interface SnapshotDocument {
  package: string;
  cases: Record<string, { urn: string; stateful?: true; replaceOn?: Record<string, unknown> }[]>;
}
interface GuardResult {
  ok: boolean;
  failures: string[];
  written: string[];
}
interface Guard {
  runGuard(options: {
    root: string;
    subjects: Subject[];
    update?: boolean;
    log?: (line: string) => void;
  }): Promise<GuardResult>;
  majorPackages(root: string): Set<string>;
}
interface Cases {
  repoSubjects(root: string): Subject[];
}

const load = async <T>(script: string) =>
  (await import(pathToFileURL(join(root, "scripts", script)).href)) as T;
let guard: Guard;
let cases: Cases;
beforeAll(async () => {
  guard = await load<Guard>("urn-guard.mjs");
  cases = await load<Cases>("urn-guard-cases.mjs");
});

const PACKAGE = "@toy/store";
const SNAPSHOT = join("packages", "store", "snapshots", "urns.json");
const BUCKET = "scaleway:object/bucket:Bucket";

interface StoreVersion {
  /** The bucket's Pulumi name, after the component's. */
  child: string;
  /** Aliases of the bucket. */
  aliases?: PulumiModule.Input<string | PulumiModule.Alias>[];
  /** The bucket's Scaleway name (ForceNew in the provider). */
  bucketName?: string;
  /** A non-stateful child added beside the bucket. */
  extra?: boolean;
  /** The component's own name (default "assets") and aliases. */
  component?: string;
  componentAliases?: PulumiModule.Input<string | PulumiModule.Alias>[];
}

/** A provider resource of any type (the mocks answer every type). */
class Raw extends pulumi.CustomResource {}

/** A toy block: a component with one bucket (stateful) named `<name>-<child>`. */
function store(version: StoreVersion): Subject {
  class Store extends pulumi.ComponentResource {
    constructor(name: string) {
      super(
        "toy:store:Store",
        name,
        {},
        version.componentAliases ? { aliases: version.componentAliases } : {},
      );
      new Raw(
        BUCKET,
        `${name}-${version.child}`,
        { name: version.bucketName ?? "toy-dev-assets", region: "fr-par" },
        { parent: this, ...(version.aliases ? { aliases: version.aliases } : {}) },
      );
      if (version.extra) new Raw("scaleway:object/bucketAcl:BucketAcl", `${name}-acl`, {}, { parent: this });
      this.registerOutputs({});
    }
  }
  return {
    package: PACKAGE,
    file: SNAPSHOT,
    cases: {
      dev: async () =>
        (await record(() => new Store(version.component ?? "assets"), { project: "snapshot", stack: "dev" }))
          .graph,
    },
  };
}

const OLD_URN = "urn:pulumi:dev::snapshot::toy:store:Store$scaleway:object/bucket:Bucket::assets-bucket";
const NEW_URN = "urn:pulumi:dev::snapshot::toy:store:Store$scaleway:object/bucket:Bucket::assets-data";

let dir: string;
let lines: string[];
const log = (line: string) => void lines.push(line);
const snapshot = () => JSON.parse(readFileSync(join(dir, SNAPSHOT), "utf8")) as SnapshotDocument;
const urns = () => snapshot().cases.dev!.map((e) => e.urn);
const changeset = (file: string, body: string) => {
  mkdirSync(join(dir, ".changeset"), { recursive: true });
  writeFileSync(join(dir, ".changeset", file), body);
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "urn-guard-"));
  lines = [];
  // The released state: the snapshot of the first version, committed.
  const first = await guard.runGuard({
    root: dir,
    subjects: [store({ child: "bucket" })],
    update: true,
    log,
  });
  expect(first.written).toEqual([SNAPSHOT]);
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the URN snapshot guard", () => {
  it("records the engine-form URN of every resource and the replacement-forcing inputs of the stateful ones", () => {
    expect(snapshot().package).toBe(PACKAGE);
    // Sorted by URN ("$" sorts before ":"), so that the file does not depend on registration order.
    expect(snapshot().cases.dev).toEqual([
      { urn: OLD_URN, stateful: true, replaceOn: { name: "toy-dev-assets", region: "fr-par" } },
      { urn: "urn:pulumi:dev::snapshot::toy:store:Store::assets" },
    ]);
  });

  it("passes and writes nothing when nothing changed", async () => {
    const before = readFileSync(join(dir, SNAPSHOT), "utf8");
    const result = await guard.runGuard({ root: dir, subjects: [store({ child: "bucket" })], log });
    expect(result).toEqual({ ok: true, failures: [], written: [] });
    expect(readFileSync(join(dir, SNAPSHOT), "utf8")).toBe(before);
  });

  it("fails when a child is renamed without an alias, naming the package, the old URN and the two ways out", async () => {
    const result = await guard.runGuard({ root: dir, subjects: [store({ child: "data" })], log });
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([SNAPSHOT]);
    const text = lines.join("\n");
    expect(text).toContain(`FAIL ${PACKAGE}`);
    expect(text).toContain(OLD_URN);
    expect(text).toContain(`new URN ${NEW_URN}`);
    expect(text).toMatch(/a\) keep the old URN: give the renamed or moved resource an alias/);
    expect(text).toContain(`b) declare the break: add .changeset/<topic>.md with "${PACKAGE}": major`);
    expect(urns()).toContain(OLD_URN); // the snapshot is left as it was
  });

  it("passes when the renamed child has an alias to its old name, and keeps the old URN in the snapshot", async () => {
    const renamed = store({ child: "data", aliases: [{ name: "assets-bucket" }] });
    const result = await guard.runGuard({ root: dir, subjects: [renamed], log });
    expect(result).toEqual({ ok: true, failures: [], written: [] });
    expect(urns()).toContain(OLD_URN);
    expect(urns()).not.toContain(NEW_URN);
  });

  it("passes with an alias given as the old URN itself", async () => {
    const renamed = store({ child: "data", aliases: [OLD_URN] });
    expect((await guard.runGuard({ root: dir, subjects: [renamed], log })).ok).toBe(true);
  });

  it("passes when the component itself is renamed with an alias: its children inherit it, as in the engine", async () => {
    const moved = store({ child: "bucket", component: "files", componentAliases: [{ name: "assets" }] });
    expect((await guard.runGuard({ root: dir, subjects: [moved], log })).ok).toBe(true);
    const unaliased = store({ child: "bucket", component: "files" });
    expect((await guard.runGuard({ root: dir, subjects: [unaliased], log })).ok).toBe(false);
  });

  it("fails when a forcing input changes on a child kept by an inherited alias", async () => {
    const moved = store({
      child: "bucket",
      component: "files",
      componentAliases: [{ name: "assets" }],
      bucketName: "toy-dev-files",
    });
    expect((await guard.runGuard({ root: dir, subjects: [moved], log })).ok).toBe(false);
    expect(lines.join("\n")).toContain('name now "toy-dev-files"');
  });

  it("passes with a major changeset for the package, and rewrites its snapshot", async () => {
    changeset("store-rename.md", `---\n"${PACKAGE}": major\n---\n\nThe bucket is now assets-data.\n`);
    const result = await guard.runGuard({ root: dir, subjects: [store({ child: "data" })], log });
    expect(result).toEqual({ ok: true, failures: [], written: [SNAPSHOT] });
    expect(urns()).toContain(NEW_URN);
    expect(urns()).not.toContain(OLD_URN);
    expect(lines.join("\n")).toContain("allowed by a major changeset; snapshot rewritten");
    // The rewritten snapshot holds: the next run passes without the changeset.
    rmSync(join(dir, ".changeset"), { recursive: true });
    expect((await guard.runGuard({ root: dir, subjects: [store({ child: "data" })], log })).ok).toBe(true);
  });

  it("is not satisfied by a minor changeset, nor by a major one for another package", async () => {
    changeset("store-minor.md", `---\n"${PACKAGE}": minor\n---\n\nA rename.\n`);
    changeset("other-major.md", `---\n"@toy/other": major\n---\n\nSomething else.\n`);
    const result = await guard.runGuard({ root: dir, subjects: [store({ child: "data" })], log });
    expect(result.ok).toBe(false);
    expect(urns()).toContain(OLD_URN);
  });

  it("fails when a replacement-forcing input of a stateful resource changes, naming the input and both values", async () => {
    const result = await guard.runGuard({
      root: dir,
      subjects: [store({ child: "bucket", bucketName: "toy-dev-assets-v2" })],
      log,
    });
    expect(result.ok).toBe(false);
    const text = lines.join("\n");
    expect(text).toContain(OLD_URN);
    expect(text).toContain('name "toy-dev-assets" → "toy-dev-assets-v2"');
    expect(text).toContain("an alias cannot keep a changed replacement-forcing input");
  });

  it("writes an input that holds another resource's id as that resource's URN, not the mocks' made-up id", async () => {
    class Db extends pulumi.ComponentResource {
      constructor(name: string) {
        super("toy:db:Db", name, {}, {});
        const instance = new Raw(
          "scaleway:databases/instance:Instance",
          `${name}-instance`,
          {},
          { parent: this },
        );
        new Raw(
          "scaleway:databases/database:Database",
          `${name}-app`,
          { instanceId: instance.id, name: "app" },
          { parent: this },
        );
        this.registerOutputs({});
      }
    }
    const subject: Subject = {
      package: "@toy/db",
      file: join("packages", "db", "snapshots", "urns.json"),
      cases: {
        dev: async () => (await record(() => new Db("db"), { project: "snapshot", stack: "dev" })).graph,
      },
    };
    await guard.runGuard({ root: dir, subjects: [subject], update: true, log });
    const written = JSON.parse(readFileSync(join(dir, subject.file), "utf8")) as SnapshotDocument;
    const database = written.cases.dev!.find((e) => e.urn.endsWith("::db-app"));
    expect(database?.replaceOn).toEqual({
      instanceId: {
        $id: "urn:pulumi:dev::snapshot::toy:db:Db$scaleway:databases/instance:Instance::db-instance",
      },
      name: "app",
    });
  });

  it("passes when a resource is added, and records it only with --update", async () => {
    const grown = store({ child: "bucket", extra: true });
    const check = await guard.runGuard({ root: dir, subjects: [grown], log });
    expect(check).toEqual({ ok: true, failures: [], written: [] });
    expect(lines.join("\n")).toContain("1 new resource(s) not in the snapshot yet");
    expect(urns()).toHaveLength(2);
    const update = await guard.runGuard({ root: dir, subjects: [grown], update: true, log });
    expect(update.written).toEqual([SNAPSHOT]);
    expect(urns()).toContain(
      "urn:pulumi:dev::snapshot::toy:store:Store$scaleway:object/bucketAcl:BucketAcl::assets-acl",
    );
  });

  it("does not let --update rewrite a breaking change", async () => {
    const result = await guard.runGuard({
      root: dir,
      subjects: [store({ child: "data" })],
      update: true,
      log,
    });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(urns()).toContain(OLD_URN);
  });

  it("fails when a package has no snapshot yet, until --update writes it", async () => {
    rmSync(join(dir, "packages"), { recursive: true });
    expect((await guard.runGuard({ root: dir, subjects: [store({ child: "bucket" })], log })).ok).toBe(false);
    expect(lines.join("\n")).toContain("no snapshot");
    expect(existsSync(join(dir, SNAPSHOT))).toBe(false);
  });
});

describe("pending major changesets", () => {
  it("are read from the front matter of .changeset/*.md, quoted or not", () => {
    changeset(
      "a.md",
      `---\n"@scaleway-blocks/storage": major\n'@scaleway-blocks/network': minor\n---\n\ntext\n`,
    );
    changeset(
      "b.md",
      `---\n@scaleway-blocks/database: major\n---\n\n"@scaleway-blocks/secrets": major in the body\n`,
    );
    expect([...guard.majorPackages(dir)].sort()).toEqual([
      "@scaleway-blocks/database",
      "@scaleway-blocks/storage",
    ]);
  });
});

describe("the repository's snapshot cases", () => {
  it("cover every building block under packages/ and every stack of the deployments", () => {
    const notBlocks = new Set(["core", "testing", "recorder", "policy", "plan"]);
    const blocks = readdirSync(join(root, "packages")).filter(
      (d) => !notBlocks.has(d) && existsSync(join(root, "packages", d, "package.json")),
    );
    const files = cases.repoSubjects(root).map((s) => s.file);
    for (const block of blocks) expect(files).toContain(join("packages", block, "snapshots", "urns.json"));
    for (const project of readdirSync(join(root, "deployments")))
      for (const stack of readdirSync(join(root, "deployments", project)).filter((f) =>
        /^Pulumi\..+\.yaml$/.test(f),
      ))
        expect(files).toContain(join("deployments", project, "snapshots", `${stack.slice(7, -5)}.json`));
  });

  it("are committed for every case", () => {
    for (const subject of cases.repoSubjects(root)) {
      const document = JSON.parse(readFileSync(join(root, subject.file), "utf8")) as SnapshotDocument;
      expect(document.package).toBe(subject.package);
      expect(Object.keys(document.cases).sort()).toEqual(Object.keys(subject.cases).sort());
    }
  });
});
