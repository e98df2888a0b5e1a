#!/usr/bin/env node
// Generates the "Inputs" and "Outputs" tables of each building block's README from its source:
//
//   - Inputs: the documented args interface(s) the component's constructor takes (`<Block>Args`): every
//     field, its type as written, whether it is required, the doc comment's first sentence and its default
//     (an `@default` tag, else the comment's "Default …" sentence). Nested object types get a table of
//     their own, linked from the field's row; so do the package's own interfaces a field names.
//   - Outputs: the component class's public readonly properties, with their doc comments.
//
// The tables go between `<!-- inputs:start -->` / `<!-- inputs:end -->` and `<!-- outputs:start -->` /
// `<!-- outputs:end -->` in packages/<block>/README.md, formatted by prettier as `prettier --check` wants.
//
//   node scripts/readme-tables.mjs            rewrite the tables of every block
//   node scripts/readme-tables.mjs --check    exit 1 naming each README whose tables are stale
//   (--root <dir> works on another tree laid out as packages/<name>/src/index.ts + README.md)
//
// A block whose args are not a documented interface yet (e.g. still `z.input<typeof schema>`) is skipped
// and named; a block whose args are documented must have the markers in its README.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { createHost } from "./typecheck-all.mjs";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export const MARKERS = {
  inputs: ["<!-- inputs:start -->", "<!-- inputs:end -->"],
  outputs: ["<!-- outputs:start -->", "<!-- outputs:end -->"],
};

/** Heading anchors the way GitHub (github-slugger) makes them: lowercase, punctuation dropped, spaces → "-". */
export function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, "")
    .replace(/ /g, "-");
}

const oneLine = (text) => text.replace(/\s+/g, " ").trim();
/** Table cell text: pipes escaped; outside code spans, "<" too (GitHub would take `<region>` for a tag). */
const cell = (text) =>
  oneLine(text)
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, "&lt;")))
    .join("")
    .replace(/\|/g, "\\|");
const code = (text) => (text === "" ? "" : `\`${oneLine(text).replace(/\|/g, "\\|")}\``);

/**
 * Splits prose into sentences: a period followed by a space and a capital, quote or mark ("e.g." and
 * "i.e." do not end one).
 */
