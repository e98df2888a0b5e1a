/**
 * Validation of UNIX cron expressions (5 fields) and IANA time zones for container triggers.
 *
 * The provider checks `cron.schedule` with robfig/cron v3's `ParseStandard`
 * (terraform-provider-scaleway v2.79.0 internal/verify/cron.go, used by
 * internal/services/container/trigger.go), whose field bounds are minute 0-59, hour 0-23, day of
 * month 1-31, month 1-12 (JAN-DEC) and day of week 0-6 (SUN-SAT): 7 for Sunday is refused.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 6, names: DAYS },
];

function valueOf(token: string, field: Field): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  const index = field.names?.indexOf(token.toUpperCase()) ?? -1;
  if (index < 0) return undefined;
  return field.min + index;
}

function checkItem(item: string, field: Field): string | undefined {
  const [range = "", step, extra] = item.split("/");
  if (extra !== undefined) return `"${item}" has more than one "/"`;
  if (step !== undefined && !(/^\d+$/.test(step) && Number(step) >= 1)) {
    return `"${item}" has a step that is not a positive number`;
  }
  if (range === "*") return undefined;
  const bounds = range.split("-");
  if (bounds.length > 2) return `"${item}" is not a value or a range`;
  const values = bounds.map((b) => valueOf(b, field));
  for (const [i, v] of values.entries()) {
    if (v === undefined) return `"${bounds[i] ?? ""}" is not a ${field.name}`;
    if (v < field.min || v > field.max)
      return `${v} is outside ${field.min}-${field.max} for the ${field.name}`;
  }
  if (values.length === 2 && values[0]! > values[1]!) return `"${range}" is a range that runs backwards`;
  return undefined;
}

/**
 * The schedule as it is sent: trimmed, one space between fields. robfig/cron splits the fields on any
 * whitespace, so this is the same schedule, written the one way Scaleway shows it.
 */
export function normalizeCronSchedule(expression: string): string {
  return expression.trim().split(/\s+/).join(" ");
}

/** undefined when the expression is a valid 5-field UNIX cron schedule, otherwise what is wrong. */
export function cronProblem(expression: string): string | undefined {
  const fields = normalizeCronSchedule(expression).split(" ");
  if (fields.length !== 5) {
    return `expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`;
  }
  for (const [i, text] of fields.entries()) {
    const field = FIELDS[i]!;
    for (const item of text.split(",")) {
      const problem = checkItem(item, field);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * IANA zone names that Node 20's ICU lists in `Intl.supportedValuesOf("timeZone")` under an older
 * (CLDR) spelling, e.g. "Asia/Calcutta" for "Asia/Kolkata": the IANA spelling is a name of the tz
 * database too, so it is accepted as written here.
 */
const IANA_NAMES_NODE_LISTS_UNDER_AN_OLDER_NAME = [
  "Africa/Asmara",
  "America/Argentina/Buenos_Aires",
  "America/Argentina/Catamarca",
  "America/Argentina/Cordoba",
  "America/Argentina/Jujuy",
  "America/Argentina/Mendoza",
  "America/Atikokan",
  "America/Indiana/Indianapolis",
  "America/Kentucky/Louisville",
  "America/Nuuk",
  "Asia/Ho_Chi_Minh",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "Asia/Yangon",
  "Atlantic/Faroe",
  "Europe/Kyiv",
  "Pacific/Chuuk",
  "Pacific/Kanton",
  "Pacific/Pohnpei",
];

/** UTC and the fixed-offset Etc zones, which Node accepts but does not list. */
const UTC_AND_ETC_ZONES = [
  "UTC",
  "Etc/UTC",
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
];

function nodeAccepts(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

let listedZones: Set<string> | undefined;

/** The zone names Node lists: a plain lookup, for the names most programs use. */
function listed(): Set<string> {
  listedZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  return listedZones;
}

const UNLISTED_ZONES = new Set([...IANA_NAMES_NODE_LISTS_UNDER_AN_OLDER_NAME, ...UTC_AND_ETC_ZONES]);

/**
 * A zone name spelled exactly: one Node lists, or one of the two lists above that this Node accepts.
 * Only a name of those lists is asked of Intl.DateTimeFormat (about 0.6 ms a name), not the 45 of them
 * up front: that took ~28 ms off the start of every program with a cron trigger.
 */
function isKnownZone(name: string): boolean {
  return listed().has(name) || (UNLISTED_ZONES.has(name) && nodeAccepts(name) !== undefined);
}

let zonesByLowerCase: Map<string, string> | undefined;

/** Every known zone name by its lower-case spelling, for the error message of a misspelt one. */
function byLowerCase(): Map<string, string> {
  zonesByLowerCase ??= new Map(
    [...listed(), ...[...UNLISTED_ZONES].filter(isKnownZone)].map((name) => [name.toLowerCase(), name]),
  );
  return zonesByLowerCase;
}

/**
 * undefined when the name is a time zone of the IANA tz database spelled exactly as the database
 * spells it ("Europe/Paris", "UTC"), otherwise what was expected instead. Names are case-sensitive:
 * Go's time.LoadLocation (the provider's and, presumably, the API's language) reads the zone files by
 * name, while Node accepts "europe/paris" too — so Node's own check is not enough. Old aliases
 * ("US/Pacific") are refused with the current name, since only current names can be checked for
 * their exact spelling here.
 */
export function timeZoneProblem(name: string): string | undefined {
  if (isKnownZone(name)) return undefined;
  const spelled = byLowerCase().get(name.toLowerCase());
  if (spelled !== undefined) return `"${spelled}" (time zone names are case-sensitive)`;
  const current = nodeAccepts(name);
  if (current !== undefined && isKnownZone(current)) return `"${current}" ("${name}" is an old alias)`;
  return `an IANA time zone such as "Europe/Paris" or "UTC"`;
}
