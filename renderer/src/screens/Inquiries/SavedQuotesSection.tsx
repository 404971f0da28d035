import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatDateTime, useDateStyle } from '../../format/formatDate.ts';
import { queries } from '../../query/queries.ts';
import { QuoteFigures } from '../Quote/QuoteFigures.tsx';

/** 保存した試算 on an inquiry: each as it was shown, whatever the rate table says today. */
export function SavedQuotesSection({ inquiryId }: { inquiryId: string }) {
  const headingId = useId();
  const saved = useQuery(queries.quotes(inquiryId));
  const items = saved.data ?? [];
  const error = saved.error ? errorMessageOf(saved.error, '保存した試算を読み込めませんでした。') : null;
  const style = useDateStyle();

  if (items.length === 0 && !error) return null;
  return (
    <section aria-labelledby={headingId} className="detail-section">
      <h3 id={headingId} className="section-title">
        保存した試算
      </h3>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {items.map((quote) => (
        <div key={quote.id} className="saved-quote-entry">
          <p className="text-muted">
            {formatDateTime(quote.createdAt, style)}
            {quote.staffName && `（担当：${quote.staffName}）`}
          </p>
          <QuoteFigures quote={quote.snapshot} compact />
        </div>
      ))}
    </section>
  );
}
