// IAM: policies and API keys.
// Inputs: @pulumiverse/scaleway 1.54.0 iam/apiKey.d.ts (applicationId, userId, expiresAt), iam/policy.d.ts
// (userId, groupId, applicationId, rules).
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

export const iamApiKeyOnApplication = defineRule<{ userId: string; applicationId: string }>({
  id: "scw-iam-api-key-on-application",
  severity: "mandatory",
  description: "IAM API keys belong to applications (applicationId), not to users (userId).",
  why: "A key on a user carries all that person's rights, across every project, and outlives their role; an application holds only the policies given to it.",
  remediation:
    "Create an iam.Application for the workload or pipeline, grant it a narrow iam.Policy, and set applicationId on the key instead of userId.",
  resourceTypes: [T.iamApiKey],
  check: ({ inputs }) =>
    isSet(inputs, "userId")
      ? "userId is set: the key acts with a person's rights instead of an application's."
      : undefined,
});

export const iamPolicyNotOnUser = defineRule<{ userId: string }>({
  id: "scw-iam-policy-not-on-user",
  severity: "advisory",
  description: "IAM policies are attached to groups or applications, not to single users (userId).",
  why: "Rights given person by person are forgotten when people change roles or leave; groups are reviewed in one place.",
  remediation:
    "Attach the policy to an iam.Group (groupId) and add the user to the group with iam.GroupMembership.",
  resourceTypes: [T.iamPolicy],
  check: ({ inputs }) =>
    isSet(inputs, "userId") ? "userId is set: the policy grants rights to one person directly." : undefined,
});
