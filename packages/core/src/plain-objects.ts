import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * zod's object schemas take any non-array object and read its own keys, so a Promise, an Output,
 * a Date or a Map where an object of options is expected parses as `{}` and switches the feature
 * on with its defaults (`readReplica: Promise.resolve(false)` would create a replica). This walks a
 * schema beside the value and reports every such place before zod parses anything.
 */

/** Whether a value is an object literal (or `Object.create(null)`), the only kind of object of options. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A place where an object of options was expected and something else object-like was given. */
export interface NonPlainObject {
  path: PropertyKey[];
  value: unknown;
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** The schema under optional/default/pipe/lazy wrappers: what a present value is checked against. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else if (def.type === "lazy" && def.getter) current = def.getter();
    else break;
  }
  return current;
}

/** Whether an object-like value is something other than an object literal: Promise, Output, Date, Map… */
function isObjectLikeButNotPlain(value: unknown): boolean {
  // A literal is no Output: answered without the SDK, which the plan's own process does not load.
  if (isPlainObject(value)) return false;
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return true;
  return value !== null && typeof value === "object" && !Array.isArray(value) && !isPlainObject(value);
}

function walk(schema: z.ZodType, value: unknown, path: PropertyKey[], found: NonPlainObject[]): void {
  if (value === undefined || value === null) return;
  const inner = unwrap(schema);
  const def = defOf(inner);
  switch (def.type) {
    case "object": {
      if (isObjectLikeButNotPlain(value)) {
        found.push({ path, value });
        return;
      }
      if (!isPlainObject(value)) return; // a wrong type: zod reports it
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        walk(child, value[key], [...path, key], found);
      }
      return;
    }
    case "array":
    case "tuple":
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => {
        const child = def.type === "array" ? def.element : def.items?.[i];
        if (child) walk(child, item, [...path, i], found);
      });
      return;
    case "record":
      if (!isPlainObject(value) || !def.valueType) return;
      for (const [key, item] of Object.entries(value)) walk(def.valueType, item, [...path, key], found);
      return;
    case "intersection":
      if (def.left) walk(def.left, value, path, found);
      if (def.right) walk(def.right, value, path, found);
      return;
    case "union": {
      const options = def.options ?? [];
      const objectOptions = options.filter((o) => defOf(unwrap(o)).type === "object");
      if (objectOptions.length === 0) {
        // e.g. a union of arrays or records: look inside each branch that takes the value
        for (const option of options) if (option.safeParse(value).success) walk(option, value, path, found);
        return;
      }
      if (isObjectLikeButNotPlain(value)) {
        // A branch that is not an object of options may take it on purpose (a pulumi.Input).
        const takenElsewhere = options.some((o) => !objectOptions.includes(o) && o.safeParse(value).success);
        if (!takenElsewhere) found.push({ path, value });
        return;
      }
      // A plain object: look inside the branch that takes it, or every object branch when none does.
      const taking = objectOptions.filter((o) => o.safeParse(value).success);
      for (const option of taking.length > 0 ? taking : objectOptions) walk(option, value, path, found);
      return;
    }
    default:
      return;
  }
}

/** Every place in `value` where `schema` expects an object of options and gets a Promise, an Output or another non-literal object. */
export function nonPlainObjects(schema: z.ZodType, value: unknown): NonPlainObject[] {
  const found: NonPlainObject[] = [];
  walk(schema, value, [], found);
  // A union may walk the same place through two branches.
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = f.path.map(String).join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
