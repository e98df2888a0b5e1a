import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { pulumiInput } from "./inputs";
import { REGIONS } from "./locality";
import type { AssertSameShape } from "./shape";

/** A lowercase UUID, the shape of every Scaleway id (projects, IAM users and applications, keys…). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A regional id as the provider returns it, `"<region>/<uuid>"`, or the bare `"<uuid>"`. */
export const REGIONAL_UUID_PATTERN = new RegExp(
  `^(?:(?:${REGIONS.join("|")})/)?${UUID_PATTERN.source.slice(1, -1)}$`,
);

/**
 * A `pulumi.Input` of a UUID: a plain string is checked now, an Output or a Promise is accepted.
 * `what` names the id in the error, with its article: `uuidSchema("an IAM user id")` fails with
 * "expected an IAM user id (a UUID)".
 */
export function uuidSchema(what: string) {
  return pulumiInput(z.string().regex(UUID_PATTERN, `expected ${what} (a UUID)`));
}

/** A Key Manager key id, `"<uuid>"` or `"<region>/<uuid>"`, or an Output or a Promise of one. */
export const keyManagerKeyIdSchema = pulumiInput(
  z.string().regex(REGIONAL_UUID_PATTERN, 'expected a Key Manager key id: "<uuid>" or "<region>/<uuid>"'),
);

/** An IAM principal: exactly one of an IAM user or an IAM application. */
export const iamPrincipalSchema = z
  .strictObject({
    /** An IAM user. */
    userId: uuidSchema("an IAM user id").optional(),
    /** An IAM application. */
    applicationId: uuidSchema("an IAM application id").optional(),
  })
  .refine((p) => (p.userId === undefined) !== (p.applicationId === undefined), {
    message: "expected exactly one of userId or applicationId",
  });
/** An IAM principal: exactly one of an IAM user or an IAM application. */
export interface IamPrincipal {
  /**
   * An IAM user's id (a UUID, or an Output of one), e.g. the platform's admin.
   * @default none (give userId or applicationId)
   */
  userId?: pulumi.Input<string>;
  /**
   * An IAM application's id (a UUID, or an Output of one), e.g. the CI application.
   * @default none (give userId or applicationId)
   */
  applicationId?: pulumi.Input<string>;
}
const _iamPrincipalMatchesSchema: AssertSameShape<IamPrincipal, z.input<typeof iamPrincipalSchema>> = true;
