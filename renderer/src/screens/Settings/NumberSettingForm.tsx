import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

interface NumberSettingFormProps {
  id: string;
  label: string;
  hint: string;
  /** What the number counts (日, 分, 年), shown after the field. */
  unit: string;
  /** The stored value; null while it loads (the field waits). */
  saved: number | null;
  /** The one schema the core checks too: its Japanese message is shown beside the field. */
  schema: z.ZodType<number>;
  /** Said when the field is empty or not a number. */
  notANumber: string;
  /** The field's name in the core's refusal (ApiError.fields). */
  field: string;
  /** Saves the number and says, in words, what it now does. */
  save(value: number): Promise<string>;
}

/** A whole number setting (full-width digits taken), saved with its own button and told back in words. */
export function NumberSettingForm({ id, label, hint, unit, saved, schema, notANumber, field, save }: NumberSettingFormProps) {
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
    const parsed = typed === '' || Number.isNaN(Number(typed)) ? null : schema.safeParse(Number(typed));
    if (!parsed?.success) {
      setError(parsed ? (parsed.error.issues[0]?.message ?? notANumber) : notANumber);
      document.getElementById(id)?.focus();
      return;
    }
    setSaving(true);
    try {
      const said = await save(parsed.data);
      setDraft(null);
      setError(null);
      setMessage({ kind: 'success', text: said });
    } catch (err) {
      if (err instanceof ApiError && err.fields[field]) setError(err.fields[field]);
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
      <FormField id={id} label={label} hint={hint} error={error ?? undefined}>
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
            <span>{unit}</span>
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
