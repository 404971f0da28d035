import { useEffect, useState, type FormEvent } from 'react';
import { inquiryStatusLabels, type InquiryStatus } from '../../../../shared/domain/inquiry.ts';
import { FormField } from '../../components/FormField.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { isComposing } from './inquiryParts.tsx';
import { askConfirm } from '../../stores/confirmStore.ts';

interface StatusReasonDialogProps {
  from: InquiryStatus;
  to: InquiryStatus;
  /** An error from the last attempt (e.g. the host's 「理由を入力してください」). */
  error?: string | null;
  saving: boolean;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** Going back a step or reopening a 見送り: the change is kept only with a reason. */
export function StatusReasonDialog({ from, to, error, saving, onConfirm, onCancel }: StatusReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  // The host's error belongs to the reason that was sent; typing something else clears it.
  const [sentReason, setSentReason] = useState<string | null>(null);
  const shownError = fieldError ?? (error && sentReason === reason.trim() ? error : null);
  const reopening = from === 'declined';

  useEffect(() => {
    if (error) document.getElementById('status-reason')?.focus();
  }, [error]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    e?.stopPropagation();
    if (saving) return;
    if (reason.trim() === '') {
      setFieldError('理由を入力してください');
      document.getElementById('status-reason')?.focus();
      return;
    }
    setSentReason(reason.trim());
    onConfirm(reason.trim());
  };

  const cancel = async () => {
    if (saving) return;
    if (reason.trim() !== '' && !(await askConfirm({ message: '入力した理由は保存されていません。閉じますか？', confirmLabel: '閉じる', cancelLabel: '入力に戻る' }))) return;
    onCancel();
  };

  return (
    <ModalDialog title={reopening ? '見送りから再開する理由' : '状況を戻す理由'} onRequestClose={() => void cancel()} className="reason-dialog">
      <form
        noValidate
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !isComposing(e) && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      >
        <p className="status-move">
          <span className="status-move-from">{inquiryStatusLabels[from]}</span>
          <span aria-label="から">→</span>
          <span className="status-move-to">{inquiryStatusLabels[to]}</span>
        </p>
        <p>
          {reopening ? '見送りにした問い合わせを再開します。' : '状況を前の段階に戻します。'}
          あとから経緯が分かるよう、理由を記録してください。
        </p>
        <FormField id="status-reason" label="理由" required hint="Enterで改行、Ctrl+Enterで確定します" error={shownError ?? undefined}>
          {(control) => (
            <textarea
              {...control}
              autoFocus
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (fieldError) setFieldError(null);
              }}
            />
          )}
        </FormField>
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? '変更しています…' : '変更する'}
          </button>
          <button type="button" className="button" onClick={() => void cancel()} disabled={saving}>
            キャンセル
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
