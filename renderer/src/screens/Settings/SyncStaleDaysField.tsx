import { useState, type FormEvent } from 'react';
import { settingsUpdateSchema } from '../../../../shared/domain/settings.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

/** How many days without a sync before ホーム says so (a laptop out of the office). */
export function SyncStaleDaysField() {
  const saved = useSettings().settings?.syncStaleDays ?? null;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const value = draft ?? (saved === null ? '' : String(saved));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = settingsUpdateSchema.shape.syncStaleDays.safeParse(value.trim() === '' ? undefined : Number(value.normalize('NFKC')));
    if (!parsed.success || parsed.data === undefined) {
      setError(parsed.success ? '日数を入力してください' : (parsed.error.issues[0]?.message ?? '日数を確かめてください'));
      document.getElementById('settings-sync-stale-days')?.focus();
      return;
    }
    setSaving(true);
    try {
      const settings = await saveSettings({ syncStaleDays: parsed.data });
      setDraft(null);
      setError(null);
      setMessage({ kind: 'success', text: `${settings.syncStaleDays}日以上同期していないときに、ホームでお知らせします。` });
    } catch (err) {
      if (err instanceof ApiError && err.fields.syncStaleDays) setError(err.fields.syncStaleDays);
      else setMessage({ kind: 'error', text: errorMessageOf(err, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
      }}
    >
      <FormField id="settings-sync-stale-days" label="同期していない日数のお知らせ" hint="この日数のあいだ一度も同期できなかったら、ホームでお知らせします（1〜30日）" error={error ?? undefined}>
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
            <span>日</span>
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
  );
}
