import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";

/** Whether a value is only known at deployment time: a pulumi Output or a Promise. */
export function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/**
 * A `pulumi.Input<T>`: a plain value is validated by `schema` now; an Output or a Promise
 * is accepted as is, since its value is only known at deployment time.
 */
export function pulumiInput<S extends z.ZodType>(schema: S) {
  return z.union([
    schema,
    z.custom<pulumi.Output<z.output<S>> | Promise<z.output<S>>>(isDeferred, {
      message: "expected a value, an Output or a Promise",
    }),
  ]) as unknown as z.ZodType<pulumi.Input<z.output<S>>, pulumi.Input<z.input<S>>>;
}

/**
 * A secret value: a non-empty string (an empty one is a missing value, never a secret), an
 * Output<string> or a Promise<string>.
 */
export const secretInputSchema = z.custom<pulumi.Input<string>>(
  (v) => (typeof v === "string" && v.length > 0) || isDeferred(v),
  { message: "expected a non-empty string, an Output<string> or a Promise<string>" },
);

/**
 * A record whose keys are checked with `keySchema`, reporting the key schema's own message at the
 * key's path (zod's record reports only "Invalid key in record").
 */
export function keyedRecord<V extends z.ZodType>(keySchema: z.ZodType<string>, valueSchema: V) {
  return z.record(z.string(), valueSchema).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      const result = keySchema.safeParse(key);
      if (!result.success) {
        ctx.addIssue({
          code: "custom",
          message: result.error.issues[0]?.message ?? "expected a valid key",
          path: [key],
        });
      }
    }
  });
}
