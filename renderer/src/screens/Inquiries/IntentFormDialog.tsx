import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { differingAnswers, finalIntentProblem, intentStageLabels, maxIntentAnswerChars, maxIntentExplanationChars, type IntentQuestions, type IntentRecord, type IntentStage } from '../../../../shared/domain/inquiryIntent.ts';
import { intentScreenMessages as m } from '../../../../shared/messages/intentMessages.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { call } from '../../api/client.ts';
import { ApiError, errorMessageOf } from '../../api/ApiError.ts';
import { FormField } from '../../components/FormField.tsx';
import { ModalDialog, isComposing } from '../../components/ModalDialog.tsx';
import { queryClient } from '../../query/queryClientInstance.ts';
import { queryKeys } from '../../query/queryKeys.ts';
import { askConfirm } from '../../stores/confirmStore.ts';

interface IntentFormDialogProps {
  inquiryId: string;
  stage: IntentStage;
  /** The questions this record asks: the initial record's for a final one. */
  questions: IntentQuestions;
  /** The standing initial record: a final form starts from its answers and is compared with them. */
  initial: IntentRecord | null;
  /** The standing record of this stage, whose answers a correction starts from. */
  current: IntentRecord | null;
  onClose(saved: boolean): void;
}

/**
 * 当初意向を記録 / 最終意向を確認: one field per question, in reading order. A final record starts
 * from the initial answers; where an answer now differs, the row says so and the explanation
 * field appears (the core refuses a difference without one, naming the questions).
 */
export function IntentFormDialog({ inquiryId, stage, questions, initial, current, onClose }: IntentFormDialogProps) {
  const start = (stage === 'final' ? (current ?? initial) : current)?.answers ?? [];
  const [answers, setAnswers] = useState<string[]>(() => questions.questions.map((_, i) => start[i] ?? ''));
  const [confirmedOn, setConfirmedOn] = useState(tokyoToday());
  const [explanation, setExplanation] = useState(stage === 'final' ? (current?.differsExplanation ?? '') : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const final = stage === 'final';
  const differing = useMemo(() => (final && initial ? differingAnswers(initial.answers, answers) : []), [final, initial, answers]);
  const dirty = answers.some((a, i) => a !== (start[i] ?? '')) || explanation.trim() !== '';

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    // The core's own rule, checked here first so the explanation is asked for before anything is sent.
    const problem = final && initial ? finalIntentProblem(initial, { questions, answers, differsExplanation: explanation }) : null;
    if (problem) {
      setErrors({ differsExplanation: problem });
      setError(null);
      requestAnimationFrame(() => document.getElementById('intent-explanation')?.focus());
      return;
    }
    setSaving(true);
    setError(null);
    setErrors({});
    try {
      await call('inquiries.intent.record', {
        inquiryId,
        stage,
        questions,
        answers,
        confirmedOn: final ? confirmedOn : null,
        differsExplanation: final ? explanation : '',
      });
      await queryClient.invalidateQueries({ queryKey: queryKeys.intents(inquiryId) });
      onClose(true);
    } catch (caught) {
      setError(errorMessageOf(caught, m.saveFailed));
      if (caught instanceof ApiError) setErrors(caught.fields);
      setSaving(false);
    }
  };

  const cancel = async () => {
    if (saving) return;
    if (dirty && !(await askConfirm({ message: m.discard, confirmLabel: '入力をやめて閉じる', cancelLabel: '入力に戻る' }))) return;
    onClose(false);
  };
  // Enter in a one-line field saves, but never the Enter that ends an IME conversion.
  const guardIme = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && isComposing(e)) e.preventDefault();
  };

  return (
    <ModalDialog title={final ? '最終意向を確認' : '当初意向を記録'} onRequestClose={() => void cancel()} className="intent-dialog">
      <form noValidate onSubmit={submit} onKeyDown={guardIme}>
        <p className="field-hint">{questions.source === 'pack' ? m.fromPack(questions.code, questions.date) : m.fromAgency(questions.version)}</p>
        <p className="field-hint">{m.noPatientData}</p>
        {questions.questions.map((question, i) => {
          const differs = differing.includes(i);
          const hint = final && initial ? `当初：${initial.answers[i] || '（回答なし）'}` : undefined;
          return (
            <FormField key={i} id={`intent-answer-${i}`} label={question} hint={hint} error={errors[`answers.${i}`]} className={differs ? 'intent-differs' : undefined}>
              {(control) => (
                <>
                  <input
                    {...control}
                    type="text"
                    autoFocus={i === 0}
                    maxLength={maxIntentAnswerChars}
                    value={answers[i] ?? ''}
                    onChange={(e) => setAnswers((list) => list.map((a, j) => (j === i ? e.target.value : a)))}
                  />
                  {differs && <span className="badge-differs">{m.differs}</span>}
                </>
              )}
            </FormField>
          );
        })}
        {errors.answers && <p className="field-error">{errors.answers}</p>}
        {final && (
          <FormField id="intent-confirmed-on" label="確認日" required error={errors.confirmedOn}>
            {(control) => <input {...control} type="date" max={tokyoToday()} value={confirmedOn} onChange={(e) => setConfirmedOn(e.target.value)} />}
          </FormField>
        )}
        {final && (differing.length > 0 || explanation !== '') && (
          <FormField id="intent-explanation" label="違いの説明" required={differing.length > 0} hint={m.explanationHint} error={errors.differsExplanation}>
            {(control) => <textarea {...control} rows={3} maxLength={maxIntentExplanationChars} value={explanation} onChange={(e) => setExplanation(e.target.value)} />}
          </FormField>
        )}
        {error && (
          <p role="alert" className="message message-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? '記録しています…' : `${intentStageLabels[stage]}を記録`}
          </button>
          <button type="button" className="button" onClick={() => void cancel()} disabled={saving}>
            キャンセル
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
