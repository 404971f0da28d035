import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isSpecimenFlyer } from '../../../../shared/documents/flyer.ts';
import type { Inquiry } from '../../../../shared/domain/inquiry.ts';
import type { SavedQuote } from '../../../../shared/quote/savedQuote.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { queries } from '../../query/queries.ts';
import { useContent } from '../../query/useSharedReads.ts';
import { usePrintBatchStore } from '../../stores/printBatchStore.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import type { PrintRequestView } from './printRequest.ts';

/** The chosen clinic's open inquiries, to pick the one the documents are about. */
export function useClinicInquiries(clinicId: string | null): { inquiries: Inquiry[] | null; error: string | null } {
  const listed = useQuery({ ...queries.inquiryList({ clinicId: clinicId ?? '', limit: 100 }), enabled: clinicId !== null });
  const inquiries = useMemo(() => listed.data?.items.filter((i) => i.archivedAt === null) ?? null, [listed.data]);
  return { inquiries, error: listed.error ? errorMessageOf(listed.error, '問い合わせの一覧を読み込めませんでした。') : null };
}

/** The chosen inquiry's saved quotes, newest first (null while not read). */
export function useInquiryQuotes(inquiryId: string): { quotes: SavedQuote[] | null; error: string | null } {
  const listed = useQuery({ ...queries.quotes(inquiryId), enabled: inquiryId !== '' });
  const quotes = useMemo(() => (listed.data ? [...listed.data].reverse() : null), [listed.data]);
  return { quotes, error: listed.error ? errorMessageOf(listed.error, '保存した試算を読み込めませんでした。') : null };
}

/** Everything 「PDFを作成」 depends on: the choices and what they need from the core. */
export function usePrintRequestView(): PrintRequestView {
  const documents = usePrintChoicesStore((s) => s.documents);
  const recipient = usePrintChoicesStore((s) => s.recipient);
  const clinic = usePrintChoicesStore((s) => s.clinic);
  const inquiryId = usePrintChoicesStore((s) => s.inquiryId);
  const quoteId = usePrintChoicesStore((s) => s.quoteId);
  const cover = usePrintChoicesStore((s) => s.cover);
  const output = usePrintChoicesStore((s) => s.output);
  const batchIds = usePrintBatchStore((s) => s.selectedIds);
  const batchSentBy = usePrintBatchStore((s) => s.sentBy);
  const { quotes, error: quotesError } = useInquiryQuotes(recipient === 'one' ? inquiryId : '');
  const { pack, rates, insurerFlyer, importantMatters } = useContent();
  return {
    choices: { documents, recipient, clinic, inquiryId, quoteId, cover, output },
    batchIds,
    batchSentBy,
    quotes,
    quotesError,
    pack,
    flyerIsSpecimen: rates !== null && !insurerFlyer && isSpecimenFlyer(rates),
    importantMattersAvailable: importantMatters !== null,
  };
}
