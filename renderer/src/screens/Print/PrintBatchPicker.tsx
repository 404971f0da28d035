import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { limits } from '../../../../shared/contract/limits.ts';
import { clinicKindLabels } from '../../../../shared/domain/clinic.ts';
import { isComposing } from '../../components/ModalDialog.tsx';
import { useTypeAhead } from '../../components/useTypeAhead.ts';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatCount } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { batchListLimit, usePrintBatchStore } from '../../stores/printBatchStore.ts';
import { BatchSelectionLine } from './BatchSelectionLine.tsx';
import { MailingFilters } from './MailingFilters.tsx';
import { NoMailingBadge } from './NoMailingBadge.tsx';

/**
 * 一括作成: the clinics of a mailing, narrowed down by the filters and as the clerk types (never
 * while the IME is converting), ticked one by one or all the matches at once. The count is the
 * core's, before anything is made; 送付不要 clinics are shown and counted, and left out when made.
 */
export function PrintBatchPicker() {
  const searched = usePrintBatchStore((s) => s.searched);
  const filters = usePrintBatchStore((s) => s.filters);
  const found = useQuery({
    ...queries.mailingRecipients({ query: searched, ...filters, limit: batchListLimit }),
    placeholderData: keepPreviousData,
  });
  const matches = found.data ?? null;
  const searchError = found.error ? errorMessageOf(found.error, '医療機関を検索できませんでした。') : null;
  const selectedIds = usePrintBatchStore((s) => s.selectedIds);
  const selectingAll = usePrintBatchStore((s) => s.selectingAll);
  const selectMessage = usePrintBatchStore((s) => s.selectMessage);
  const search = usePrintBatchStore((s) => s.search);
  const toggle = usePrintBatchStore((s) => s.toggle);
  const selectAllMatching = usePrintBatchStore((s) => s.selectAllMatching);
  const clearSelection = usePrintBatchStore((s) => s.clearSelection);
  const [query, setQuery] = useState(searched);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const typeAhead = useTypeAhead(search);

  const items = matches?.items ?? [];
  return (
    <div className="print-batch">
      <MailingFilters />
      <div className="print-field">
        <label htmlFor="print-batch-query" className="print-label">
          医療機関を絞り込む
        </label>
        <p id="print-batch-query-hint" className="field-hint">
          名前・ふりがな・電話番号の一部で絞り込めます。空欄ならすべての医療機関です。
        </p>
        <input
          id="print-batch-query"
          type="search"
          autoComplete="off"
          maxLength={limits.maxQueryChars}
          aria-describedby="print-batch-query-hint"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            typeAhead.typed(e);
          }}
          {...typeAhead.compositionHandlers}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || isComposing(e)) return;
            e.preventDefault();
            typeAhead.runNow(query);
          }}
        />
      </div>
      {searchError && (
        <p role="alert" className="field-error">
          {searchError}
        </p>
      )}
      <p className="print-batch-count" aria-live="polite">
        {matches &&
          (matches.total === 0
            ? '該当する医療機関はありません。'
            : `該当 ${formatCount(matches.total)}` +
              (matches.total > items.length ? `（最初の${formatCount(items.length)}を表示）` : '') +
              (matches.noMailing > 0 ? `。うち送付不要の${formatCount(matches.noMailing)}は作成時に除きます。` : ''))}
      </p>
      <div className="print-batch-actions">
        <button
          type="button"
          className="button"
          disabled={selectingAll || matches?.total === 0}
          onClick={() => {
            typeAhead.runNow(query);
            void selectAllMatching(query);
          }}
        >
          該当する全件を選ぶ
        </button>
        <button type="button" className="button" disabled={selectedIds.length === 0} onClick={clearSelection}>
          選択を解除
        </button>
      </div>
      <p role="status" className={selectMessage ? 'print-batch-message' : 'message-empty'}>
        {selectMessage}
      </p>
      {items.length > 0 && (
        <ul className="print-batch-list" aria-label="該当する医療機関">
          {items.map((clinic) => {
            const meta = [clinic.postalCode && `〒${clinic.postalCode}`, clinicKindLabels[clinic.kind], clinic.municipality, clinic.fax ? `FAX ${clinic.fax}` : 'FAXなし'].filter(
              Boolean,
            );
            return (
              <li key={clinic.id}>
                <label className="print-batch-item">
                  <input
                    type="checkbox"
                    checked={selected.has(clinic.id)}
                    aria-labelledby={`print-batch-name-${clinic.id}`}
                    aria-describedby={`print-batch-meta-${clinic.id}`}
                    onChange={(e) => toggle(clinic.id, e.target.checked)}
                  />
                  <span className="print-batch-text">
                    <span id={`print-batch-name-${clinic.id}`} className="print-batch-name">
                      {clinic.name}
                    </span>
                    <span id={`print-batch-meta-${clinic.id}`} className="print-batch-meta">
                      {clinic.noMailing && <NoMailingBadge reason={clinic.noMailingReason} />}
                      {meta.map((part) => (
                        <span key={part}>{part}</span>
                      ))}
                    </span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <BatchSelectionLine />
    </div>
  );
}
