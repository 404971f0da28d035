import { useId, useState, type FormEvent } from 'react';
import { inquiryChannelLabels, inquiryChannels, type Inquiry, type InquiryChannel } from '../../../../shared/domain/inquiry.ts';
import type { FollowUp } from '../../../../shared/domain/inquiryFollowUp.ts';
import { followUpMessages } from '../../../../shared/messages/followUpMessages.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { NextActionField } from './inquiryParts.tsx';
import { addFollowUp } from './inquiryWrites.ts';

interface InquiryFollowUpsProps {
  inquiry: Inquiry;
  followUps: readonly FollowUp[];
  today: string;
}

interface Draft {
  doneOn: string;
  how: InquiryChannel;
  note: string;
  nextActionOn: string;
}

/** A date still ahead stays offered; one due or past is what this follow-up answers, so the field starts empty. */
const draftFor = (inquiry: Inquiry, today: string): Draft => ({
  doneOn: today,
  how: 'phone',
  note: '',
  nextActionOn: inquiry.nextActionOn && inquiry.nextActionOn > today ? inquiry.nextActionOn : '',
});

/**
 * 対応記録: each call, FAX, visit made about the inquiry, apart from its 内容, and the next
 * 次回対応日 it leads to, saved together so a follow-up done never stays overdue.
 */
export function InquiryFollowUps({ inquiry, followUps, today }: InquiryFollowUpsProps) {
  const headingId = useId();
  const style = useDateStyle();
  const [draft, setDraft] = useState<Draft>(() => draftFor(inquiry, today));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (saving) return;
    setSaving(true);
    setMessage(null);
    const next = draft.nextActionOn === '' ? null : draft.nextActionOn;
    try {
      await addFollowUp({
        inquiryId: inquiry.id,
        doneOn: draft.doneOn,
        how: draft.how,
        note: draft.note,
        ...(next !== inquiry.nextActionOn ? { nextActionOn: next } : {}),
        expectedRevision: inquiry.revision,
      });
      setMessage({ ok: true, text: next && next !== inquiry.nextActionOn ? followUpMessages.addedWithNext(formatDate(next, style)) : followUpMessages.added });
      setDraft({ ...draftFor(inquiry, today), nextActionOn: next ?? '' });
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setErrors(error.fields as Partial<Record<keyof Draft, string>>);
      setMessage({ ok: false, text: errorMessageOf(error, '対応記録を追加できませんでした。もう一度お試しください。') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="detail-section">
      <h3 id={headingId} className="section-title">
        対応記録
      </h3>
      {followUps.length === 0 ? (
        <p className="text-muted">まだ対応記録はありません。</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table history-table">
            <caption className="visually-hidden">対応記録の一覧</caption>
            <thead>
              <tr>
                <th scope="col">対応日</th>
                <th scope="col">方法</th>
                <th scope="col">メモ</th>
                <th scope="col">担当者</th>
              </tr>
            </thead>
            <tbody>
              {followUps.map((f) => (
                <tr key={f.id}>
                  <td className="nowrap">{formatDate(f.doneOn, style)}</td>
                  <td className="nowrap">{inquiryChannelLabels[f.how]}</td>
                  <td className="content-text">{f.note || <span className="text-muted">—</span>}</td>
                  <td>{f.staffName ?? <span className="text-muted">未設定</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form noValidate onSubmit={(e) => void submit(e)} className="follow-up-form" aria-label="対応記録を追加">
        <div className="form-row">
          <FormField id={`${headingId}-done-on`} label="対応日" error={errors.doneOn}>
            {(control) => <input {...control} type="date" max={today} value={draft.doneOn} onChange={(e) => change('doneOn', e.target.value)} />}
          </FormField>
          <fieldset className="field radio-field">
            <legend>方法</legend>
            <div className="radio-row">
              {inquiryChannels.map((c) => (
                <label key={c} className="radio-option">
                  <input type="radio" name={`${headingId}-how`} value={c} checked={draft.how === c} onChange={() => change('how', c)} />
                  {inquiryChannelLabels[c]}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <FormField id={`${headingId}-note`} label="メモ" error={errors.note}>
          {(control) => <textarea {...control} rows={2} maxLength={2000} value={draft.note} onChange={(e) => change('note', e.target.value)} />}
        </FormField>
        <NextActionField
          id={`${headingId}-next`}
          label="次回対応日"
          value={draft.nextActionOn}
          today={today}
          error={errors.nextActionOn}
          onChange={(value) => change('nextActionOn', value)}
        />
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'message message-success' : 'message message-error'}>
            {message.text}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? '追加しています…' : '対応記録を追加'}
        </button>
      </form>
    </section>
  );
}
