#!/usr/bin/env node
// The URN and replacement guard (issue 18). For each building block with its default args in each
// environment, and each stack of the deployments (scripts/urn-guard-cases.mjs), it records the graph
// under mocks (a mock run: no preview, no engine, no deployment) and compares it with the committed
// snapshot (packages/<block>/snapshots/urns.json, deployments/<project>/snapshots/<stack>.json), which
// holds the engine-form URN of every resource and the replacement-forcing inputs of every stateful one.
//
//   node scripts/urn-guard.mjs            check (what CI runs; see CONTRIBUTING.md)
//   node scripts/urn-guard.mjs --update   also record new resources and write missing snapshots
//
// It fails (exit 1) when a URN of the snapshot is gone or a replacement-forcing input of a stateful
// resource changed — an existing stack would delete or replace that resource — unless:
//   a) a pending changeset (.changeset/*.md) declares a major release of the package: the guard then
//      rewrites the package's snapshot from the current code, on every run (commit it with the changeset);
//   b) the new resource declares an alias that resolves to the old URN: the plan's diff follows aliases
//      (and the aliases children inherit from an aliased parent) as the engine does, so the old URN
//      still matches and the snapshot keeps it, which keeps the alias required until a major release.
// New resources are not a failure; they are listed, and `--update` records them. `--update` never
// rewrites a breaking change: only a major changeset does.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { diffPlans, isStateful, planResources, replacementInputs } = require("@scaleway-blocks/plan");

export const SNAPSHOT_VERSION = 1;
const DATABASE_INSTANCE = "scaleway:databases/instance:Instance";

/** "urn:pulumi:<stack>::<project>::<a>$<b>$<type>::<name>" → "<type>". */
function typeOfUrn(urn) {
  return (urn.split("::")[2] ?? "").split("$").pop();
}

/** The name part of a URN (everything after the type chain). */
function nameOfUrn(urn) {
  return urn.split("::").slice(3).join("::");
}

/**
 * The inputs of a stateful resource whose change replaces it: the plan's replacement table (the
 * provider's ForceNew flags) and the resource's own replaceOnChanges; and a database instance's
 * `engine`, whose change the provider runs as a blue/green major upgrade to a new instance
 * (packages/plan/src/diff.ts, engineUpgradeCascade). An id the mocks gave another resource of the
 * program (plain, or "<region>/<id>" as Scaleway's regional ids are) is written as { $id: <its URN> }:
 * what matters is which resource it points at, not the mock's made-up id.
 */
function forcingInputs(resource, urnOfId) {
  const keys = replacementInputs(resource.type, resource.replaceOnChanges);
  if (resource.type === DATABASE_INSTANCE) keys.push("engine");
  const picked = keys.includes("*")
    ? { ...resource.inputs }
    : Object.fromEntries(keys.filter((k) => resource.inputs[k] != null).map((k) => [k, resource.inputs[k]]));
  for (const [key, value] of Object.entries(picked)) {
    if (typeof value !== "string") continue;
    const urn = urnOfId.get(value) ?? urnOfId.get(value.slice(value.indexOf("/") + 1));
    if (urn !== undefined) picked[key] = { $id: urn };
  }
  return picked;
}

/** The program's resources as the plan carries them, with the forcing inputs of the stateful ones only. */
function planned(graph) {
  const resources = planResources(graph);
  const urnOfId = new Map(resources.filter((r) => r.mockId).map((r) => [r.mockId, r.urn]));
  return resources.map((r) => ({ ...r, inputs: isStateful(r.type) ? forcingInputs(r, urnOfId) : {} }));
}

/** Canonical JSON (object keys sorted), so that key order never shows in a snapshot. */
function sortedKeys(value) {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortedKeys(value[k])]),
    );
  return value;
}

/**
 * A case's snapshot entries from a recorded graph (testing's ResourceGraph, or the plan's program run):
 * every resource's URN, sorted, and for stateful ones the replacement-forcing inputs (secrets redacted,
 * references to other resources as { $resource: urn } as the plan carries them, and their ids as { $id: urn }).
 */
