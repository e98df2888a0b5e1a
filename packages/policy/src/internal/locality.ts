import { asString, regionOfLocality, tryRead } from "./values";

/** Where a resource says it lives: its region, else its zone, else the provider's default region. */
export interface Placement {
  /** Which input said it: "region", "zone", or "the provider's default region". */
  readonly where: "region" | "zone" | "the provider's default region";
  /** The region or zone as written ("fr-par-2"), undefined when nothing says. */
  readonly locality: string | undefined;
  /** The region ("fr-par" for "fr-par-2"), undefined when nothing says. */
  readonly region: string | undefined;
}

/** The placement of a resource from its `region` / `zone` inputs, falling back to `defaultRegion`. */
export function placementOf(
  inputs: Readonly<{ region?: unknown; zone?: unknown }>,
  defaultRegion: string | undefined,
): Placement {
  const region = asString(tryRead(() => inputs.region));
  const zone = asString(tryRead(() => inputs.zone));
  const [where, locality]: [Placement["where"], string | undefined] =
    region !== undefined
      ? ["region", region]
      : zone !== undefined
        ? ["zone", zone]
        : ["the provider's default region", defaultRegion];
  return { where, locality, region: locality === undefined ? undefined : regionOfLocality(locality) };
}
