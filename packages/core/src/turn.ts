/**
 * What `read` returns once the program's current synchronous code has run (the next macrotask,
 * `setImmediate`). A block's `grant…` calls come right after the constructors they grant on, so a
 * component that must list every grant in one resource (a bucket's one policy, the policies an API
 * key waits for) reads its grants through this; a grant after an `await` comes too late for it.
 */
export function afterCurrentTurn<T>(read: () => T): Promise<T> {
  return new Promise<T>((resolve) => setImmediate(() => resolve(read())));
}
