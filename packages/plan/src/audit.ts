/**
 * `scaleway-blocks audit`: who changed a stack's resources, and when, from Scaleway Audit Trail.
 *
 * API (https://www.scaleway.com/en/developers/api/audit-trail/events): GET
 * `/audit-trail/v1alpha1/regions/{region}/events` with `organization_id` (required), `resource_id`,
 * `recorded_after` (Scaleway's default is one hour ago), `order_by`, `page_size`, `page_token`; the
 * answer is `{ events, next_page_token }`. The event shape (id, recorded_at, principal.id, source_ip,
 * user_agent, product_name, method_name, status_code, resources[{ id, type, name }]) is the one recorded
 * in terraform-provider-scaleway v2.79.0 internal/services/audittrail/testdata/
 * data-source-event-basic.cassette.yaml. Audit Trail answers in fr-par and nl-ams only ("Audit Trail is
 * not available for the Poland - Warsaw region": https://www.scaleway.com/en/docs/audit-trail/concepts/).
 * Reading needs the AuditTrailReadOnly permission set (or OrganizationManager), scoped to the
 * Organization (https://www.scaleway.com/en/developers/api/audit-trail/, Quickstart).
 */

/** Regions where Audit Trail records events. */
export const AUDIT_TRAIL_REGIONS = ["fr-par", "nl-ams"] as const;

/** One Scaleway resource of a stack's state, as the audit looks it up. */
export interface StateResource {
  urn: string;
  type: string;
  /** The Scaleway id without its locality ("fr-par/<uuid>" → "<uuid>"). */
  id: string;
  /** The region of the resource (a zone counts as its region), when the id or outputs say it. */
  region: string | undefined;
}

/** One Audit Trail event, as the command prints it. */
export interface AuditEvent {
  recordedAt: string;
  /** The user or IAM application that made the call. */
  principalId: string;
  method: string;
  product: string;
  status: number | undefined;
  sourceIp: string | undefined;
  userAgent: string | undefined;
  /** The stack resource the event is about (its URN) and the id Audit Trail gives it. */
  urn: string;
  resourceId: string;
  resourceName: string | undefined;
  resourceType: string | undefined;
  region: string;
}

export class AuditError extends Error {}

const LOCALITY = /^([a-z]{2}-[a-z]{3})(?:-\d+)?$/;

/**
 * The Scaleway resources of a `pulumi stack export` document (version 3: `deployment.resources`), with
 * their ids and regions. Providers, components and resources without an id are left out.
 */
export function stateResources(exported: unknown): StateResource[] {
  const deployment = (exported as { deployment?: { resources?: unknown } } | null)?.deployment;
  if (!deployment || !Array.isArray(deployment.resources))
    throw new AuditError("the state is not a `pulumi stack export` document (no deployment.resources)");
  const out: StateResource[] = [];
  for (const raw of deployment.resources as unknown[]) {
    const r = raw as { urn?: unknown; type?: unknown; id?: unknown; custom?: unknown; outputs?: unknown };
    if (typeof r.type !== "string" || !r.type.startsWith("scaleway:") || r.custom === false) continue;
    if (typeof r.id !== "string" || r.id === "" || typeof r.urn !== "string") continue;
    const parts = r.id.split("/");
    const id = parts[parts.length - 1]!;
    const outputs = (r.outputs ?? {}) as { region?: unknown; zone?: unknown };
    const locality =
      parts.length > 1
        ? parts[0]
        : typeof outputs.region === "string"
          ? outputs.region
          : typeof outputs.zone === "string"
            ? outputs.zone
            : undefined;
    const region = locality === undefined ? undefined : LOCALITY.exec(locality)?.[1];
    out.push({ urn: r.urn, type: r.type, id, region });
  }
  return out;
}

/** What reading events needs: where the API is, who asks, and since when. */
export interface AuditQuery {
  /** https://api.scaleway.com, or SCW_API_URL. */
  apiUrl: string;
  /** The secret key of an API key whose principal holds AuditTrailReadOnly. */
  secretKey: string;
  organizationId: string;
  /** Earliest event time (RFC 3339). */
  since: string;
  /** Events per page (Audit Trail's page_size). */
  pageSize?: number;
  fetch?: typeof fetch;
}

