/** Validation of UNIX cron expressions (5 fields) and IANA time zones for container triggers. */

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
  { name: "day of week", min: 0, max: 7, names: DAYS },
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

/** undefined when the expression is a valid 5-field UNIX cron schedule, otherwise what is wrong. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
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

const TIME_ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Whether the name is a time zone of the IANA tz database, such as "Europe/Paris" or "UTC". */
export function isIanaTimeZone(name: string): boolean {
  if (!TIME_ZONE_SHAPE.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
