// Compile-time checks that a documented args interface and its zod schema accept the same values.
import type * as pulumi from "@pulumi/pulumi";

/** Every key of every member of a union (`keyof` of a union keeps only the common keys). */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** The type of field K across the members of a union that have it. */
type FieldOf<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Types compared field by field: plain objects, not arrays, functions, Promises or Outputs. */
type FieldObject<T> = T extends readonly unknown[] | ((...args: never[]) => unknown) | PromiseLike<unknown>
  ? never
  : T extends pulumi.OutputInstance<unknown>
    ? never
    : T extends object
      ? T
      : never;
type ArrayElement<T> = T extends readonly (infer E)[] ? E : never;
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * `true` when A and B accept the same values, else `false`: each is assignable to the other, and their
 * objects, at every depth, have the same fields (an optional field only one side has passes
 * assignability both ways, so the field names are compared too).
 */
export type SameShape<A, B> =
  Identical<A, B> extends true
    ? true
    : [A] extends [B]
      ? [B] extends [A]
        ? SameFields<FieldObject<A>, FieldObject<B>> extends true
          ? SameShape<ArrayElement<A>, ArrayElement<B>>
          : false
        : false
      : false;

type SameFields<A, B> = [A, B] extends [never, never]
  ? true
  : [Exclude<KeysOf<A>, KeysOf<B>> | Exclude<KeysOf<B>, KeysOf<A>>] extends [never]
    ? false extends { [K in KeysOf<A> & KeysOf<B>]: SameShape<FieldOf<A, K>, FieldOf<B, K>> }[KeysOf<A> &
        KeysOf<B>]
      ? false
      : true
    : false;

/** The fields of A and B that only one has, or that the two type differently. */
export type ShapeDifference<A, B> = {
  [
    K in KeysOf<A> | KeysOf<B> as K extends KeysOf<A>
      ? K extends KeysOf<B>
        ? SameShape<FieldOf<A, K>, FieldOf<B, K>> extends true
          ? never
          : K
        : K
      : K
  ]: {
    interface: K extends KeysOf<A> ? FieldOf<A, K> : "(missing)";
    schema: K extends KeysOf<B> ? FieldOf<B, K> : "(missing)";
  };
};

/**
 * `true` when an args interface and its schema's input accept the same values; otherwise an object
 * naming the fields that differ. A block checks its documented interface against its zod schema with
 *
 * ```ts
 * const _argsMatchSchema: AssertSameShape<BucketArgs, z.input<typeof bucketArgsSchema>> = true;
 * ```
 *
 * so that `tsc` fails, and says which field, when either one drifts from the other.
 */
export type AssertSameShape<A, B> =
  SameShape<A, B> extends true
    ? true
    : { readonly "the args interface and the schema differ": ShapeDifference<A, B> };
