// Object Storage: buckets, their ACLs and policies, objects.
import { asArray, asObject, asString, asStrings, hasTag, tagsOf, tryRead } from "../internal/values";
import { moduleTypeOf } from "../provider";
import { resolveSettings } from "../settings";
import type { PolicySettings } from "../settings";
import type { RuleContext, RuleResource } from "../types";
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

/** The public canned ACLs that only let others read. */
const READ_ONLY_CANNED_ACLS = ["public-read", "authenticated-read"];

const PUBLIC_GRANTEE = /AllUsers|AuthenticatedUsers/i;

/** Grant permissions that only let the grantee read (the objects, or the ACL itself). */
const READ_ONLY_PERMISSIONS = ["READ", "READ_ACP"];

/** One way a resource opens a bucket to anyone, and whether it only lets them read. */
interface PublicAccess {
  readonly what: string;
  readonly readOnly: boolean;
}

function publicGrants(accessControlPolicy: unknown): PublicAccess[] {
  return asArray(asObject(accessControlPolicy)?.grants)
    .map((grant) => asObject(grant))
    .filter((grant) => PUBLIC_GRANTEE.test(asString(asObject(grant?.grantee)?.uri) ?? ""))
    .map((grant) => {
      const permission = asString(grant?.permission);
      const to = asString(asObject(grant?.grantee)?.uri) ?? "everyone";
      return {
        what: `accessControlPolicy grants ${permission ?? "a permission"} to ${to}`,
        readOnly: permission !== undefined && READ_ONLY_PERMISSIONS.includes(permission.toUpperCase()),
      };
    });
}

/** The public access a BucketAcl (or a Bucket's deprecated acl inputs) gives. */
function aclPublicAccess(inputs: Readonly<Record<string, unknown>>): PublicAccess[] {
  const found: PublicAccess[] = [];
  const acl = asString(tryRead(() => inputs.acl));
  if (acl !== undefined && PUBLIC_CANNED_ACLS.includes(acl))
    found.push({ what: `acl is "${acl}"`, readOnly: READ_ONLY_CANNED_ACLS.includes(acl) });
  return [...found, ...publicGrants(tryRead(() => inputs.accessControlPolicy))];
}

interface PolicyStatement {
  Effect?: unknown;
  Principal?: unknown;
  Sid?: unknown;
  Action?: unknown;
}

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  const map = asObject(principal);
  if (!map) return false;
  return Object.values(map).some((v) => v === "*" || (Array.isArray(v) && v.includes("*")));
}

/** s3:Get…/s3:List… actions (wildcards within them included): reading, never writing. */
const READ_ACTION = /^s3:(?:Get|List)[A-Za-z]*\*?$/i;

/** The statements of a bucket policy that allow anyone, or an error message for a document that is not JSON. */
function policyPublicAccess(policy: unknown): PublicAccess[] | string {
  let document: unknown = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return "policy is not valid JSON.";
    }
  }
  const statements = asObject(document)?.Statement;
  const list = (Array.isArray(statements) ? statements : [statements]) as (PolicyStatement | undefined)[];
  return list
    .filter((s) => asObject(s) !== undefined && s?.Effect === "Allow" && isEveryone(s?.Principal))
    .map((s) => {
      const actions = typeof s?.Action === "string" ? [s.Action] : asStrings(s?.Action);
      return {
        what: `statement ${typeof s?.Sid === "string" ? `"${s.Sid}" ` : ""}allows Principal "*"`,
        // A statement without Action (NotAction, say) allows more than reading.
        readOnly: actions.length > 0 && actions.every((a) => READ_ACTION.test(a)),
      };
    });
}

/**
 * Whether the bucket a resource configures is tagged with the public opt-in: the resource itself
 * for a Bucket, else every Bucket its `bucket` input came from (at least one).
 */
function bucketOptedIn(resource: RuleResource, context: RuleContext): boolean {
  const tag = context.settings.publicOptInTag;
  if (resource.type === T.bucket)
    return hasTag(
      tryRead(() => resource.inputs.tags),
      tag,
    );
  const buckets = context.sourcesOf("bucket").filter((r) => r.type === T.bucket);
  return (
    buckets.length > 0 &&
    buckets.every((b) =>
      hasTag(
        tryRead(() => b.inputs.tags),
        tag,
      ),
    )
  );
}

