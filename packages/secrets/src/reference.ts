import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";

/**
 * A secret handed to a consumer (a container's secret environment variable, a database password).
 * `value` is always a Pulumi secret.
 */
export interface SecretReference {
  /** The key given in SecretsArgs.secrets. */
  readonly key: string;
  /** Secret Manager id, "<region>/<uuid>". */
  readonly secretId: pulumi.Output<string>;
  /** The secret's name in Secret Manager. */
  readonly secretName: pulumi.Output<string>;
  /** The revision of the version holding the value. */
  readonly revision: pulumi.Output<string>;
  /** The value, always a Pulumi secret. */
  readonly value: pulumi.Output<string>;
}

const OUTPUT_FIELDS = ["secretId", "secretName", "revision", "value"] as const;

function isSecretReference(value: unknown): value is SecretReference {
  if (value === null || typeof value !== "object") return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.key === "string" &&
    OUTPUT_FIELDS.every((field) => pulumi.Output.isInstance(candidate[field]))
  );
}

/** Accepts a SecretReference (structural check: a string `key` and Outputs secretId, secretName, revision, value). */
export const secretReferenceSchema = z.custom<SecretReference>(isSecretReference, {
  message:
    'expected a SecretReference (e.g. secrets.secret("db-password")): key, secretId, secretName, revision, value',
});
