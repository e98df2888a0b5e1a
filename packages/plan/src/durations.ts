import { moduleTypeOf } from "@scaleway-blocks/policy";
import type { Assumptions } from "./assumptions";
import { numberAssumption } from "./assumptions";
import { T, shortType } from "./tokens";

/** How a deploy-time figure is known. */
export type DurationBasis = "measured" | "official" | "third-party" | "assumption" | "override";

/** What the provider's recordings say of a type's creations (seconds). */
export interface MeasuredDuration {
  n: number;
  median: number;
  p90: number;
  max: number;
}

/** How long creating one resource of a type takes. */
export interface TypeDuration {
  /** Seconds the estimate uses (for a measured type, the p90 of its recordings). */
  seconds: number;
  basis: DurationBasis;
  source: string;
  /** The slowest recorded creation, when the figure is measured. */
  maxSeconds?: number;
  /** A documented upper bound (the provider's create timeout), when there is one. */
  upperBoundSeconds?: number;
  /** The recordings' statistics, when the figure is measured (scripts/measure-durations.mjs prints them). */
  measured?: MeasuredDuration;
}

const MINUTE = 60;
const RECORDINGS = "terraform-provider-scaleway v2.79.0 recorded acceptance tests";

/**
 * A figure measured in the provider's recordings: estimate with the p90, bound with the slowest
 * recording and with the provider's create timeout. A synchronous creation (the create call answers
 * with the object ready, 0 s at the Date header's one-second resolution) counts 1 s for the call.
 */
function measured(
  stats: MeasuredDuration,
  where: string,
  timeout: { seconds: number; source: string } | undefined,
  note?: string,
): TypeDuration {
  const sync = stats.max === 0;
  const figures = sync
    ? `synchronous in all ${stats.n} recorded creations (the create call answers with the object ready); 1 s for the call`
    : `n=${stats.n} recorded creations: median ${stats.median} s, p90 ${stats.p90} s, max ${stats.max} s`;
  const bound = timeout
    ? `; provider create timeout ${formatMinutes(timeout.seconds)} (${timeout.source})`
    : "";
  return {
    seconds: Math.max(stats.p90, 1),
    basis: "measured",
    source: `${figures} (${RECORDINGS}, ${where})${bound}${note ? `. ${note}` : ""}`,
    maxSeconds: Math.max(stats.max, 1),
    ...(timeout ? { upperBoundSeconds: timeout.seconds } : {}),
    measured: stats,
  };
}

function formatMinutes(seconds: number): string {
  const m = Math.floor(seconds / MINUTE);
  const s = seconds % MINUTE;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

const RDB_TIMEOUT = {
  seconds: 30 * MINUTE,
  source: "rdb/helpers.go defaultInstanceTimeout, polling every 30 s",
};

/**
 * Per-type create durations. Measured ones come from the HTTP `Date` headers of the provider's
 * recorded acceptance tests (`internal/services/<svc>/testdata/*.cassette.yaml`, real API traffic
 * in fr-par and nl-ams, 2024-08 to 2026-07): a creation runs from the create call's answer to the
 * first answer with a ready status. `scripts/measure-durations.mjs` prints them again from the
 * module cache, and test/durations.test.ts checks this table against it. Resolution: one polling
 * interval (30 s for RDB, 5 s for containers). Other figures are stated assumptions; override any
 * with --assume deploy.<module>.<Class>=<seconds>.
 */
export const TYPE_DURATIONS: Readonly<Record<string, TypeDuration>> = {
  [T.databaseInstance]: measured(
    { n: 69, median: 212, p90: 243, max: 397 },
    "rdb/, ipam/ and iot/testdata, 2025-01 … 2026-06; HA DB-DEV-M in instance-with-cluster: 241 s",
    RDB_TIMEOUT,
  ),
  [T.databaseReadReplica]: measured(
    { n: 9, median: 181, p90: 409, max: 409 },
    "rdb/testdata/read-replica-*, 2025-02 … 2026-05",
    RDB_TIMEOUT,
  ),
  [T.serverlessDatabase]: measured({ n: 2, median: 13, p90: 15, max: 15 }, "sdb/testdata, 2025-01", {
    seconds: 15 * MINUTE,
    source: "sdb/helpers.go defaultTimeout",
  }),
  [T.container]: measured(
    { n: 23, median: 15, p90: 21, max: 25 },
    "container/testdata, 2026-05",
    { seconds: 12 * MINUTE + 30, source: "container/helpers_container.go defaultContainerTimeout" },
    'A container that cannot start turns "error" after about 5 min (303–304 s in 4 recordings)',
  ),
  [T.containerNamespace]: measured({ n: 28, median: 5, p90: 5, max: 6 }, "container/testdata, 2026-05", {
    seconds: 5 * MINUTE,
    source: "container/helpers_container.go defaultContainerNamespaceTimeout",
  }),
  [T.containerDomain]: measured(
    { n: 1, median: 15, p90: 15, max: 15 },
    "container/testdata/domain-basic, 2026-05, DNS record already in place",
    { seconds: 10 * MINUTE, source: "container/helpers_container.go defaultContainerDomainTimeout" },
  ),
  [T.vpc]: measured({ n: 127, median: 0, p90: 0, max: 0 }, "vpc/ and other testdata", undefined),
  [T.privateNetwork]: measured({ n: 136, median: 0, p90: 0, max: 0 }, "vpc/ and other testdata", undefined),
  [T.publicGateway]: measured({ n: 17, median: 10, p90: 15, max: 16 }, "vpcgw/testdata, 2025-03 … 2026-05", {
    seconds: 10 * MINUTE,
    source: "vpcgw/helpers.go defaultTimeout",
  }),
  [T.publicGatewayIp]: measured({ n: 11, median: 0, p90: 0, max: 0 }, "vpcgw/testdata", undefined),
  [T.gatewayNetwork]: measured({ n: 8, median: 10, p90: 16, max: 16 }, "vpcgw/testdata, 2025-06 … 2026-05", {
    seconds: 10 * MINUTE,
    source: "vpcgw/helpers.go defaultTimeout",
  }),
  [T.secret]: measured({ n: 42, median: 0, p90: 0, max: 0 }, "secret/testdata", {
    seconds: 5 * MINUTE,
    source: "secret/helpers.go defaultSecretTimeout",
  }),
  [T.cockpitSource]: measured({ n: 26, median: 0, p90: 0, max: 0 }, "cockpit/testdata", {
    seconds: 5 * MINUTE,
    source: "cockpit/helpers_cockpit.go DefaultCockpitTimeout",
  }),
  [T.kmsKey]: measured({ n: 34, median: 0, p90: 0, max: 0 }, "keymanager/testdata", undefined),
  [T.bucket]: {
    seconds: 10,
    basis: "assumption",
    source:
      "not measured (S3 calls, no status to poll): a bucket and its configuration calls (assumption); provider timeout 10 min (object/helpers_object.go defaultObjectBucketTimeout)",
    upperBoundSeconds: 10 * MINUTE,
  },
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
      ...(known?.maxSeconds !== undefined ? { maxSeconds: Math.max(known.maxSeconds, override) } : {}),
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
