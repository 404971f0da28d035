import type { ReactNode } from 'react';
import { clinicFieldLabels, clinicKindLabels, type Clinic, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import { OpenedRecordNotices } from '../../components/OpenedRecordNotices.tsx';
import { isComposing } from '../../components/ModalDialog.tsx';
import type { CheckedClinicInput } from './clinicWrites.ts';
import { ClinicFormFields } from './ClinicFormFields.tsx';
import { DuplicateDialog } from './DuplicateDialog.tsx';
import { useClinicForm } from './useClinicForm.ts';
import { askConfirm } from '../../stores/confirmStore.ts';

export const cancelQuestion = '入力した内容は保存されていません。入力をやめて閉じますか？';
const openExistingQuestion = '入力した内容は保存されていません。保存せずに既存の記録を開きますか？';
const mergeQuestion = '入力した内容は保存されていません。保存せずに、重複をまとめる手続きに進みますか？';

interface ClinicFormProps {
  /** Prefix for element ids: the new-clinic dialog and the open clinic can be on the page together. */
  idPrefix: string;
  /**
   * The saved record being edited, as it is now (it may change while the form is open); null
   * registers a new clinic. The form keeps its own copy of the record as it was opened.
   */
  clinic: Clinic | null;
  /** Archived clinics are shown, not edited, until they are restored. */
  readOnly?: boolean;
  autoFocus?: boolean;
  /**
   * Writes checked input over the record as the form opened it (null: a new clinic); rejects
   * with ApiError (its `fields` are shown next to the fields; CONFLICT when the record changed since).
   */
  save: (input: CheckedClinicInput, opened: Clinic | null) => Promise<Clinic>;
  onSaved?: (clinic: Clinic) => void;
  /** キャンセル or Esc, once any unsaved input has been given up. */
  onCancel: () => void;
  /** 「既存の記録を開く」 in the duplicate warning, once any unsaved input has been given up. */
  onOpenExisting: (clinicId: string) => void;
  /** Buttons at the far end of the action bar (アーカイブ, 復元). */
  extraActions?: ReactNode;
  /** 「この記録とまとめる…」 in the duplicate warning of a saved record, once any unsaved input has been given up. */
  onMergeWith?: ((other: Clinic) => void) | undefined;
}

/**
 * The clinic form shared by 新規登録 and the open clinic. Enter in a one-line field saves and Esc
 * cancels, never while the IME is composing; メモ takes Enter as a new line. Input is checked with
 * the same schema as the main process, and possible duplicates are shown before anything is saved.
 */
export function ClinicForm(props: ClinicFormProps) {
  const { idPrefix, clinic, readOnly = false, autoFocus = false, save, onSaved, onCancel, onOpenExisting, extraActions, onMergeWith } = props;
  const form = useClinicForm({ idPrefix, clinic, readOnly, autoFocus, save, onSaved });
  const { dirty, record, phase, busy, generalError, duplicates, setDuplicates, focusField, write, submit } = form;

  const requestCancel = async () => {
    if (phase === 'saving') return;
    if (dirty && !(await askConfirm({ message: cancelQuestion, confirmLabel: '入力をやめる', cancelLabel: '入力に戻る' }))) return;
    onCancel();
  };

  const openExisting = async (clinicId: string) => {
    if (dirty && !(await askConfirm({ message: openExistingQuestion, confirmLabel: '登録済みの記録を開く', cancelLabel: '入力に戻る' }))) return;
    setDuplicates(null);
    onOpenExisting(clinicId);
  };

  return (
    <form
      noValidate
      className="clinic-form"
      aria-busy={busy}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && isComposing(e)) {
          // Enter that confirms an IME conversion must not also save (in メモ it is the IME's too).
          if (!(e.target instanceof HTMLTextAreaElement)) e.preventDefault();
          return;
        }
        if (e.key === 'Escape' && !isComposing(e)) {
          e.preventDefault();
          e.stopPropagation();
          void requestCancel();
        }
      }}
    >
      {generalError && (
        <p role="alert" className="message message-error">
          {generalError}
        </p>
      )}
      <OpenedRecordNotices
        record={record}
        label={(field) => clinicFieldLabels[field]}
        show={(field, value) => (field === 'kind' ? clinicKindLabels[value as ClinicKind] : value)}
        onSettled={() => focusField('name')}
      />
      <ClinicFormFields form={form} readOnly={readOnly} />
      <div className="form-actions">
        {!readOnly && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {phase === 'saving' ? '保存しています…' : phase === 'checking' ? '確認しています…' : '保存'}
          </button>
        )}
        <button type="button" className="button" onClick={() => void requestCancel()} disabled={phase === 'saving'}>
          {readOnly ? '閉じる' : 'キャンセル'}
        </button>
        {extraActions && <div className="form-actions-end">{extraActions}</div>}
      </div>
      {duplicates && (
        <DuplicateDialog
          matches={duplicates.matches}
          onOpenExisting={(id) => void openExisting(id)}
          onSaveAnyway={() => {
            const { input } = duplicates;
            setDuplicates(null);
            void write(input);
          }}
          onBack={() => setDuplicates(null)}
          onMerge={
            onMergeWith &&
            ((other) => {
              void (async () => {
                if (dirty && !(await askConfirm({ message: mergeQuestion, confirmLabel: 'まとめに進む', cancelLabel: '入力に戻る' }))) return;
                setDuplicates(null);
                onMergeWith(other);
              })();
            })
          }
        />
      )}
    </form>
  );
}
