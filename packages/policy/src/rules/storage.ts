import { moduleTypeOf } from "../provider";
import { resolveSettings } from "../settings";
import type { PolicySettings } from "../settings";
import { asArray, asObject, asString, asStrings, tagsOf, tryRead } from "../internal/values";
import { defineRule } from "./define";
import { T } from "./tokens";

interface BucketInputs {
  name: string;
  acl: string;
  tags: Record<string, string>;
  forceDestroy: boolean;
  versioning: { enabled?: boolean };
  lifecycleRules: { enabled?: boolean; noncurrentVersionExpiration?: object }[];
  corsRules: { allowedMethods?: string[]; allowedOrigins?: string[] }[];
}

/** Canned ACLs that open a bucket beyond its owner. */
export const PUBLIC_CANNED_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const PUBLIC_GRANTEE = /AllUsers|AuthenticatedUsers/i;

function publicGrantees(accessControlPolicy: unknown): string[] {
  return asArray(asObject(accessControlPolicy)?.grants)
    .map((grant) => asObject(grant))
    .filter((grant) => PUBLIC_GRANTEE.test(asString(asObject(grant?.grantee)?.uri) ?? ""))
    .map(
      (grant) =>
        `${asString(grant?.permission) ?? "a permission"} to ${asString(asObject(grant?.grantee)?.uri) ?? "everyone"}`,
    );
}

export const bucketNoPublicAcl = defineRule<{ acl: string; accessControlPolicy: object }>({
  id: "scw-bucket-no-public-acl",
  severity: "mandatory",
  description:
    "Buckets are never public through an ACL (public-read, public-read-write, authenticated-read).",
  why: "A public ACL lets anyone list and download every object; public-read-write also lets anyone upload or overwrite.",
  remediation:
    "Use the private ACL; serve public files through a CDN or presigned URLs, or through a bucket policy scoped to one prefix.",
  resourceTypes: [T.bucketAcl, T.bucket],
  check: ({ inputs }) => {
    const messages: string[] = [];
    const acl = asString(tryRead(() => inputs.acl));
    if (acl !== undefined && PUBLIC_CANNED_ACLS.includes(acl)) messages.push(`acl is "${acl}".`);
    for (const grant of publicGrantees(tryRead(() => inputs.accessControlPolicy)))
      messages.push(`accessControlPolicy grants ${grant}.`);
    return messages;
  },
});

/** A resource as `isStateBucket` reads it: a type token, a Pulumi name and inputs. */
export interface StateBucketCandidate {
  /** The registered type token, deprecated top-level ones included. */
  readonly type: string;
  /** The Pulumi name: the bucket's name when its `name` input is not set. */
  readonly name: string;
  readonly inputs: object;
}

/**
 * Whether a resource is a bucket that holds infrastructure (Pulumi or Terraform) state: tagged
 * `component=<one of settings.stateBucketComponents>` (default state-backend), or named like a state
 * bucket (`settings.stateBucketNamePattern`). Settings not given take the policy's defaults.
 */
export function isStateBucket(
  resource: StateBucketCandidate,
  settings: Partial<Pick<PolicySettings, "stateBucketNamePattern" | "stateBucketComponents">> = {},
): boolean {
  if (moduleTypeOf(resource.type) !== T.bucket) return false;
  const { stateBucketComponents, stateBucketNamePattern } = resolveSettings(settings);
  const inputs = resource.inputs as Readonly<Record<string, unknown>>;
  const component = tagsOf(tryRead(() => inputs.tags)).get("component");
  if (component !== undefined && stateBucketComponents.includes(component)) return true;
  const name = asString(tryRead(() => inputs.name)) ?? resource.name;
  return new RegExp(stateBucketNamePattern).test(name);
}

export const bucketVersioning = defineRule<BucketInputs>({
  id: "scw-bucket-versioning",
  severity: "mandatory",
  description: "Buckets that hold state, and every production bucket, have versioning on.",
  why: "Without versions, one bad write or delete (a corrupted Pulumi state, an overwritten upload) is permanent.",
  remediation: "Set versioning: { enabled: true } and add a lifecycle rule that expires noncurrent versions.",
  resourceTypes: [T.bucket],
  settings: ["stateBucketNamePattern", "stateBucketComponents"],
  environmentAware: true,
  check: (resource, { production, settings }) => {
    if (asObject(resource.inputs.versioning)?.enabled === true) return undefined;
    if (isStateBucket(resource, settings))
      return "versioning is off on a bucket that holds state: a corrupted or deleted state file cannot be recovered.";
    if (production) return "versioning is off on a production bucket.";
    return undefined;
  },
});

export const bucketNoForceDestroyInProduction = defineRule<BucketInputs>({
  id: "scw-bucket-no-force-destroy-in-production",
  severity: "mandatory",
  description: "Production buckets cannot be deleted together with their objects (no forceDestroy).",
  why: "forceDestroy lets a refactor or a `pulumi destroy` empty and delete a production bucket without any further check.",
  remediation: "Remove forceDestroy (or set it to false) on production buckets, and protect them.",
  resourceTypes: [T.bucket],
  environmentAware: true,
  check: ({ inputs }, { production }) =>
    production && inputs.forceDestroy === true ? "forceDestroy is true on a production bucket." : undefined,
});

