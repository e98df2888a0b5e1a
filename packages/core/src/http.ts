import { z } from "zod";

/** An HTTP header name: an RFC 9110 token (letters, digits and !#$%&'*+-.^_`|~), at most 256 characters. */
export const HEADER_NAME_PATTERN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export const HEADER_NAME_MAX_LENGTH = 256;

export const headerNameSchema = z
  .string()
  .min(1, "expected a non-empty header name")
  .max(HEADER_NAME_MAX_LENGTH, `expected at most ${HEADER_NAME_MAX_LENGTH} characters`)
  .regex(
    HEADER_NAME_PATTERN,
    "expected an HTTP header name (RFC 9110 token: letters, digits and !#$%&'*+-.^_`|~)",
  );

/** Why a text is not an https URL without credentials; undefined when it is one. */
export function httpsUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `expected an https URL such as "https://otlp.example.com"`;
  }
  if (url.protocol !== "https:") return `expected an https URL (${url.protocol} sends data in clear)`;
  if (url.hostname === "") return `expected an https URL with a host name`;
  if (url.username !== "" || url.password !== "") {
    return "expected a URL without credentials (user:password@ would be stored in plain text): pass them as a secret header";
  }
  return undefined;
}

/** An https URL that carries no user or password. */
export const httpsUrlSchema = z.string().superRefine((text, ctx) => {
  const problem = httpsUrlProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