interface RawEvent {
  id?: string;
  recorded_at?: string;
  principal?: { id?: string } | null;
  source_ip?: string;
  user_agent?: string;
  product_name?: string;
  method_name?: string;
  status_code?: number;
  resources?: { id?: string; type?: string; name?: string }[];
}

/** Every event Audit Trail holds for one resource since `query.since`, following next_page_token. */
export async function eventsOfResource(
  query: AuditQuery,
  resource: StateResource & { region: string },
): Promise<AuditEvent[]> {
  const doFetch = query.fetch ?? fetch;
  const events: AuditEvent[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < 100; page++) {
    const url = new URL(`/audit-trail/v1alpha1/regions/${resource.region}/events`, query.apiUrl);
    url.searchParams.set("organization_id", query.organizationId);
    url.searchParams.set("resource_id", resource.id);
    url.searchParams.set("recorded_after", query.since);
    url.searchParams.set("order_by", "recorded_at_asc");
    url.searchParams.set("page_size", String(query.pageSize ?? 100));
    if (pageToken !== undefined) url.searchParams.set("page_token", pageToken);
    const response = await doFetch(url, { headers: { "X-Auth-Token": query.secretKey } });
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? " (the API key's principal needs the AuditTrailReadOnly permission set on the Organization)"
          : "";
      throw new AuditError(`Audit Trail answered ${response.status} for ${resource.urn}${hint}`);
    }
    const body = (await response.json()) as { events?: RawEvent[]; next_page_token?: string };
    for (const e of body.events ?? []) {
      const about = (e.resources ?? []).find((r) => r.id === resource.id);
      events.push({
        recordedAt: e.recorded_at ?? "",
        principalId: e.principal?.id ?? "(Scaleway)",
        method: e.method_name ?? "",
        product: e.product_name ?? "",
        status: e.status_code,
        sourceIp: e.source_ip,
        userAgent: e.user_agent,
        urn: resource.urn,
        resourceId: resource.id,
        resourceName: about?.name,
        resourceType: about?.type,
        region: resource.region,
      });
    }
    pageToken = body.next_page_token || undefined;
    if (pageToken === undefined) break;
  }
  return events;
}

/** The stack's events, oldest first, and the resources Audit Trail cannot answer for. */
export async function auditStack(
  resources: readonly StateResource[],
  query: AuditQuery,
  defaultRegion: string,
): Promise<{ events: AuditEvent[]; notCovered: StateResource[] }> {
  const covered: (StateResource & { region: string })[] = [];
  const notCovered: StateResource[] = [];
  for (const r of resources) {
    const region = r.region ?? defaultRegion;
    if ((AUDIT_TRAIL_REGIONS as readonly string[]).includes(region)) covered.push({ ...r, region });
    else notCovered.push(r);
  }
  const events: AuditEvent[] = [];
  // A few requests at a time: one resource's pages in order, resources side by side.
  for (let i = 0; i < covered.length; i += 4) {
    const batch = await Promise.all(covered.slice(i, i + 4).map((r) => eventsOfResource(query, r)));
    events.push(...batch.flat());
  }
  events.sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.urn.localeCompare(b.urn));
  return { events, notCovered };
}

/** The Pulumi name at the end of a URN. */
function urnName(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** "who changed what and when": one line per event, oldest first. */
export function renderAudit(
  stack: string,
  result: { events: readonly AuditEvent[]; notCovered: readonly StateResource[] },
  since: string,
): string {
  const lines = [
    `Audit Trail events for stack ${stack} since ${since}: ${result.events.length}`,
    ...result.events.map(
      (e) =>
        `${e.recordedAt}  ${e.principalId}  ${e.method}${e.status === undefined ? "" : ` (${e.status})`}  ` +
        `${urnName(e.urn)} [${e.resourceType ?? e.product}${e.resourceName ? ` ${e.resourceName}` : ""}]` +
        `${e.sourceIp ? `  from ${e.sourceIp}` : ""}`,
    ),
  ];
  if (result.notCovered.length > 0)
    lines.push(
      `Not covered (Audit Trail records fr-par and nl-ams only): ${result.notCovered.map((r) => urnName(r.urn)).join(", ")}`,
    );
  return `${lines.join("\n")}\n`;
}
