/** One field of a record as a form shows it: what it was when opened, what it is now, what was typed. */
export interface FieldChange<F extends string> {
  field: F;
  opened: string;
  current: string;
  mine: string;
  /** Whether the user changed this field in the form too. */
  mineChanged: boolean;
}

type Draft<F extends string> = Readonly<Record<F, string>>;

/**
 * The fields someone else changed since the form was opened, in the form's order, each with the
 * user's own input beside it, so a refused save can show what would have been lost.
 */
export function fieldChanges<F extends string>(
  fields: readonly F[],
  opened: Draft<F>,
  current: Draft<F>,
  mine: Draft<F>,
): FieldChange<F>[] {
  return fields
    .filter((field) => opened[field] !== current[field])
    .map((field) => ({
      field,
      opened: opened[field],
      current: current[field],
      mine: mine[field],
      mineChanged: mine[field] !== opened[field],
    }));
}

/**
 * The user's edits laid over the current record: every field the user changed keeps the user's
 * value, every other field takes the current one. Saving this keeps both people's changes,
 * except where both changed the same field (then the user's input wins, as they can see).
 */
export function reapplyEdits<D extends Record<F, string>, F extends keyof D & string>(
  fields: readonly F[],
  opened: D,
  current: D,
  mine: D,
): D {
  const merged = { ...current };
  for (const field of fields) if (mine[field] !== opened[field]) merged[field] = mine[field];
  return merged;
}
