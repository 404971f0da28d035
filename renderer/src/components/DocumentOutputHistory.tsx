import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { documentSetLabel } from '../../../shared/documents/documentKinds.ts';
import { documentOutputActionLabels, sentByLabels } from '../../../shared/documents/documentOutput.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { formatDateTime, useDateStyle } from '../format/formatDate.ts';
import { formatCount } from '../format/formatNumber.ts';
import { queries } from '../query/queries.ts';
import { SentOutputViewer } from './SentOutputViewer.tsx';
import { TrailExportButtons } from './TrailExportButtons.tsx';
import '../styles/records.css';

type DocumentOutputHistoryProps = { clinicId: string; inquiryId?: never } | { inquiryId: string; clinicId?: never };

/**
 * 送付・印刷の記録: every document set saved or printed for a clinic (or from an inquiry), newest
 * first, read again whenever it is shown and whenever the core records another.
 */
export function DocumentOutputHistory({ clinicId, inquiryId }: DocumentOutputHistoryProps) {
  const headingId = useId();
  const style = useDateStyle();
  const history = useQuery(queries.documentHistory(clinicId ? { clinicId } : { inquiryId: inquiryId ?? '' }));
  const items = history.data ?? null;
  const error = history.error ? errorMessageOf(history.error, '送付・印刷の記録を読み込めませんでした。') : null;

  return (
    <section className="output-history" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        送付・印刷の記録
      </h3>
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {items === null && !error && <p className="text-muted">読み込み中…</p>}
      {items?.length === 0 && <p className="empty-state">まだ記録はありません。</p>}
      {items && items.length > 0 && (
        <ul className="output-history-list">
          {items.map((item) => (
            <li key={item.id} className="output-history-item">
              <span className="output-history-when">{formatDateTime(item.createdAt, style)}</span>
              <span className="output-history-what">{documentSetLabel(item.documents)}</span>
              <span className="output-history-meta">
                <span className="output-history-action">{documentOutputActionLabels[item.action]}</span>
                <span>担当：{item.staffName ?? '未設定'}</span>
                {item.receiptNumber && <span>受付番号 {item.receiptNumber}</span>}
                {item.batchSize > 1 && <span>一括 {formatCount(item.batchSize)}</span>}
                {item.sentBy && (
                  <span>
                    送付方法：{sentByLabels[item.sentBy]}
                    {item.faxNumber && (
                      <>
                        （<span className="tel">{item.faxNumber}</span>）
                      </>
                    )}
                  </span>
                )}
              </span>
              <SentOutputViewer output={item} />
            </li>
          ))}
        </ul>
      )}
      {items && items.length > 0 && <TrailExportButtons subject={clinicId ? { clinicId } : { inquiryId: inquiryId ?? '' }} />}
    </section>
  );
}
