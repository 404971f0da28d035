import { useState } from 'react';
import { conflictMessages } from './conflictMessages.ts';
import { fieldChanges, reapplyEdits, type FieldChange } from './fieldChanges.ts';
import { recordChanged } from './recordChanged.ts';

type Versioned = { id: string; revision: number };

interface OpenedRecordOptions<R extends Versioned, F extends string> {
  /** The record as it is now (a read that the core keeps fresh); null for a new record. */
  current: R | null;
  fields: readonly F[];
  /** The form's fields of a record, as text. */
  toText(record: R): Record<F, string>;
  /** What the form holds now, as text. */
  mine: Record<F, string>;
  /** Something typed and not saved. */
  dirty: boolean;
  /** A save under way: the record it answers with is taken then. */
  busy: boolean;
  /** Reads the record as it is now, after a save was refused with CONFLICT. */
  load(id: string): Promise<R>;
  /** The form starts again from `record`, holding `draft` (the record's own fields, or a merge). */
  take(record: R, draft: Record<F, string>): void;
}

/**
 * A form's copy of the record it edits, and what happens when someone else saves it first. With
 * nothing typed the form simply follows the newer record; with something typed the draft stays
 * and a quiet note says so, and a save that is then refused with CONFLICT shows, field by field,
 * what changed, with the way back (再読み込み) and the way on (反映 of the user's edits).
 */
export function useOpenedRecord<R extends Versioned, F extends string>(options: OpenedRecordOptions<R, F>) {
  const { current, fields, toText, mine, dirty, busy, load, take } = options;
  // The record as the form opened it (or last saved it): what a save is allowed to replace.
  const [opened, setOpened] = useState<R | null>(current);
  const [conflict, setConflict] = useState<{ current: R; changes: FieldChange<F>[] } | null>(null);
  // A line after the form took in the current record (再読み込み or 反映).
  const [note, setNote] = useState<string | null>(null);

  const changedElsewhere = current !== null && opened !== null && current.id === opened.id && recordChanged(opened, current);
  if (changedElsewhere && !dirty && !busy && conflict === null) {
    setOpened(current);
    take(current, toText(current));
  }

  return {
    opened,
    conflict,
    note,
    /** Someone else saved the record while something is typed: the quiet note shows. */
    changedWhileEditing: changedElsewhere && dirty && conflict === null,
    clearNote: () => setNote(null),
    /** The save went through: the stored record is what the form now edits. */
    saved(record: R) {
      setOpened(record);
      setConflict(null);
    },
    /** A save was refused with CONFLICT: reads the record and shows what changed. Null, or a message. */
    async refused(): Promise<string | null> {
      if (!opened) return null;
      try {
        const now = await load(opened.id);
        setConflict({ current: now, changes: fieldChanges(fields, toText(opened), toText(now), mine) });
        return null;
      } catch {
        return conflictMessages.loadFailed;
      }
    },
    /** 最新の記録を読み込む: the edit is given up. */
    reload() {
      if (!conflict) return;
      setOpened(conflict.current);
      take(conflict.current, toText(conflict.current));
      setConflict(null);
      setNote(conflictMessages.reloaded);
    },
    /** 反映: the user's changed fields laid over the current record, to check and save again. */
    reapply() {
      if (!conflict || !opened) return;
      setOpened(conflict.current);
      take(conflict.current, reapplyEdits(fields, toText(opened), toText(conflict.current), mine));
      setConflict(null);
      setNote(conflictMessages.reapplied);
    },
  };
}
