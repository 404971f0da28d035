import { useEffect, useMemo, useState } from 'react';
import type { Inquiry } from '../../../../shared/domain/inquiry.ts';
import { tokyoToday } from '../../../../shared/time/tokyoDate.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { useInquiriesStore } from '../../stores/inquiriesStore.ts';
import { InquiryDetailDialog } from './InquiryDetailDialog.tsx';
import { InquiryTable } from './InquiryTable.tsx';

interface InquiryListProps {
  clinicId: string;
  /** Change it (e.g. after registering an inquiry) to read the list again. */
  refreshKey?: number;
}

/**
 * One clinic's inquiries, due follow-ups first. Choosing one opens its detail (edit, 状況, history)
 * in a dialog over the clinic view.
 */
export function InquiryList({ clinicId, refreshKey = 0 }: InquiryListProps) {
  const listForClinic = useInquiriesStore((s) => s.listForClinic);
  const revision = useInquiriesStore((s) => s.revision);
  const [result, setResult] = useState<{ items: Inquiry[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const today = useMemo(() => tokyoToday(), []);

  useEffect(() => {
    let live = true;
    listForClinic(clinicId).then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessageOf(e, '問い合わせを読み込めませんでした。')),
    );
    return () => {
      live = false;
    };
  }, [listForClinic, clinicId, refreshKey, revision]);

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
          <InquiryTable caption="この医療機関の問い合わせ" items={result.items} today={today} compact onOpen={(i) => setOpenId(i.id)} />
        </>
      )}
      {openId && <InquiryDetailDialog inquiryId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
