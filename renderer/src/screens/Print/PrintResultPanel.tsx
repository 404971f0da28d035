import { useEffect, useMemo, useRef, useState } from 'react';
import { inquiryStatusLabels } from '../../../../shared/domain/inquiry.ts';
import type { MailingOutcome } from '../../../../shared/contract/documentJobKinds.ts';
import { mailingMessages } from '../../../../shared/messages/mailingMessages.ts';
import { nextOpenDay } from '../../../../shared/time/businessDays.ts';
import { addDays, tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { NextActionField } from '../Inquiries/inquiryParts.tsx';
import { canPrint, isDesktop } from '../../api/client.ts';
import { formatCount, formatNumber } from '../../format/formatNumber.ts';
import { usePrintOutputStore } from '../../stores/printOutputStore.ts';
import { usePrintRenderStore, type PrintResult } from '../../stores/printRenderStore.ts';
import { usePrintStatusOfferStore } from '../../stores/printStatusOfferStore.ts';
import { PdfPreview } from './PdfPreview.tsx';
import { HandoverOffer } from './HandoverOffer.tsx';
import { SentByChoice } from './SentByChoice.tsx';
import { ShortenedLabelsNote } from './ShortenedLabelsNote.tsx';

const noPreviewMessages: Record<NonNullable<PrintResult['noPreview']>, string> = {
  tooLarge: 'PDFが大きいため、この画面ではプレビューを表示しません。「PDFを保存」で保存して開いてください。',
  unreadable: 'この画面ではプレビューを表示できません。「PDFを保存」で保存して開いてください。',
  zip: '医療機関ごとのPDFは、医療機関名のファイル名で1つずつ作りました。保存して開いてください。',
};

/** プレビュー: the made PDF, 保存 and 印刷, what was recorded, and the offer to move the inquiry on. */
export function PrintResultPanel() {
  const phase = usePrintRenderStore((s) => s.phase);
  const message = usePrintRenderStore((s) => s.message);
  const result = usePrintRenderStore((s) => s.result);
  const busy = usePrintOutputStore((s) => s.busy);
  const outputMessage = usePrintOutputStore((s) => s.outputMessage);
  const statusMessage = usePrintStatusOfferStore((s) => s.statusMessage);
  const save = usePrintOutputStore((s) => s.save);
  const print = usePrintOutputStore((s) => s.print);
  const saveRef = useRef<HTMLButtonElement>(null);
  const zip = result?.noPreview === 'zip';
  const printable = canPrint() && !zip;
  // The desktop app writes the PDFs into a chosen folder; the browser downloads the zip.
  const saveLabel = zip ? (isDesktop() ? 'フォルダに保存' : 'ZIPを保存') : 'PDFを保存';

  // When the PDF is ready, 「PDFを保存」 takes the focus: it is the next step.
  useEffect(() => {
    if (result) saveRef.current?.focus({ preventScroll: true });
  }, [result]);

  return (
    <section className="panel print-result" aria-labelledby="print-result-heading">
      <h2 id="print-result-heading">プレビュー</h2>
      {phase === 'failed' && message && (
        <p role="alert" className="message message-error">
          {message}
        </p>
      )}
      {phase === 'cancelled' && message && (
        <p role="status" className="message message-info">
          {message}
        </p>
      )}
      {!result && phase !== 'failed' && phase !== 'cancelled' && (
        <p className="print-empty">
          {phase === 'running' ? 'PDFを作成しています…' : '左で書類を選んで「PDFを作成」を押すと、ここに表示されます。'}
        </p>
      )}
      {result && (
        <>
          <div className="print-file">
            <p className="print-file-name">{result.file.name}</p>
            <p className="print-file-meta">
              {formatNumber(result.pages)}ページ
              {result.clinics > 1 && `（${formatCount(result.clinics)}の医療機関${zip ? '・医療機関ごとのPDF' : ''}）`}
            </p>
          </div>
          {/* 宛名ラベル go by post: the core records them so, without asking. */}
          {result.mailing && <MailingOutcomeNote outcome={result.mailing} />}
          {result.shortened && <ShortenedLabelsNote clinics={result.shortened} />}
          {result.documents && <SentByChoice />}
          <div className="actions">
            <button ref={saveRef} type="button" className="button button-primary" onClick={() => void save()} disabled={busy !== null}>
              {saveLabel}
            </button>
            {printable && (
              <button type="button" className="button" onClick={() => void print()} disabled={busy !== null}>
                印刷
              </button>
            )}
          </div>
          {outputMessage?.kind === 'error' && (
            <p role="alert" className="message message-error">
              {outputMessage.text}
            </p>
          )}
          <p role="status" className={outputMessage && outputMessage.kind !== 'error' ? `message message-${outputMessage.kind}` : 'message-empty'}>
            {outputMessage?.kind !== 'error' && outputMessage?.text}
          </p>
          <StatusOffer />
          <HandoverOffer />
          <p role="status" className={statusMessage ? 'message message-success' : 'message-empty'}>
            {statusMessage}
          </p>
          {result.bytes ? (
            <PdfPreview bytes={result.bytes} title={`${result.file.name} のプレビュー`} />
          ) : (
            <p className="message message-info print-no-preview">{noPreviewMessages[result.noPreview ?? 'unreadable']}</p>
          )}
        </>
      )}
    </section>
  );
}

/** What a mailing left out or posted instead: 「送付不要の3件は除きました。」 */
function MailingOutcomeNote({ outcome }: { outcome: MailingOutcome }) {
  const lines = [
    outcome.leftOutNoMailing > 0 && mailingMessages.leftOutNoMailing(outcome.leftOutNoMailing),
    outcome.leftOutWithoutFax > 0 && mailingMessages.leftOutWithoutFax(outcome.leftOutWithoutFax),
    outcome.posted > 0 && mailingMessages.postedWithoutFax(outcome.posted),
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return null;
  return (
    <div role="status" className="message message-info print-mailing-outcome">
      <p>{lines.join('')}</p>
      {outcome.postedNames.length > 0 && <p className="print-mailing-posted">{mailingMessages.postedNames(outcome.postedNames)}</p>}
    </div>
  );
}

/** 「問い合わせ A-2026-0001 の状況を「資料送付済」にしますか？」 after a new inquiry's documents left. */
function StatusOffer() {
  const offer = usePrintStatusOfferStore((s) => s.statusOffer);
  const accept = usePrintStatusOfferStore((s) => s.accept);
  const decline = usePrintStatusOfferStore((s) => s.decline);
  const today = useMemo(() => tokyoToday(), []);
  // A week after the materials went, on a day the agency is open: when to ask whether they arrived.
  const [next, setNext] = useState(() => nextOpenDay(addDays(today, 7)));
  if (!offer) return null;
  return (
    <div className="print-status-offer" role="group" aria-labelledby="print-status-offer-question">
      <p id="print-status-offer-question">
        問い合わせ {offer.inquiry.receiptNumber} の状況を「{inquiryStatusLabels.materials_sent}」にしますか？
      </p>
      <NextActionField id="print-status-offer-next" label="次回対応日" value={next} today={today} onChange={setNext} />
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void accept(next)} disabled={offer.saving}>
          {inquiryStatusLabels.materials_sent}にする
        </button>
        <button type="button" className="button" onClick={decline} disabled={offer.saving}>
          今はしない
        </button>
      </div>
      {offer.error && (
        <p role="alert" className="field-error">
          {offer.error}
        </p>
      )}
    </div>
  );
}
