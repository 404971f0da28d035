import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { retentionYearsSchema } from '../../../../shared/domain/retention.ts';
import { retentionMessages as m } from '../../../../shared/messages/retentionMessages.ts';
import { call } from '../../api/client.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { queries } from '../../query/queries.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';
import { ExpiredRecordsList } from './ExpiredRecordsList.tsx';

/**
 * 記録の保存期間 (issue 22 §6): how long the records of an inquiry that reached 申込 or 成約 stay
 * beyond 完全削除, and the records already past it, offered for deletion.
 */
export function RetentionSection() {
  const read = useQuery(queries.retention());
  const saved = read.data?.years ?? null;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const value = draft ?? (saved === null ? '' : String(saved));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const typed = value.normalize('NFKC').trim();
    const parsed = retentionYearsSchema.safeParse(typed === '' ? Number.NaN : Number(typed));
    if (!parsed.success) {
      setError(typed === '' || Number.isNaN(Number(typed)) ? m.yearsNotNumber : (parsed.error.issues[0]?.message ?? m.yearsNotNumber));
      document.getElementById('settings-retention-years')?.focus();
      return;
    }
    setSaving(true);
    try {
      const setting = await call('retention.update', { years: parsed.data });
      setDraft(null);
      setError(null);
      setMessage({ kind: 'success', text: m.saved(setting.years) });
    } catch (err) {
      if (err instanceof ApiError && err.fields.years) setError(err.fields.years);
      else setMessage({ kind: 'error', text: errorMessageOf(err, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-retention">
      <h2 id="settings-retention">{m.settingTitle}</h2>
      <p className="section-lead">{m.settingExplain}</p>
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        <FormField id="settings-retention-years" label={m.settingLabel} hint={m.yearsHint} error={error ?? undefined}>
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                className="prefix-input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={2}
                disabled={saved === null}
                value={value}
                onChange={(e) => {
                  setDraft(e.target.value);
                  if (error) setError(null);
                }}
              />
              <span>年</span>
              <button type="submit" className="button button-primary" disabled={saving || saved === null}>
                保存
              </button>
            </div>
          )}
        </FormField>
        <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
          {message?.text}
        </p>
      </form>
      {saved !== null && <ExpiredRecordsList years={saved} />}
    </section>
  );
}
