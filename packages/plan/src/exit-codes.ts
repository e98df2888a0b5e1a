/**
 * Exit statuses of `scaleway-blocks plan`. When several apply, the highest wins:
 * a plan that could not be made (3) over a data-loss risk (2) over a mandatory policy failure (1).
 */
export const EXIT = {
  ok: 0,
  policyFailure: 1,
  dataLossRisk: 2,
  error: 3,
} as const;

export type PlanExitCode = typeof EXIT.ok | typeof EXIT.policyFailure | typeof EXIT.dataLossRisk;

export function planExitCode(args: { policyFailed: boolean; dataLossRisks: number }): PlanExitCode {
  if (args.dataLossRisks > 0) return EXIT.dataLossRisk;
  if (args.policyFailed) return EXIT.policyFailure;
  return EXIT.ok;
}
