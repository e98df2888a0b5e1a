import ts from "typescript";
import type { Snippet } from "./extract";

/** A snippet turned into a module that exports `program(it, expect)`, runnable under the test kit. */
export interface GeneratedModule {
  readonly text: string;
  /** For each 1-based line of `text`, the snippet's line in its Markdown file (0 for generated lines). */
  readonly lineMap: readonly number[];
  /** The names the snippet exports (stack outputs), returned by `program`. */
  readonly exports: readonly string[];
  /** Whether the snippet is a test file (imports `it` from vitest). */
  readonly isTest: boolean;
  /** Whether the snippet runs the test kit itself (imports @scaleway-blocks/testing or /recorder): not run inside it. */
  readonly recordsItself: boolean;
}

/** What a test-file snippet may import from vitest: `it` is collected by the runner, `expect` is vitest's. */
const VITEST_NAMES = new Set(["it", "expect"]);

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function exportedNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) =>
      ts.isIdentifier(d.name) ? [d.name.text] : [],
    );
  }
  if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) {
    return [statement.name.text];
  }
  return [];
}

/**
 * Imports move to the top; the rest becomes the body of an async `program` (so top-level `await`
 * works); `export` is dropped and exported values are returned as the program's outputs.
 */
export function generateModule(snippet: Snippet): GeneratedModule {
  const source = ts.createSourceFile("snippet.ts", snippet.code, ts.ScriptTarget.ES2022, true);
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const imports: { text: string; line: number }[] = [];
  const body: { text: string; line: number }[] = [];
  const exports: string[] = [];
  let isTest = false;
  let recordsItself = false;

  for (const statement of source.statements) {
    const start = statement.getStart(source);
    let text = snippet.code.slice(start, statement.end);
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (from === "vitest") {
        const bindings = statement.importClause?.namedBindings;
        const names =
          bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
        const unknown = names.filter((name) => !VITEST_NAMES.has(name));
        if (unknown.length > 0 || names.length === 0) {
          throw new Error(
            `${snippet.file}:${snippet.lines[lineOf(start)] ?? snippet.line}: README tests may import only { it, expect } from "vitest"`,
          );
        }
        isTest = true;
        continue;
      }
      if (from === "@scaleway-blocks/testing" || from === "@scaleway-blocks/recorder") recordsItself = true;
      imports.push({ text, line: lineOf(start) });
      continue;
    }
    if (hasExport(statement)) {
      exports.push(...exportedNames(statement));
      const keyword = (ts.getModifiers(statement as ts.HasModifiers) ?? []).find(
        (m) => m.kind === ts.SyntaxKind.ExportKeyword,
      )!;
      const from = keyword.getStart(source) - start;
      text = text.slice(0, from) + text.slice(keyword.end - start).replace(/^\s+/, "");
    }
    body.push({ text, line: lineOf(start) });
  }

  const out: string[] = [];
  const lineMap: number[] = [];
  const emit = (text: string, snippetLine?: number) => {
    text.split("\n").forEach((line, k) => {
      out.push(line);
      lineMap.push(snippetLine === undefined ? 0 : (snippet.lines[snippetLine + k] ?? 0));
    });
  };
  emit(`// Generated from ${snippet.file}:${snippet.line} by checks/readme-snippets. Edit the README.`);
  emit(`import type { ExpectStatic } from "vitest";`);
  for (const i of imports) emit(i.text, i.line);
  emit(
    "export async function program(it: (name: string, test: () => unknown) => void, expect: ExpectStatic): " +
      "Promise<Record<string, unknown>> {",
  );
  emit("  void it; void expect;");
  for (const b of body) emit(b.text, b.line);
  emit(`  return { ${exports.join(", ")} };`);
  emit("}");
  return { text: `${out.join("\n")}\n`, lineMap, exports, isTest, recordsItself };
}
