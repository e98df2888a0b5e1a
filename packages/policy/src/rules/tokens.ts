/**
 * Module type tokens of the resources the rules look at: core's `SCALEWAY_TYPES`, the project's one
 * list (each checked against @pulumiverse/scaleway 1.54.0's `__pulumiType` by the recorder's tests).
 */
export { SCALEWAY_TYPES as T } from "@scaleway-blocks/core/internal";
