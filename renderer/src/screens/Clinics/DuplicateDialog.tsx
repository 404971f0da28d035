import { useEffect, useRef } from 'react';
import { duplicateReasonLabels } from '../../../../shared/contract/channels.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import type { DuplicateMatch } from './clinicWrites.ts';
import { ArchivedBadge } from './ArchivedBadge.tsx';

interface DuplicateDialogProps {
  matches: readonly DuplicateMatch[];
  onOpenExisting: (clinicId: string) => void;
  onSaveAnyway: () => void;
  onBack: () => void;
  /** 「この記録とまとめる…」: offered when editing a saved record, which can be merged with a match (重複をまとめる). */
  onMerge?: ((clinic: DuplicateMatch['clinic']) => void) | undefined;
  /** What choosing a match does here: opens it (the clinic form), or takes it for the inquiry being registered. */
  openExistingLabel?: string;
}

/**
 * Shown before saving when the clinic may already be registered. The safe choice (戻る) has focus;
 * a clinic whose 会員番号 is taken cannot be saved anyway, so that choice is withheld with the reason.
 */
export function DuplicateDialog({ matches, onOpenExisting, onSaveAnyway, onBack, onMerge, openExistingLabel = '既存の記録を開く' }: DuplicateDialogProps) {
  const backButton = useRef<HTMLButtonElement>(null);
  const memberNumberTaken = matches.some((m) => m.reasons.includes('memberNumber'));

  useEffect(() => {
    backButton.current?.focus();
  }, []);

  return (
    <ModalDialog title="同じ医療機関が登録されている可能性があります" onRequestClose={onBack} className="duplicate-dialog" alert>
      <p>
        次の医療機関と、医療機関名・電話番号・会員番号のいずれかが同じです。同じ医療機関であれば、新しく登録せずに既存の記録を開いてください。
      </p>
      <div className="table-scroll">
        <table className="data-table duplicate-table" aria-label="登録済みの医療機関">
          <thead>
            <tr>
              <th scope="col">医療機関名</th>
              <th scope="col">電話番号</th>
              <th scope="col">会員番号</th>
              <th scope="col">同じ項目</th>
              <th scope="col">
                <span className="visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {matches.map(({ clinic, reasons }) => (
              <tr key={clinic.id}>
                <td>
                  {clinic.name}
                  {clinic.archivedAt && <ArchivedBadge />}
                </td>
                <td className="nowrap">{clinic.phone || '—'}</td>
                <td className="nowrap">{clinic.memberNumber || '—'}</td>
                <td>{reasons.map((reason) => duplicateReasonLabels[reason]).join('・')}</td>
                <td>
                  <button type="button" className="button" onClick={() => onOpenExisting(clinic.id)}>
                    {openExistingLabel}
                  </button>
                  {onMerge && clinic.mergedInto === null && (
                    <button type="button" className="button" onClick={() => onMerge(clinic)}>
                      この記録とまとめる…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {memberNumberTaken && (
        <p className="message message-error">
          会員番号が同じ記録があるため、このままでは保存できません。会員番号を確かめるか、既存の記録を開いてください。
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onSaveAnyway} disabled={memberNumberTaken}>
          このまま保存
        </button>
        <button ref={backButton} type="button" className="button button-primary" onClick={onBack}>
          戻る
        </button>
      </div>
    </ModalDialog>
  );
}
