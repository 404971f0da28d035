import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { InquiryDetailDialog } from './InquiryDetailDialog.tsx';
import { InquiryTable } from './InquiryTable.tsx';

interface InquiryListProps {
  clinicId: string;
}

/**
 * One clinic's inquiries, due follow-ups first. Choosing one opens its detail (edit, 状況, history)
 * in a dialog over the clinic view.
 */
export function InquiryList({ clinicId }: InquiryListProps) {
  const listed = useQuery(queries.inquiryList({ clinicId, limit: 100 }));
  const result = listed.data ?? null;
  const error = listed.error ? errorMessageOf(listed.error, '問い合わせを読み込めませんでした。') : null;
  const [openId, setOpenId] = useState<string | null>(null);
  const today = useMemo(() => tokyoToday(), []);

  return (
    <div className="inquiry-list">
      {error && (
        <p role="alert" className="message message-error">
          {error}
        </p>
      )}
      {result === null && !error && <p className="text-muted">読み込み中…</p>}
      {result && result.items.length === 0 && <p className="empty-state">この医療機関の問い合わせはまだありません。</p>}
      {result && result.items.length > 0 && (
        <>
          <p className="result-count">
            問い合わせ：<strong>{formatCount(result.total)}</strong>
            {result.total > result.items.length && `（うち${formatCount(result.items.length)}を表示しています）`}
          </p>
          <InquiryTable caption="この医療機関の問い合わせ" items={result.items} today={today} onOpen={(i) => setOpenId(i.id)} />
        </>
      )}
      {openId && <InquiryDetailDialog inquiryId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