/** The public access a bucket resource gives, or an error message that says the rule cannot tell. */
function bucketPublicAccess(resource: RuleResource): PublicAccess[] | string {
  return resource.type === T.bucketPolicy
    ? policyPublicAccess(resource.inputs.policy)
    : aclPublicAccess(resource.inputs);
}

/** Public access that the bucket's opt-in tag covers: read-only access to a bucket tagged public. */
function onPurpose(access: PublicAccess, optedIn: boolean): boolean {
  return optedIn && access.readOnly;
}

/** The violation message of public access that is not covered by the opt-in. */
function accidental(access: PublicAccess, optedIn: boolean, tag: string): string {
  return optedIn
    ? `${access.what}: the bucket's "${tag}" tag opts in read access only, not this.`
    : `${access.what}.`;
}

/** The public access a bucket resource gives that no opt-in covers: the check of both public-access rules. */
function accidentalPublicAccess(resource: RuleResource, context: RuleContext): string | string[] {
  const access = bucketPublicAccess(resource);
  if (typeof access === "string") return access;
  const optedIn = bucketOptedIn(resource, context);
  return access
    .filter((a) => !onPurpose(a, optedIn))
    .map((a) => accidental(a, optedIn, context.settings.publicOptInTag));
}

export const bucketNoPublicAcl = defineRule<{ acl: string; accessControlPolicy: object }>({
  id: "scw-bucket-no-public-acl",
  severity: "mandatory",
  description:
    "Buckets are never public through an ACL (public-read, public-read-write, authenticated-read), unless tagged public on purpose for reading.",
  why: "A public ACL lets anyone list and download every object; public-read-write also lets anyone upload or overwrite.",
  remediation:
    'Use the private ACL (serve public files through a CDN or presigned URLs), or tag the bucket "public=true" (publicOptInTag) when read access for anyone is meant.',
  resourceTypes: [T.bucketAcl, T.bucket],
  settings: ["publicOptInTag"],
  readsRelatedResources: true,
  check: accidentalPublicAccess,
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

export const bucketPolicyNoPublicPrincipal = defineRule<{ policy: string }>({
  id: "scw-bucket-policy-no-public-principal",
  severity: "mandatory",
  description:
    'Bucket policies do not allow anyone (Principal "*"), unless they only read a bucket tagged public on purpose.',
  why: 'A statement that allows Principal "*" makes the bucket public to the internet, whatever its ACL says.',
  remediation:
    'Name the IAM applications or users (Principal { SCW: "application_id:…" }) that need access, or tag the bucket "public=true" (publicOptInTag) when read access for anyone is meant.',
  resourceTypes: [T.bucketPolicy],
  settings: ["publicOptInTag"],
  readsRelatedResources: true,
  check: accidentalPublicAccess,
});

export const bucketPublicOnPurpose = defineRule<{ acl: string; accessControlPolicy: object; policy: string }>(
  {
    id: "scw-bucket-public-on-purpose",
    severity: "advisory",
    description:
      "Buckets tagged public on purpose (the public=true tag by default) that anyone may read are listed for review.",
    why: "A deliberate public bucket is still public: every object put in it later is readable by anyone, so what it holds needs an owner's eye.",
    remediation:
      'Keep only public content in it; remove the ACL or policy statement and the "public=true" tag (publicOptInTag) when the bucket should no longer be public.',
    resourceTypes: [T.bucketAcl, T.bucket, T.bucketPolicy],
    settings: ["publicOptInTag"],
    readsRelatedResources: true,
    check: (resource, context) => {
      const access = bucketPublicAccess(resource);
      if (typeof access === "string") return undefined; // scw-bucket-policy-no-public-principal says it
      const optedIn = bucketOptedIn(resource, context);
      return access
        .filter((a) => onPurpose(a, optedIn))
        .map(
          (a) =>
            `${a.what} on a bucket tagged "${context.settings.publicOptInTag}": anyone may read it, on purpose.`,
        );
    },
  },
);

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
