import { SECRET_PLACEHOLDER } from "./load-project";

/** How the plan speaks of a value it gave the program for a `secure:` config value. */
export const SECURE_NOT_CHECKED =
  "a secure value, not checked offline (the plan does not decrypt secure: config)";

/**
 * A program error's message with the secure placeholder spoken of as what it is: a block that checks a
 * secret it received says "a string of 20 characters (value redacted)" (core's describeRedacted) or
 * quotes the placeholder, which reads as if the stack's value were wrong. Only when the stack has
 * `secure:` config: the placeholder is 20 characters long, so in a stack with `secure:` config "a string of
 * 20 characters (value redacted)" is taken for it.
 */
export function explainSecurePlaceholder(message: string, secretConfigKeys: readonly string[]): string {
  if (secretConfigKeys.length === 0) return message;
  const redacted = `a string of ${SECRET_PLACEHOLDER.length} characters (value redacted)`;
  return message
    .split(redacted)
    .join(SECURE_NOT_CHECKED)
    .split(JSON.stringify(SECRET_PLACEHOLDER))
    .join(SECURE_NOT_CHECKED)
    .split(SECRET_PLACEHOLDER)
    .join(SECURE_NOT_CHECKED);
}
