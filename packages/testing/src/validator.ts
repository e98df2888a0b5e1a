import { ConfigError } from "@scaleway-blocks/core";
import type { ConfigIssue } from "@scaleway-blocks/core";
import { record, recordError } from "@scaleway-blocks/recorder";

/** What a block's `validate<Block>Args` did next to its constructor, for a test to assert on. */
export interface ValidatorComparison {
  /** URNs the validator registered for the valid args (a validator must create nothing). */
  readonly registeredWhenValid: readonly string[];
  /** The issues of the ConfigError the validator threw for the invalid args; undefined when it threw none. */
  readonly validatorIssues: readonly ConfigIssue[] | undefined;
  /** The issues of the ConfigError the constructor threw for the same args; undefined when it threw none. */
  readonly constructorIssues: readonly ConfigIssue[] | undefined;
  /** URNs registered before the validator threw. */
  readonly registeredWhenInvalid: readonly string[];
}

const issuesOf = (error: unknown) => (error instanceof ConfigError ? error.issues : undefined);

/**
 * Runs a validator on valid and invalid args, and the constructor on the invalid ones, each in its own
 * program under the mocks. A validator that makes the constructor's checks returns for `valid`, registers
 * nothing, and throws the constructor's ConfigError for `invalid`.
 */
export async function compareValidator<A>(block: {
  validate: (name: string, args: A) => void;
  construct: (name: string, args: A) => unknown;
  valid: A;
  invalid: A;
  name?: string;
}): Promise<ValidatorComparison> {
  const name = block.name ?? "app";
  const accepted = await record(() => block.validate(name, block.valid));
  const refused = await recordError(() => block.validate(name, block.invalid));
  const constructed = await recordError(() => block.construct(name, block.invalid));
  return {
    registeredWhenValid: accepted.graph.registered.map((r) => r.urn),
    validatorIssues: issuesOf(refused.error),
    constructorIssues: issuesOf(constructed.error),
    registeredWhenInvalid: refused.graph.registered.map((r) => r.urn),
  };
}
