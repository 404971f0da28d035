import { useEffect, useRef, useState } from 'react';
import { InquiryDetailDialog } from '../Inquiries/InquiryDetailDialog.tsx';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import type { SavedQuoteConfirmation } from '../../stores/quoteStore.ts';
import { QuoteFigures } from './QuoteFigures.tsx';

/** The quote as the main process stored it: a snapshot that a later table change never alters. */
export function SavedQuoteSummary({ saved, onDismiss }: { saved: SavedQuoteConfirmation; onDismiss(): void }) {
  const style = useDateStyle();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [saved]);
  const { inquiry, quote } = saved;
  const [inquiryOpen, setInquiryOpen] = useState(false);
  return (
    <section className="message message-success saved-quote" aria-labelledby="saved-quote-title">
      <h2 id="saved-quote-title" ref={headingRef} tabIndex={-1} className="saved-quote-title">
        受付番号 {inquiry.receiptNumber} に試算を保存しました
      </h2>
      <dl className="info-list saved-quote-facts">
        <dt>医療機関</dt>
        <dd>{inquiry.clinicName}</dd>
        <dt>受付番号</dt>
        <dd>
          {inquiry.receiptNumber}
          {saved.newInquiry && '（新しく登録した問い合わせ）'}
        </dd>
        <dt>保存日時</dt>
        <dd>
          {formatDateTime(quote.createdAt, style)}
          {quote.staffName && `（担当：${quote.staffName}）`}
        </dd>
      </dl>
      <QuoteFigures quote={quote.snapshot} compact />
      <p className="saved-quote-note">保存した試算は、この時点の金額・条件・保険料表のまま記録されます。</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => setInquiryOpen(true)}>
          問い合わせ {inquiry.receiptNumber} を開く
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          閉じる
        </button>
      </div>
      {inquiryOpen && <InquiryDetailDialog inquiryId={inquiry.id} onClose={() => setInquiryOpen(false)} />}
    </section>
  );
}
