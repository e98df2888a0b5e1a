/**
 * The Node.js flags of the program's process (the child the plan spawns to run the user's program),
 * put before the project's own `nodeargs` so that the project can still override them.
 */
export const PROGRAM_NODE_FLAGS: readonly string[] = [];
