// Every TypeScript snippet of every README, type-checked with the repository's strict options and run
// under the test kit (@scaleway-blocks/testing's mocks: nothing is deployed), so a README cannot drift
// from the API it documents. A failure names the README line.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { record, recordError } from "@scaleway-blocks/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { extractSnippets, type Snippet } from "../src/extract";
import { configFor } from "../src/config";
import { generateModule, type GeneratedModule } from "../src/generate";
import { typecheck, type SnippetDiagnostic } from "../src/typecheck";

const repo = resolve(__dirname, "../../..");
const generatedDir = resolve(__dirname, "../.generated");

// Every README, the depth moved out of them (docs/*.md) and CONTRIBUTING's block skeleton.
const readmes = [
  "README.md",
  "CONTRIBUTING.md",
  ...["packages", "deployments"].flatMap((dir) =>
    readdirSync(join(repo, dir)).map((name) => `${dir}/${name}/README.md`),
  ),
  ...readdirSync(join(repo, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
].filter((file) => {
  try {
    readFileSync(join(repo, file));
    return true;
  } catch {
    return false;
  }
});

const snippets: Snippet[] = readmes.flatMap((file) =>
  extractSnippets(readFileSync(join(repo, file), "utf8"), file),
);
const moduleFile = (s: Snippet) => join(generatedDir, `${s.file.replace(/[/.]/g, "-")}-${s.line}.ts`);

/** A README snippet with a misspelt argument, on line 6 of its Markdown: its compiler error must land there. */
const broken = extractSnippets(
  [
    "# Example",
    "",
    "```ts",
    'import { Bucket } from "@scaleway-blocks/storage";',
    "",
    'new Bucket("b", { projekt: "shop" });',
    "```",
  ].join("\n"),
  "packages/storage/README.md",
)[0]!;
const brokenFile = join(generatedDir, "broken.ts");

const modules = new Map<Snippet, GeneratedModule>();
let diagnostics = new Map<string, SnippetDiagnostic[]>();

beforeAll(() => {
  rmSync(generatedDir, { recursive: true, force: true });
  mkdirSync(generatedDir, { recursive: true });
  for (const snippet of snippets) {
    const generated = generateModule(snippet);
    modules.set(snippet, generated);
    writeFileSync(moduleFile(snippet), generated.text);
  }
  const brokenModule = generateModule(broken);
  writeFileSync(brokenFile, brokenModule.text);
  // One program for the READMEs' modules and the broken one (each module is checked on its own): a
  // second program would parse the same thousand declaration files again.
  diagnostics = typecheck(
    resolve(__dirname, "../tsconfig.json"),
    new Map([
      ...snippets.map((s) => [moduleFile(s), modules.get(s)!.lineMap] as const),
      [brokenFile, brokenModule.lineMap] as const,
    ]),
  );
});

it("finds the snippets of every package README and of CONTRIBUTING's skeleton", () => {
  const withSnippets = new Set(snippets.map((s) => s.file));
  const packages = readmes.filter((file) => file.startsWith("packages/"));
  expect(packages.filter((file) => !withSnippets.has(file))).toEqual([]);
  expect(withSnippets.has("CONTRIBUTING.md"), "CONTRIBUTING.md's skeleton is checked").toBe(true);
});

describe.each(snippets.map((s) => [`${s.file}:${s.line}`, s] as const))("%s", (_where, snippet) => {
  it("type-checks", () => {
    const problems = (diagnostics.get(moduleFile(snippet)) ?? []).map(
      (d) => `${snippet.file}:${d.line}: ${d.message}`,
    );
    expect(problems).toEqual([]);
  });

  it(
    snippet.throws ? `throws ${snippet.throws} before registering anything` : "runs under the test kit",
    async () => {
      const generated = modules.get(snippet)!;
      const { program } = (await import(pathToFileURL(moduleFile(snippet)).href)) as {
        program: (it: (name: string, test: () => unknown) => void, e: typeof expect) => Promise<unknown>;
      };
      if (generated.isTest) {
        const cases: { name: string; test: () => unknown }[] = [];
        await program((name, test) => cases.push({ name, test }), expect);
        expect(cases.length, "the README test declares test cases").toBeGreaterThan(0);
        for (const c of cases) await c.test();
        return;
      }
      if (generated.recordsItself) {
        await program(() => undefined, expect);
        return;
      }
      const options = { config: configFor(snippet.code, "project") };
      if (snippet.throws) {
        const { error, graph } = await recordError(() => program(() => undefined, expect), options);
        expect((error as Error).name).toBe(snippet.throws);
        expect(graph.registered).toEqual([]);
        return;
      }
      await record(() => program(() => undefined, expect), options);
    },
  );
});

it("places a broken snippet's compiler error on its README line", () => {
  const [problem] = diagnostics.get(brokenFile) ?? [];
  expect(problem?.line).toBe(6);
  expect(problem?.message).toContain("projekt");
  expect(relative(repo, brokenFile)).toContain(".generated");
});
