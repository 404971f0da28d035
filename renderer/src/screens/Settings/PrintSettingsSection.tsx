import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldMessages } from '../../../../shared/contract/issues.ts';
import { labelOffsetSchema, type LabelOffset } from '../../../../shared/documents/labelSheets.ts';
import { call } from '../../api/client.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { isComposing } from '../../components/ModalDialog.tsx';
import { queries } from '../../query/queries.ts';

const asText = (offset: LabelOffset | undefined) => ({ xMm: String(offset?.xMm ?? 0), yMm: String(offset?.yMm ?? 0) });
const fields = [
  { key: 'xMm', label: '左右のずれ（mm）', hint: '＋で右へ、−で左へ動かします' },
  { key: 'yMm', label: '上下のずれ（mm）', hint: '＋で下へ、−で上へ動かします' },
] as const;

/**
 * 印刷: where this machine's printer puts the 宛名ラベル. Printers feed paper a little off, each
 * its own way, so the offset is this machine's alone and never shared with the others.
 */
export function PrintSettingsSection() {
  const read = useQuery(queries.labelOffset());
  const saved = read.data;
  // A failed read still lets staff set the offset: it starts from none, and the reason is said.
  const unreadable = read.isError ? errorMessageOf(read.error, '保存されている印刷位置を読み込めませんでした。') : null;
  // null: nothing typed, the saved offset shows (also once it arrives or changes).
  const [typed, setTyped] = useState<{ xMm: string; yMm: string } | null>(null);
  const draft = typed ?? asText(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = labelOffsetSchema.safeParse({ xMm: draft.xMm.trim() === '' ? 0 : Number(draft.xMm), yMm: draft.yMm.trim() === '' ? 0 : Number(draft.yMm) });
    setMessage(null);
    if (!parsed.success) {
      setErrors(fieldMessages(parsed.error));
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const offset = await call('settings.saveLabelOffset', parsed.data);
      setTyped(null);
      setMessage({ kind: 'success', text: `宛名ラベルの印刷位置を保存しました（左右 ${offset.xMm}mm・上下 ${offset.yMm}mm）。この端末だけに使われます。` });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessageOf(error, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="settings-print">
      <h2 id="settings-print">印刷</h2>
      <p className="section-lead">
        宛名ラベルの印刷位置の調整です。枠線つきで普通紙に試し刷りし、ラベル用紙に重ねてずれを測ってください。この端末のプリンターだけの設定で、ほかの端末とは共有しません。
      </p>
      {unreadable && (
        <p role="alert" className="message message-error">
          {unreadable}（0mmから入力し直せます）
        </p>
      )}
      <form
        className="settings-number-form"
        // The field's own Japanese message says what is wrong, next to it, not the browser's bubble.
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setTyped(null);
            setErrors({});
          }
          if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
        }}
      >
        {fields.map(({ key, label, hint }) => (
          <div key={key} className="field">
            <label htmlFor={`settings-label-offset-${key}`}>{label}</label>
            <input
              id={`settings-label-offset-${key}`}
              type="number"
              inputMode="decimal"
              step={0.1}
              min={-5}
              max={5}
              value={draft[key]}
              aria-invalid={errors[key] ? true : undefined}
              aria-describedby={`settings-label-offset-${key}-hint${errors[key] ? ` settings-label-offset-${key}-error` : ''}`}
              onChange={(e) => setTyped({ ...draft, [key]: e.target.value })}
            />
            <p id={`settings-label-offset-${key}-hint`} className="field-hint">
              {hint}（−5〜5mm）
            </p>
            {errors[key] && (
              <p id={`settings-label-offset-${key}-error`} className="field-error">
                {errors[key]}
              </p>
            )}
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={saving || (saved === undefined && !unreadable)}>
            印刷位置を保存
          </button>
        </div>
      </form>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </section>
  );
}
