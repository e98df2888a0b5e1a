import { moduleTypeOf } from "@scaleway-blocks/policy";
import type { Assumptions } from "./assumptions";
import { numberAssumption } from "./assumptions";
import { T, shortType } from "./tokens";

/** How a deploy-time figure is known. */
export type DurationBasis = "official" | "third-party" | "assumption" | "override";

/** How long creating one resource of a type takes. */
export interface TypeDuration {
  /** Seconds the estimate uses. */
  seconds: number;
  basis: DurationBasis;
  source: string;
  /** A documented upper bound (e.g. a provider timeout), when there is one. */
  upperBoundSeconds?: number;
}

const MINUTE = 60;

/**
 * Per-type create durations. Scaleway publishes few figures: where it does not, the figure is a
 * stated assumption (override with --assume deploy.<module>.<Class>=<seconds>).
 */
export const TYPE_DURATIONS: Readonly<Record<string, TypeDuration>> = {
  [T.databaseInstance]: {
    seconds: 15 * MINUTE,
    basis: "assumption",
    source:
      "no official figure; the Terraform provider waits up to 30 min (defaultInstanceTimeout) polling every 30 s. 15 min is an assumption",
    upperBoundSeconds: 30 * MINUTE,
  },
  [T.readReplica]: {
    seconds: 15 * MINUTE,
    basis: "assumption",
    source: "no official figure; assumed like an instance (Terraform provider timeout 30 min)",
    upperBoundSeconds: 30 * MINUTE,
  },
  [T.serverlessDatabase]: {
    seconds: 10,
    basis: "official",
    source: 'Scaleway docs, Serverless SQL "create a database": "will take a few seconds"',
  },
  [T.container]: {
    seconds: 2 * MINUTE,
    basis: "assumption",
    source:
      "deploy time not stated by Scaleway (rolling update, no downtime); a third-party measurement (2026-09) gives a cold start median 18.9 s, p90 32.5 s, max 61.6 s. 2 min is an assumption",
  },
  [T.containerNamespace]: {
    seconds: 30,
    basis: "assumption",
    source: "not stated; the namespace is ready in seconds to tens of seconds (assumption)",
  },
  [T.containerDomain]: {
    seconds: 2 * MINUTE,
    basis: "assumption",
    source: "not stated; includes the Let's Encrypt certificate (assumption)",
  },
  [T.publicGateway]: {
    seconds: 2 * MINUTE,
    basis: "assumption",
    source: "not stated (assumption)",
  },
  [T.bucket]: { seconds: 10, basis: "assumption", source: "not stated; an API object (assumption)" },
};

/** The duration used for a type under these assumptions (overrides win). */
export function durationOf(type: string, assumptions: Assumptions): TypeDuration {
  const canonical = moduleTypeOf(type);
  const overrideKey = `deploy.${shortType(canonical)}`;
  const override = assumptions[overrideKey];
  const known = TYPE_DURATIONS[canonical];
  if (typeof override === "number") {
    return {
      seconds: override,
      basis: "override",
      source: `--assume ${overrideKey}=${override}`,
      ...(known?.upperBoundSeconds ? { upperBoundSeconds: known.upperBoundSeconds } : {}),
    };
  }
  if (known) return known;
  if (!canonical.startsWith("scaleway:")) {
    return { seconds: 0, basis: "assumption", source: "not a Scaleway resource: computed locally" };
  }
  return {
    seconds: numberAssumption(assumptions, "deploy.defaultSeconds"),
    basis: "assumption",
    source: "no figure for this type: an API object (deploy.defaultSeconds)",
  };
}