function sentences(text) {
  return oneLine(text)
    .split(/(?<!\b(?:e\.g|i\.e)\.)(?<=\.)\s+(?=[A-Z*`"(])/)
    .filter((s) => s !== "");
}

/** JSDoc tags the generator reads or that are not prose; any other "@word" is text (`@scaleway-blocks/core`). */
const TAGS = new Set(["default", "example", "see", "deprecated", "param", "returns", "remarks", "internal"]);

const DEFAULT_SENTENCE = /^(?:\*\*)?Default(?:s to|:)?\s+/;

/**
 * What a doc comment says: its first sentence (the default sentence aside), its default (the `@default`
 * tag, else the sentence that starts with "Default"), and a warning when the comment says a change
 * recreates a resource.
 */
export function describeDoc(text, tags) {
  // An unknown tag is text that happened to start with "@": it belongs to the tag (or prose) before it.
  let prose = text;
  let tag;
  let tagText = "";
  for (const t of tags) {
    const body = ts.displayPartsToString(t.text);
    if (TAGS.has(t.name)) {
      if (tag === undefined && t.name === "default") tag = t;
      else if (tag !== undefined) break;
      if (tag === t) tagText = body;
    } else if (tag !== undefined) {
      tagText += ` @${t.name}${body}`;
    } else {
      prose += ` @${t.name}${body}`;
    }
  }
  const all = sentences(prose);
  let defaultValue = tag ? oneLine(tagText) : "";
  const rest = [];
  for (const sentence of all) {
    if (!tag && defaultValue === "" && DEFAULT_SENTENCE.test(sentence)) {
      defaultValue = sentence.replace(DEFAULT_SENTENCE, "").replace(/\.$/, "");
      // 'Default "all": why…' → the default is "all", the why stays in the description.
      const colon = defaultValue.indexOf(": ");
      if (colon > 0 && !defaultValue.slice(0, colon).includes("(")) {
        rest.push(`${defaultValue.slice(colon + 2)}.`);
        defaultValue = defaultValue.slice(0, colon);
      }
    } else {
      rest.push(sentence);
    }
  }
  let description = rest[0] ?? "";
  // A later sentence that warns of a replacement joins the first; its bold words suffice when it has some.
  const recreates = rest.slice(1).find((s) => /RECREATE/.test(s));
  if (recreates && !/RECREATE/.test(description)) {
    const bold = /\*\*[^*]*RECREATE[^*]*\*\*/.exec(recreates)?.[0];
    description = `${description} ${bold ? bold.replace(/(?<![.!])\*\*$/, ".**") : recreates}`.trim();
  }
  return { description, defaultValue };
}

function docOf(symbol, checker) {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker));
  const tags = symbol.getJsDocTags(checker);
  if (text !== "" || tags.length > 0) return describeDoc(text, tags);
  // TypeScript attaches no JSDoc to a member written on the line of its "{" (`{ /** Doc. */ a?: T }`).
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return describeDoc("", []);
  const source = declaration.getSourceFile().text;
  // Comments on the same line as the position are "trailing" ones for the scanner.
  const at = declaration.getFullStart();
  const comments = [
    ...(ts.getTrailingCommentRanges(source, at) ?? []),
    ...(ts.getLeadingCommentRanges(source, at) ?? []),
  ];
  const last = comments.filter((c) => source.startsWith("/**", c.pos)).at(-1);
  if (!last) return describeDoc("", []);
  const body = source
    .slice(last.pos + 3, last.end - 2)
    .split("\n")
    .map((line) => line.replace(/^\s*\*?\s?/, ""))
    .join(" ");
  const tag = /@default\s+(.*?)\s*$/.exec(body);
  return describeDoc(
    tag ? body.slice(0, tag.index) : body,
    tag ? [{ name: "default", text: [{ kind: "text", text: tag[1] }] }] : [],
  );
}

/** The outermost type literals inside a type node (the node itself when it is one). */
function outerTypeLiterals(node) {
  if (ts.isTypeLiteralNode(node)) return [node];
  const found = [];
  node.forEachChild((child) => found.push(...outerTypeLiterals(child)));
  return found;
}

/** The type as written, each nested object type replaced by `replace(literal, index)`. */
function typeText(node, replace) {
  const source = node.getSourceFile().text;
  const literals = outerTypeLiterals(node);
  let text = "";
  let at = node.getStart();
  literals.forEach((literal, i) => {
    text += source.slice(at, literal.getStart()) + replace(literal, i);
    at = literal.getEnd();
  });
  // A union written over several lines starts with "|".
  // A type broken over lines (`Readonly<\n  Record<…>\n>`) reads as written on one line.
  return oneLine(text + source.slice(at, node.getEnd()))
    .replace(/^\|\s*/, "")
    .replace(/<\s+/g, "<")
    .replace(/\s+>/g, ">");
}

/** Names of the interfaces a type node refers to (`LogicalDatabaseSpec[]` → LogicalDatabaseSpec). */
function referencedNames(node) {
  const names = [];
  const visit = (n) => {
    if (ts.isTypeReferenceNode(n) && ts.isIdentifier(n.typeName)) names.push(n.typeName.text);
    n.forEachChild(visit);
  };
  visit(node);
  return names;
}

/**
 * A table of the properties of a type, or undefined when one of them is not a hand-written property
 * signature (args still derived from a zod schema are not documented yet).
 */
function propertyTable(type, title, context) {
  const { checker, tables, localInterfaces } = context;
  const rows = [];
  const nested = [];
  const inherited = [];
  for (const { symbol, optional } of propertiesOf(type, checker)) {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!declaration || !ts.isPropertySignature(declaration) || !declaration.type) return undefined;
    const name = symbol.getName();
    const owner = declaration.parent;
    if (
      !declaration.getSourceFile().fileName.startsWith(context.packageDir) &&
      ts.isInterfaceDeclaration(owner)
    ) {
      // Args every block shares (core's CommonArgs): named once under the table, documented where declared.
      inherited.push({ name, required: !declaration.questionToken, from: owner.name.text });
      continue;
    }
    const path = `${title}.${name}`;
    const typeNode = declaration.type;
    const literals = outerTypeLiterals(typeNode);
    const written = typeText(typeNode, (_literal, i) => {
      const heading = literals.length > 1 ? `${path} (${i + 1})` : path;
      nested.push({ heading, literal: literals[i] });
      return `object`;
    });
    const links = nested
      .filter((n) => literals.includes(n.literal))
      .map((n) => `[${n.heading.slice(title.length + 1)}](#${slug(n.heading)})`);
    for (const ref of referencedNames(typeNode)) {
      const target = localInterfaces.get(ref);
      if (target) {
        links.push(`[${ref}](#${slug(ref)})`);
        context.pending.push({ title: ref, declaration: target });
      }
    }
    const { description, defaultValue } = docOf(symbol, checker);
    rows.push({
      name,
      type: written,
      required: optional === undefined ? !declaration.questionToken : !optional,
      description: [description, links.length ? `See ${links.join(", ")}.` : ""].filter(Boolean).join(" "),
      defaultValue,
    });
  }
  if (rows.length === 0 && inherited.length === 0) return undefined;
  tables.push({ title, rows, inherited });
  for (const { heading, literal } of nested) {
    if (!propertyTable(checker.getTypeAtLocation(literal), heading, context)) return undefined;
  }
  return rows;
}

/** Where the args a block inherits are documented (a published README may not link outside its package). */
export const INHERITED_DOCS = {
  CommonArgs:
    "https://github.com/scaleway-blocks/scaleway-blocks/blob/main/packages/core/README.md#common-args",
};

function renderInputTable({ title, rows, inherited }, level) {
  const lines = [`${"#".repeat(level)} ${title}`, ""];
  lines.push("| Name | Type | Required | Default | Description |", "| --- | --- | --- | --- | --- |");
  for (const row of rows) {
    lines.push(
      `| ${code(row.name)} | ${code(row.type)} | ${row.required ? "yes" : "no"} | ${cell(row.defaultValue)} | ${cell(row.description)} |`,
    );
  }
  const byOwner = new Map();
  for (const field of inherited) byOwner.set(field.from, [...(byOwner.get(field.from) ?? []), field]);
  for (const [from, fields] of byOwner) {
    const names = fields.map((f) => `${code(f.name)}${f.required ? " (required)" : ""}`).join(", ");
    const link = INHERITED_DOCS[from];
    lines.push("", `And the ${link ? `[\`${from}\`](${link})` : code(from)}: ${names}.`);
  }
  return lines.join("\n");
}

/** The exported component classes of a module: classes whose base is a `…ComponentResource`. */
function componentClasses(sourceFile, checker) {
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (!moduleSymbol) return [];
  const classes = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.find(ts.isClassDeclaration);
    const base = declaration?.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    if (base && /ComponentResource$/.test(base.types[0].expression.getText())) classes.push(declaration);
  }
  return classes;
}

function resolveDeclaration(typeName, checker) {
  let symbol = checker.getSymbolAtLocation(typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0];
}

/** Whether a type node is made of object literals and references only (not `z.input<…>`, not a string union). */
function writtenObjectType(node) {
  if (ts.isParenthesizedTypeNode(node)) return writtenObjectType(node.type);
  if (ts.isTypeLiteralNode(node)) return true;
  if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) {
    return (
      node.types.some(writtenObjectType) &&
      node.types.every((t) => writtenObjectType(t) || isPlainReference(t))
    );
  }
  return false;
}
const isPlainReference = (node) => ts.isTypeReferenceNode(node) && !node.typeArguments;

/**
 * The properties of an object type; of a union, those of every member by name (the first that is not
 * `?: never`, optional unless every member requires it).
 */
function propertiesOf(type, checker) {
  if (!type.isUnion())
    return checker.getPropertiesOfType(type).map((symbol) => ({ symbol, optional: undefined }));
  const byName = new Map();
  const members = type.types.map((member) => checker.getPropertiesOfType(member));
  for (const props of members) {
    for (const symbol of props) {
      // `generate?: never` reads as `undefined` under strict null checks.
      const never = checker.getTypeOfSymbol(symbol).flags & (ts.TypeFlags.Never | ts.TypeFlags.Undefined);
      const name = symbol.getName();
      if (never || byName.has(name)) continue;
      const requiredEverywhere = members.every((p) =>
        p.some((s) => s.getName() === name && !(s.flags & ts.SymbolFlags.Optional)),
      );
      byName.set(name, { symbol, optional: !requiredEverywhere });
    }
  }
  return [...byName.values()];
}

/** The package's exported interfaces, by name: fields naming them link to their own table. */
function exportedInterfaces(sourceFile, checker) {
  const found = new Map();
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  for (const exported of moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : []) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    // Interfaces, and object types written as aliases (`type SecretSpec = ({ value } | { generate }) & …`).
    const declaration =
      symbol.declarations?.find(ts.isInterfaceDeclaration) ??
      symbol.declarations?.find((d) => ts.isTypeAliasDeclaration(d) && writtenObjectType(d.type));
    // Only the package's own: a type re-exported from a sibling package is documented there.
    const own = declaration?.getSourceFile().fileName.startsWith(dirname(dirname(sourceFile.fileName)));
    if (declaration && own) found.set(exported.getName(), declaration);
  }
  return found;
}

/** What the tables of one package are built in: the tables so far, and the interfaces still to document. */
function tableContext(sourceFile, checker) {
  return {
    checker,
    tables: [],
    localInterfaces: exportedInterfaces(sourceFile, checker),
    pending: [],
    packageDir: dirname(dirname(sourceFile.fileName)),
  };
}

/** The markdown of a block's inputs, or undefined when its args are not documented interfaces. */
function inputsOf(component, sourceFile, checker, collected = []) {
  const constructor = component.members.find(ts.isConstructorDeclaration);
  const argsType = constructor?.parameters[1]?.type;
  if (!argsType || !ts.isTypeReferenceNode(argsType)) return undefined;
  const context = tableContext(sourceFile, checker);
  const argsDeclaration = resolveDeclaration(argsType.typeName, checker);
  const roots = [];
  if (
    argsDeclaration &&
    ts.isTypeAliasDeclaration(argsDeclaration) &&
    ts.isUnionTypeNode(argsDeclaration.type)
  ) {
    // e.g. DatabaseArgs = ManagedDatabaseArgs | ServerlessDatabaseArgs: one table per member.
    for (const member of argsDeclaration.type.types) {
      if (!ts.isTypeReferenceNode(member)) return undefined;
      roots.push({ title: member.typeName.getText(), type: checker.getTypeAtLocation(member) });
    }
  } else if (argsDeclaration) {
    roots.push({ title: argsType.typeName.getText(), type: checker.getTypeAtLocation(argsType) });
  }
  if (roots.length === 0) return undefined;
  for (const root of roots) {
    context.localInterfaces.delete(root.title);
    if (!propertyTable(root.type, root.title, context)) return undefined;
  }
  const done = new Set(roots.map((r) => r.title));
  while (context.pending.length > 0) {
    const { title, declaration } = context.pending.shift();
    if (done.has(title)) continue;
    done.add(title);
    if (!propertyTable(checker.getTypeAtLocation(declaration.name), title, context)) return undefined;
  }
  const intro =
    roots.length > 1
      ? `\`${argsType.typeName.getText()}\` is one of ${roots.map((r) => `[\`${r.title}\`](#${slug(r.title)})`).join(", ")}.\n\n`
      : "";
  collected.push(...context.tables);
  return intro + context.tables.map((table) => renderInputTable(table, 3)).join("\n\n");
}

/** Packages without a component whose README documents shared args interfaces (inputs markers only). */
const INTERFACE_ONLY = { core: ["CommonArgs"] };

function interfacesOf(names, sourceFile, checker) {
  const context = tableContext(sourceFile, checker);
  for (const name of names) {
    const declaration = context.localInterfaces.get(name);
    if (!declaration || !propertyTable(checker.getTypeAtLocation(declaration.name), name, context)) {
      return undefined;
    }
  }
  return context.tables.map((table) => renderInputTable(table, 3)).join("\n\n");
}

function outputsOf(component, checker) {
  const lines = ["| Name | Type | Description |", "| --- | --- | --- |"];
  for (const member of component.members) {
    if (!ts.isPropertyDeclaration(member) || !member.type) continue;
    const modifiers = ts.getCombinedModifierFlags(member);
    const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static;
    if (
      !(modifiers & ts.ModifierFlags.Readonly) ||
      modifiers & hidden ||
      ts.isPrivateIdentifier(member.name)
    ) {
      continue;
    }
    const symbol = checker.getSymbolAtLocation(member.name);
    const { description } = symbol ? docOf(symbol, checker) : { description: "" };
    // Short object types stay inline; long ones would be a type dump in a table cell.
    const written = typeText(member.type, (literal) => {
      const text = oneLine(literal.getText());
      return text.length <= 40 ? text : "object";
    });
    lines.push(`| ${code(member.name.getText())} | ${code(written)} | ${cell(description)} |`);
  }
  return lines.join("\n");
}

/** The blocks of a repository: packages whose src/index.ts exports a component class. */
export function blockModel(root = repoRoot) {
  const packagesDir = join(root, "packages");
  const candidates = readdirSync(packagesDir)
    .map((dir) => ({ dir: join(packagesDir, dir), index: join(packagesDir, dir, "src", "index.ts") }))
    .filter(({ index }) => existsSync(index));
  const options = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    // Sibling packages from their sources: the tables follow the working tree without a build.
    baseUrl: root,
    paths: { "@scaleway-blocks/*": ["packages/*/src/index.ts"] },
  };
  const program = ts.createProgram({
    rootNames: candidates.map((c) => c.index),
    options,
    // Declaration files (the TypeScript libs, the dependencies' types) parsed by an earlier program of
    // this process are reused while their text is unchanged, as a language service's registry does.
    host: createHost(options),
  });
  const checker = program.getTypeChecker();
  const blocks = [];
  for (const { dir, index } of candidates) {
    const sourceFile = program.getSourceFile(index);
    const components = sourceFile ? componentClasses(sourceFile, checker) : [];
    const shared = INTERFACE_ONLY[relative(packagesDir, dir)];
    if (shared && sourceFile) {
      const table = interfacesOf(shared, sourceFile, checker);
      blocks.push({
        dir,
        readme: join(dir, "README.md"),
        documented: table !== undefined,
        inputs: table ?? "",
      });
    }
    if (components.length === 0) continue;
    const several = components.length > 1;
    const inputs = [];
    const outputs = [];
    let documented = true;
    const tables = [];
    for (const component of components) {
      const name = component.name.getText();
      const table = inputsOf(component, sourceFile, checker, tables);
      if (table === undefined) documented = false;
      inputs.push(several ? `### \`${name}\`\n\n${table ?? ""}` : (table ?? ""));
      outputs.push(
        several ? `### \`${name}\`\n\n${outputsOf(component, checker)}` : outputsOf(component, checker),
      );
    }
    blocks.push({
      dir,
      readme: join(dir, "README.md"),
      documented,
      inputs: inputs.join("\n\n"),
      outputs: outputs.join("\n\n"),
      // Each args interface's fields, for checks against the schemas (test/args-defaults.test.ts).
      tables: tables.map(({ title, rows }) => ({
        title,
        fields: rows.map(({ name, required, defaultValue }) => ({ name, required, defaultValue })),
      })),
    });
  }
  return blocks;
}

const GENERATED_NOTE =
  "<!-- generated by scripts/readme-tables.mjs from the sources: edit the doc comments -->";

/** The README with the text between each pair of markers replaced; throws when a marker is missing. */
export function replaceBetweenMarkers(readme, sections) {
  let text = readme;
  for (const [key, content] of Object.entries(sections)) {
    const [start, end] = MARKERS[key];
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error(`no ${start} … ${end} pair`);
    // Compact tables: prettier would pad every row to the widest cell (kilobytes of spaces per table).
    const body = `<!-- prettier-ignore-start -->\n${GENERATED_NOTE}\n\n${content}\n\n<!-- prettier-ignore-end -->`;
    text = `${text.slice(0, from + start.length)}\n\n${body}\n\n${text.slice(to)}`;
  }
  return text;
}

async function formatMarkdown(text, filepath) {
  const prettier = await import("prettier");
  const config = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(text, { ...config, filepath });
}

/**
 * Brings every block README's tables up to date (or, with check, only compares). Returns what it found:
 * `stale` READMEs (written unless check), `missingMarkers`, and `undocumented` blocks (skipped).
 */
export async function updateReadmes({ root = repoRoot, check = false } = {}) {
  const result = { stale: [], missingMarkers: [], undocumented: [], current: [] };
  for (const block of blockModel(root)) {
    const name = relative(root, block.readme);
    if (!block.documented) {
      result.undocumented.push(name);
      continue;
    }
    if (!existsSync(block.readme)) {
      result.missingMarkers.push(name);
      continue;
    }
    const readme = readFileSync(block.readme, "utf8");
    let next;
    try {
      const sections = { inputs: block.inputs };
      if (block.outputs !== undefined) sections.outputs = block.outputs;
      next = replaceBetweenMarkers(readme, sections);
    } catch {
      result.missingMarkers.push(name);
      continue;
    }
    next = await formatMarkdown(next, block.readme);
    if (next === readme) {
      result.current.push(name);
      continue;
    }
    result.stale.push(name);
    if (!check) writeFileSync(block.readme, next);
  }
  return result;
}

/**
 * The command line's exit status for what updateReadmes found: 1 when a documented block's README has
 * no markers, or (with --check) when a README's tables are stale; else 0.
 */
export function exitStatus(result, check) {
  return result.missingMarkers.length > 0 || (check && result.stale.length > 0) ? 1 : 0;
}

async function main() {
  const check = process.argv.includes("--check");
  // --root <dir>: another repository layout (the tests' fixtures); default this repository.
  const rootAt = process.argv.indexOf("--root");
  const root = rootAt > 0 ? process.argv[rootAt + 1] : repoRoot;
  const result = await updateReadmes({ root, check });
  for (const name of result.undocumented) {
    console.log(`${name}: skipped, its args are not a documented interface yet`);
  }
  for (const name of result.missingMarkers) {
    console.error(`${name}: no ${MARKERS.inputs.join(" … ")} / ${MARKERS.outputs.join(" … ")} markers`);
  }
  for (const name of result.stale) {
    console.error(
      check
        ? `${name}: its inputs/outputs tables are stale; run \`node scripts/readme-tables.mjs\``
        : `${name}: tables rewritten`,
    );
  }
  const status = exitStatus(result, check);
  if (status !== 0) process.exit(status);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
