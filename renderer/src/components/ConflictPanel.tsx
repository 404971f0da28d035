import { useEffect, useId, useRef } from 'react';
import type { FieldChange } from './fieldChanges.ts';
import { conflictMessages as m } from './conflictMessages.ts';

interface ConflictPanelProps<F extends string> {
  changes: FieldChange<F>[];
  label(field: F): string;
  /** How a field's value reads (a 種別 code as its Japanese name). */
  show?(field: F, value: string): string;
  onReload(): void;
  onReapply(): void;
}

/**
 * A save refused with CONFLICT: the message, a table of what changed since the form was opened
 * (with the user's own input beside it), and the two ways on. Takes the focus when it appears.
 */
export function ConflictPanel<F extends string>({ changes, label, show = (_f, v) => v, onReload, onReapply }: ConflictPanelProps<F>) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const text = (field: F, value: string) => (value === '' ? m.empty : show(field, value));
  // Short values (phone numbers, dates) stay on one line; long text (メモ, 内容) wraps.
  const cell = (value: string) => (value.length <= 20 && !value.includes('\n') ? 'nowrap' : 'content-text');
  return (
    <div ref={ref} tabIndex={-1} className="conflict-panel message message-error" role="alert" aria-labelledby={headingId}>
      <p id={headingId}>{m.refused}</p>
      {changes.length > 0 && (
        <div className="table-scroll">
          <table className="data-table conflict-table">
            <caption className="visually-hidden">{m.tableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.fieldHeader}</th>
                <th scope="col">{m.openedHeader}</th>
                <th scope="col">{m.currentHeader}</th>
                <th scope="col">{m.mineHeader}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{label(c.field)}</th>
                  <td className={cell(c.opened)}>{text(c.field, c.opened)}</td>
                  <td className={cell(c.current)}>{text(c.field, c.current)}</td>
                  <td className={cell(c.mine)}>{c.mineChanged ? text(c.field, c.mine) : m.unchangedMine}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions conflict-actions">
        <button type="button" className="button" onClick={onReload}>
          {m.reload}
        </button>
        <button type="button" className="button button-primary" onClick={onReapply}>
          {m.reapply}
        </button>
      </div>
    </div>
  );
}
