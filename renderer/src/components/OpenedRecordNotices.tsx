import { ConflictPanel } from './ConflictPanel.tsx';
import { conflictMessages } from './conflictMessages.ts';
import type { FieldChange } from './fieldChanges.ts';

/** What a form's `useOpenedRecord` knows about the record under it, as far as the notices need. */
interface OpenedRecordState<F extends string> {
  conflict: { changes: FieldChange<F>[] } | null;
  changedWhileEditing: boolean;
  note: string | null;
  reload(): void;
  reapply(): void;
}

interface OpenedRecordNoticesProps<F extends string> {
  record: OpenedRecordState<F>;
  label(field: F): string;
  show?(field: F, value: string): string;
  /** Where the focus goes after 再読み込み or 反映: the form's first field. */
  onSettled(): void;
}

/**
 * Above a form that edits a stored record: a refused save (CONFLICT) with what changed, the quiet
 * note that someone else saved while the user types, and what 再読み込み or 反映 did.
 */
export function OpenedRecordNotices<F extends string>({ record, label, show, onSettled }: OpenedRecordNoticesProps<F>) {
  return (
    <>
      {record.conflict && (
        <ConflictPanel
          changes={record.conflict.changes}
          label={label}
          {...(show ? { show } : {})}
          onReload={() => {
            record.reload();
            onSettled();
          }}
          onReapply={() => {
            record.reapply();
            onSettled();
          }}
        />
      )}
      {record.changedWhileEditing && (
        <p role="status" className="message message-info">
          {conflictMessages.changedWhileEditing}
        </p>
      )}
      {record.note && (
        <p role="status" className="message message-success">
          {record.note}
        </p>
      )}
    </>
  );
}