export function snapshotEntries(graph) {
  return planned(graph)
    .map((r) =>
      isStateful(r.type) ? { urn: r.urn, stateful: true, replaceOn: sortedKeys(r.inputs) } : { urn: r.urn },
    )
    .sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** The diff's view of a snapshot entry. */
function fromEntry(entry) {
  return {
    urn: entry.urn,
    type: typeOfUrn(entry.urn),
    name: nameOfUrn(entry.urn),
    custom: true,
    inputs: entry.replaceOn ?? {},
  };
}

/**
 * Compares a case's snapshot with its current graph, with the plan's diff (`diffPlans`): URNs matched
 * directly or through aliases, replacement by the plan's table.
 * @returns {{ breaking: Breach[], added: string[], merged: object[] }} what breaks existing stacks, the
 * URNs not yet in the snapshot, and the snapshot with those added (what `--update` writes).
 */
export function compareCase(snapshot, graph) {
  const current = planned(graph);
  const diff = diffPlans(snapshot.map(fromEntry), current);
  const breaking = [];
  const risks = new Map(diff.dataLossRisks.map((r) => [r.urn, r]));
  for (const gone of diff.removed) {
    const risk = risks.get(gone.urn);
    breaking.push({
      urn: gone.urn,
      kind: "urn",
      detail: risk
        ? `${risk.reason}${risk.newUrn ? ` (new URN ${risk.newUrn})` : ""}`
        : "its URN is gone (renamed, moved under another parent, given another type, or removed): Pulumi deletes it from existing stacks",
    });
  }
  const byUrn = new Map(snapshot.map((e) => [e.urn, e]));
  for (const change of diff.changed) {
    const after = current.find((r) => r.urn === change.urn);
    if (!after) continue;
    // The entry it matched: same URN, one of its own aliases, or (an alias inherited from an aliased
    // parent, which the diff resolves but the resource does not list) unknown here: then its new URN.
    const before = byUrn.get(change.urn) ??
      snapshot.find((e) => after.aliases.includes(e.urn)) ?? { urn: change.urn, replaceOn: undefined };
    const risk = diff.dataLossRisks.find((r) => r.action === "replace" && r.urn === before.urn);
    if (change.replaceInputs.length === 0 && !risk) continue;
    const inputs = change.replaceInputs.length > 0 ? change.replaceInputs : change.changedInputs;
    const values = inputs
      .map((k) =>
        before.replaceOn === undefined
          ? `${k} now ${JSON.stringify(after.inputs[k] ?? null)}`
          : `${k} ${JSON.stringify(before.replaceOn[k] ?? null)} → ${JSON.stringify(after.inputs[k] ?? null)}`,
      )
      .join(", ");
    breaking.push({
      urn: before.urn,
      kind: "input",
      inputs,
      detail: `${values}: ${risk?.reason ?? "the provider replaces it"}`,
    });
  }
  const added = diff.added.map((r) => r.urn);
  const fresh = snapshotEntries(graph).filter((e) => added.includes(e.urn));
  const merged = [...snapshot, ...fresh].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
  return { breaking, added, merged };
}

/**
 * The packages a pending changeset (.changeset/*.md, front matter `"<package>": major`) releases as a
 * major version. The front matter is YAML of `"<name>": <level>` lines, as `pnpm changeset` writes it.
 */
export function majorPackages(root) {
  const dir = join(root, ".changeset");
  const majors = new Set();
  if (!existsSync(dir)) return majors;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith(".md") || file === "README.md") continue;
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, file), "utf8"));
    for (const line of (match?.[1] ?? "").split(/\r?\n/)) {
      const release = /^\s*(["']?)([^"':\s]+)\1\s*:\s*(["']?)(major|minor|patch|none)\3\s*$/.exec(line);
      if (release?.[4] === "major") majors.add(release[2]);
    }
  }
  return majors;
}

async function writeSnapshot(path, document) {
  const text = `${JSON.stringify(document, null, 2)}\n`;
  let formatted = text;
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(path)) ?? {};
    formatted = await prettier.format(text, { ...config, filepath: path });
  } catch {
    // Without prettier (a temp dir in a test), the JSON as it is: the check compares parsed JSON.
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatted);
}

function snapshotDocument(subject, cases) {
  return {
    $comment:
      "URN and replacement snapshot (issue 18), written by scripts/urn-guard.mjs from a mock run (@scaleway-blocks/testing), not a deployment: the engine-form URN of every resource and the replacement-forcing inputs of every stateful one. CONTRIBUTING.md says when it may change.",
    version: SNAPSHOT_VERSION,
    package: subject.package,
    cases,
  };
}

/**
 * @typedef {{ package: string, file: string, cases: Record<string, () => Promise<unknown>> }} Subject
 * @typedef {{ urn: string, kind: "urn" | "input", inputs?: string[], detail: string }} Breach
 */

