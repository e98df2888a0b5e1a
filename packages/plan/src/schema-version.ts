/**
 * The version of the `--json` document. MAJOR changes when a field is removed, renamed or changes
 * meaning or type; MINOR when fields are added. Readers should check the major version and ignore
 * fields they do not know.
 */
export const PLAN_SCHEMA_VERSION = "1.2";