export const bucketVersionedHasLifecycle = defineRule<BucketInputs>({
  id: "scw-bucket-versioned-has-lifecycle",
  severity: "advisory",
  description: "Versioned buckets expire their noncurrent versions with a lifecycle rule.",
  why: "Every overwrite and delete keeps a billed copy forever: storage, and the bill, only grow.",
  remediation:
    "Add an enabled lifecycleRules entry with noncurrentVersionExpiration { noncurrentDays } (and abortIncompleteMultipartUploadDays).",
  resourceTypes: [T.bucket],
  check: ({ inputs }) => {
    if (asObject(inputs.versioning)?.enabled !== true) return undefined;
    const expires = asArray(inputs.lifecycleRules)
      .map((rule) => asObject(rule))
      .some((rule) => rule?.enabled !== false && asObject(rule?.noncurrentVersionExpiration) !== undefined);
    return expires
      ? undefined
      : "versioning is on but no enabled lifecycle rule expires noncurrent versions.";
  },
});

const WRITE_METHODS = ["PUT", "POST", "DELETE"];

export const bucketCorsNoWildcardWrite = defineRule<BucketInputs>({
  id: "scw-bucket-cors-no-wildcard-write",
  severity: "advisory",
  description: "Bucket CORS rules do not allow writes (PUT, POST, DELETE) from any origin.",
  why: "A wildcard origin with write methods lets any web page use a visitor's presigned URLs or credentials against the bucket.",
  remediation:
    "List the exact origins (https://app.example.com) in allowedOrigins of rules that allow PUT, POST or DELETE.",
  resourceTypes: [T.bucket],
  check: ({ inputs }) =>
    asArray(inputs.corsRules).flatMap((rule, i) => {
      const cors = asObject(rule);
      const methods = asStrings(cors?.allowedMethods).map((m) => m.toUpperCase());
      const writes = methods.filter((m) => WRITE_METHODS.includes(m));
      return asStrings(cors?.allowedOrigins).includes("*") && writes.length > 0
        ? [`corsRules[${i}] allows ${writes.join(", ")} from any origin (*).`]
        : [];
    }),
});

interface PolicyStatement {
  Effect?: unknown;
  Principal?: unknown;
  Sid?: unknown;
}

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  const map = asObject(principal);
  if (!map) return false;
  return Object.values(map).some((v) => v === "*" || (Array.isArray(v) && v.includes("*")));
}

export const bucketPolicyNoPublicPrincipal = defineRule<{ policy: string }>({
  id: "scw-bucket-policy-no-public-principal",
  severity: "mandatory",
  description: 'Bucket policies do not allow anyone (Principal "*").',
  why: 'A statement that allows Principal "*" makes the bucket public to the internet, whatever its ACL says.',
  remediation:
    'Name the IAM applications or users (Principal { SCW: "application_id:…" }) that need access; keep public content in a separate bucket.',
  resourceTypes: [T.bucketPolicy],
  check: ({ inputs }) => {
    const text = inputs.policy;
    let document: unknown = text;
    if (typeof text === "string") {
      try {
        document = JSON.parse(text);
      } catch {
        return "policy is not valid JSON.";
      }
    }
    const statements = asObject(document)?.Statement;
    const list = (Array.isArray(statements) ? statements : [statements]) as (PolicyStatement | undefined)[];
    return list
      .filter((s) => asObject(s) !== undefined && s?.Effect === "Allow" && isEveryone(s?.Principal))
      .map((s) => `statement ${typeof s?.Sid === "string" ? `"${s.Sid}" ` : ""}allows Principal "*".`);
  },
});

export const objectNotPublic = defineRule<{ visibility: string; key: string }>({
  id: "scw-object-not-public",
  severity: "advisory",
  description: "Objects managed in code are not public-read.",
  why: "A public object is readable by anyone who guesses its URL, and stays so when the bucket is later made private.",
  remediation: 'Set visibility: "private" and share the object through a presigned URL or a CDN.',
  resourceTypes: [T.objectItem],
  check: ({ inputs }) =>
    asString(inputs.visibility) === "public-read" ? "visibility is public-read." : undefined,
});

export const registryNamespacePrivate = defineRule<{ isPublic: boolean }>({
  id: "scw-registry-namespace-private",
  severity: "advisory",
  description: "Container Registry namespaces are private.",
  why: "A public namespace lets anyone pull your images, with whatever the build baked into their layers.",
  remediation:
    "Set isPublic: false; Serverless Containers in the same project pull private images without extra setup.",
  resourceTypes: [T.registryNamespace],
  check: ({ inputs }) => (inputs.isPublic === true ? "isPublic is true." : undefined),
});

export const storageRules = [
  bucketNoPublicAcl,
  bucketPolicyNoPublicPrincipal,
  bucketVersioning,
  bucketNoForceDestroyInProduction,
  bucketVersionedHasLifecycle,
  bucketCorsNoWildcardWrite,
  objectNotPublic,
  registryNamespacePrivate,
];