/**
 * Checks every subject against its snapshot. `update`: also record new resources and write missing
 * snapshots. Returns whether the check passed and what it wrote.
 */
export async function runGuard({ root, subjects, update = false, log = (line) => console.log(line) }) {
  const majors = majorPackages(root);
  const failures = [];
  const written = [];
  // Every case starts at once: the stacks run in child processes (the plan's program host) side by side;
  // the blocks' recordings take turns by themselves (testing's record() serializes them).
  const started = Date.now();
  const runs = subjects.map((subject) =>
    Object.entries(subject.cases).map(([name, build]) => {
      const graph = build();
      graph.catch(() => {}); // awaited below, in order
      return [name, graph];
    }),
  );
  for (const [index, subject] of subjects.entries()) {
    const path = join(root, subject.file);
    const existing = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
    const current = {};
    const merged = {};
    const breaches = [];
    const added = [];
    let missing = existing === undefined;
    for (const [name, run] of runs[index]) {
      const graph = await run.catch((error) => {
        throw new Error(
          `${subject.file}, case ${name}: the mock run failed: ${String(error?.message ?? error)}`,
          {
            cause: error,
          },
        );
      });
      current[name] = snapshotEntries(graph);
      const before = existing?.cases?.[name];
      if (before === undefined) {
        missing = true;
        merged[name] = current[name];
        continue;
      }
      const result = compareCase(before, graph);
      breaches.push(...result.breaking.map((b) => ({ ...b, case: name })));
      added.push(...result.added.map((urn) => ({ urn, case: name })));
      merged[name] = result.merged;
    }
    const where = `${subject.package} (${subject.file}, done at ${((Date.now() - started) / 1000).toFixed(1)} s)`;
    if (breaches.length > 0 && majors.has(subject.package)) {
      await writeSnapshot(path, snapshotDocument(subject, current));
      written.push(subject.file);
      log(
        `${where}: ${breaches.length} URN or replacement change(s), allowed by a major changeset; snapshot rewritten, commit it with the changeset:`,
      );
      for (const b of breaches) log(`  [${b.case}] ${b.urn}: ${b.detail}`);
      continue;
    }
    if (breaches.length > 0) {
      failures.push(subject.file);
      log(`FAIL ${where}: existing stacks would lose or replace these resources:`);
      for (const b of breaches) log(`  [${b.case}] ${b.urn}: ${b.detail}`);
      log(
        [
          "  Two ways out:",
          "  a) keep the old URN: give the renamed or moved resource an alias to it, e.g.",
          '     { parent: this, aliases: [{ name: "<old name>" }] } or aliases: ["<old URN above>"]',
          "     (an alias cannot keep a changed replacement-forcing input: only (b) can);",
          `  b) declare the break: add .changeset/<topic>.md with "${subject.package}": major —`,
          "     the guard then rewrites this snapshot; commit it with the changeset.",
        ].join("\n"),
      );
      continue;
    }
    if (missing && !update) {
      failures.push(subject.file);
      log(
        `FAIL ${where}: no snapshot${existing ? " for some cases" : ""}; run node scripts/urn-guard.mjs --update and commit it`,
      );
      continue;
    }
    if (update && (missing || added.length > 0)) {
      await writeSnapshot(path, snapshotDocument(subject, merged));
      written.push(subject.file);
      log(`${where}: snapshot updated (${missing ? "written" : `${added.length} new resource(s) recorded`})`);
      continue;
    }
    if (added.length > 0)
      log(`${where}: ok; ${added.length} new resource(s) not in the snapshot yet (--update records them)`);
    else log(`${where}: ok`);
  }
  return { ok: failures.length === 0, failures, written };
}

async function main(argv) {
  const update = argv.includes("--update");
  const unknown = argv.filter((a) => a !== "--update");
  if (unknown.length > 0) {
    console.error(
      `urn-guard: unknown argument ${unknown.join(" ")} (usage: node scripts/urn-guard.mjs [--update])`,
    );
    return 2;
  }
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const { repoSubjects } = await import("./urn-guard-cases.mjs");
  const started = Date.now();
  const { ok, failures } = await runGuard({ root, subjects: repoSubjects(root), update });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    ok
      ? `urn-guard: every snapshot holds (${seconds} s, mock runs)`
      : `urn-guard: ${failures.length} snapshot(s) broken: ${failures.join(", ")} (${seconds} s)`,
  );
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
