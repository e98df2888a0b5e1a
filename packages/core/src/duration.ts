const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Seconds in a Go duration ("10s", "1m30s", "500ms", "10.000000000s" as the Scaleway API returns
 * probe intervals), the notation the Scaleway provider checks with Go's `time.ParseDuration`
 * (terraform-provider-scaleway v2.79.0 `verify.IsDuration`). `"0"` is 0. Undefined for what is not a
 * Go duration (a bare number, a space, a unit Go lacks such as "d") and for signed ones ("-1s"):
 * no probe interval or timeout is negative.
 */
export function goDurationSeconds(text: string): number | undefined {
  if (text === "0") return 0;
  if (text === "") return undefined;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const match = PART.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * UNIT_SECONDS[match[2]!]!;
  }
  return total;
}
