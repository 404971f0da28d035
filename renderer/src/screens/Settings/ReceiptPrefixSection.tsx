import { useState, type FormEvent } from 'react';
import { formatReceiptNumber, receiptPrefixSchema } from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { saveSettings, useSettings } from '../../query/useSharedReads.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

/** 受付番号の記号: the machine's prefix, so two counters never issue the same 受付番号. */
export function ReceiptPrefixSection() {
  const saved = useSettings().settings?.receiptPrefix ?? null;
  // null: not edited, so the saved value shows (it may arrive after the screen opened).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const value = draft ?? saved ?? '';
  const year = Number(tokyoToday().slice(0, 4));
  const preview = receiptPrefixSchema.safeParse(value);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const parsed = receiptPrefixSchema.safeParse(value);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '記号を確かめてください');
      document.getElementById('settings-receipt-prefix')?.focus();
      return;
    }
    setSaving(true);
    try {
      const settings = await saveSettings({ receiptPrefix: parsed.data });
      setDraft(null);
      setError(null);
      setMessage({ kind: 'success', text: `受付番号の記号を「${settings.receiptPrefix}」にしました。` });
    } catch (err) {
      if (err instanceof ApiError && err.fields.receiptPrefix) setError(err.fields.receiptPrefix);
      else setMessage({ kind: 'error', text: errorMessageOf(err, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-receipt">
      <h2 id="settings-receipt">受付番号の記号</h2>
      <p className="section-lead">
        受付番号の先頭に付く、この端末の記号です。窓口の端末ごとに違う記号にすると、受付番号が重なりません。すでに付いた受付番号は変わりません。
      </p>
      <form
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        <FormField
          id="settings-receipt-prefix"
          label="受付番号の記号"
          hint={`英数字1〜3文字（例：A）。受付番号は ${formatReceiptNumber(preview.success ? preview.data : 'A', year, 1)} のようになります`}
          error={error ?? undefined}
        >
          {(control) => (
            <div className="input-with-button">
              <input
                {...control}
                className="prefix-input"
                type="text"
                autoComplete="off"
                maxLength={3}
                disabled={saved === null}
                value={value}
                onChange={(e) => {
                  setDraft(e.target.value);
                  if (error) setError(null);
                }}
              />
              <button type="submit" className="button button-primary" disabled={saving || saved === null}>
                保存
              </button>
            </div>
          )}
        </FormField>
      </form>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </section>
  );
}
