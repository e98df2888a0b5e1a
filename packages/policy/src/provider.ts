import { REPLACED_BY } from "./internal/provider-data";

/**
 * The module type token of a resource type: a deprecated top-level token
 * ("scaleway:index/databaseInstance:DatabaseInstance") becomes the module token that replaced it and
 * aliases it ("scaleway:databases/instance:Instance"); any other token is returned as it is.
 */
export function moduleTypeOf(type: string): string {
  return REPLACED_BY[type] ?? type;
}
