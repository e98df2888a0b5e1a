/** Container image references. */

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN =
  "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?/)";
const TAG = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
const DIGEST = "sha256:[a-f0-9]{64}";

/** A repository path inside a registry namespace, e.g. "api" or "team/api". */
export const REPOSITORY_PATTERN = new RegExp(`^${COMPONENT}(?:/${COMPONENT})*$`);
export const TAG_PATTERN = new RegExp(`^${TAG}$`);

/** A full image reference with an explicit tag or digest, e.g. "ghcr.io/acme/api:1.4.2". */
export const IMAGE_REFERENCE_PATTERN = new RegExp(
  `^${DOMAIN}?${COMPONENT}(?:/${COMPONENT})*(?::${TAG}(?:@${DIGEST})?|@${DIGEST})$`,
);
