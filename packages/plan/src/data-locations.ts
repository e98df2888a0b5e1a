import { dataLocations } from "@scaleway-blocks/policy";

/** Where a stack keeps its data, from the resources' inputs (the policy's scw-data-residency reads the same). */
export interface StackDataLocations {
  /** Per region, what is stored there ("2 buckets", "Cockpit logs (31 days)"), regions sorted. */
  regions: { region: string; data: string[] }[];
  /** Copies Scaleway places in another region of its choosing (automatic database backups kept off-site). */
  offSite: { what: string; anyOf: string[] }[];
  /** Copies sent out of Scaleway (Cockpit exports). */
  external: { what: string; to: string }[];
}

/** "bucket" ×2 → "2 buckets"; a label with parentheses keeps its count in front. */
function counted(what: string, n: number): string {
  if (n === 1) return what;
  const plural =
    what.endsWith("data") || what.endsWith("images") || what.endsWith("contacts") ? what : `${what}s`;
  return `${n} ${plural}`;
}

/**
 * The data locations of a stack's resources (plan document resources or a recorded graph's), with
 * `defaultRegion` for resources that set neither region nor zone.
 */
export function stackDataLocations(
  resources: readonly { type: string; inputs?: Readonly<Record<string, unknown>> }[],
  defaultRegion: string,
): StackDataLocations {
  const byRegion = new Map<string, Map<string, number>>();
  const offSite = new Map<string, { what: string; anyOf: string[] }>();
  const external = new Map<string, { what: string; to: string }>();
  for (const resource of resources) {
    for (const location of dataLocations(
      { type: resource.type, inputs: resource.inputs ?? {} },
      defaultRegion,
    )) {
      if (location.external !== undefined) {
        external.set(`${location.what}|${location.external}`, { what: location.what, to: location.external });
      } else if (location.anyOf !== undefined) {
        const anyOf = [...location.anyOf].sort();
        offSite.set(`${location.what}|${anyOf.join()}`, { what: location.what, anyOf });
      } else if (location.region !== undefined) {
        const holds = byRegion.get(location.region) ?? new Map<string, number>();
        holds.set(location.what, (holds.get(location.what) ?? 0) + 1);
        byRegion.set(location.region, holds);
      }
    }
  }
  return {
    regions: [...byRegion.keys()].sort().map((region) => ({
      region,
      data: [...byRegion.get(region)!].map(([what, n]) => counted(what, n)),
    })),
    offSite: [...offSite.values()],
    external: [...external.values()],
  };
}

/** One line for the human plan: "Data: fr-par (…); off-site: …; sent out of Scaleway: …". */
export function dataLocationsLine(locations: StackDataLocations): string {
  const parts = locations.regions.map(({ region, data }) => `${region} (${data.join(", ")})`);
  if (parts.length === 0) parts.push("no data-holding resource");
  for (const { what, anyOf } of locations.offSite) parts.push(`${what} in ${anyOf.join(" or ")}`);
  for (const { what, to } of locations.external) parts.push(`${what} sent to ${to}, outside Scaleway`);
  return `Data locations: ${parts.join("; ")}`;
}
