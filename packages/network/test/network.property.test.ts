import { ZONES_BY_PRODUCT } from "@scaleway-blocks/core";
import { arbitraries as A, fuzz } from "@scaleway-blocks/testing";
import type { FuzzCase } from "@scaleway-blocks/testing";
import * as fc from "fast-check";
import { describe, it } from "vitest";
import { networkArgsSchema, publicGatewaySpecSchema } from "../src/args";
import { Network } from "../src/index";
import type { NetworkArgs } from "../src/index";

// Runs per property: 700 refused + 200 recorded + 100 recorded twice = 1,000 generated args.
// Replay a failure: FC_SEED=<printed seed> [FC_PATH=<path>] pnpm --filter @scaleway-blocks/network exec vitest run test/network.property.test.ts
const RUNS = { refused: 700, safeGraph: 200, deterministic: 100 } as const;
const TIMEOUT = 300_000;

/** Private networks with unique names; explicit subnets are /20–/28 in distinct 10.<i>.0.0/16 blocks. */
const privateNetworks = fc
  .uniqueArray(A.nameSegment(12), { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name, i) =>
        fc
          .option(fc.integer({ min: 20, max: 28 }), { nil: undefined })
          .map((prefix) => (prefix === undefined ? { name } : { name, subnet: `10.${i}.0.0/${prefix}` })),
      ),
    ),
  );

/** Ranges narrower than the whole internet. */
const allowedCidrs = fc.uniqueArray(
  fc.constantFrom("203.0.113.7/32", "198.51.100.0/24", "192.0.2.0/28", "10.0.0.0/8", "81.2.69.0/24"),
  { minLength: 1, maxLength: 3 },
);

function publicGateway(region: string, names: string[]) {
  const zones = ZONES_BY_PRODUCT.publicGateway.filter((z) => z.startsWith(`${region}-`));
  const common = {
    type: fc.constantFrom("VPC-GW-S", "VPC-GW-M", "VPC-GW-L", "VPC-GW-XL"),
    zone: fc.constantFrom(...zones),
    privateNetworks: fc.subarray(names, { minLength: 1 }),
    enableSmtp: fc.boolean(),
  };
  return fc.oneof(
    fc.record(common, { requiredKeys: [] }),
    fc.record(
      {
        ...common,
        bastionEnabled: fc.constant(true),
        allowedCidrs,
        bastionPort: fc.oneof(fc.constant(61000), fc.integer({ min: 1024, max: 59999 })),
      },
      { requiredKeys: ["bastionEnabled", "allowedCidrs"] },
    ),
  );
}

const validArgs: fc.Arbitrary<NetworkArgs> = fc
  .tuple(
    fc.record(A.commonArgs(), { requiredKeys: ["project", "environment"] }),
    fc.constantFrom("fr-par", "nl-ams", "pl-waw"),
    fc.option(privateNetworks, { nil: undefined }),
  )
  .chain(([common, region, pns]) =>
    fc.record(
      {
        // Without privateNetworks, the block creates one named "main".
        common: fc.constant({ ...common, region, ...(pns ? { privateNetworks: pns } : {}) }),
        publicGateway: publicGateway(
          region,
          (pns ?? [{ name: "main" }]).map((pn) => pn.name),
        ),
        enableRouting: fc.constant(true as const),
        protect: fc.boolean(),
      },
      { requiredKeys: ["common"] },
    ),
  )
  .map(({ common, ...rest }) => ({ ...common, ...rest }) as NetworkArgs);

const validCases: fc.Arbitrary<FuzzCase<NetworkArgs>> = fc.record({ name: A.componentName, args: validArgs });

const invalidCases = fc.oneof(
  { weight: 1, arbitrary: fc.record({ name: A.badComponentName, args: validArgs }) },
  {
    weight: 9,
    arbitrary: A.invalidCases(validArgs as unknown as fc.Arbitrary<Record<string, unknown>>, {
      keys: Object.keys(networkArgsSchema.shape),
      strictObjects: [{ path: ["publicGateway"], keys: Object.keys(publicGatewaySpecSchema.shape) }],
      fields: [
        {
          path: ["privateNetworks"],
          invalid: fc.oneof(
            fc.constant([]),
            fc.constant(Array.from({ length: 65 }, (_, i) => ({ name: `pn${i}` }))),
            fc.constant([{ name: "a" }, { name: "a" }]),
            fc.constant([
              { name: "a", subnet: "10.0.0.0/22" },
              { name: "b", subnet: "10.0.1.0/24" },
            ]),
            A.wrongType(["array", "undefined"]),
          ),
        },
        { path: ["privateNetworks", 0, "name"], invalid: A.badNameSegment },
        {
          path: ["privateNetworks", 0, "subnet"],
          invalid: fc.oneof(
            fc.constantFrom(
              "10.0.0.0",
              "10.0.0.1/24",
              "8.8.8.0/24",
              "10.0.0.0/16",
              "192.168.0.0/29",
              "fd00::/64",
            ),
            A.anyString,
            A.wrongType(["string", "undefined"]),
          ),
        },
        {
          path: ["enableRouting"],
          invalid: fc.oneof(fc.constant(false), A.wrongType(["undefined", "boolean"])),
        },
        { path: ["protect"], invalid: A.wrongType(["boolean", "undefined"]) },
        { path: ["publicGateway"], invalid: A.wrongType(["object", "undefined"]) },
        {
          path: ["publicGateway", "type"],
          invalid: fc.oneof(fc.constantFrom("VPC-GW-XS", "vpc-gw-s", ""), A.wrongType(["undefined"])),
        },
        {
          path: ["publicGateway", "zone"],
          invalid: fc.oneof(fc.constantFrom("fr-par-3", "fr-par", "eu-west-1a"), A.wrongType(["undefined"])),
        },
        {
          path: ["publicGateway", "bastionPort"],
          invalid: fc.oneof(
            fc.constantFrom(0, 22, 1023, 60000, 65535, 65536, 61000.5, -1),
            A.boundaryNumber.filter((p) => !(Number.isInteger(p) && p >= 1024 && p <= 59999) && p !== 61000),
            A.wrongType(["number", "undefined"]),
          ),
        },
        {
          path: ["publicGateway", "allowedCidrs"],
          invalid: fc.oneof(
            fc.constantFrom(["0.0.0.0/0"], ["0.0.0.0/1", "128.0.0.0/1"], ["203.0.113.7"], ["203.0.113.7/24"]),
            A.wrongType(["array", "undefined"]),
          ),
        },
        { path: ["publicGateway", "bastionEnabled"], invalid: A.wrongType(["boolean", "undefined"]) },
        { path: ["publicGateway", "enableSmtp"], invalid: A.wrongType(["boolean", "undefined"]) },
      ],
    }),
  },
);

const build = (name: string, args: NetworkArgs) => new Network(name, args);

describe("Network under generated args (fast-check; the seed is printed, FC_SEED replays it)", () => {
  it(
    "refuses bad input with a ConfigError before registering any resource",
    () => fuzz.refused("Network", invalidCases, build as never, { numRuns: RUNS.refused }),
    TIMEOUT,
  );

  it(
    "leaves no plaintext secret and no duplicate URN in the graph of valid input",
    () => fuzz.safeGraph("Network", validCases, build, { numRuns: RUNS.safeGraph }),
    TIMEOUT,
  );

  it(
    "builds the same graph from the same input",
    () => fuzz.deterministic("Network", validCases, build, { numRuns: RUNS.deterministic }),
    TIMEOUT,
  );
});
