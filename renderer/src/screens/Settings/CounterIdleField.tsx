import { useState, type FormEvent } from 'react';
import { settingsUpdateSchema } from '../../../../shared/domain/settings.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

/** Minutes without input before the header asks who is at the counter again (0: never). Kept on this machine only. */
export function CounterIdleField() {
  const saved = useSettings().settings?.counterIdleMinutes ?? null;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const value = draft ?? (saved === null ? '' : String(saved));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = settingsUpdateSchema.shape.counterIdleMinutes.safeParse(value.trim() === '' ? undefined : Number(value.normalize('NFKC')));
    if (!parsed.success || parsed.data === undefined) {
      setError(parsed.success ? '分数を入力してください' : (parsed.error.issues[0]?.message ?? '分数を確かめてください'));
      document.getElementById('settings-counter-idle-minutes')?.focus();
      return;
    }
    setSaving(true);
    try {
      const settings = await saveSettings({ counterIdleMinutes: parsed.data });
      setDraft(null);
      setError(null);
      setMessage({
        kind: 'success',
        text: settings.counterIdleMinutes === 0 ? '操作がなくても対応者はそのままにします。' : `${settings.counterIdleMinutes}分間操作がなかったら、対応者を選び直してもらいます。`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.fields.counterIdleMinutes) setError(err.fields.counterIdleMinutes);
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
      <FormField id="settings-counter-idle-minutes" label="操作がないときに対応者を選び直すまでの時間" hint="この時間だれも操作しなかったら、対応者を「未選択」にして選び直してもらいます（0〜240分、0は選び直さない）。この端末だけの設定です。" error={error ?? undefined}>
        {(control) => (
          <div className="input-with-button">
            <input
              {...control}
              className="prefix-input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              disabled={saved === null}
              value={value}
              onChange={(e) => {
                setDraft(e.target.value);
                if (error) setError(null);
              }}
            />
            <span>分</span>
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
