import { quoteSheetProblem } from '../../../../shared/documents/quoteSheet.ts';
import { inquiryStatusLabels } from '../../../../shared/domain/inquiry.ts';
import type { SavedQuote } from '../../../../shared/quote/savedQuote.ts';
import { tokyoDateString, type DateStyle } from '../../../../shared/time/tokyoDate.ts';
import { formatDate, useDateStyle } from '../../format/formatDate.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';
import { chosenQuote } from './printRequest.ts';
import { useClinicInquiries, useInquiryQuotes } from './usePrintRequest.ts';
import { formatYen } from '../Quote/formatYen.ts';

/** 「見本プラン1 月額1,111円 2026/11/24」 (full-width spaces): a saved quote as the 試算 list shows it. */
function quoteLabel(quote: SavedQuote, style: DateStyle): string {
  const { planName, monthlyYen } = quote.snapshot;
  return [planName, `月額${formatYen(monthlyYen)}`, formatDate(tokyoDateString(new Date(quote.createdAt)), style)].join('\u3000');
}

/** 問い合わせ（任意） of the chosen clinic and, for a 保険料試算書, one of its saved quotes. */
export function PrintInquiryFields() {
  const clinic = usePrintChoicesStore((s) => s.clinic);
  const { inquiries, error: inquiriesError } = useClinicInquiries(clinic?.id ?? null);
  const inquiryId = usePrintChoicesStore((s) => s.inquiryId);
  const chooseInquiry = usePrintChoicesStore((s) => s.chooseInquiry);
  const withQuote = usePrintChoicesStore((s) => s.documents.includes('quoteSheet'));
  const dateStyle = useDateStyle();
  if (!clinic) return null;
  return (
    <>
      <div className="print-field">
        <label htmlFor="print-inquiry" className="print-label">
          問い合わせ（任意）
        </label>
        <p id="print-inquiry-hint" className="field-hint">
          {withQuote ? '保険料試算書には、試算を保存した問い合わせを選びます。その受付番号も入ります。' : '問い合わせを選ぶと、その受付番号が入ります。'}
        </p>
        <select
          id="print-inquiry"
          value={inquiryId}
          aria-describedby="print-inquiry-hint"
          disabled={inquiries === null}
          onChange={(e) => chooseInquiry(e.target.value)}
        >
          <option value="">{inquiries === null ? '読み込んでいます…' : '選ばない（医療機関の情報だけ）'}</option>
          {inquiries?.map((inquiry) => (
            <option key={inquiry.id} value={inquiry.id}>
              {[inquiry.receiptNumber, `${formatDate(inquiry.receivedOn, dateStyle)}受付`, inquiryStatusLabels[inquiry.status]].join('\u3000')}
            </option>
          ))}
        </select>
        {inquiries !== null && inquiries.length === 0 && !inquiriesError && (
          <p className="field-hint">この医療機関の問い合わせはまだありません。</p>
        )}
        {inquiriesError && (
          <p role="alert" className="field-error">
            {inquiriesError}
          </p>
        )}
      </div>
      {withQuote && inquiryId && <PrintQuoteSelect />}
    </>
  );
}

/** 試算: which saved quote the 保険料試算書 shows, and why it cannot be printed when it cannot. */
function PrintQuoteSelect() {
  const inquiryId = usePrintChoicesStore((s) => s.inquiryId);
  const clinicKind = usePrintChoicesStore((s) => s.clinic?.kind);
  const { quotes, error: quotesError } = useInquiryQuotes(inquiryId);
  const chosenId = usePrintChoicesStore((s) => s.quoteId);
  const quote = chosenQuote(chosenId, quotes);
  const quoteId = quote?.id ?? '';
  const chooseQuote = usePrintChoicesStore((s) => s.chooseQuote);
  const fieldError = usePrintRenderStore((s) => s.fieldErrors.quoteId);
  const { pack } = useContent();
  const dateStyle = useDateStyle();
  const problem = quote && pack ? quoteSheetProblem(pack, quote.snapshot, clinicKind ? { kind: clinicKind } : undefined) : null;
  const message = fieldError ?? problem;
  return (
    <div className="print-field">
      <label htmlFor="print-quote" className="print-label">
        試算
      </label>
      <select
        id="print-quote"
        value={quoteId}
        disabled={quotes === null || quotes.length === 0}
        aria-invalid={message !== null}
        aria-describedby={message ? 'print-quote-problem' : undefined}
        onChange={(e) => chooseQuote(e.target.value)}
      >
        {quotes === null && <option value="">読み込んでいます…</option>}
        {quotes?.length === 0 && <option value="">保存した試算はありません</option>}
        {quotes && quotes.length > 0 && !quote && <option value="">選んでください</option>}
        {quotes?.map((q) => (
          <option key={q.id} value={q.id}>
            {quoteLabel(q, dateStyle)}
          </option>
        ))}
      </select>
      {message && (
        <p id="print-quote-problem" className="field-error">
          {message}
        </p>
      )}
      {quotesError && (
        <p role="alert" className="field-error">
          {quotesError}
        </p>
      )}
    </div>
  );
}
