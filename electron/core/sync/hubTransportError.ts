/**
 * A request to the hub that failed on the wire (refused, reset, hung up). PouchDB's http adapter
 * sends through node-fetch, whose errors are named FetchError; nothing else in the core uses it.
 *
 * PouchDB asks the hub for its info after each pulled batch (to update its activeTasks) and never
 * listens for the answer, so a hub that goes away at that moment leaves a rejection nobody
 * handles. Replication sees the same failure and retries on its own: it is a warning for the log,
 * not a crash to show the clerk.
 */
export function isHubTransportError(error: unknown): boolean {
  // By name, not instanceof: an error a test worker reports reaches vitest serialised.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'FetchError';
}
