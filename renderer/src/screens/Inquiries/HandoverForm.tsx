import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { handoverMethods, type HandoverMethod } from '../../../../shared/domain/importantMatters.ts';
import { importantMattersMessages as m } from '../../../../shared/messages/importantMattersMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { call } from '../../api/client.ts';
import { FormField } from '../../components/FormField.tsx';

/**
 * 交付を記録: the day (today unless changed), the version handed over (the pack's current one
 * unless changed: an older printed copy may have gone out) and how. Enter records, Esc cancels.
 */
export function HandoverForm({
  inquiryId,
  version,
  onDone,
}: {
  inquiryId: string;
  version: { code: string; date: string } | null;
  onDone: (recorded: boolean) => void;
}) {
  const [handedOn, setHandedOn] = useState(tokyoToday());
  const [docCode, setDocCode] = useState(version?.code ?? '');
  const [docDate, setDocDate] = useState(version?.date ?? '');
  const [method, setMethod] = useState<HandoverMethod | ''>('');
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (method === '') {
      setFieldErrors({ method: m.methodRequired });
      return;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      await call('importantMatters.record', { inquiryId, handedOn, docCode, docDate, method });
      onDone(true);
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fields : {};
      setFieldErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^input\./, ''), v])));
      setError(errorMessageOf(caught, '交付を記録できませんでした。'));
    } finally {
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Esc closes this form, not the inquiry around it.
      event.preventDefault();
      event.stopPropagation();
      onDone(false);
    }
  };

  return (
    <form className="handover-form" aria-label={m.record} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <div className="form-grid">
        <FormField id="handover-handed-on" label={m.handedOn} required error={fieldErrors.handedOn}>
          {(control) => <input {...control} autoFocus type="date" value={handedOn} onChange={(e) => setHandedOn(e.target.value)} />}
        </FormField>
        <FormField id="handover-doc-code" label={m.docCode} required error={fieldErrors.docCode}>
          {(control) => <input {...control} type="text" value={docCode} onChange={(e) => setDocCode(e.target.value)} />}
        </FormField>
        <FormField id="handover-doc-date" label={m.docDate} required error={fieldErrors.docDate}>
          {(control) => <input {...control} type="date" value={docDate} onChange={(e) => setDocDate(e.target.value)} />}
        </FormField>
      </div>
      <fieldset className="field" aria-describedby={fieldErrors.method ? 'handover-method-error' : undefined}>
        <legend>{m.method}</legend>
        <div className="print-option-list">
          {handoverMethods.map((value) => (
            <label key={value} className="print-option">
              <input type="radio" name="handover-method" value={value} checked={method === value} onChange={() => setMethod(value)} />
              {m.methodLabels[value]}
            </label>
          ))}
        </div>
        {fieldErrors.method && (
          <p id="handover-method-error" className="field-error">
            {fieldErrors.method}
          </p>
        )}
      </fieldset>
      {error && !Object.keys(fieldErrors).length && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? '記録しています…' : m.save}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)} disabled={saving}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
