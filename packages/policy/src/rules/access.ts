import { asArray, asObject, asStrings, isSet, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface PolicyInputs {
  rules: { permissionSetNames?: string[]; organizationId?: string; projectIds?: string[] }[];
}

function policyRules(
  inputs: Partial<PolicyInputs>,
): { index: number; sets: string[]; rule: Record<string, unknown> }[] {
  return asArray(inputs.rules).flatMap((value, index) => {
    const rule = asObject(value);
    return rule ? [{ index, sets: asStrings(tryRead(() => rule.permissionSetNames)), rule }] : [];
  });
}

export const iamNoOrganizationScope = defineRule<PolicyInputs>({
  id: "scw-iam-no-organization-scope",
  severity: "mandatory",
  description: "IAM policy rules are scoped to projects (projectIds), not to the whole Organization.",
  why: "An Organization-wide rule reaches every project, present and future: one leaked key touches production and everything else.",
  remediation:
    "Replace organizationId with projectIds listing the projects the principal works on; keep Organization scope for a reviewed break-glass policy outside this stack.",
  resourceTypes: [T.iamPolicy],
  check: ({ inputs }) =>
    policyRules(inputs)
      .filter(({ rule }) => isSet(rule, "organizationId"))
      .map(
        ({ index, sets }) =>
          `rules[${index}] is scoped to the whole Organization${sets.length > 0 ? ` (${sets.join(", ")})` : ""}.`,
      ),
});

/** Permission sets that let their holder give itself any other right, or run the Organization. */
export const PRIVILEGED_PERMISSION_SETS = [
  "AllProductsFullAccess",
  "OrganizationManager",
  "IAMManager",
  "IAMPolicyManager",
  "IAMGroupManager",
  "IAMApplicationManager",
  "IAMUserManager",
];

export const iamNoPrivilegedPermissionSets = defineRule<PolicyInputs>({
  id: "scw-iam-no-privileged-permission-sets",
  severity: "mandatory",
  description:
    "IAM policies do not grant AllProductsFullAccess, OrganizationManager or IAM management permission sets.",
  why: "These sets let their holder grant itself any other right: a workload or CI key with them is an Organization owner.",
  remediation:
    "Grant product permission sets on projects (e.g. ContainersFullAccess, SecretManagerSecretAccess); manage IAM by hand or from a separate, guarded stack.",
  resourceTypes: [T.iamPolicy],
  check: ({ inputs }) =>
    policyRules(inputs).flatMap(({ index, sets }) =>
      sets
        .filter((set) => PRIVILEGED_PERMISSION_SETS.includes(set))
        .map((set) => `rules[${index}] grants ${set}.`),
    ),
});

export const iamNoFullAccess = defineRule<PolicyInputs>({
  id: "scw-iam-least-privilege",
  severity: "advisory",
  description: "IAM policies prefer narrow permission sets over *FullAccess ones.",
  why: "FullAccess includes delete and configuration rights a workload rarely needs; least privilege limits what a leaked key can do.",
  remediation:
    "Use the ReadOnly, Write or specific sets (ObjectStorageObjectsRead, SecretManagerSecretAccess, ContainersReadOnly…) that cover what the principal does.",
  resourceTypes: [T.iamPolicy],
  check: ({ inputs }) =>
    policyRules(inputs).flatMap(({ index, sets }) =>
      sets
        .filter((set) => set.endsWith("FullAccess") && !PRIVILEGED_PERMISSION_SETS.includes(set))
        .map((set) => `rules[${index}] grants ${set}.`),
    ),
});

export const iamApiKeyExpiry = defineRule<{ expiresAt: string }>({
  id: "scw-iam-api-key-expiry",
  severity: "advisory",
  description: "IAM API keys expire (expiresAt).",
  why: "A key without expiry stays valid for years after the person or pipeline that used it is gone.",
  remediation:
    "Set expiresAt and rotate the key before then (changing expiresAt recreates the key: roll it out with its consumers).",
  resourceTypes: [T.iamApiKey],
  check: ({ inputs }) =>
    isSet(inputs, "expiresAt") ? undefined : "expiresAt is unset: the key never expires.",
});

export const secretProtectedInProduction = defineRule<{ protected: boolean }>({
  id: "scw-secret-protected-in-production",
  severity: "mandatory",
  description: "Production Secret Manager secrets are protected against deletion (protected: true).",
  why: "Deleting a production secret breaks every service that reads it, and its versions cannot be brought back.",
  remediation:
    "Set protected: true on production secrets (protect: true with the secrets block); unset it deliberately before a planned deletion.",
  resourceTypes: [T.secret],
  environmentAware: true,
  check: ({ inputs }, { production }) =>
    production && inputs.protected !== true ? "protected is not true on a production secret." : undefined,
});

export const statefulProtectedInProduction = defineRule<Record<string, unknown>>({
  id: "scw-stateful-protected-in-production",
  severity: "mandatory",
  description: "Production databases and buckets carry Pulumi's protect option.",
  why: "Without protect, a rename, a refactor that moves a resource or a stray `pulumi destroy` deletes production data.",
  remediation: "Pass { protect: true } in the resource options of production database instances and buckets.",
  resourceTypes: [T.databaseInstance, T.bucket],
  environmentAware: true,
  check: ({ protect }, { production }) =>
    production && !protect ? "the protect resource option is not set on a production resource." : undefined,
});

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

export const accessRules = [
  secretProtectedInProduction,
  statefulProtectedInProduction,
  iamNoOrganizationScope,
  iamNoPrivilegedPermissionSets,
  iamNoFullAccess,
  iamApiKeyExpiry,
  kmsKeyRotation,
];
