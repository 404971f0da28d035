import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { errorMessageOf } from '../../api/ApiError.ts';
import { formatNumber } from '../../format/formatNumber.ts';
import { queries } from '../../query/queries.ts';
import { clinicListLimit, useClinicsStore } from '../../stores/clinicsStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';
import { ClinicRow, ClinicRowHeader } from './ClinicRow.tsx';
import { clinicListEmptyText, clinicListFilterText } from './clinicListText.ts';
import '../../styles/clinicList.css';

const switchQuestion = '入力した内容は保存されていません。保存せずに別の医療機関を開きますか？';
// A row of one line; rows measure themselves, this only places those not yet drawn.
const estimatedRowPx = 52;
// The next page is read this many rows before the end of those read, so scrolling rarely waits.
const readAheadRows = 30;

/**
 * The count line and the list of the current search. Only the rows in view are drawn (3,000
 * clinics scroll as smoothly as 30), and the next page is read as the list nears its end.
 * Choosing a row opens it.
 */
export function ClinicResults() {
  const searched = useClinicsStore((s) => s.searched);
  const includeArchived = useClinicsStore((s) => s.includeArchived);
  const kind = useClinicsStore((s) => s.kind);
  const municipality = useClinicsStore((s) => s.municipality);
  const openId = useClinicsStore((s) => s.openId);
  const open = useClinicsStore((s) => s.open);
  const confirmDiscard = useUiStore((s) => s.confirmDiscard);
  const input = { query: searched, limit: clinicListLimit, includeArchived, ...(kind ? { kind } : {}), ...(municipality ? { municipality } : {}) };
  // The list on screen stays while the next search runs, so typing does not make it flicker.
  const found = useInfiniteQuery({ ...queries.clinicList(input), placeholderData: keepPreviousData });
  const pages = found.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The renderer is not built with React Compiler, so nothing memoises the virtualizer's
  // functions: they are read afresh on every render, which is what this rule guards.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowPx,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const lastDrawn = rows.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = found;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastDrawn >= items.length - readAheadRows) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, lastDrawn, items.length]);

  // Another search starts at its top.
  const searchKey = JSON.stringify(input);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [searchKey]);

  const error = found.error ? errorMessageOf(found.error, '医療機関を検索できませんでした。') : null;
  if (error) {
    return (
      <p role="alert" className="message message-error">
        {error}
      </p>
    );
  }
  const first = pages[0];
  if (!first) return <p className="result-count">{found.isFetching ? '検索しています…' : ''}</p>;

  const choose = async (id: string) => {
    if (id === openId || !(await confirmDiscard(switchQuestion))) return;
    open(id);
  };
  const { total, capped, query } = first;
  // Nothing typed: the whole register, counted exactly. Words typed: counted up to 1,000.
  const countText = !query ? `全${formatNumber(total)}件` : capped ? `${formatNumber(total)}件以上` : `${formatNumber(total)}件`;

  return (
    <>
      <p className="result-count" aria-live="polite">
        {query ? `「${query}」の検索結果：` : '新しく登録・更新した順：'}
        <strong>{countText}</strong>
        {clinicListFilterText({ kind, municipality, includeArchived })}
      </p>
      {items.length === 0 ? (
        <p className="empty-state">{clinicListEmptyText({ query, kind, municipality })}</p>
      ) : (
        // An ARIA table of rows drawn only while in view; aria-rowcount says how many there are.
        <div role="table" aria-label="医療機関の一覧" aria-rowcount={capped ? -1 : total + 1} className="clinic-list">
          <div ref={scrollRef} className="clinic-list-scroll" data-clinic-list>
            <div role="rowgroup" className="clinic-list-head">
              <ClinicRowHeader />
            </div>
            <div role="rowgroup" className="clinic-list-body" style={{ height: virtualizer.getTotalSize() }}>
              {rows.map((row) => {
                const clinic = items[row.index]!;
                return (
                  <ClinicRow
                    key={row.key}
                    ref={virtualizer.measureElement}
                    index={row.index}
                    top={row.start}
                    clinic={clinic}
                    selected={clinic.id === openId}
                    onChoose={(id) => void choose(id)}
                  />
                );
              })}
            </div>
          </div>
          {isFetchingNextPage && <p className="clinic-list-more">続きを読み込んでいます…</p>}
        </div>
      )}
    </>
  );
}
