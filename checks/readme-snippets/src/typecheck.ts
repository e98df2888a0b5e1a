import { dirname } from "node:path";
import ts from "typescript";

/** A compiler error in a generated snippet module, placed at its line in the Markdown file. */
export interface SnippetDiagnostic {
  readonly line: number;
  readonly message: string;
}

/**
 * Type-checks generated modules with the repository's compiler options (tsconfig.base.json: strict,
 * Node16 resolution), in one program. `files` maps each module's path to its line map.
 */
export function typecheck(
  tsconfigPath: string,
  files: ReadonlyMap<string, readonly number[]>,
): Map<string, SnippetDiagnostic[]> {
  const config = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfigPath));
  const program = ts.createProgram({ rootNames: [...files.keys()], options: { ...options, noEmit: true } });
  const result = new Map<string, SnippetDiagnostic[]>();
  for (const [path, lineMap] of files) {
    const sourceFile = program.getSourceFile(path);
    if (!sourceFile) throw new Error(`TypeScript did not load ${path}`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(sourceFile),
      ...program.getSemanticDiagnostics(sourceFile),
    ];
    result.set(
      path,
      diagnostics.map((d) => {
        const generatedLine =
          d.start === undefined ? 0 : sourceFile.getLineAndCharacterOfPosition(d.start).line;
        return {
          line: lineMap[generatedLine] ?? 0,
          message: ts.flattenDiagnosticMessageText(d.messageText, " "),
        };
      }),
    );
  }
  return result;
}
