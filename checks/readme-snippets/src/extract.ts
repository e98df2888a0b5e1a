/**
 * The TypeScript snippets of a Markdown file. Every ```ts block is a snippet; words after the language
 * say how to treat it:
 * - `continued`: the block goes on from the previous snippet of the same file (one program);
 * - `throws=<ErrorName>`: running it must throw that error (e.g. `throws=ConfigError`).
 * A block that imports from "vitest" is a test file: its `it(...)` cases are run as tests.
 */
export interface Snippet {
  /** The Markdown file, as given. */
  readonly file: string;
  /** 1-based line of the snippet's first code line in `file`. */
  readonly line: number;
  /** The code, with `continued` blocks appended (and their own lines in `lines`). */
  readonly code: string;
  /** For each line of `code`, its 1-based line in `file`. */
  readonly lines: readonly number[];
  /** The error the snippet must throw when run, if any. */
  readonly throws?: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/;

export function extractSnippets(markdown: string, file: string): Snippet[] {
  const snippets: { line: number; code: string[]; lines: number[]; throws?: string }[] = [];
  const source = markdown.split("\n");
  for (let i = 0; i < source.length; i++) {
    const open = FENCE.exec(source[i] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "", language = "", rest = ""] = open;
    let end = i + 1;
    while (end < source.length && !(source[end] ?? "").trimStart().startsWith(fence)) end++;
    if (language === "ts" || language === "typescript") {
      const words = rest.trim().split(/\s+/).filter(Boolean);
      const body = source
        .slice(i + 1, end)
        .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line));
      const lines = body.map((_, k) => i + 2 + k);
      const previous = snippets.at(-1);
      if (words.includes("continued")) {
        if (!previous) throw new Error(`${file}:${i + 1}: a "continued" block with no snippet before it`);
        previous.code.push(...body);
        previous.lines.push(...lines);
      } else {
        const throws = words.find((word) => word.startsWith("throws="))?.slice("throws=".length);
        snippets.push({ line: i + 2, code: body, lines, ...(throws ? { throws } : {}) });
      }
    }
    i = end;
  }
  return snippets.map((s) => ({
    file,
    line: s.line,
    code: s.code.join("\n"),
    lines: s.lines,
    ...(s.throws ? { throws: s.throws } : {}),
  }));
}
