import * as policy from "@scaleway-blocks/policy";
import type { GraphLike } from "./resources";

export type PolicySeverity = "mandatory" | "advisory";

/** One rule violation, as the plan reports it. */
export interface PolicyFinding {
  ruleId: string;
  severity: PolicySeverity;
  urn: string;
  name: string;
  type: string;
  message: string;
  remediation?: string;
}

/**
 * What the plan needs from a policy engine. The default is @scaleway-blocks/policy; tests (and
 * other rule sets) can pass their own.
 */
export interface PolicyEngine {
  evaluate(graph: GraphLike, config?: unknown): readonly PolicyFinding[];
  hasMandatoryFailures(findings: readonly PolicyFinding[]): boolean;
}

export const scalewayBlocksPolicy: PolicyEngine = {
  evaluate: (graph, config) =>
    policy.evaluate(
      {
        resources: graph.resources.map((r) => ({
          urn: r.urn,
          type: r.type,
          name: r.name,
          inputs: r.inputs ?? {},
          options: { protect: r.options?.protect === true },
          ...(r.parent === undefined ? {} : { parent: r.parent }),
        })),
      },
      config ?? {},
    ),
  hasMandatoryFailures: (findings) => findings.some((f) => f.severity === "mandatory"),
};

export interface PolicyReport {
  /** Mandatory findings first, then advisory; by rule id within each. */
  findings: PolicyFinding[];
  mandatory: number;
  advisory: number;
  /** true when a mandatory rule fails (exit status 1). */
  failed: boolean;
}

/** Runs the policy engine over the recorded graph. */
export function runPolicy(
  graph: GraphLike,
  engine: PolicyEngine = scalewayBlocksPolicy,
  config?: unknown,
): PolicyReport {
  const order: Record<PolicySeverity, number> = { mandatory: 0, advisory: 1 };
  const findings = engine
    .evaluate(graph, config)
    .map((f) => {
      const finding: PolicyFinding = {
        ruleId: f.ruleId,
        severity: f.severity,
        urn: f.urn,
        name: f.name,
        type: f.type,
        message: f.message,
      };
      if (f.remediation !== undefined) finding.remediation = f.remediation;
      return finding;
    })
    .sort(
      (a, b) =>
        order[a.severity] - order[b.severity] ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.name.localeCompare(b.name),
    );
  return {
    findings,
    mandatory: findings.filter((f) => f.severity === "mandatory").length,
    advisory: findings.filter((f) => f.severity === "advisory").length,
    failed: engine.hasMandatoryFailures(findings),
  };
}
