import type { Ref } from 'react';
import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { clinicSummaryMessages as m } from '../../../../shared/messages/clinicSummaryMessages.ts';
import { askConfirm } from '../../stores/confirmStore.ts';
import { archiveClinic } from './clinicWrites.ts';

function archiveQuestion(clinic: Clinic, unsaved: boolean): string {
  return (
    `「${clinic.name}」をアーカイブしますか？\n` +
    '検索に表示されなくなります。記録は消えず、「アーカイブを表示」から開いて復元できます。' +
    (unsaved ? '\n\n保存していない変更は破棄されます。' : '')
  );
}

interface ClinicRecordActionsProps {
  clinic: Clinic;
  unsaved: boolean;
  onMerge(): void;
  /** Absent inside the form: there 保存 and キャンセル are the way out. */
  onEdit?: (() => void) | undefined;
  editRef?: Ref<HTMLButtonElement> | undefined;
}

/** What is done to the record itself: 編集 (from the summary), 重複をまとめる, アーカイブ. */
export function ClinicRecordActions({ clinic, unsaved, onMerge, onEdit, editRef }: ClinicRecordActionsProps) {
  return (
    <div className="clinic-record-actions" role="group" aria-label={m.recordActions}>
      {onEdit && (
        <button ref={editRef} type="button" className="button button-small" onClick={onEdit}>
          {m.edit}
        </button>
      )}
      <button type="button" className="button button-small" onClick={onMerge}>
        重複をまとめる…
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={() => {
          void askConfirm({ message: archiveQuestion(clinic, unsaved), confirmLabel: 'アーカイブする', cancelLabel: 'やめる' }).then(
            (yes) => yes && archiveClinic(clinic),
          );
        }}
      >
        アーカイブ
      </button>
    </div>
  );
}
