// Load Balancers. Inputs: @pulumiverse/scaleway 1.54.0 loadbalancers/frontend.d.ts (backendId,
// inboundPort, certificateIds, acls [{ action { type, redirects [{ type, target }] }, match }]),
// loadbalancers/backend.d.ts (forwardProtocol, sslBridging, ignoreSslServerVerify) and
// loadbalancers/loadBalancer.d.ts (sslCompatibilityLevel). Semantics: terraform-provider-scaleway
// v2.79.0 internal/services/lb/frontend.go (ACL action "redirect" with redirect type "scheme" or
// "location") and lb/lb.go (ssl_compatibility_level defaults to ssl_compatibility_level_intermediate).
import { asArray, asNumber, asObject, asString, isSet, tryRead } from "../internal/values";
import type { RuleResource } from "../types";
import { defineRule } from "./define";
import { T } from "./tokens";

interface FrontendInputs {
  backendId: string;
  inboundPort: number;
  certificateIds: string[];
  acls: { action?: { type?: string; redirects?: { type?: string; target?: string }[] } }[];
}

/** Whether a frontend terminates TLS: it has certificates (an unknown list during preview counts). */
function hasCertificates(inputs: Readonly<Partial<FrontendInputs>>): boolean {
  if (!isSet(inputs, "certificateIds")) return false;
  const ids = tryRead(() => inputs.certificateIds);
  return ids === undefined || !Array.isArray(ids) || ids.length > 0;
}

/** Whether one of a frontend's ACLs redirects to https (a scheme redirect, or a location https://…). */
function redirectsToHttps(inputs: Readonly<Partial<FrontendInputs>>): boolean {
  return asArray(tryRead(() => inputs.acls)).some((acl) => {
    const action = asObject(asObject(acl)?.action);
    if ((asString(action?.type) ?? "").toLowerCase() !== "redirect") return false;
    return asArray(action?.redirects).some((r) => {
      const target = (asString(asObject(r)?.target) ?? "").toLowerCase();
      return target === "https" || target.startsWith("https://");
    });
  });
}

/** The forward protocol of the frontend's backend, when the stack holds it. */
function backendProtocol(backends: readonly RuleResource[]): string | undefined {
  const protocols = backends
    .filter((b) => b.type === T.lbBackend)
    .map((b) => asString(tryRead(() => b.inputs.forwardProtocol))?.toLowerCase());
  return protocols.length > 0 ? protocols[0] : undefined;
}

const HTTP_PORTS = [80, 8080];

export const lbHttpRedirectsToHttps = defineRule<FrontendInputs>({
  id: "scw-lb-http-redirects-to-https",
  severity: "mandatory",
  description:
    "Load Balancer frontends that serve plain HTTP (no certificate, an HTTP backend or port 80) redirect to HTTPS with an ACL.",
  why: "A plain HTTP frontend sends cookies, tokens and forms in clear text; without a redirect, visitors and links keep using it.",
  remediation:
    'Add an ACL with action { type: "redirect", redirects: [{ type: "scheme", target: "https", code: 301 }] } and match { httpFilter: "acl_http_filter_none" }, and serve the site on a 443 frontend with certificateIds.',
  resourceTypes: [T.lbFrontend],
  readsRelatedResources: true,
  check: ({ inputs }, context) => {
    if (hasCertificates(inputs) || redirectsToHttps(inputs)) return undefined;
    const port = asNumber(tryRead(() => inputs.inboundPort));
    const protocol = backendProtocol(context.sourcesOf("backendId"));
    if (protocol === "http")
      return `port ${port ?? "?"} serves an HTTP backend without a certificate and no ACL redirects to https.`;
    if (protocol === undefined && port !== undefined && HTTP_PORTS.includes(port))
      return `port ${port} serves plain HTTP and no ACL redirects to https.`;
    return undefined;
  },
});

export const lbTlsOn443 = defineRule<FrontendInputs>({
  id: "scw-lb-tls-certificate-on-443",
  severity: "mandatory",
  description: "Load Balancer frontends on port 443 terminate TLS with a certificate (certificateIds).",
  why: "Port 443 without a certificate is either plain HTTP where clients expect encryption, or TLS passed through unchecked.",
  remediation:
    "Create a loadbalancers.Certificate (Let's Encrypt or your own) and set certificateIds on the frontend.",
  resourceTypes: [T.lbFrontend],
  check: ({ inputs }) =>
    asNumber(tryRead(() => inputs.inboundPort)) === 443 && !hasCertificates(inputs)
      ? "inboundPort is 443 and certificateIds is unset: no TLS certificate is served."
      : undefined,
});

export const lbModernTls = defineRule<{ sslCompatibilityLevel: string }>({
  id: "scw-lb-modern-tls",
  severity: "advisory",
  description:
    'Load Balancers do not accept old TLS versions (sslCompatibilityLevel not "ssl_compatibility_level_old").',
  why: "The old level accepts TLS 1.0 and 1.1 and weak ciphers, which downgrade attacks and compliance scans (PCI DSS) refuse.",
  remediation: 'Leave sslCompatibilityLevel unset (intermediate) or set "ssl_compatibility_level_modern".',
  resourceTypes: [T.loadBalancer],
  check: ({ inputs }) =>
    asString(tryRead(() => inputs.sslCompatibilityLevel)) === "ssl_compatibility_level_old"
      ? 'sslCompatibilityLevel is "ssl_compatibility_level_old": TLS 1.0 and 1.1 are accepted.'
      : undefined,
});

export const lbBackendVerifiesTls = defineRule<{ sslBridging: boolean; ignoreSslServerVerify: boolean }>({
  id: "scw-lb-backend-verifies-tls",
  severity: "advisory",
  description:
    "Load Balancer backends that speak TLS to the servers verify their certificates (no ignoreSslServerVerify).",
  why: "Skipping verification lets anyone on the path between the Load Balancer and the servers impersonate them.",
  remediation: "Remove ignoreSslServerVerify and give the servers certificates the Load Balancer trusts.",
  resourceTypes: [T.lbBackend],
  check: ({ inputs }) =>
    tryRead(() => inputs.ignoreSslServerVerify) === true
      ? "ignoreSslServerVerify is true: the servers' certificates are not checked."
      : undefined,
});
