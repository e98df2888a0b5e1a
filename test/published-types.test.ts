// What a block's users read in their editor (issue 16): every field of every exported `<Block>Args` type in
// the built `dist/**/*.d.ts` has a doc comment, and every optional field says its default (`@default`),
// nested specs included (a field typed by an object, an array of objects or a record of them is walked).
// It reads the packages' dist as `pnpm turbo run build` left it; it builds nothing.
import { existsSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");

/** A block: a package with `src/args.ts`; its args types are the `*Args` types its index exports. */
const blocks = readdirSync(join(root, "packages"))
  .filter((dir) => existsSync(join(root, "packages", dir, "src", "args.ts")))
  .sort();

/** One field of a published args type that a user cannot read enough about. */
interface Finding {
  /** e.g. "NetworkArgs.publicGateway.bastionPort" */
  path: string;
  problem:
    | "no doc comment"
    | "optional, no @default"
    | "typed by a zod type (its field docs do not reach the .d.ts)";
}

/** Is this declaration part of the project's own published types (not @pulumi/pulumi's, not lib.d.ts)? */
function isOwn(declaration: ts.Declaration): boolean {
  const file = relative(root, declaration.getSourceFile().fileName);
  return !file.startsWith("..") && !file.split(sep).includes("node_modules");
}

/** Whether a field's type is, or holds, an object type zod computes (`z.input<…>`), not a documented one. */
function isZodTyped(checker: ts.TypeChecker, type: ts.Type): boolean {
  const members = type.isUnion() ? type.types : [type];
  return members.some((member) => {
    if (checker.isArrayType(member)) {
      return checker.getTypeArguments(member as ts.TypeReference).some((e) => isZodTyped(checker, e));
    }
    if (!(member.flags & ts.TypeFlags.Object) || member.getCallSignatures().length > 0) return false;
    const declarations = member.getSymbol()?.getDeclarations() ?? [];
    return declarations.some((d) =>
      /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?zod[\\/]/.test(
        d.getSourceFile().fileName,
      ),
    );
  });
}

/** Whether a type was declared by the project (an interface or type literal of a block or core). */
function isOwnType(type: ts.Type): boolean {
  if (type.isIntersection()) return type.types.some(isOwnType);
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every(isOwn);
}

/**
 * The object types a field's type leads to, to check their fields too: its own object members, array
 * elements and record values. Not a function, nor a component (a field that takes a `Network`).
 */
function nestedObjectTypes(checker: ts.TypeChecker, type: ts.Type, seen = new Set<ts.Type>()): ts.Type[] {
  const members = type.isUnion() ? type.types : [type];
  const found: ts.Type[] = [];
  for (const member of members) {
    if (seen.has(member)) continue;
    seen.add(member);
    if (checker.isArrayType(member) || checker.isTupleType(member)) {
      for (const element of checker.getTypeArguments(member as ts.TypeReference)) {
        found.push(...nestedObjectTypes(checker, element, seen));
      }
      continue;
    }
    if (!(member.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue;
    if (member.getCallSignatures().length > 0) continue;
    if ((member.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) continue;
    for (const info of checker.getIndexInfosOfType(member)) {
      found.push(...nestedObjectTypes(checker, info.type, seen));
    }
    if (isOwnType(member)) found.push(member);
  }
  return found;
}

/** Every field of an args type, at every depth, without a doc comment or (optional) without @default. */
function findingsOf(checker: ts.TypeChecker, type: ts.Type, path: string, seen: Set<ts.Type>): Finding[] {
  if (seen.has(type)) return [];
  seen.add(type);
  const findings: Finding[] = [];
  const members = type.isUnion() ? type.types : [type];
  for (const member of members) {
    for (const property of checker.getPropertiesOfType(member)) {
      const declarations = property.getDeclarations() ?? [];
      if (!declarations.some(isOwn)) continue;
      const fieldPath = `${path}.${property.getName()}`;
      const propertyType = checker.getTypeOfSymbol(property);
      // A `never` field (e.g. `generate?: never` beside `value`) only says "not with the other one".
      if (propertyType.flags & ts.TypeFlags.Never) continue;
      const documented = ts.displayPartsToString(property.getDocumentationComment(checker)).trim() !== "";
      if (!documented) findings.push({ path: fieldPath, problem: "no doc comment" });
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
      if (optional && !property.getJsDocTags(checker).some((tag) => tag.name === "default")) {
        findings.push({ path: fieldPath, problem: "optional, no @default" });
      }
      if (isZodTyped(checker, checker.getNonNullableType(propertyType))) {
        findings.push({
          path: fieldPath,
          problem: "typed by a zod type (its field docs do not reach the .d.ts)",
        });
      }
      for (const nested of nestedObjectTypes(checker, checker.getNonNullableType(propertyType))) {
        findings.push(...findingsOf(checker, nested, fieldPath, seen));
      }
    }
  }
  // The same field reached through two union members is reported once.
  return findings.filter(
    (f, i) => findings.findIndex((g) => g.path === f.path && g.problem === f.problem) === i,
  );
}

/** A published entry's `*Args` types, each with its findings. */
type EntryArgs = { name: string; findings: Finding[] }[];

/** The compiler options of the programs: a user's Node16 project reading the published .d.ts. */
const options: ts.CompilerOptions = {
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
};

/**
 * The `*Args` types each package entry (.d.ts) exports, with their findings, by entry. One program reads
 * every entry (the entries share @pulumi/pulumi's and the Scaleway SDK's declarations, parsed once), and
 * its host reuses those already parsed in this process (test:repo's worker runs typecheck-all too).
 */
async function argsTypesOf(entries: string[]): Promise<Map<string, EntryArgs>> {
  const { createHost } = (await import(pathToFileURL(join(root, "scripts", "typecheck-all.mjs")).href)) as {
    createHost: (options: ts.CompilerOptions) => ts.CompilerHost;
  };
  const program = ts.createProgram({ rootNames: entries, options, host: createHost(options) });
  const checker = program.getTypeChecker();
  return new Map(
    entries.map((entry) => {
      const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      const args = checker
        .getExportsOfModule(moduleSymbol)
        .filter((symbol) => /Args$/.test(symbol.getName()))
        .map((symbol) => {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          const type = checker.getDeclaredTypeOfSymbol(target);
          return { name: symbol.getName(), findings: findingsOf(checker, type, symbol.getName(), new Set()) };
        });
      return [entry, args] as const;
    }),
  );
}

/** Each block's built entry, dist/index.d.ts (it reads the packages' dist; it builds nothing). */
function entryOf(block: string): string {
  const index = join(root, "packages", block, "dist", "index.d.ts");
  if (!existsSync(index)) throw new Error(`${relative(root, index)} is missing: build the package first`);
  return index;
}

/** The published `*Args` types of every block, each with its findings, from one program. */
let published: Promise<Map<string, EntryArgs>> | undefined;
const publishedArgs = async (block: string): Promise<EntryArgs> =>
  (await (published ??= argsTypesOf(blocks.map(entryOf)))).get(entryOf(block))!;

describe("the check itself, on a toy entry", () => {
  it("reports a field without a doc comment, an optional one without @default, a zod-typed one, at any depth", async () => {
    const entry = join(__dirname, "fixtures", "published-types", "index.d.ts");
    const [toy] = (await argsTypesOf([entry])).get(entry)!;
    expect(toy?.name).toBe("ToyArgs");
    expect(toy?.findings.map((f) => `${f.path}: ${f.problem}`).sort()).toEqual([
      "ToyArgs.lock: typed by a zod type (its field docs do not reach the .d.ts)",
      "ToyArgs.nested.deep: optional, no @default",
      "ToyArgs.noDefault: optional, no @default",
      "ToyArgs.undocumented: no doc comment",
    ]);
  });
});

describe("published args types", () => {
  it("finds the seven blocks (a package with src/args.ts)", () => {
    for (const block of [
      "container",
      "database",
      "monitoring",
      "network",
      "secrets",
      "state-backend",
      "storage",
    ]) {
      expect(blocks).toContain(block);
    }
  });

  describe.each(blocks)("%s", (block) => {
    it("exports an args type named <Block>Args", async () => {
      expect((await publishedArgs(block)).map((a) => a.name)).not.toEqual([]);
    });

    it("documents every field of its args, and gives every optional field a @default", async () => {
      const findings = (await publishedArgs(block)).flatMap((a) =>
        a.findings.map((f) => `${f.path}: ${f.problem}`),
      );
      expect(findings).toEqual([]);
    });
  });
});
