/**
 * Whether the record a form shows was written since the form took its copy. Every write to a
 * record moves its revision on (the core counts them); the core refuses an edit that names an
 * older one with CONFLICT.
 */
export function recordChanged(opened: { revision: number }, current: { revision: number }): boolean {
  return opened.revision !== current.revision;
}
