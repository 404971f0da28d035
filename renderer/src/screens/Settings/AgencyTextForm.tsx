import { useState, type FormEvent } from 'react';
import { agencyTextDefinitions, agencyTextProblem, type AgencyText } from '../../../../shared/domain/agencyTexts.ts';
import { agencyTextMessages } from '../../../../shared/messages/agencyTextMessages.ts';
import { tokyoDateString } from '../../../../shared/time/tokyoDate.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { formatDate } from '../../format/formatDate.ts';
import { saveAgencyText, useSettings } from '../../query/useSharedReads.ts';
import { isComposing } from '../Inquiries/inquiryParts.tsx';

/** 「版 2（2026/11/24 保存）」 or 「未設定」: which version a document printed is the one shown here. */
function versionLabel(text: AgencyText, dateStyle: 'western' | 'japanese'): string {
  if (text.version === 0) return text.value === null ? '未設定' : '初期の文言（未編集）';
  return `版 ${text.version}${text.updatedAt ? `（${formatDate(tokyoDateString(new Date(text.updatedAt)), dateStyle)} 保存）` : ''}`;
}

/** One agency text: its field, its version, and a 保存 button. Enter saves a one-line text (never mid-IME). */
export function AgencyTextForm({ text }: { text: AgencyText }) {
  const definition = agencyTextDefinitions[text.key];
  const dateStyle = useSettings().settings?.dateStyle ?? 'western';
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const value = draft ?? text.value ?? '';
  const id = `agency-text-${text.key}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    setMessage(null);
    const problem = agencyTextProblem(text.key, value);
    if (problem) {
      setError(problem);
      document.getElementById(id)?.focus();
      return;
    }
    setSaving(true);
    try {
      await saveAgencyText({ key: text.key, value, expectedVersion: text.version });
      setDraft(null);
      setError(null);
      setMessage({ kind: 'success', text: agencyTextMessages.saved(definition.label) });
    } catch (err) {
      if (err instanceof ApiError && err.fields.value) setError(err.fields.value);
      else setMessage({ kind: 'error', text: errorMessageOf(err, '保存できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  const change = (next: string) => {
    setDraft(next);
    if (error) setError(null);
  };

  return (
    <form
      noValidate
      className="agency-text-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
      }}
    >
      <FormField id={id} label={definition.label} required={text.key === 'solicitationCapacity'} hint={definition.hint} error={error ?? undefined}>
        {(control) =>
          definition.lines ? (
            <textarea {...control} rows={definition.lines.max} value={value} onChange={(e) => change(e.target.value)} />
          ) : (
            <input {...control} type="text" autoComplete="off" value={value} onChange={(e) => change(e.target.value)} />
          )
        }
      </FormField>
      <div className="input-with-button">
        <span className="field-hint">{versionLabel(text, dateStyle)}</span>
        <button type="submit" className="button button-primary" disabled={saving}>
          保存
        </button>
      </div>
      <p role="status" className={message ? `message message-${message.kind}` : 'message-empty'}>
        {message?.text}
      </p>
    </form>
  );
}
