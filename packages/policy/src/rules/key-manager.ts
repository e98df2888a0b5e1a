// Key Manager: keys.
import { isSet, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

export const kmsKeyRotation = defineRule<{ usage: string; rotationPolicy: object }>({
  id: "scw-kms-key-rotation",
  severity: "advisory",
  description: "Symmetric Key Manager keys rotate automatically (rotationPolicy).",
  why: "A key that never rotates protects ever more data: its compromise exposes everything it ever encrypted.",
  remediation: 'Set rotationPolicy { rotationPeriod: "8760h" } (or shorter) on symmetric keys.',
  resourceTypes: [T.kmsKey],
  check: ({ inputs }) =>
    tryRead(() => inputs.usage) === "symmetric_encryption" && !isSet(inputs, "rotationPolicy")
      ? "rotationPolicy is unset: the key never rotates."
      : undefined,
});
