import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Handover } from '../../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../../shared/messages/importantMattersMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';

/**
 * 「この記録を取り消す」 for a handover recorded by mistake: a new record that says why. The
 * handover itself stays listed, struck through, as the audit trail needs it.
 */
export function HandoverWithdraw({ handover }: { handover: Handover }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (handover.withdrawal) return null;
  if (!open) {
    return (
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        {m.withdraw}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await call('importantMatters.withdraw', { inquiryId: handover.inquiryId, handoverId: handover.id, reason });
      setOpen(false);
    } catch (caught) {
      setError(errorMessageOf(caught, '取り消せませんでした。'));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
  };
  return (
    <form aria-label={m.withdraw} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <FormField id={`handover-withdraw-${handover.id}`} label={m.reason} required error={error ?? undefined}>
        {(control) => <input {...control} autoFocus type="text" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button" disabled={saving}>
          {m.withdraw}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)} disabled={saving}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
