/**
 * Whether the record a form shows was written since the form took its copy. Compared by the
 * record's update time, which every write moves on.
 */
export function recordChanged(opened: { updatedAt: string }, current: { updatedAt: string }): boolean {
  return opened.updatedAt !== current.updatedAt;
}
