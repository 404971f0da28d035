import { useId, useState } from 'react';
import { markableSteps, type MarkableStep, type StepState } from '../../../../shared/domain/inquiryGates.ts';
import { inquiryStepMessages } from '../../../../shared/messages/inquiryStepMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { markInquiryStep } from './inquiryWrites.ts';

interface InquiryChecklistProps {
  inquiryId: string;
  checklist: readonly StepState[];
  today: string;
}

const isMarkable = (step: StepState['step']): step is MarkableStep => (markableSteps as readonly string[]).includes(step);

/**
 * 申込・成約までの手順: what is done (when, by whom) and what is still missing, with what to do
 * next. The 告知書 steps of a 病院 or 老健 are ticked here; the others follow from their records.
 */
export function InquiryChecklist({ inquiryId, checklist, today }: InquiryChecklistProps) {
  const headingId = useId();
  const style = useDateStyle();
  const [dates, setDates] = useState<Partial<Record<MarkableStep, string>>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const needsNoticeForm = checklist.some((s) => s.step === 'noticeFormRequested');

  const mark = async (step: MarkableStep, doneOn: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      await markInquiryStep({ inquiryId, step, doneOn });
      const label = inquiryStepMessages.stepLabels[step];
      setMessage({ ok: true, text: doneOn ? inquiryStepMessages.markedDone(label) : inquiryStepMessages.markedUndone(label) });
    } catch (error) {
      setMessage({ ok: false, text: errorMessageOf(error, '記録できませんでした。もう一度お試しください。') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="detail-section">
      <h3 id={headingId} className="section-title">
        申込・成約までの手順
      </h3>
      {needsNoticeForm && <p className="message message-info">{inquiryStepMessages.noticeFormLead}</p>}
      <ul className="checklist" aria-label="手順">
        {checklist.map((s) => {
          const label = inquiryStepMessages.stepLabels[s.step];
          const dateId = `${headingId}-${s.step}-date`;
          return (
            <li key={s.step} className={s.done ? 'checklist-item checklist-done' : 'checklist-item checklist-missing'}>
              <span className="checklist-mark" aria-hidden="true">
                {s.done ? '✓' : '□'}
              </span>
              <span className="checklist-text">
                <span className="checklist-label">
                  {label}
                  <span className="visually-hidden">{s.done ? '（済み）' : '（未了）'}</span>
                </span>
                {s.done ? (
                  <span className="text-muted">
                    {s.doneOn && formatDate(s.doneOn, style)}
                    {s.by && `（${s.by}）`}
                  </span>
                ) : (
                  <span className="checklist-hint">{s.detail ?? inquiryStepMessages.stepHints[s.step]}</span>
                )}
              </span>
              {isMarkable(s.step) && (
                <span className="checklist-actions">
                  {s.done ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={`${inquiryStepMessages.markUndone}：${label}`}
                      disabled={busy}
                      onClick={() => void mark(s.step as MarkableStep, null)}
                    >
                      {inquiryStepMessages.markUndone}
                    </button>
                  ) : (
                    <>
                      <label htmlFor={dateId} className="visually-hidden">
                        {label}の日付
                      </label>
                      <input
                        id={dateId}
                        type="date"
                        className="input input-date"
                        max={today}
                        value={dates[s.step as MarkableStep] ?? today}
                        onChange={(e) => setDates((d) => ({ ...d, [s.step]: e.target.value }))}
                      />
                      <button
                        type="button"
                        className="button"
                        aria-label={`${inquiryStepMessages.markDone}：${label}`}
                        disabled={busy}
                        onClick={() => void mark(s.step as MarkableStep, dates[s.step as MarkableStep] ?? today)}
                      >
                        {inquiryStepMessages.markDone}
                      </button>
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'message message-success' : 'message message-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
