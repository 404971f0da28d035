import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Actor } from '../../../../shared/domain/actor.ts';
import { differingAnswers, intentStageLabels, type IntentRecord, type IntentStage } from '../../../../shared/domain/inquiryIntent.ts';
import { intentScreenMessages as m } from '../../../../shared/messages/intentMessages.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDate, formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { queryClient } from '../../query/queryClientInstance.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { IntentFormDialog } from './IntentFormDialog.tsx';
import '../../styles/intent.css';

const who = (actor: Actor | null) => actor?.name ?? '担当者の選択なし';

/** Opens 印刷 with a 意向確認書 of this inquiry chosen. */
async function printIntentSheet(inquiryId: string, clinicId: string): Promise<void> {
  const clinic = await queryClient.fetchQuery(queries.clinic(clinicId));
  const choices = usePrintChoicesStore.getState();
  choices.chooseRecipient('one');
  choices.chooseClinic(clinic);
  choices.chooseInquiry(inquiryId);
  for (const kind of usePrintChoicesStore.getState().documents) choices.toggleDocument(kind, false);
  choices.toggleDocument('intentConfirmation', true);
  useUiStore.getState().navigate('print');
}

/**
 * 意向の把握・確認 (保険業法294条の2): the customer's first wishes and the final ones side by side,
 * question by question, rows that differ marked, with the explanation, who recorded each and when.
 * Records are never edited: a correction is a new record, the earlier ones stay under 履歴.
 */
export function IntentSection({ inquiryId, clinicId, archived }: { inquiryId: string; clinicId: string; archived: boolean }) {
  const headingId = useId();
  const style = useDateStyle();
  const intents = useQuery(queries.intents(inquiryId));
  const [open, setOpen] = useState<IntentStage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [printError, setPrintError] = useState<string | null>(null);
  const data = intents.data;
  const error = intents.error ? errorMessageOf(intents.error, m.loadFailed) : null;
  const initial = data?.initial ?? null;
  // A final record made before the latest initial one no longer stands.
  const final = data?.final && initial && data.final.createdAt >= initial.createdAt ? data.final : null;
  const staleFinal = data?.final && !final ? data.final : null;
  const questions = initial?.questions ?? data?.asking.initial;
  const differing = initial && final ? differingAnswers(initial.answers, final.answers) : [];

  const stamp = (record: IntentRecord | null) =>
    record ? (
      <span className="text-muted">
        {record.stage === 'final' && record.confirmedOn ? `確認日 ${formatDate(record.confirmedOn, style)}\u3000` : ''}
        記録 {formatDateTime(record.createdAt, style)}（{who(record.actor)}）
      </span>
    ) : (
      <span className="text-muted">未記録</span>
    );

  return (
    <section aria-labelledby={headingId} className="detail-section">
      <h3 id={headingId} className="section-title">
        意向の把握・確認
      </h3>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="message message-info">
          {notice}
        </p>
      )}
      {data && !initial && <p className="text-muted">{m.none}</p>}
      {data && initial && !final && <p className="message message-info">{staleFinal ? m.finalStale : m.finalMissing}</p>}
      {data && initial && questions && (
        <div className="table-scroll">
          <table className="data-table intent-table">
            <caption className="visually-hidden">当初意向と最終意向</caption>
            <thead>
              <tr>
                <th scope="col">質問</th>
                <th scope="col">
                  当初意向
                  <br />
                  {stamp(initial)}
                </th>
                <th scope="col">
                  最終意向
                  <br />
                  {stamp(final)}
                </th>
              </tr>
            </thead>
            <tbody>
              {questions.questions.map((question, i) => (
                <tr key={i} className={differing.includes(i) ? 'intent-row-differs' : undefined}>
                  <th scope="row">{question}</th>
                  <td>{initial.answers[i] || <span className="text-muted">—</span>}</td>
                  <td>{final ? final.answers[i] || <span className="text-muted">—</span> : <span className="text-muted">未確認</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {final?.differsExplanation && (
        <div className="intent-explanation">
          <strong>違いの説明：</strong>
          {final.differsExplanation}
        </div>
      )}
      {data && (
        <div className="intent-actions">
          <button type="button" className="button" disabled={archived} onClick={() => (setNotice(null), setOpen('initial'))}>
            {initial ? '当初意向を記録し直す' : '当初意向を記録'}
          </button>
          <button type="button" className="button" disabled={archived || !initial} onClick={() => (setNotice(null), setOpen('final'))}>
            最終意向を確認
          </button>
          <button
            type="button"
            className="button"
            disabled={!initial}
            onClick={() => {
              setPrintError(null);
              printIntentSheet(inquiryId, clinicId).catch((e: unknown) => setPrintError(errorMessageOf(e, m.printFailed)));
            }}
          >
            意向確認書を印刷
          </button>
        </div>
      )}
      {printError && (
        <p role="alert" className="message message-error">
          {printError}
        </p>
      )}
      {data && data.history.length > 1 && (
        <details className="intent-history">
          <summary>意向の記録の履歴（{data.history.length}件）</summary>
          <ul>
            {data.history.map((record) => (
              <li key={record.id}>
                {intentStageLabels[record.stage]}
                {'\u3000'}
                {stamp(record)}
                <div className="text-muted">{record.answers.map((a, i) => `${record.questions.questions[i]}：${a || '—'}`).join('　')}</div>
                {record.differsExplanation && <div className="text-muted">違いの説明：{record.differsExplanation}</div>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {open && data && (
        <IntentFormDialog
          inquiryId={inquiryId}
          stage={open}
          questions={open === 'final' ? data.asking.final : data.asking.initial}
          initial={initial}
          current={open === 'final' ? (final ?? staleFinal) : initial}
          onClose={(saved) => {
            if (saved) setNotice(open === 'final' ? m.recordedFinal : m.recordedInitial);
            setOpen(null);
          }}
        />
      )}
    </section>
  );
}
