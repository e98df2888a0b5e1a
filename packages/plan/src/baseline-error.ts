/** An earlier plan given with --baseline that is not a plan's `--json` output. */
export class BaselineError extends Error {
  override readonly name = "BaselineError";
}
